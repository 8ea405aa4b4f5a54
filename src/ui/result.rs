//! After the order: the IDs, what to do to prove control, and the live status.

use super::keygen;
use super::state::use_wizard;
use crate::config::Config;
use crate::draft_store::Purchase;
use crate::i18n::problems::provider::{
    auto_proof_words, check_state_words, check_subject_words, error_words, next_step_words,
    status_words, where_to_check_words,
};
use crate::i18n::{t, Locale};
use crate::providers::facade;
use crate::providers::{
    merge_steps, validation_steps, Api, Instruction, PreparedRequest, ProviderError, StatusReport,
    ValidationSteps,
};
use crate::retry::{checked_after_error, next_poll, Checked};
use crate::transport;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// The status call for a placed order, if the provider gave what it needs.
fn status_request(config: &Config, purchase: &Purchase) -> Option<PreparedRequest> {
    let options = crate::providers::requests::SendOptions {
        gogetssl: config.gogetssl,
        cpanel: config.cpanel.clone(),
    };
    facade::status_request(
        config.api,
        &purchase.order_id,
        &purchase.cert_id,
        &crate::embed::endpoint(config),
        &options,
    )
}

/// The signals one round of status checks writes, and what it needs to send.
#[derive(Clone, Copy)]
struct Poller {
    api: Api,
    /// The order asked Huawei to add its DNS records (`auto_dns_auth`).
    huawei_adds_records: bool,
    report: RwSignal<Option<StatusReport>>,
    /// Every step given so far, by name: an issued certificate's status may list none.
    known: RwSignal<Vec<Instruction>>,
    checked_at: RwSignal<String>,
    poll_error: RwSignal<Option<String>>,
    /// Checks go on by themselves.
    polling: RwSignal<bool>,
    /// Checking stopped on a refusal: the person may check again by hand.
    stopped: RwSignal<bool>,
    /// A round is under way: a second (a double click on "check again") is not started.
    running: StoredValue<bool>,
    request: StoredValue<Option<PreparedRequest>>,
    timeout_ms: u32,
    first_ms: u32,
}

impl Poller {
    /// Checks the status until a final state or a refusal, on `retry::next_poll`'s schedule.
    fn start(self, alive: Arc<AtomicBool>) {
        let Some(request) = self.request.get_value() else {
            return;
        };
        if self.running.get_value() {
            return;
        }
        self.running.set_value(true);
        self.polling.set(true);
        self.stopped.set(false);
        spawn_local(async move {
            let mut previous = None;
            while alive.load(Ordering::Relaxed) {
                let outcome = match transport::send(&request, self.timeout_ms).await {
                    Ok(answer) => facade::read_status(
                        self.api,
                        answer.status,
                        &answer.body,
                        self.huawei_adds_records,
                    )
                    .map_err(CheckError::Provider),
                    Err(err) => Err(CheckError::NoAnswer(err.to_string())),
                };
                if !alive.load(Ordering::Relaxed) {
                    return;
                }
                let time = js_sys::Date::new_0().to_locale_time_string(time_locale());
                self.checked_at.try_set(String::from(time));
                let checked = match outcome {
                    Ok(found) => {
                        let checked = if found.pending {
                            Checked::Pending
                        } else {
                            Checked::Final
                        };
                        self.poll_error.try_set(None);
                        self.known
                            .try_update(|known| *known = merge_steps(known, &found.instructions));
                        self.report.try_set(Some(found));
                        checked
                    }
                    Err(err) => {
                        let (checked, message) = err.told(self.api);
                        self.poll_error.try_set(Some(message));
                        checked
                    }
                };
                match next_poll(self.first_ms, previous, checked) {
                    Some(wait) => {
                        previous = Some(wait);
                        gloo_timers::future::TimeoutFuture::new(wait).await;
                    }
                    None => {
                        self.stopped.try_set(checked == Checked::Refused);
                        break;
                    }
                }
            }
            self.polling.try_set(false);
            self.running.try_set_value(false);
        });
    }
}

/// Why a status check failed.
enum CheckError {
    NoAnswer(String),
    Provider(ProviderError),
}

impl CheckError {
    /// How the schedule counts it, and what the page says.
    fn told(&self, api: Api) -> (Checked, String) {
        let texts = &t().submit;
        match self {
            CheckError::NoAnswer(message) => {
                (Checked::Failed, (texts.status_check_failed)(message))
            }
            CheckError::Provider(err) => {
                let checked = checked_after_error(err.status, err.unreadable);
                let described = (texts.error_and_next)(
                    &error_words(err, t()),
                    next_step_words(err.next_step(), t()),
                );
                let message = match checked {
                    Checked::Refused if err.status == 404 => {
                        (texts.status_unknown_order)(where_to_check_words(api, t()))
                    }
                    Checked::Refused => (texts.status_refused)(&described),
                    Checked::Failed | Checked::Pending | Checked::Final => {
                        (texts.status_check_failed)(&described)
                    }
                };
                (checked, message)
            }
        }
    }
}

