//! Carries out the submission: asks the machine (`ssl_order_core::submission`) what to do,
//! sends the request, feeds the outcome back, and saves what it says after every step.
//! The rules (never order twice, what is retried, what is in doubt) live in the machine.

use super::dom::focus_later;
use super::state::WizardState;
use crate::config::Config;
use crate::order::{OrderDraft, Step, ValidatedOrder};
use crate::providers::requests::SendOptions;
use crate::providers::{Api, Endpoint, Message, ProviderError};
use crate::transport::{self, TransportError};
use leptos::prelude::*;
use leptos::task::spawn_local;
use ssl_order_core::submission::{Action, Failure, Lost, Outcome, Send, Setting};

/// The id of the review page's "nothing was bought" confirmation.
pub const DOUBT_CHECKBOX: &str = "confirm-no-purchase";

/// What one submission sends with, fixed when it starts.
struct Job {
    api: Api,
    order: ValidatedOrder,
    endpoint: Endpoint,
    options: SendOptions,
    timeout_ms: u32,
}

impl Job {
    fn setting(&self) -> Setting<'_> {
        Setting {
            api: self.api,
            order: &self.order,
            endpoint: &self.endpoint,
            options: &self.options,
        }
    }
}

/// Submits the order once: a second call while one is under way does nothing.
pub fn submit(wizard: WizardState) {
    // Checked, and the first request begun, synchronously, before any await, so a double
    // click cannot slip through.
    if wizard.submission.in_flight() {
        return;
    }
    // Submitting again answers the order server's last refusal: its problems go.
    wizard.refused.set(None);
    let order = match untrack(|| wizard.validated()) {
        Ok(order) => order,
        Err(_) => {
            wizard.checked.set(true);
            focus_later("error-summary".into());
            return;
        }
    };
    let config = wizard.env.config.get_untracked();
    let job = Job {
        api: config.api,
        order,
        endpoint: send_endpoint(&config),
        options: send_options(&config),
        timeout_ms: config.timeout_ms,
    };
    if let Some(send) = next(wizard, &job) {
        spawn_local(carry_out(wizard, job, send));
    }
}

/// Asks the machine for the next action: begins a send and returns it, or ends the
/// submission as the machine says.
fn next(wizard: WizardState, job: &Job) -> Option<Send> {
    match wizard.submission.plan(&job.setting()) {
        Action::Send(send) => {
            wizard.submission.begin(&send);
            // Written before it goes: if no answer ever arrives, the next attempt knows.
            wizard.save();
            Some(send)
        }
        Action::Stop(failure) => {
            fail(wizard, failure);
            None
        }
        Action::Done => {
            finish(wizard);
            None
        }
        Action::Wait => None,
    }
}

async fn carry_out(wizard: WizardState, job: Job, mut send: Send) {
    loop {
        if send.wait_ms > 0 {
            gloo_timers::future::TimeoutFuture::new(send.wait_ms).await;
        }
        let outcome = match transport::send(&send.request, job.timeout_ms).await {
            Ok(answer) => Outcome::Answered {
                status: answer.status,
                body: answer.body,
            },
            Err(err) => Outcome::Lost(lost(err)),
        };
        let failure = wizard.submission.record(&job.setting(), outcome);
        wizard.save();
        if let Some(failure) = failure {
            return fail(wizard, failure);
        }
        match next(wizard, &job) {
            Some(following) => send = following,
            None => return,
        }
    }
}

fn lost(err: TransportError) -> Lost {
    match err {
        TransportError::TimedOut(ms) => Lost::TimedOut(ms),
        TransportError::Network(detail) => Lost::Unreachable(detail),
    }
}

/// The page's own address without query or fragment, where cPanel's checkout returns to.
fn this_page() -> Option<String> {
    let href = web_sys::window()?.location().href().ok()?;
    let end = href.find(['?', '#']).unwrap_or(href.len());
    Some(href[..end].to_string())
}

/// The adapters' settings as they are sent; the review page's preview uses the same.
pub fn send_options(config: &Config) -> SendOptions {
    let mut cpanel = config.cpanel.clone();
    if cpanel.url_after_checkout.is_none() {
        cpanel.url_after_checkout = this_page();
    }
    SendOptions {
        gogetssl: config.gogetssl,
        cpanel,
    }
}

/// The endpoint with a relative base resolved against the page, as the browser resolves it
/// when sending, so the preview shows the very URL that goes.
pub fn send_endpoint(config: &Config) -> Endpoint {
    let mut endpoint = crate::embed::endpoint(config);
    let base = document().base_uri().ok().flatten();
    if let Some(url) =
        base.and_then(|base| web_sys::Url::new_with_base(&endpoint.base_url, &base).ok())
    {
        endpoint.base_url = url.href();
    }
    endpoint
}

/// The order is placed: what was typed is no longer needed.
fn finish(wizard: WizardState) {
    wizard.draft.set(OrderDraft::default());
    wizard.step.set(Step::Product);
    wizard.submission.finish();
    wizard.save();
    focus_later("result-heading".into());
}

fn fail(wizard: WizardState, failure: Failure) {
    // The order server's own validation refused answers: shown as the form's own are.
    if let Failure::Refused {
        error:
            ProviderError {
                message: Message::Problems { problems, .. },
                ..
            },
        ..
    } = &failure
    {
        let problems = problems.clone();
        wizard.submission.fail(failure);
        wizard.show_refusal(problems);
        focus_later("error-summary".into());
        return;
    }
    // Asked to look first: the confirmation is what to answer.
    let focus = match failure {
        Failure::EarlierInDoubt { .. } => DOUBT_CHECKBOX,
        Failure::NoAnswer { .. }
        | Failure::NoAnswerKeyKept { .. }
        | Failure::Refused { .. }
        | Failure::NotSold { .. }
        | Failure::InDoubt { .. }
        | Failure::InDoubtKeyKept { .. }
        | Failure::StillInProgress
        | Failure::NoKey
        | Failure::SavedIdInvalid { .. }
        | Failure::ApplyRefused { .. }
        | Failure::ApplyNoAnswer { .. } => "submit-failure",
    };
    wizard.submission.fail(failure);
    focus_later(focus.into());
}
