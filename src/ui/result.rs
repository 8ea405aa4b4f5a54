//! After the order: the IDs, what to do to prove control, and the live status.

use super::keygen;
use super::state::use_wizard;
use crate::config::{poll_delay_ms, Config};
use crate::draft_store::Purchase;
use crate::providers::huawei::{self, CertId};
use crate::providers::{
    cpanel, generic, gogetssl, Api, Instruction, PreparedRequest, ProviderError, StatusReport,
};
use crate::transport;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// The status call for a placed order, if the provider gave what it needs.
fn status_request(config: &Config, purchase: &Purchase) -> Option<PreparedRequest> {
    let endpoint = &crate::embed::endpoint(config);
    let order_id = Some(purchase.order_id.as_str()).filter(|id| !id.is_empty());
    let cert_id = Some(purchase.cert_id.as_str()).filter(|id| !id.is_empty());
    match config.api {
        Api::Huawei => CertId::parse(cert_id?).map(|cert| huawei::details_request(&cert, endpoint)),
        Api::GoGetSsl => order_id.map(|id| gogetssl::status_request(id, endpoint)),
        Api::Cpanel => cert_id.map(|id| cpanel::status_request(id, endpoint, &config.cpanel)),
        Api::Generic => order_id.map(|id| generic::status_request(id, endpoint)),
    }
}

fn parse_status(api: Api, status: u16, body: &str) -> Result<StatusReport, ProviderError> {
    match api {
        Api::Huawei => huawei::parse_details(status, body).map(|d| d.report()),
        Api::GoGetSsl => gogetssl::parse_status(status, body),
        Api::Cpanel => cpanel::parse_status(status, body),
        Api::Generic => generic::parse_status(status, body),
    }
}

#[component]
pub fn ResultView() -> impl IntoView {
    let wizard = use_wizard();
    let purchase = wizard.purchase.get_untracked().unwrap_or_default();
    let api = wizard.config.with_value(|c| c.api);
    let report = RwSignal::new(None::<StatusReport>);
    let checked_at = RwSignal::new(String::new());
    let poll_error = RwSignal::new(None::<String>);
    let polling = RwSignal::new(true);
    let alive = Arc::new(AtomicBool::new(true));
    {
        let alive = alive.clone();
        on_cleanup(move || alive.store(false, Ordering::Relaxed));
    }
    let request = wizard.config.with_value(|c| status_request(c, &purchase));
    if request.is_none() {
        polling.set(false);
    }
    if let Some(request) = request {
        let (timeout, first_ms) = wizard.config.with_value(|c| (c.timeout_ms, c.poll_ms));
        spawn_local(async move {
            let mut attempt = 0;
            while alive.load(Ordering::Relaxed) {
                let outcome = match transport::send(&request, timeout).await {
                    Ok(answer) => parse_status(api, answer.status, &answer.body)
                        .map_err(|e| format!("{e}. {}", e.next_step())),
                    Err(err) => Err(err.to_string()),
                };
                if !alive.load(Ordering::Relaxed) {
                    break;
                }
                let time = js_sys::Date::new_0().to_locale_time_string("en-GB");
                checked_at.try_set(String::from(time));
                match outcome {
                    Ok(found) => {
                        let keep_polling = found.pending;
                        poll_error.try_set(None);
                        report.try_set(Some(found));
                        if !keep_polling {
                            polling.try_set(false);
                            break;
                        }
                    }
                    Err(message) => {
                        poll_error.try_set(Some(format!(
                            "The status could not be checked: {message} It will be checked again."
                        )));
                    }
                }
                gloo_timers::future::TimeoutFuture::new(poll_delay_ms(first_ms, attempt)).await;
                attempt += 1;
            }
        });
    }
    let status_text = move || {
        report.with(|r| match r {
            Some(r) => r.text.clone(),
            None if polling.get() => "Checking…".into(),
            None => "Not reported: the provider gave no ID to check it by".into(),
        })
    };
    let first_instructions = purchase.instructions.clone();
    // The latest status's instructions win; until one arrives, those given with the order.
    let instructions = move || {
        report.with(|r| match r {
            Some(r) if !r.instructions.is_empty() || !r.pending => r.instructions.clone(),
            _ => first_instructions.clone(),
        })
    };
    let checks = move || report.with(|r| r.as_ref().map(|r| r.checks.clone()).unwrap_or_default());
    let cert_label = match api {
        Api::Cpanel => "Order item ID",
        _ => "Certificate ID",
    };
    let heading = match api {
        Api::Huawei => "Application sent",
        _ => "Order placed",
    };
    let start_over = move |_| wizard.start_over();
    // What the last copy or download did, announced to screen readers.
    let said = RwSignal::new(String::new());
    view! {
        <div class="panel">
            <h1 class="heading" id="result-heading" tabindex="-1">{heading}</h1>
            <dl class="summary">
                <div class="summary-row"><dt class="summary-key">"Order ID"</dt>
                    <dd class="summary-value" data-testid="order-id">{
                        if purchase.order_id.is_empty() { "Not given by the provider".to_string() } else { purchase.order_id.clone() }
                    }</dd></div>
                {(!purchase.cert_id.is_empty()).then(|| view! {
                    <div class="summary-row"><dt class="summary-key">{cert_label}</dt>
                        <dd class="summary-value" data-testid="cert-id">{purchase.cert_id.clone()}</dd></div>
                })}
                {purchase.amount.clone().map(|amount| view! {
                    <div class="summary-row"><dt class="summary-key">"Amount"</dt>
                        <dd class="summary-value" data-testid="amount">{amount}</dd></div>
                })}
                <div class="summary-row"><dt class="summary-key">"Status"</dt>
                    // The live region is inside the <dd>: a role on the <dd> itself would
                    // take it out of the description list.
                    <dd class="summary-value"><span data-testid="status" role="status">{status_text}</span></dd></div>
            </dl>
            <p class="hint">{move || {
                let at = checked_at.get();
                match (at.is_empty(), polling.get()) {
                    (true, _) => String::new(),
                    (false, true) => format!("Last checked at {at}. This page checks again by itself."),
                    (false, false) => format!("Last checked at {at}."),
                }
            }}</p>
            {move || poll_error.get().map(|text| view! { <p class="warning" role="alert">{text}</p> })}
        </div>
        {purchase.checkout_url.clone().map(|url| view! {
            <div class="notice" data-testid="checkout">
                <h2 class="subheading">"Pay for the order"</h2>
                <p class="body">"The certificate authority starts checking once the order is paid for."</p>
                <p class="body"><a class="button" href=url data-testid="checkout-link" rel="noopener">"Go to checkout"</a></p>
            </div>
        })}
        {move || {
            let checks = checks();
            (!checks.is_empty()).then(|| view! {
                <h2 class="subheading">"Checks"</h2>
                <dl class="summary" data-testid="status-checks">
                    {checks.into_iter().map(|(what, state)| view! {
                        <div class="summary-row"><dt class="summary-key">{what}</dt><dd class="summary-value">{state}</dd></div>
                    }).collect_view()}
                </dl>
            })
        }}
        {move || instructions_view(instructions(), said)}
        <p class="hint" role="status" data-testid="copy-status">{move || said.get()}</p>
        <p class="body"><button type="button" class="button button-secondary" on:click=start_over>"Start a new order"</button></p>
    }
}

