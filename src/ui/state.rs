//! The wizard's shared state, handed to every component through context.

use super::environment::Environment;
use super::submission::Submission;
use crate::config::Config;
use crate::draft_store::{self, SavedState};
use crate::i18n::problems::field_problem_words;
use crate::order::{
    self, steps_for, validate_with, Catalogue, Field, FieldErrors, FieldProblem, OrderDraft,
    Product, Rules, Step,
};
use leptos::prelude::*;

/// A `Copy` handle on the order being typed and where the person is, with the submission's
/// state; what the order is made against is in [`Environment`].
#[derive(Clone, Copy)]
pub struct WizardState {
    pub env: Environment,
    pub draft: RwSignal<OrderDraft>,
    pub step: RwSignal<Step>,
    /// Set once Continue was pressed on the current step: errors show and update as typed.
    pub checked: RwSignal<bool>,
    /// Fields changed and left (the `change` event): their own errors show beside them
    /// before Continue is pressed.
    pub touched: RwSignal<Vec<Field>>,
    /// See [`super::leaving`]: whether a pointer is pressed, and the fields left meanwhile.
    pub pointer_down: StoredValue<bool>,
    pub waiting_touch: StoredValue<Vec<Field>>,
    /// The submission: what was bought, what is in doubt, the key, what is in flight.
    pub submission: Submission,
    /// The browser's verdict on a CSR's own signature, by the signature's bytes: a CSR that
    /// fails it is refused like any other bad answer.
    pub csr_verdict: RwSignal<Option<(Vec<u8>, bool)>>,
    /// The order server's refusal of answers (`invalid_order`): the draft it refused and the
    /// problems it found. Each shows beside its field like the form's own, until that answer
    /// changes or the order is submitted again.
    pub refused: RwSignal<Option<(OrderDraft, FieldErrors)>>,
    /// Set while a private key generated on the CSR step has not been downloaded or copied:
    /// leaving the step then asks first, as leaving the page does.
    pub unsaved_key: StoredValue<bool>,
    /// The product chosen, if any: it changes when the choice or the catalogue does, not
    /// with every keystroke. The steps are read from it.
    product: Memo<Option<Product>>,
    /// The errors on show, derived once for every field that displays one.
    shown: Memo<FieldErrors>,
    /// The order server's problems of answers not changed since it refused them.
    standing: Memo<FieldErrors>,
}

/// Whether the browser found the draft's CSR signature bad.
fn bad_signature(draft: &OrderDraft, verdict: &Option<(Vec<u8>, bool)>) -> bool {
    // No CSR is sent when the provider makes the key pair: its verdict does not count.
    if order::CsrSource::of(draft) == Some(order::CsrSource::Provider) {
        return false;
    }
    match verdict {
        Some((signature, false)) => crate::csr::check(&draft.csr, usize::MAX)
            .is_ok_and(|csr| &csr.signed.signature == signature),
        _ => false,
    }
}

fn errors_of(
    draft: &OrderDraft,
    catalogue: &Catalogue,
    rules: &Rules,
    verdict: &Option<(Vec<u8>, bool)>,
) -> FieldErrors {
    let mut errors = validate_with(draft, catalogue, rules)
        .err()
        .unwrap_or_default();
    if bad_signature(draft, verdict) && errors.for_field(Field::Csr).is_none() {
        errors.push(
            Field::Csr,
            FieldProblem::Csr(crate::csr::CsrError::BadSignature),
        );
        errors.sort_by_page_order();
    }
    errors
}

impl WizardState {
    pub fn new(config: Config, catalogue: Catalogue, saved: Option<SavedState>) -> WizardState {
        let env = Environment::new(
            config,
            catalogue,
            crate::i18n::current(),
            super::dom::today(),
        );
        WizardState::within(env, saved)
    }

