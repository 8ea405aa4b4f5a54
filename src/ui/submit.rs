//! Placing the order, in the configured API's own steps, each recorded before the next.
//!
//! Huawei: buy, then apply. GoGetSSL, cPanel and the generic format: one request. A request
//! whose answer never came may have placed the order; the wizard never repeats one blindly.

use super::dom::{focus_later, random_uuid};
use super::state::{Failure, Submission, WizardState};
use crate::draft_store::Purchase;
use crate::order::{OrderDraft, Step, ValidatedOrder};
use crate::providers::huawei::{self, CertId, CertStatus};
use crate::providers::{
    cpanel, generic, gogetssl, Api, Endpoint, Placed, PreparedRequest, ProviderError,
};
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
    let api = wizard.config.with_value(|c| c.api);
    let buying = wizard.purchase.with_untracked(Option::is_none);
    if buying && wizard.buy_in_doubt.get_untracked() && !wizard.doubt_resolved.get_untracked() {
        wizard.submission.set(Submission::Failed(Failure {
            summary: format!("Check for the earlier {} first", noun(api)),
            detail:
                "An earlier attempt to place this order got no answer, so it may have gone through."
                    .into(),
            next_step: format!(
                "Look in {}. If nothing was ordered, tick the box above and submit again.",
                api.where_to_check()
            ),
        }));
        focus_later(DOUBT_CHECKBOX.into());
        return;
    }
    wizard.in_flight.set_value(true);
    spawn_local(async move {
        match api {
            Api::Huawei => buy_and_apply(wizard, order).await,
            _ => place_at_once(wizard, api, order).await,
        }
        wizard.in_flight.try_set_value(false);
    });
}

/// What the first request does: Huawei's buys a certificate, the others place an order.
fn noun(api: Api) -> &'static str {
    match api {
        Api::Huawei => "purchase",
        _ => "order",
    }
}

const SAME_KEY: &str = "Nothing you typed is lost. Submit again: the same order key is sent, so the order cannot be placed twice.";

/// The message for a request that got no answer at all.
fn no_answer(api: Api, err: &TransportError, key_kept: bool) -> Failure {
    let next_step = if key_kept {
        SAME_KEY.to_string()
    } else {
        format!(
            "Nothing you typed is lost. The provider may or may not have received the order: check {} before trying again, so that you do not pay twice.",
            api.where_to_check()
        )
    };
    Failure {
        summary: format!("We could not confirm the {}", noun(api)),
        detail: err.to_string(),
        next_step,
    }
}

/// A refusal bought nothing; a server-side failure may have bought something.
fn refused(api: Api, err: &ProviderError, in_doubt: bool) -> Failure {
    let mut failure = Failure::from_provider("The provider did not accept the order", err);
    if in_doubt {
        failure.summary = format!("We could not confirm the {}", noun(api));
        failure.next_step = format!(
            "{} The provider may still have placed it: check {} before trying again.",
            failure.next_step,
            api.where_to_check()
        );
    }
    failure
}

/// The page's own address without query or fragment, where cPanel's checkout returns to.
fn this_page() -> Option<String> {
    let href = web_sys::window()?.location().href().ok()?;
    let end = href.find(['?', '#']).unwrap_or(href.len());
    Some(href[..end].to_string())
}