/// The validation file's own name: the last segment of its URL.
fn file_name(url: &str) -> String {
    url.rsplit('/')
        .find(|part| !part.is_empty())
        .unwrap_or("validation.txt")
        .to_string()
}

/// What the person must do, grouped by kind, each value with a copy or download button.
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
            Instruction::Automatic { domain, how } => automatic.push((domain, how)),
        }
    }
    Some(view! {
        <h2 class="subheading">"What you need to do now"</h2>
        {(!records.is_empty()).then(|| view! {
            <p class="body">"Create these DNS records at the company that hosts DNS for your domain. The certificate authority looks for them and issues the certificate once they are found."</p>
            // The roles are explicit because on a phone the CSS shows each row as a block,
            // which some browsers take as no longer a table; data-label names each cell there.
            <table class="records" data-testid="dns-records" role="table">
                <caption class="visually-hidden">"DNS records to create"</caption>
                <thead role="rowgroup"><tr role="row">
                    <th scope="col" role="columnheader">"Name"</th>
                    <th scope="col" role="columnheader">"Type"</th>
                    <th scope="col" role="columnheader">"Value"</th>
                </tr></thead>
                <tbody role="rowgroup">
                    {records.into_iter().map(|(name, kind, value)| {
                        let (copy_name, copy_value) = (name.clone(), value.clone());
                        let (what_name, what_value) = (format!("the name {name}"), format!("the value for {name}"));
                        view! {
                            <tr role="row">
                                <td role="cell" data-label="Name"><code>{name.clone()}</code>
                                    <button type="button" class="button button-small button-secondary"
                                        aria-label=format!("Copy the name {name}")
                                        on:click=move |_| keygen::copy_and_say(copy_name.clone(), what_name.clone(), said)>"Copy"</button></td>
                                <td role="cell" data-label="Type">{kind}</td>
                                <td role="cell" data-label="Value"><code class="record-value">{value}</code>
                                    <button type="button" class="button button-small button-secondary"
                                        aria-label=format!("Copy the value for {name}")
                                        on:click=move |_| keygen::copy_and_say(copy_value.clone(), what_value.clone(), said)>"Copy"</button></td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        })}
        {(!files.is_empty()).then(|| view! {
            <p class="body">"Publish each file below on your web server, so that it opens at exactly this address, with exactly this content."</p>
            <ul class="list" data-testid="file-validations">
                {files.into_iter().map(|(domain, url, content)| {
                    let name = file_name(&url);
                    let (for_download, for_copy) = (content.clone(), content.clone());
                    let download_name = name.clone();
                    let what = format!("the content of {name}");
                    let download = move |_| {
                        let outcome = match keygen::download(&download_name, &for_download, "text/plain") {
                            Ok(()) => format!("{download_name} was downloaded."),
                            Err(err) => err.to_string(),
                        };
                        said.set(outcome);
                    };
                    view! {
                        <li><strong>{domain}</strong>": "<code class="record-value">{url}</code>
                            <pre class="request" tabindex="0">{content}</pre>
                            <button type="button" class="button button-small button-secondary" on:click=download>
                                {format!("Download {name}")}</button>
                            <button type="button" class="button button-small button-secondary"
                                aria-label=format!("Copy the content of {name}")
                                on:click=move |_| keygen::copy_and_say(for_copy.clone(), what.clone(), said)>"Copy the content"</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
        })}
        {(!emails.is_empty()).then(|| view! {
            <p class="body">"The certificate authority emails these addresses: open the message and approve the certificate."</p>
            <ul class="list" data-testid="email-validations">
                {emails.into_iter().map(|(domain, address)| view! {
                    <li><strong>{domain}</strong>": "{address}</li>
                }).collect_view()}
            </ul>
        })}
        {(!automatic.is_empty()).then(|| view! {
            <ul class="list" data-testid="automatic-validations">
                {automatic.into_iter().map(|(domain, how)| view! {
                    <li><strong>{domain}</strong>": "{how}</li>
                }).collect_view()}
            </ul>
        })}
    })
}
