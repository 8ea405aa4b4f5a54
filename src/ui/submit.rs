//! Placing the order: buy, then apply, each step recorded before the next is tried.

use super::dom::focus_later;
use super::state::{Failure, Submission, WizardState};
use crate::draft_store::Purchase;
use crate::order::{OrderDraft, Step, ValidatedOrder};
use crate::providers::huawei::{self, CertId};
use crate::transport;
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
    let buying = wizard.purchase.with_untracked(Option::is_none);
    if buying && wizard.buy_in_doubt.get_untracked() && !wizard.doubt_resolved.get_untracked() {
        wizard.submission.set(Submission::Failed(Failure {
            summary: "Check for the earlier purchase first".into(),
            detail: "An earlier attempt to buy this certificate got no answer, so it may have gone through.".into(),
            next_step: "Look in the certificate list of your Huawei Cloud console. If no certificate was bought, tick the box above and submit again.".into(),
        }));
        focus_later(DOUBT_CHECKBOX.into());
        return;
    }
    wizard.in_flight.set_value(true);
    spawn_local(async move {
        place(wizard, order).await;
        wizard.in_flight.try_set_value(false);
    });
}

async fn place(wizard: WizardState, order: ValidatedOrder) {
    let (endpoint, timeout) = wizard
        .config
        .with_value(|c| (c.endpoint.clone(), c.timeout_ms));
    let purchase = match wizard.purchase.get_untracked() {
        Some(purchase) => purchase,
        None => {
            wizard
                .submission
                .set(Submission::Busy("Buying the certificate…"));
            // Written ahead: if no answer ever arrives, the next attempt must ask first.
            wizard.buy_in_doubt.set(true);
            wizard.doubt_resolved.set(false);
            wizard.save();
            let request = huawei::buy_request(&order, &endpoint);
            let answer = match transport::send(&request, timeout).await {
                Ok(answer) => answer,
                Err(err) => {
                    return fail(
                        wizard,
                        Failure {
                            summary: "We could not confirm the purchase".into(),
                            detail: err.to_string(),
                            next_step: "Nothing you typed is lost. The provider may or may not have received the purchase: check the certificate list in your Huawei Cloud console before trying again, so that you do not pay twice.".into(),
                        },
                    );
                }
            };
            let outcome = huawei::parse_buy(answer.status, &answer.body);
            // Only a server-side failure leaves the purchase in doubt; a refusal bought nothing.
            let still_in_doubt = matches!(&outcome, Err(err) if err.status >= 500);
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
                    };
                    wizard.purchase.set(Some(purchase.clone()));
                    // Written now, not by the next effect: a reload from here on must resume at apply.
                    wizard.save();
                    purchase
                }
                Err(err) => {
                    wizard.save();
                    let mut failure =
                        Failure::from_provider("The provider did not sell the certificate", &err);
                    if still_in_doubt {
                        failure.summary = "We could not confirm the purchase".into();
                        failure.next_step = format!(
                            "{} The provider may still have bought it: check the certificate list in your Huawei Cloud console before trying again.",
                            failure.next_step
                        );
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
    wizard
        .submission
        .set(Submission::Busy("Applying for the certificate…"));
    let request = huawei::apply_request(&order, &cert, &endpoint);
    let outcome = match transport::send(&request, timeout).await {
        Ok(answer) => huawei::parse_apply(answer.status, &answer.body).map_err(|err| {
            Failure::from_provider(
                &format!(
                    "Certificate {cert} is paid for, but the application was not accepted"
                ),
                &err,
            )
        }),
        Err(err) => Err(Failure {
            summary: format!("Certificate {cert} is paid for, but the application could not be sent"),
            detail: err.to_string(),
            next_step: "Nothing you typed is lost and you will not be charged again: submit once more to apply for the same certificate.".into(),
        }),
    };
    match outcome {
        Ok(()) => {
            wizard.purchase.set(Some(Purchase {
                applied: true,
                ..purchase
            }));
            // The order is placed: what was typed is no longer needed.
            wizard.draft.set(OrderDraft::default());
            wizard.step.set(Step::Product);
            wizard.submission.set(Submission::Placed);
            wizard.save();
            focus_later("result-heading".into());
        }
        Err(failure) => fail(wizard, failure),
    }
}

fn fail(wizard: WizardState, failure: Failure) {
    wizard.submission.try_set(Submission::Failed(failure));
    focus_later("submit-failure".into());
}