async fn place_at_once(wizard: WizardState, api: Api, order: ValidatedOrder) {
    let config = wizard.config.get_value();
    let endpoint = &crate::embed::endpoint(&config);
    let key = match api {
        Api::Generic => Some(wizard.order_key.get_value().unwrap_or_else(random_uuid)),
        _ => None,
    };
    let request: PreparedRequest = match (api, &key) {
        (Api::Generic, Some(key)) => generic::order_request(&order, endpoint, key),
        (Api::Cpanel, _) => {
            let mut options = config.cpanel.clone();
            if options.url_after_checkout.is_none() {
                options.url_after_checkout = this_page();
            }
            cpanel::order_request(&order, endpoint, &options)
        }
        _ => gogetssl::order_request(&order, endpoint, config.gogetssl),
    };
    busy(wizard, "Placing the order…");
    // Written ahead: if no answer ever arrives, the next attempt must not place a second order.
    wizard.order_key.set_value(key.clone());
    wizard.buy_in_doubt.set(key.is_none());
    wizard.doubt_resolved.set(false);
    wizard.save();
    // Only an order under an idempotency key may go again by itself: the proxy places it once.
    let answer = match key {
        Some(_) => {
            transport::send_retrying(&request, config.timeout_ms, |n| {
                retrying(wizard, "Placing the order…", n)
            })
            .await
        }
        None => transport::send(&request, config.timeout_ms).await,
    };
    let answer = match answer {
        Ok(answer) => answer,
        Err(err) => return fail(wizard, no_answer(api, &err, key.is_some())),
    };
    let outcome = match api {
        Api::GoGetSsl => {
            gogetssl::parse_order(answer.status, &answer.body, &order.primary.name.to_string())
        }
        Api::Cpanel => cpanel::parse_order(answer.status, &answer.body, &order),
        _ => generic::parse_order(answer.status, &answer.body),
    };
    match outcome {
        Ok(placed) => {
            wizard.buy_in_doubt.set(false);
            wizard.order_key.set_value(None);
            finish(wizard, purchase_of(placed));
        }
        Err(err) => {
            let server_side = err.maybe_acted();
            let mismatch = err.code.as_deref() == Some("idempotency_mismatch");
            if key.is_some() && !server_side {
                // The proxy refused the order, or refused a changed order under an old key
                // whose first attempt may have gone through: then the person must check.
                wizard.order_key.set_value(None);
                wizard.buy_in_doubt.set(mismatch);
            } else {
                wizard.buy_in_doubt.set(key.is_none() && server_side);
            }
            wizard.save();
            let in_doubt = (key.is_none() && server_side) || mismatch;
            let mut failure = refused(api, &err, in_doubt);
            if key.is_some() && server_side {
                // The key is kept: whatever happened, submitting again cannot order twice.
                failure.summary = format!("We could not confirm the {}", noun(api));
                failure.next_step = SAME_KEY.into();
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
        amount: placed.amount,
        instructions: placed.instructions,
    }
}

async fn buy_and_apply(wizard: WizardState, order: ValidatedOrder) {
    let (endpoint, timeout) = wizard
        .config
        .with_value(|c| (crate::embed::endpoint(c), c.timeout_ms));
    let purchase = match wizard.purchase.get_untracked() {
        Some(purchase) => purchase,
        None => {
            busy(wizard, "Buying the certificate…");
            // Written ahead: if no answer ever arrives, the next attempt must ask first.
            wizard.buy_in_doubt.set(true);
            wizard.doubt_resolved.set(false);
            wizard.save();
            let request = huawei::buy_request(&order, &endpoint);
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
                        failure.summary = "The provider did not sell the certificate".into();
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
                summary: "The saved certificate ID is not valid".into(),
                detail: format!(
                    "\"{}\" is not a 16-character certificate ID.",
                    purchase.cert_id
                ),
                next_step: "Start over, or contact support with your order ID.".into(),
            },
        );
    };
    const APPLYING: &str = "Applying for the certificate…";
    busy(wizard, APPLYING);
    let request = huawei::apply_request(&order, &cert, &endpoint);
    // The certificate is paid for: applying again costs nothing, so a lost answer is retried.
    let sent = transport::send_retrying(&request, timeout, |n| retrying(wizard, APPLYING, n)).await;
    let outcome = match sent {
        Ok(answer) => match huawei::parse_apply(answer.status, &answer.body) {
            Ok(()) => Ok(()),
            // An earlier attempt whose answer was lost (before a retry or a reload) may have
            // been accepted, or this one despite the failure: the certificate's status says.
            Err(_) if already_applied(&cert, &endpoint, timeout).await => Ok(()),
            Err(err) => Err(Failure::from_provider(
                &format!("Certificate {cert} is paid for, but the application was not accepted"),
                &err,
            )),
        },
        Err(err) => Err(Failure {
            summary: format!("Certificate {cert} is paid for, but the application could not be sent"),
            detail: err.to_string(),
            next_step: "Nothing you typed is lost and you will not be charged again: submit once more to apply for the same certificate.".into(),
        }),
    };
    match outcome {
        Ok(()) => finish(
            wizard,
            Purchase {
                applied: true,
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
    wizard.submission.try_set(Submission::Busy(format!(
        "{doing} The provider has not answered properly yet: trying again (attempt {} of {attempts}).",
        retry + 1
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
