//! The wizard's shared state, handed to every component through context.

use super::submission::Submission;
use crate::config::Config;
use crate::draft_store::{self, SavedState};
use crate::i18n::problems::field_problem_words;
use crate::i18n::Locale;
use crate::order::{
    self, steps_for, validate_with, Catalogue, Day, Field, FieldErrors, FieldProblem, OrderDraft,
    Product, PublicSuffixList, Rules, Step,
};
use leptos::prelude::*;

/// A `Copy` handle on everything the wizard's components read and change.
#[derive(Clone, Copy)]
pub struct WizardState {
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
    pub config: StoredValue<Config>,
    pub catalogue: StoredValue<Catalogue>,
    /// The browser's verdict on a CSR's own signature, by the signature's bytes: a CSR that
    /// fails it is refused like any other bad answer.
    pub csr_verdict: RwSignal<Option<(Vec<u8>, bool)>>,
    /// Set while a private key generated on the CSR step has not been downloaded or copied:
    /// leaving the step then asks first, as leaving the page does.
    pub unsaved_key: StoredValue<bool>,
    /// The Public Suffix List, once fetched; validation re-runs when it arrives.
    pub suffixes: RwSignal<Option<PublicSuffixList>>,
    /// Today, read once: the email method's dates are judged against it.
    pub today: Day,
    /// Counts changes of the catalogue (an init message's new provider): the form is
    /// drawn again with the new products.
    pub offer_changed: RwSignal<u32>,
    /// The language of the form; the view, and the errors' words made in it, follow it.
    pub locale: RwSignal<Locale>,
    /// The errors on show, derived once for every field that displays one.
    shown: Memo<FieldErrors>,
}

/// Runs `f` with the rules of the moment (tracking the suffix list).
fn with_rules<T>(
    suffixes: RwSignal<Option<PublicSuffixList>>,
    today: Day,
    config: StoredValue<Config>,
    f: impl FnOnce(&Rules) -> T,
) -> T {
    suffixes.with(|list| {
        let rules = Rules {
            suffixes: list.as_ref(),
            to_ascii: Some(super::dom::to_ascii),
            today,
            provider_api: config.with_value(|c| c.api.is_providers_own()),
        };
        f(&rules)
    })
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
        let saved = saved.unwrap_or_default();
        let known_product = catalogue.find(&saved.draft.product_id).is_some();
        let step = match Step::from_slug(&saved.step) {
            Some(step) if known_product => step,
            _ => Step::Product,
        };
        let submission = Submission::restore(&saved);
        let draft = RwSignal::new(saved.draft);
        let step = RwSignal::new(step);
        let checked = RwSignal::new(false);
        let touched = RwSignal::new(Vec::<Field>::new());
        let catalogue = StoredValue::new(catalogue);
        let config = StoredValue::new(config);
        let suffixes = RwSignal::new(None);
        let csr_verdict = RwSignal::new(None);
        let today = super::dom::today();
        let locale = RwSignal::new(crate::i18n::current());
        // Those of fields changed and left; once Continue was pressed, all of the current
        // step, or of every step on the review page.
        let shown = Memo::new(move |_| {
            let is_checked = checked.get();
            if !is_checked && touched.with(Vec::is_empty) {
                return FieldErrors::new();
            }
            let all = with_rules(suffixes, today, config, |rules| {
                csr_verdict
                    .with(|v| draft.with(|d| catalogue.with_value(|c| errors_of(d, c, rules, v))))
            });
            match (step.get(), is_checked) {
                (Step::Review, true) => all,
                (step, true) => all.on_step(step),
                (step, false) => touched.with(|fields| all.on_step(step).only(fields)),
            }
        });
        WizardState {
            draft,
            step,
            checked,
            touched,
            pointer_down: StoredValue::new(false),
            waiting_touch: StoredValue::new(Vec::new()),
            submission,
            config,
            catalogue,
            csr_verdict,
            unsaved_key: StoredValue::new(false),
            suffixes,
            today,
            locale,
            offer_changed: RwSignal::new(0),
            shown,
        }
    }

    /// Speaks `locale` from now on, drawing the form again in it.
    pub fn set_locale(&self, locale: Locale) {
        super::locale::apply(locale);
        if self.locale.get_untracked() != locale {
            self.locale.set(locale);
        }
    }

    pub fn steps(&self) -> Vec<Step> {
        let draft = self.draft.read();
        self.catalogue
            .with_value(|c| steps_for(c.find(&draft.product_id)))
    }

    /// Runs `f` with the rules of the moment.
    pub fn with_rules<T>(&self, f: impl FnOnce(&Rules) -> T) -> T {
        with_rules(self.suffixes, self.today, self.config, f)
    }

    /// The product chosen, if any (tracked).
    pub fn product(&self) -> Option<Product> {
        let id = self.draft.with(|d| d.product_id.clone());
        self.catalogue.with_value(|c| c.find(&id).cloned())
    }

    /// The draft as an order, or every problem with it.
    pub fn validated(&self) -> Result<order::ValidatedOrder, FieldErrors> {
        let order = self.with_rules(|rules| {
            self.draft
                .with(|d| self.catalogue.with_value(|c| validate_with(d, c, rules)))
        });
        let bad = self
            .csr_verdict
            .with(|v| self.draft.with(|d| bad_signature(d, v)));
        match order {
            Ok(_) if bad => Err(self.all_errors()),
            other => other,
        }
    }

    /// Every problem with the whole draft, as of now.
    pub fn all_errors(&self) -> FieldErrors {
        self.with_rules(|rules| {
            self.csr_verdict.with(|v| {
                self.draft
                    .with(|d| self.catalogue.with_value(|c| errors_of(d, c, rules, v)))
            })
        })
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
        let texts = self.locale.get().texts();
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
        let texts = self.locale.get().texts();
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
        let kind = self.config.with_value(|c| c.storage);
        draft_store::save(kind, &self.snapshot());
    }

    /// Forgets everything typed and starts again at the first step.
    pub fn start_over(&self) {
        let kind = self.config.with_value(|c| c.storage);
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
