//! Placing the order, in the configured API's own steps, each recorded before the next.
//!
//! Huawei: buy, then apply. GoGetSSL, cPanel and the generic format: one request. A request
//! whose answer never came may have placed the order; the wizard never repeats one blindly.

use super::dom::{focus_later, random_uuid};
use super::state::{Failure, Submission, WizardState};
use crate::config::Config;
use crate::draft_store::Purchase;
use crate::i18n::t;
use crate::order::{OrderDraft, Step, ValidatedOrder};
use crate::providers::generic::OrderKey;
use crate::providers::huawei::{self, CertId, CertStatus};
use crate::providers::requests::{requests_for, take, Purpose, SendOptions};
use crate::providers::{cpanel, generic, gogetssl, Api, Endpoint, Placed, ProviderError};
use crate::transport::{self, TransportError};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The id of the review page's "nothing was bought" confirmation.
pub const DOUBT_CHECKBOX: &str = "confirm-no-purchase";

/// Submits the order once: a second call while one is under way does nothing.
pub fn submit(wizard: WizardState) {
    // Checked and set synchronously, before any await, so a double click cannot slip through.
    if wizard.in_flight.get_value() {
        return;
    }
    let order = match untrack(|| wizard.validated()) {
        Ok(order) => order,
        Err(_) => {
            wizard.checked.set(true);
            focus_later("error-summary".into());
            return;
        }
    };
    let api = wizard.env.config.with_untracked(|c| c.api);
    let buying = wizard.purchase.with_untracked(Option::is_none);
    if buying && wizard.buy_in_doubt.get_untracked() && !wizard.doubt_resolved.get_untracked() {
        let texts = &t().submit;
        wizard.submission.set(Submission::Failed(Failure {
            summary: (texts.check_earlier_first)(noun(api)),
            detail: texts.earlier_no_answer.into(),
            next_step: (texts.look_then_tick)(api.where_to_check()),
        }));
        focus_later(DOUBT_CHECKBOX.into());
        return;
    }
    wizard.in_flight.set_value(true);
    spawn_local(async move {
        match api {
            Api::Huawei => buy_and_apply(wizard, order).await,
            Api::GoGetSsl => place_at_once(wizard, OneRequest::GoGetSsl, order).await,
            Api::Cpanel => place_at_once(wizard, OneRequest::Cpanel, order).await,
            Api::Generic => place_at_once(wizard, OneRequest::Generic, order).await,
        }
        wizard.in_flight.try_set_value(false);
    });
}

/// The APIs that place an order in one request.
#[derive(Clone, Copy)]
enum OneRequest {
    GoGetSsl,
    Cpanel,
    Generic,
}

impl OneRequest {
    fn api(self) -> Api {
        match self {
            OneRequest::GoGetSsl => Api::GoGetSsl,
            OneRequest::Cpanel => Api::Cpanel,
            OneRequest::Generic => Api::Generic,
        }
    }
}

/// What the first request does: Huawei's buys a certificate, the others place an order.
fn noun(api: Api) -> &'static str {
    match api {
        Api::Huawei => t().submit.noun_purchase,
        Api::GoGetSsl | Api::Cpanel | Api::Generic => t().submit.noun_order,
    }
}

/// The message for a request that got no answer at all.
fn no_answer(api: Api, err: &TransportError, key_kept: bool) -> Failure {
    let texts = &t().submit;
    let next_step = if key_kept {
        texts.same_key.to_string()
    } else {
        (texts.may_have_received)(api.where_to_check())
    };
    Failure {
        summary: (texts.not_confirmed)(noun(api)),
        detail: err.to_string(),
        next_step,
    }
}

/// A refusal bought nothing; a server-side failure may have bought something.
fn refused(api: Api, err: &ProviderError, in_doubt: bool) -> Failure {
    let texts = &t().submit;
    let mut failure = Failure::from_provider(texts.not_accepted, err);
    if in_doubt {
        failure.summary = (texts.not_confirmed)(noun(api));
        failure.next_step = (texts.may_still_have_placed)(&failure.next_step, api.where_to_check());
    }
    failure
}