    /// The wizard for `saved` (or a new order) in `env`.
    pub fn within(env: Environment, saved: Option<SavedState>) -> WizardState {
        let saved = saved.unwrap_or_default();
        let known_product = env
            .catalogue
            .with_untracked(|c| c.find(&saved.draft.product_id).is_some());
        let step = match Step::from_slug(&saved.step) {
            Some(step) if known_product => step,
            _ => Step::Product,
        };
        let submission = Submission::restore(&saved);
        let draft = RwSignal::new(saved.draft);
        let step = RwSignal::new(step);
        let checked = RwSignal::new(false);
        let touched = RwSignal::new(Vec::<Field>::new());
        let csr_verdict = RwSignal::new(None);
        let refused = RwSignal::new(None::<(OrderDraft, FieldErrors)>);
        let standing = Memo::new(move |_| {
            refused.with(|r| match r {
                Some((then, problems)) => draft.with(|now| problems.still_standing(then, now)),
                None => FieldErrors::new(),
            })
        });
        let product_id = Memo::new(move |_| draft.with(|d| d.product_id.clone()));
        let product =
            Memo::new(move |_| product_id.with(|id| env.catalogue.with(|c| c.find(id).cloned())));
        // Those of fields changed and left; once Continue was pressed, all of the current
        // step, or of every step on the review page. The order server's problems show
        // whatever was pressed, as they answer the submission.
        let shown = Memo::new(move |_| {
            let is_checked = checked.get();
            let step = step.get();
            let on_show = standing.with(|s| match step {
                Step::Review => s.clone(),
                step => s.on_step(step),
            });
            if !is_checked && touched.with(Vec::is_empty) {
                return on_show;
            }
            let all = env.with_rules(|rules| {
                csr_verdict
                    .with(|v| draft.with(|d| env.catalogue.with(|c| errors_of(d, c, rules, v))))
            });
            let mut local = match (step, is_checked) {
                (Step::Review, true) => all,
                (step, true) => all.on_step(step),
                (step, false) => touched.with(|fields| all.on_step(step).only(fields)),
            };
            if !on_show.is_empty() {
                local.merge(&on_show);
            }
            local
        });
        WizardState {
            env,
            draft,
            step,
            checked,
            touched,
            pointer_down: StoredValue::new(false),
            waiting_touch: StoredValue::new(Vec::new()),
            submission,
            csr_verdict,
            refused,
            unsaved_key: StoredValue::new(false),
            product,
            shown,
            standing,
        }
    }

    /// The steps of the chosen product (tracked: they change with the product only).
    pub fn steps(&self) -> Vec<Step> {
        self.product.with(|p| steps_for(p.as_ref()))
    }

    /// Runs `f` with the rules of the moment.
    pub fn with_rules<T>(&self, f: impl FnOnce(&Rules) -> T) -> T {
        self.env.with_rules(f)
    }

    /// The product chosen, if any (tracked).
    pub fn product(&self) -> Option<Product> {
        self.product.get()
    }

