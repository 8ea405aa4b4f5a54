//! After the application: the IDs, what to do to prove control, and the live status.

use super::state::use_wizard;
use crate::config::poll_delay_ms;
use crate::providers::huawei::{self, CertId, CertStatus, Details};
use crate::transport;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

#[component]
pub fn ResultView() -> impl IntoView {
    let wizard = use_wizard();
    let purchase =
        wizard
            .purchase
            .get_untracked()
            .unwrap_or_else(|| crate::draft_store::Purchase {
                order_id: String::new(),
                cert_id: String::new(),
                applied: true,
            });
    let details = RwSignal::new(None::<Details>);
    let checked_at = RwSignal::new(String::new());
    let poll_error = RwSignal::new(None::<String>);
    let polling = RwSignal::new(true);
    let alive = Arc::new(AtomicBool::new(true));
    {
        let alive = alive.clone();
        on_cleanup(move || alive.store(false, Ordering::Relaxed));
    }
    if let Some(cert) = CertId::parse(&purchase.cert_id) {
        let (endpoint, timeout, first_ms) = wizard
            .config
            .with_value(|c| (c.endpoint.clone(), c.timeout_ms, c.poll_ms));
        spawn_local(async move {
            let mut attempt = 0;
            while alive.load(Ordering::Relaxed) {
                let request = huawei::details_request(&cert, &endpoint);
                let outcome = match transport::send(&request, timeout).await {
                    Ok(answer) => huawei::parse_details(answer.status, &answer.body)
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
                        // PAID right after apply only means the CA has not picked it up yet.
                        let keep_polling =
                            found.status.is_pending() || found.status == CertStatus::Paid;
                        poll_error.try_set(None);
                        details.try_set(Some(found));
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
        details.with(|d| match d {
            Some(d) => d.status.describe(),
            None => "Checking…".into(),
        })
    };
    let records =
        move || details.with(|d| d.as_ref().map(|d| d.records.clone()).unwrap_or_default());
    let start_over = move |_| wizard.start_over();
    view! {
        <div class="panel">
            <h1 class="heading" id="result-heading" tabindex="-1">"Application sent"</h1>
            <dl class="summary">
                <div class="summary-row"><dt class="summary-key">"Order ID"</dt>
                    <dd class="summary-value" data-testid="order-id">{purchase.order_id.clone()}</dd></div>
                <div class="summary-row"><dt class="summary-key">"Certificate ID"</dt>
                    <dd class="summary-value" data-testid="cert-id">{purchase.cert_id.clone()}</dd></div>
                <div class="summary-row"><dt class="summary-key">"Status"</dt>
                    <dd class="summary-value" data-testid="status" role="status" aria-live="polite">{status_text}</dd></div>
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
        {move || {
            let records = records();
            (!records.is_empty()).then(|| view! {
                <h2 class="subheading">"What you need to do now"</h2>
                <p class="body">"Create this DNS record at the company that hosts DNS for your domain. The certificate authority looks for it and issues the certificate once it is found."</p>
                <table class="records" data-testid="dns-records">
                    <caption class="visually-hidden">"DNS records to create"</caption>
                    <thead><tr><th scope="col">"Name"</th><th scope="col">"Type"</th><th scope="col">"Value"</th></tr></thead>
                    <tbody>
                        {records.into_iter().map(|r| view! {
                            <tr><td><code>{r.name}</code></td><td>{r.kind}</td><td><code class="record-value">{r.value}</code></td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
            })
        }}
        <p class="body"><button type="button" class="button button-secondary" on:click=start_over>"Start a new order"</button></p>
    }
}
