//! The wizard shell: progress, errors, the current step, and Back / Continue.

use super::dom::{focus_later, mark, set_title};
use super::error_summary::ErrorSummary;
use super::progress::Progress;
use super::result::ResultView;
use super::state::WizardState;
use super::steps::{
    ContactsStep, CsrStep, DomainStep, OrganisationStep, ProductStep, ReviewStep, ValidationStep,
};
use super::submit::submit;
use crate::config::Config;
use crate::draft_store::SavedState;
use crate::i18n::labels::step_title;
use crate::i18n::t;
use crate::order::{self, Catalogue, PublicSuffixList, Step};

/// Where the build puts the ICANN section of the Public Suffix List.
const SUFFIX_LIST: &str = "data/public-suffix-icann.dat";
use leptos::prelude::*;

/// The whole order form, for one provider's catalogue.
#[component]
pub fn Wizard(
    config: Config,
    catalogue: Catalogue,
    /// What a previous visit left, to carry on where it stopped.
    #[prop(optional)]
    saved: Option<SavedState>,
    /// Continue was pressed on the first module's first step: do it here once drawn, so the
    /// step, its history entry and its focus follow as for any Continue.
    #[prop(optional)]
    continued: bool,
) -> impl IntoView {
    let wizard = WizardState::new(config, catalogue, saved);
    provide_context(wizard);
    super::history::follow(wizard);
    super::leaving::follow_pointer(wizard);
    super::frame::follow(wizard);

    // Keep what was typed: saved whenever the draft, the step or the purchase changes.
    Effect::new(move |_| {
        wizard.draft.track();
        wizard.step.track();
        wizard.submission.track_purchase();
        wizard.save();
    });
    // The step is in the page title, and focus moves to the new step's heading.
    Effect::new(move |previous: Option<Step>| {
        let step = wizard.step.get();
        wizard.env.locale.track();
        let placed = wizard.submission.placed();
        set_title(if placed {
            t().submit.application_sent
        } else {
            step_title(step, t())
        });
        if previous.is_some_and(|p| p != step) && !wizard.checked.get_untracked() {
            focus_later("step-heading".into());
        }
        step
    });
    Effect::new(move |_| mark("ssl-order:interactive"));
    if continued {
        // After the effects above have seen the first step (effects run in order).
        // Untracked: it runs once, not again whenever what Continue reads changes.
        Effect::new(move |_| untrack(|| wizard.continue_from(Step::Product)));
    }
    // A pasted CSR's own signature is checked by the browser once it reads; the verdict
    // joins the errors through `WizardState::csr_verdict`.
    let csr_text = Memo::new(move |_| wizard.draft.with(|d| d.csr.clone()));
    Effect::new(move |_| {
        let checked = csr_text.with(|text| crate::csr::check(text, usize::MAX));
        let Some((key, check)) = checked.ok().and_then(|csr| {
            crate::csr::verification(&csr).map(|check| (csr.signed.signature, check))
        }) else {
            return;
        };
        leptos::task::spawn_local(async move {
            if let Some(ok) = super::signature::verify(&check).await {
                wizard.csr_verdict.try_set(Some((key, ok)));
            }
        });
    });
    // The Public Suffix List is data (22 KB brotli), fetched once the first step is usable:
    // until it arrives, names are checked by shape and validation re-runs when it does.
    leptos::task::spawn_local(async move {
        if let Ok(text) = crate::transport::fetch_text(SUFFIX_LIST).await {
            wizard
                .env
                .suffixes
                .try_set(Some(PublicSuffixList::parse(&text)));
        }
    });

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match wizard.step.get_untracked() {
            Step::Review => submit(wizard),
            step => wizard.continue_from(step),
        }
    };
    let step_view = move || {
        // A step asks what the configured API needs: another API (an init message's) draws
        // it again. Read, not just tracked: a Memo never read follows nothing.
        wizard.env.api.get();
        match wizard.step.get() {
            Step::Product => view! { <ProductStep/> }.into_any(),
            Step::Domain => view! { <DomainStep/> }.into_any(),
            Step::Csr => view! { <CsrStep/> }.into_any(),
            Step::Validation => view! { <ValidationStep/> }.into_any(),
            Step::Contacts => view! { <ContactsStep/> }.into_any(),
            Step::Organisation => view! { <OrganisationStep/> }.into_any(),
            Step::Review => view! { <ReviewStep/> }.into_any(),
        }
    };
    let has_previous = move || order::previous(&wizard.steps(), wizard.step.get()).is_some();
    let start_over = move |_| {
        // Forgetting the order while a request is under way would lose what it returns.
        if wizard.submission.in_flight() {
            return;
        }
        let pending = wizard.submission.purchase_untracked();
        let confirmed = match pending {
            Some(p) => window()
                .confirm_with_message(&(t().flow.confirm_start_over_paid)(&p.cert_id))
                .unwrap_or(false),
            None => true,
        };
        if confirmed {
            wizard.start_over();
        }
    };
    // A new language (from the host's init message) draws the form again; the answers,
    // the step and the order live in `wizard` and are kept. Another catalogue does not:
    // what shows products, steps or errors follows `Environment::catalogue` itself.
    move || {
        wizard.env.locale.track();
        if wizard.submission.placed() {
            view! { <main class="wizard" id="main"><ResultView/></main> }.into_any()
        } else {
            view! {
                <main class="wizard" id="main">
                    <Progress/>
                    {move || has_previous().then(|| view! {
                        <button type="button" class="link-button back-link"
                            on:click=move |_| wizard.back_from(wizard.step.get_untracked())>{t().flow.back}</button>
                    })}
                    <ErrorSummary/>
                    <form class="step" novalidate on:submit=on_submit>
                        {step_view}
                        {move || (wizard.step.get() != Step::Review).then(|| view! {
                            <button type="submit" class="button">{t().start.continue_button}</button>
                        })}
                    </form>
                    <p class="start-over">
                        <button type="button" class="link-button" on:click=start_over>{t().flow.start_over}</button>
                    </p>
                </main>
            }
            .into_any()
        }
    }
}