    /// One part of the draft, as a Memo: what reads it runs again when that part changes,
    /// not on every keystroke in another field.
    pub fn select<T>(&self, part: impl Fn(&OrderDraft) -> T + Send + Sync + 'static) -> Memo<T>
    where
        T: PartialEq + Send + Sync + 'static,
    {
        let draft = self.draft;
        Memo::new(move |_| draft.with(&part))
    }

    /// The draft as an order, or every problem with it.
    pub fn validated(&self) -> Result<order::ValidatedOrder, FieldErrors> {
        let order = self.with_rules(|rules| {
            self.draft
                .with(|d| self.env.catalogue.with(|c| validate_with(d, c, rules)))
        });
        let bad = self
            .csr_verdict
            .with(|v| self.draft.with(|d| bad_signature(d, v)));
        match order {
            Ok(_) if bad => Err(self.all_errors()),
            other => other,
        }
    }

    /// Every problem with the whole draft, as of now, the order server's still standing
    /// included: a step holding one is not complete.
    pub fn all_errors(&self) -> FieldErrors {
        let mut all = self.with_rules(|rules| {
            self.csr_verdict.with(|v| {
                self.draft
                    .with(|d| self.env.catalogue.with(|c| errors_of(d, c, rules, v)))
            })
        });
        self.standing.with(|standing| {
            if !standing.is_empty() {
                all.merge(standing);
            }
        });
        all
    }

    /// The order server refused answers of the draft as it is now: each shows beside its
    /// field, the wizard goes to the step of the first (if this product has it) and the
    /// summary lists them on that step (the caller moves the focus to it).
    pub fn show_refusal(&self, problems: FieldErrors) {
        let first = problems.iter().next().map(|e| Step::of_field(e.field));
        self.refused
            .set(Some((self.draft.get_untracked(), problems)));
        if let Some(step) = first.filter(|s| untrack(|| self.steps()).contains(s)) {
            if step != self.step.get_untracked() {
                self.go_to(step);
            }
        }
        self.checked.set(true);
    }

    /// The errors in the summary at the top (those beside the fields come from
    /// [`Self::shown_errors_for`], which also shows the errors of fields changed and left): only once Continue was pressed, as the
    /// summary is the answer to pressing it.
    pub fn summary_errors(&self) -> FieldErrors {
        if self.checked.get() {
            self.shown.get()
        } else {
            FieldErrors::new()
        }
    }

    /// Marks a field as changed and left: its errors show from now on.
    pub fn touch(&self, field: Field) {
        if !self
            .touched
            .with_untracked(|fields| fields.contains(&field))
        {
            self.touched.update(|fields| fields.push(field));
        }
    }

    /// Every message on show for `field`, `None` when it has none. The problems are data;
    /// their words are made here, in the language of the moment (tracked).
    pub fn shown_errors_for(&self, field: Field) -> Option<Vec<String>> {
        let texts = self.env.locale.get().texts();
        self.shown.with(|errors| {
            let all = errors.all_for(field);
            (!all.is_empty()).then(|| {
                all.into_iter()
                    .map(|problem| field_problem_words(problem, texts))
                    .collect()
            })
        })
    }

    pub fn error_for(&self, field: Field) -> Option<String> {
        let texts = self.env.locale.get().texts();
        self.shown.with(|errors| {
            errors
                .for_field(field)
                .map(|problem| field_problem_words(problem, texts))
        })
    }

    pub fn go_to(&self, step: Step) {
        self.move_to(step);
    }

    /// Shows `step`; returns false when the person chose to stay (an unsaved key).
    pub fn move_to(&self, step: Step) -> bool {
        if self.unsaved_key.get_value()
            && !window()
                .confirm_with_message(crate::i18n::t().csr.leave_warning)
                .unwrap_or(false)
        {
            return false;
        }
        self.unsaved_key.set_value(false);
        self.checked.set(false);
        self.step.set(step);
        true
    }

    /// Continue: move on when the step is complete, else show its errors and focus them.
    pub fn continue_from(&self, step: Step) {
        let errors = self.all_errors().on_step(step);
        if errors.is_empty() {
            if let Some(next) = order::next(&self.steps(), step) {
                self.go_to(next);
            }
        } else {
            self.checked.set(true);
            super::dom::focus_later("error-summary".into());
        }
    }

    pub fn back_from(&self, step: Step) {
        if let Some(previous) = order::previous(&self.steps(), step) {
            self.go_to(previous);
        }
    }

    pub fn snapshot(&self) -> SavedState {
        SavedState {
            step: self.step.get().slug().to_string(),
            draft: self.draft.get(),
            ..self.submission.saved()
        }
    }

    pub fn save(&self) {
        let kind = self.env.config.with_untracked(|c| c.storage);
        draft_store::save(kind, &self.snapshot());
    }

    /// Forgets everything typed and starts again at the first step.
    pub fn start_over(&self) {
        let kind = self.env.config.with_untracked(|c| c.storage);
        draft_store::clear(kind);
        self.draft.set(OrderDraft::default());
        self.submission.start_over();
        self.touched.set(Vec::new());
        self.go_to(Step::Product);
    }
}

pub fn use_wizard() -> WizardState {
    expect_context::<WizardState>()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;
    use crate::order::fixtures;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;

    fn wizard() -> WizardState {
        let config = Config::from_json(
            r#"{"provider":"huawei","endpoint":"sandbox/huawei","storage":"none"}"#,
        )
        .expect("valid config");
        let env = Environment::new(config, fixtures::catalogue(), Locale::En, fixtures::TODAY);
        WizardState::within(env, None)
    }

    /// How many times what `read` tracks made it run: a Memo that reads it, counted.
    fn runs(read: impl Fn() + Send + Sync + 'static) -> impl Fn() -> usize {
        let count = Arc::new(AtomicUsize::new(0));
        let probe = Memo::new({
            let count = Arc::clone(&count);
            move |_| {
                read();
                count.fetch_add(1, Ordering::SeqCst)
            }
        });
        // Reading the Memo brings it up to date: it runs again only if what it read changed.
        move || probe.get_untracked() + 1
    }

    #[test]
    fn a_part_of_the_draft_follows_its_own_changes_only() {
        let owner = Owner::new();
        owner.with(|| {
            let wizard = wizard();
            let domain = wizard.select(|d| d.domain.clone());
            let reads = runs(move || {
                domain.get();
            });
            assert_eq!(reads(), 1);
            wizard
                .draft
                .update(|d| d.other_names = "a.example.com".into());
            assert_eq!(reads(), 1, "another field's keystroke");
            wizard
                .draft
                .update(|d| d.domain = "shop.example.com".into());
            assert_eq!(reads(), 2);
            assert_eq!(domain.get_untracked(), "shop.example.com");
        });
    }

    #[test]
    fn the_steps_follow_the_product_and_the_catalogue_not_the_other_answers() {
        let owner = Owner::new();
        owner.with(|| {
            let wizard = wizard();
            let reads = runs(move || {
                wizard.steps();
            });
            assert_eq!(reads(), 1);
            wizard
                .draft
                .update(|d| d.domain = "shop.example.com".into());
            assert_eq!(reads(), 1, "a keystroke in a field");

            let ov = wizard.env.catalogue.with_untracked(|c| {
                c.products
                    .iter()
                    .find(|p| p.level.needs_organisation())
                    .map(|p| p.id.clone())
                    .expect("an OV product")
            });
            wizard.draft.update(|d| d.product_id = ov.clone());
            assert_eq!(reads(), 2);
            assert!(wizard.steps().contains(&Step::Organisation));
            assert_eq!(wizard.product().map(|p| p.id), Some(ov));

            // Another provider's products, without the one chosen: no product, fewer steps.
            let gogetssl = fixtures::catalogues().swap_remove(1);
            wizard.env.catalogue.set(gogetssl);
            assert_eq!(reads(), 3);
            assert_eq!(wizard.product(), None);
            assert!(!wizard.steps().contains(&Step::Organisation));
        });
    }

    #[test]
    fn the_order_servers_problems_show_beside_their_fields_until_changed() {
        use crate::order::{NameError, OrgPart};
        let owner = Owner::new();
        owner.with(|| {
            let wizard = wizard();
            let product = wizard
                .env
                .catalogue
                .with_untracked(|c| c.products[0].id.clone());
            wizard.draft.update(|d| {
                d.product_id = product;
                d.domain = "shop.example.com".into();
            });
            wizard.step.set(Step::Review);
            let problem = FieldProblem::Name(NameError::Empty);
            let mut problems = FieldErrors::new();
            problems.push(Field::Domain, problem.clone());
            // Of a step this product does not have: listed on the review page only.
            problems.push(Field::Org(OrgPart::City), FieldProblem::AgreePrivacy);
            wizard.show_refusal(problems);
            // The wizard is at the first problem's step, its summary on show.
            assert_eq!(wizard.step.get_untracked(), Step::of_field(Field::Domain));
            let words = field_problem_words(&problem, Locale::En.texts());
            assert_eq!(
                wizard.shown_errors_for(Field::Domain),
                Some(vec![words.clone()])
            );
            assert_eq!(wizard.error_for(Field::Domain), Some(words));
            let summary: Vec<Field> = wizard.summary_errors().iter().map(|e| e.field).collect();
            assert_eq!(summary, [Field::Domain]);
            // Continue does not pass it while it stands.
            let step = wizard.step.get_untracked();
            assert!(!wizard.all_errors().on_step(step).is_empty());
            // Still there after going elsewhere and back, without pressing anything.
            wizard.go_to(Step::Product);
            wizard.go_to(step);
            assert!(wizard.shown_errors_for(Field::Domain).is_some());
            // Changed: gone, beside the field and from the step.
            wizard.draft.update(|d| d.domain = "www.example.com".into());
            assert_eq!(wizard.shown_errors_for(Field::Domain), None);
            assert!(wizard.all_errors().on_step(step).is_empty());
            // Submitting again forgets a refusal altogether.
            wizard.show_refusal({
                let mut again = FieldErrors::new();
                again.push(Field::Domain, problem.clone());
                again
            });
            assert!(wizard.shown_errors_for(Field::Domain).is_some());
            wizard.refused.set(None);
            assert_eq!(wizard.shown_errors_for(Field::Domain), None);
        });
    }
}