/// Nothing is sent without an order key, and the browser could make none.
fn no_key() -> Failure {
    let texts = &t().submit;
    Failure {
        summary: texts.no_key_summary.into(),
        detail: texts.no_key_detail.into(),
        next_step: texts.no_key_next.into(),
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

/// The generic format's key: the one kept from an earlier send whose answer never came
/// (so a retry is the same order), else the one the review page showed, else a new one.
pub fn order_key(wizard: WizardState) -> Option<OrderKey> {
    let kept = wizard.order_key.get_value();
    kept.as_deref()
        .and_then(OrderKey::parse)
        .or_else(|| wizard.preview_key.get_untracked())
}

async fn place_at_once(wizard: WizardState, one: OneRequest, order: ValidatedOrder) {
    let api = one.api();
    let config = wizard.env.config.get_untracked();
    let endpoint = send_endpoint(&config);
    let key = match one {
        OneRequest::Generic => match order_key(wizard).or_else(random_uuid) {
            Some(key) => Some(key),
            // Never an empty or made-up key: a retry under it could place a second order.
            None => return fail(wizard, no_key()),
        },
        OneRequest::GoGetSsl | OneRequest::Cpanel => None,
    };
    let options = send_options(&config);
    let built = requests_for(api, &order, &endpoint, &options, key.as_ref(), None);
    let Some(request) = built.ok().and_then(|r| take(r, Purpose::Order)) else {
        return fail(wizard, no_key());
    };
    let placing = t().submit.placing;
    busy(wizard, placing);
    // Written ahead: if no answer ever arrives, the next attempt must not place a second order.
    wizard
        .order_key
        .set_value(key.as_ref().map(|k| k.as_str().to_string()));
    wizard.buy_in_doubt.set(key.is_none());
    wizard.doubt_resolved.set(false);
    wizard.save();
    // Only an order under an idempotency key may go again by itself: the proxy places it once.
    let answer = match key {
        Some(_) => {
            transport::send_retrying(&request, config.timeout_ms, |n| {
                retrying(wizard, placing, n)
            })
            .await
        }
        None => transport::send(&request, config.timeout_ms).await,
    };
    let answer = match answer {
        Ok(answer) => answer,
        Err(err) => return fail(wizard, no_answer(api, &err, key.is_some())),
    };
    let outcome = match one {
        OneRequest::GoGetSsl => gogetssl::parse_order(answer.status, &answer.body, &order),
        OneRequest::Cpanel => cpanel::parse_order(answer.status, &answer.body, &order),
        OneRequest::Generic => generic::parse_order(answer.status, &answer.body),
    };
    match outcome {
        Ok(placed) => {
            wizard.buy_in_doubt.set(false);
            wizard.order_key.set_value(None);
            wizard.preview_key.set(None);
            finish(wizard, purchase_of(placed));
        }
        Err(err) => {
            let server_side = err.maybe_acted();
            let mismatch = err.code.as_deref() == Some("idempotency_mismatch");
            if key.is_some() && !server_side {
                // The proxy refused the order, or refused a changed order under an old key
                // whose first attempt may have gone through: then the person must check.
                wizard.order_key.set_value(None);
                // A refused key is not reused: the corrected order goes under a new one.
                wizard.preview_key.set(random_uuid());
                wizard.buy_in_doubt.set(mismatch);
            } else {
                wizard.buy_in_doubt.set(key.is_none() && server_side);
            }
            wizard.save();
            let in_doubt = (key.is_none() && server_side) || mismatch;
            let mut failure = refused(api, &err, in_doubt);
            if key.is_some() && server_side {
                // The key is kept: whatever happened, submitting again cannot order twice.
                failure.summary = (t().submit.not_confirmed)(noun(api));
                failure.next_step = t().submit.same_key.into();
            }
            fail(wizard, failure);
        }
    }
}

fn purchase_of(placed: Placed) -> Purchase {
    Purchase {
        order_id: placed.order_id,
        cert_id: placed.cert_id.unwrap_or_default(),
        applied: true,
        checkout_url: placed.checkout_url,
        checkout_unsafe: placed.checkout_unsafe,
        amount: placed.amount,
        instructions: placed.instructions,
        // Only Huawei's apply carries these, and that goes through `buy_and_apply`.
        auto_dns_auth: false,
        provider_key: false,
    }
}

async fn buy_and_apply(wizard: WizardState, order: ValidatedOrder) {
    let config = wizard.env.config.get_untracked();
    let (endpoint, timeout) = (send_endpoint(&config), config.timeout_ms);
    let options = send_options(&config);
    // The same builder as the review page's preview; Huawei's requests need no key.
    let request_for = |purpose: Purpose, bought: Option<&CertId>| {
        requests_for(Api::Huawei, &order, &endpoint, &options, None, bought)
            .ok()
            .and_then(|requests| take(requests, purpose))
    };
    let purchase = match wizard.purchase.get_untracked() {
        Some(purchase) => purchase,
        None => {
            // Huawei's requests are always built: they need no key.
            let Some(request) = request_for(Purpose::Buy, None) else {
                return fail(wizard, no_key());
            };
            busy(wizard, t().submit.buying);
            // Written ahead: if no answer ever arrives, the next attempt must ask first.
            wizard.buy_in_doubt.set(true);
            wizard.doubt_resolved.set(false);
            wizard.save();
            let answer = match transport::send(&request, timeout).await {
                Ok(answer) => answer,
                Err(err) => return fail(wizard, no_answer(Api::Huawei, &err, false)),
            };
            let outcome = huawei::parse_buy(answer.status, &answer.body);
            // Only a server-side failure leaves the purchase in doubt; a refusal bought nothing.
            let still_in_doubt = matches!(&outcome, Err(err) if err.maybe_acted());
            wizard.buy_in_doubt.set(still_in_doubt);
            match outcome {
                Ok(bought) => {
                    // parse_buy never returns an empty list; the wizard buys one certificate.
                    let cert_id = bought
                        .cert_ids
                        .first()
                        .map(ToString::to_string)
                        .unwrap_or_default();
                    let purchase = Purchase {
                        order_id: bought.order_id,
                        cert_id,
                        applied: false,
                        ..Purchase::default()
                    };
                    wizard.purchase.set(Some(purchase.clone()));
                    // Written now, not by the next effect: a reload from here on must resume at apply.
                    wizard.save();
                    purchase
                }
                Err(err) => {
                    wizard.save();
                    let mut failure = refused(Api::Huawei, &err, still_in_doubt);
                    if !still_in_doubt {
                        failure.summary = t().submit.not_sold.into();
                    }
                    return fail(wizard, failure);
                }
            }
        }
    };
    let Some(cert) = CertId::parse(&purchase.cert_id) else {
        return fail(
            wizard,
            Failure {
                summary: t().submit.saved_id_invalid.into(),
                detail: (t().submit.saved_id_why)(&purchase.cert_id),
                next_step: t().submit.saved_id_next.into(),
            },
        );
    };
    let applying = t().submit.applying;
    busy(wizard, applying);
    let Some(request) = request_for(Purpose::Apply, Some(&cert)) else {
        return fail(wizard, no_key());
    };
    // The certificate is paid for: applying again costs nothing, so a lost answer is retried.
    let sent = transport::send_retrying(&request, timeout, |n| retrying(wizard, applying, n)).await;
    let outcome = match sent {
        Ok(answer) => match huawei::parse_apply(answer.status, &answer.body) {
            Ok(()) => Ok(()),
            // An earlier attempt whose answer was lost (before a retry or a reload) may have
            // been accepted, or this one despite the failure: the certificate's status says.
            Err(_) if already_applied(&cert, &endpoint, timeout).await => Ok(()),
            Err(err) => Err(Failure::from_provider(
                &(t().submit.apply_refused)(cert.as_str()),
                &err,
            )),
        },
        Err(err) => Err(Failure {
            summary: (t().submit.apply_not_sent)(cert.as_str()),
            detail: err.to_string(),
            next_step: t().submit.apply_again.into(),
        }),
    };
    match outcome {
        Ok(()) => finish(
            wizard,
            Purchase {
                applied: true,
                auto_dns_auth: order.auto_dns_auth,
                provider_key: order.csr.key_algorithm().is_some(),
                ..purchase
            },
        ),
        Err(failure) => fail(wizard, failure),
    }
}

/// Whether the certificate has left `PAID`: its application went in.
async fn already_applied(cert: &CertId, endpoint: &Endpoint, timeout: u32) -> bool {
    let request = huawei::details_request(cert, endpoint);
    match transport::send(&request, timeout).await {
        Ok(answer) => huawei::parse_details(answer.status, &answer.body)
            .is_ok_and(|d| !matches!(d.status, CertStatus::Paid | CertStatus::Other(_))),
        Err(_) => false,
    }
}

fn busy(wizard: WizardState, text: &str) {
    wizard.submission.set(Submission::Busy(text.to_string()));
}

/// Says that a retry is coming, so a wait of seconds is not mistaken for a hang.
fn retrying(wizard: WizardState, doing: &str, retry: u32) {
    let attempts = crate::retry::MAX_RETRIES + 1;
    wizard
        .submission
        .try_set(Submission::Busy((t().submit.retrying)(
            doing,
            retry + 1,
            attempts,
        )));
}

/// The order is placed: what was typed is no longer needed.
fn finish(wizard: WizardState, purchase: Purchase) {
    wizard.purchase.set(Some(purchase));
    wizard.draft.set(OrderDraft::default());
    wizard.step.set(Step::Product);
    wizard.submission.set(Submission::Placed);
    wizard.save();
    focus_later("result-heading".into());
}

fn fail(wizard: WizardState, failure: Failure) {
    wizard.submission.try_set(Submission::Failed(failure));
    focus_later("submit-failure".into());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{set, Locale};

    #[test]
    fn failures_are_told_in_the_current_language() {
        set(Locale::ZhCn);
        let failure = no_answer(Api::Huawei, &TransportError::TimedOut(30_000), false);
        assert_eq!(failure.summary, "无法确认购买是否成功");
        assert!(failure.next_step.contains("华为云控制台的证书列表"));
        let refusal = ProviderError {
            status: 503,
            code: None,
            message: "down".into(),
            unreadable: false,
        };
        let doubtful = refused(Api::GoGetSsl, &refusal, true);
        assert_eq!(doubtful.summary, "无法确认订单是否成功");
        assert!(doubtful.next_step.ends_with("再重试。"));
        set(Locale::En);
        let failure = no_answer(Api::Generic, &TransportError::TimedOut(30_000), true);
        assert_eq!(failure.summary, "We could not confirm the order");
        assert!(failure
            .next_step
            .starts_with("Nothing you typed is lost. Submit again"));
    }
}