#[component]
pub fn ResultView() -> impl IntoView {
    let wizard = use_wizard();
    let purchase = wizard.submission.purchase_untracked().unwrap_or_default();
    let api = wizard.env.config.with_untracked(|c| c.api);
    let alive = Arc::new(AtomicBool::new(true));
    {
        let alive = alive.clone();
        on_cleanup(move || alive.store(false, Ordering::Relaxed));
    }
    let request = wizard
        .env
        .config
        .with_untracked(|c| status_request(c, &purchase));
    let provider_key = purchase.provider_key;
    let (timeout_ms, first_ms) = wizard
        .env
        .config
        .with_untracked(|c| (c.timeout_ms, c.poll_ms));
    let poller = Poller {
        api,
        // Huawei adds the DNS records itself: the order asked it to.
        huawei_adds_records: purchase.auto_dns_auth,
        report: RwSignal::new(None),
        known: RwSignal::new(purchase.instructions.clone()),
        checked_at: RwSignal::new(String::new()),
        poll_error: RwSignal::new(None),
        polling: RwSignal::new(request.is_some()),
        stopped: RwSignal::new(false),
        running: StoredValue::new(false),
        request: StoredValue::new(request),
        timeout_ms,
        first_ms,
    };
    let Poller {
        report,
        known,
        checked_at,
        poll_error,
        polling,
        stopped,
        ..
    } = poller;
    poller.start(alive.clone());
    let check_again = move |_| poller.start(alive.clone());
    let status_text = move || {
        report.with(|r| match r {
            Some(r) => status_words(&r.status, t()),
            None if polling.get() => t().submit.status_checking.into(),
            None if stopped.get() => t().submit.status_unknown.into(),
            None => t().submit.status_no_id.into(),
        })
    };
    // The latest status's steps win for the names it covers; the others keep earlier ones.
    let steps = move || known.with(|known| report.with(|r| validation_steps(known, r.as_ref())));
    let checks = move || {
        report.with(|r| {
            r.iter()
                .flat_map(|r| &r.checks)
                .map(|c| {
                    (
                        check_subject_words(&c.subject, t()),
                        check_state_words(&c.state, t()),
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    let (cert_label, heading) = labels(api);
    let start_over = move |_| wizard.start_over();
    // What the last copy or download did, announced to screen readers.
    let said = RwSignal::new(String::new());
    view! {
        <div class="panel">
            <h1 class="heading" id="result-heading" tabindex="-1">{heading}</h1>
            <dl class="summary">
                <div class="summary-row"><dt class="summary-key">{t().submit.order_id}</dt>
                    <dd class="summary-value" data-testid="order-id">{
                        if purchase.order_id.is_empty() { t().submit.order_id_not_given.to_string() } else { purchase.order_id.clone() }
                    }</dd></div>
                {(!purchase.cert_id.is_empty()).then(|| view! {
                    <div class="summary-row"><dt class="summary-key">{cert_label}</dt>
                        <dd class="summary-value" data-testid="cert-id">{purchase.cert_id.clone()}</dd></div>
                })}
                {purchase.amount.clone().map(|amount| view! {
                    <div class="summary-row"><dt class="summary-key">{t().submit.amount}</dt>
                        <dd class="summary-value" data-testid="amount">{amount}</dd></div>
                })}
                <div class="summary-row"><dt class="summary-key">{t().submit.status}</dt>
                    // The live region is inside the <dd>: a role on the <dd> itself would
                    // take it out of the description list.
                    <dd class="summary-value"><span data-testid="status" role="status">{status_text}</span></dd></div>
            </dl>
            <p class="hint">{move || {
                let at = checked_at.get();
                match (at.is_empty(), polling.get()) {
                    (true, _) => String::new(),
                    (false, true) => (t().submit.last_checked_polling)(&at),
                    (false, false) => (t().submit.last_checked)(&at),
                }
            }}</p>
            {move || poll_error.get().map(|text| view! { <p class="warning" role="alert" data-testid="poll-error">{text}</p> })}
            {move || stopped.get().then(|| view! {
                <p class="body"><button type="button" class="button button-secondary" data-testid="check-again"
                    on:click=check_again.clone()>{t().submit.check_again}</button></p>
            })}
        </div>
        {purchase.checkout_url.clone().map(|url| view! {
            <div class="notice" data-testid="checkout">
                <h2 class="subheading">{t().submit.pay_heading}</h2>
                <p class="body">{t().submit.pay_body}</p>
                <p class="body"><a class="button" href=url data-testid="checkout-link" rel="noopener">{t().submit.go_to_checkout}</a></p>
            </div>
        })}
        {purchase.checkout_unsafe.then(|| view! {
            <div class="notice" data-testid="checkout-unsafe">
                <h2 class="subheading">{t().submit.pay_heading}</h2>
                <p class="body">{match api {
                    Api::Cpanel => t().submit.checkout_unsafe_cpanel,
                    Api::Huawei | Api::GoGetSsl | Api::Generic => t().submit.checkout_unsafe_other,
                }}</p>
            </div>
        })}
        {move || {
            let checks = checks();
            (!checks.is_empty()).then(|| view! {
                <h2 class="subheading">{t().submit.checks}</h2>
                <dl class="summary" data-testid="status-checks">
                    {checks.into_iter().map(|(what, state)| view! {
                        <div class="summary-row"><dt class="summary-key">{what}</dt><dd class="summary-value">{state}</dd></div>
                    }).collect_view()}
                </dl>
            })
        }}
        {move || steps_view(api, provider_key, steps(), said)}
        <p class="hint" role="status" data-testid="copy-status">{move || said.get()}</p>
        <p class="body"><button type="button" class="button button-secondary" on:click=start_over>{t().submit.start_new_order}</button></p>
    }
}

/// The label of the certificate's own ID and the page's heading.
fn labels(api: Api) -> (&'static str, &'static str) {
    let texts = &t().submit;
    let cert_label = match api {
        Api::Cpanel => texts.order_item_id,
        Api::Huawei | Api::GoGetSsl | Api::Generic => texts.cert_id,
    };
    let heading = match api {
        Api::Huawei => texts.application_sent,
        Api::GoGetSsl | Api::Cpanel | Api::Generic => texts.order_placed,
    };
    (cert_label, heading)
}

/// The locale the time of the last check is written in (English as in Britain: 24 hours).
fn time_locale() -> &'static str {
    match crate::i18n::current() {
        Locale::En => "en-GB",
        other => other.tag(),
    }
}

/// The validation file's own name: the last segment of its URL.
fn file_name(url: &str) -> String {
    url.rsplit('/')
        .find(|part| !part.is_empty())
        .unwrap_or("validation.txt")
        .to_string()
}

/// The validation steps: what to do now, or, once the certificate is issued, the steps as
/// done (kept in a details element) and what comes next. `provider_key`: the provider made
/// the key pair, so the private key is downloaded with the certificate.
fn steps_view(
    api: Api,
    provider_key: bool,
    steps: ValidationSteps,
    said: RwSignal<String>,
) -> impl IntoView {
    let texts = &t().submit;
    let next_download = if provider_key {
        texts.next_download_with_key
    } else {
        texts.next_download
    };
    if steps.done {
        let taken = instructions_view(steps.instructions, said).map(|list| {
            view! {
                <details class="requests" data-testid="validation-steps-done">
                    <summary>{texts.validation_steps_taken}</summary>
                    {list}
                </details>
            }
        });
        view! {
            <h2 class="subheading" data-testid="validation-heading">{texts.validation_done}</h2>
            <p class="body">{texts.validation_done_body}</p>
            <h2 class="subheading">{texts.next_heading}</h2>
            <p class="body" data-testid="next-step">{next_download(where_to_check_words(api, t()))}</p>
            {taken}
        }
        .into_any()
    } else {
        let now = instructions_view(steps.instructions, said).map(|list| {
            view! {
                <h2 class="subheading" data-testid="validation-heading">{texts.to_do_now}</h2>
                {list}
            }
        });
        view! { {now} }.into_any()
    }
}

/// The steps, grouped by kind, each value with a copy or download button.
fn instructions_view(all: Vec<Instruction>, said: RwSignal<String>) -> Option<impl IntoView> {
    if all.is_empty() {
        return None;
    }
    let mut records = Vec::new();
    let mut files = Vec::new();
    let mut emails = Vec::new();
    let mut automatic = Vec::new();
    for instruction in all {
        match instruction {
            Instruction::Dns {
                name,
                record_type,
                value,
                ..
            } => records.push((name, record_type, value)),
            Instruction::File {
                domain,
                url,
                content,
            } => files.push((domain, url, content)),
            Instruction::Email { domain, address } => emails.push((domain, address)),
            Instruction::Automatic { domain, how } => {
                automatic.push((domain, auto_proof_words(&how, t())))
            }
        }
    }
    // With several names, every name's approver must approve, not only the primary's.
    let email_intro = if emails.len() > 1 {
        t().submit.email_intro_each
    } else {
        t().submit.email_intro
    };
    Some(view! {
        {(!records.is_empty()).then(|| view! {
            <p class="body">{t().submit.dns_intro}</p>
            // The roles are explicit because on a phone the CSS shows each row as a block,
            // which some browsers take as no longer a table; data-label names each cell there.
            <table class="records" data-testid="dns-records" role="table">
                <caption class="visually-hidden">{t().submit.dns_caption}</caption>
                <thead role="rowgroup"><tr role="row">
                    <th scope="col" role="columnheader">{t().submit.dns_name}</th>
                    <th scope="col" role="columnheader">{t().submit.dns_type}</th>
                    <th scope="col" role="columnheader">{t().submit.dns_value}</th>
                </tr></thead>
                <tbody role="rowgroup">
                    {records.into_iter().map(|(name, kind, value)| {
                        let (copy_name, copy_value) = (name.clone(), value.clone());
                        let (what_name, what_value) =
                            ((t().submit.copied_name)(&name), (t().submit.copied_value)(&name));
                        view! {
                            <tr role="row">
                                <td role="cell" data-label=t().submit.dns_name><code>{name.clone()}</code>
                                    <button type="button" class="button button-small button-secondary"
                                        aria-label=(t().submit.copy_name_label)(&name)
                                        on:click=move |_| keygen::copy_and_say(copy_name.clone(), what_name.clone(), said)>{t().submit.copy}</button></td>
                                <td role="cell" data-label=t().submit.dns_type>{kind}</td>
                                <td role="cell" data-label=t().submit.dns_value><code class="record-value">{value}</code>
                                    <button type="button" class="button button-small button-secondary"
                                        aria-label=(t().submit.copy_value_label)(&name)
                                        on:click=move |_| keygen::copy_and_say(copy_value.clone(), what_value.clone(), said)>{t().submit.copy}</button></td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        })}
        {(!files.is_empty()).then(|| view! {
            <p class="body">{t().submit.file_intro}</p>
            <ul class="list" data-testid="file-validations">
                {files.into_iter().map(|(domain, url, content)| {
                    let name = file_name(&url);
                    let (for_download, for_copy) = (content.clone(), content.clone());
                    let download_name = name.clone();
                    let what = (t().submit.copied_content)(&name);
                    let download = move |_| {
                        let outcome = match keygen::download(&download_name, &for_download, "text/plain") {
                            Ok(()) => (t().submit.downloaded)(&download_name),
                            Err(err) => err.to_string(),
                        };
                        said.set(outcome);
                    };
                    view! {
                        <li><strong>{domain}</strong>{t().submit.name_separator}<code class="record-value">{url}</code>
                            <pre class="request" tabindex="0">{content}</pre>
                            <button type="button" class="button button-small button-secondary" on:click=download>
                                {(t().submit.download_file)(&name)}</button>
                            <button type="button" class="button button-small button-secondary"
                                aria-label=(t().submit.copy_content_label)(&name)
                                on:click=move |_| keygen::copy_and_say(for_copy.clone(), what.clone(), said)>{t().submit.copy_content}</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
        })}
        {(!emails.is_empty()).then(|| view! {
            <p class="body">{email_intro}</p>
            <ul class="list" data-testid="email-validations">
                {emails.into_iter().map(|(domain, address)| view! {
                    <li><strong>{domain}</strong>{t().submit.name_separator}{address}</li>
                }).collect_view()}
            </ul>
        })}
        {(!automatic.is_empty()).then(|| view! {
            <ul class="list" data-testid="automatic-validations">
                {automatic.into_iter().map(|(domain, how)| view! {
                    <li><strong>{domain}</strong>{t().submit.name_separator}{how}</li>
                }).collect_view()}
            </ul>
        })}
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::set;

    #[test]
    fn the_headings_and_the_time_follow_the_current_language() {
        set(Locale::ZhCn);
        assert_eq!(labels(Api::Huawei), ("证书 ID", "申请已提交"));
        assert_eq!(labels(Api::Cpanel), ("订单项 ID", "订单已提交"));
        assert_eq!(time_locale(), "zh-CN");
        set(Locale::En);
        assert_eq!(labels(Api::GoGetSsl), ("Certificate ID", "Order placed"));
        assert_eq!(time_locale(), "en-GB");
    }

    #[test]
    fn a_validation_file_is_named_by_its_url() {
        assert_eq!(
            file_name("http://a.example/.well-known/pki-validation/ABC.txt"),
            "ABC.txt"
        );
    }
}
