//! What came back from a request, and what it changes.

use super::plan::{OneRequest, Setting, Step};
use super::{Attempt, Failure, Lost, Saga};
use crate::draft_store::Purchase;
use crate::providers::huawei::{self, CertId, CertStatus};
use crate::providers::{cpanel, generic, gogetssl, Api, Placed, ProviderError};
use crate::retry::{self, again, IN_PROGRESS_WAITS};

/// What one request came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// An HTTP answer, whatever its status.
    Answered { status: u16, body: String },
    /// No HTTP answer at all.
    Lost(Lost),
}

impl Outcome {
    fn attempt(&self) -> retry::Attempt {
        match self {
            Outcome::Answered { status, .. } => retry::Attempt::Answered(*status),
            Outcome::Lost(_) => retry::Attempt::NoAnswer,
        }
    }
}

/// The submission after the outcome of the request in flight, and the failure to show if
/// it stops here. With no failure, [`super::plan`] says what comes next.
pub fn on_outcome(mut saga: Saga, setting: &Setting, outcome: Outcome) -> (Saga, Option<Failure>) {
    let Some(Attempt {
        step,
        number,
        waits,
        ..
    }) = saga.in_flight.take()
    else {
        // An outcome with nothing in flight (a reload came in between) changes nothing.
        return (saga, None);
    };
    // Only a request safe to repeat goes again by itself: Huawei's apply (the certificate
    // is paid for) and an order under an idempotency key; never a buy or an order without.
    let repeatable = match &step {
        Step::Apply(_) => true,
        Step::Order(one) => one.key().is_some(),
        Step::Buy | Step::CheckApplied { .. } => false,
    };
    // The order server is still working on an earlier attempt under the key: not a
    // failure, and not a reason for a new key. Asked again, under the same key, after a wait.
    let keyed = matches!(&step, Step::Order(one) if one.key().is_some());
    if keyed && still_in_progress(&outcome) {
        if waits < IN_PROGRESS_WAITS {
            saga.queued = Some(Attempt {
                step,
                number,
                waits: waits + 1,
                waiting: true,
            });
            return (saga, None);
        }
        // The key stays kept (`begin`): the person submits again later under it.
        return (saga, Some(Failure::StillInProgress));
    }
    if repeatable && again(number, outcome.attempt()) {
        saga.queued = Some(Attempt {
            step,
            number: number + 1,
            waits,
            waiting: false,
        });
        return (saga, None);
    }
    let failure = match step {
        Step::Buy => bought(&mut saga, outcome),
        Step::Apply(cert) => match outcome {
            Outcome::Answered { status, body } => match huawei::parse_apply(status, &body) {
                Ok(()) => applied(&mut saga, setting),
                // An earlier attempt whose answer was lost (before a retry or a reload) may
                // have been accepted, or this one despite the failure: the status says.
                Err(refusal) => {
                    saga.queued = Some(Attempt {
                        step: Step::CheckApplied { cert, refusal },
                        number,
                        waits,
                        waiting: false,
                    });
                    None
                }
            },
            Outcome::Lost(lost) => Some(Failure::ApplyNoAnswer { cert, lost }),
        },
        Step::CheckApplied { cert, refusal } => {
            if went_in(&outcome) {
                applied(&mut saga, setting)
            } else {
                Some(Failure::ApplyRefused {
                    cert,
                    error: refusal,
                })
            }
        }
        Step::Order(one) => placed(&mut saga, setting, one, outcome),
    };
    (saga, failure)
}

/// A 409 `idempotency_in_progress`: the first request under the key is still being processed.
fn still_in_progress(outcome: &Outcome) -> bool {
    match outcome {
        Outcome::Answered { status: 409, body } => generic::parse_order(409, body)
            .is_err_and(|e| e.code.as_deref() == Some("idempotency_in_progress")),
        Outcome::Answered { .. } | Outcome::Lost(_) => false,
    }
}

/// Huawei's buy: the certificate ID is written down at once, so from here on a failure or
/// a reload resumes at apply.
fn bought(saga: &mut Saga, outcome: Outcome) -> Option<Failure> {
    let (status, body) = match outcome {
        Outcome::Answered { status, body } => (status, body),
        // Still in doubt, as written before the buy went.
        Outcome::Lost(lost) => {
            return Some(Failure::NoAnswer {
                api: Api::Huawei,
                lost,
            })
        }
    };
    match huawei::parse_buy(status, &body) {
        Ok(bought) => {
            saga.buy_in_doubt = false;
            // parse_buy never returns an empty list; the wizard buys one certificate.
            let cert_id = bought
                .cert_ids
                .first()
                .map(CertId::to_string)
                .unwrap_or_default();
            saga.purchase = Some(Purchase {
                order_id: bought.order_id,
                cert_id,
                applied: false,
                ..Purchase::default()
            });
            None
        }
        // Only a failure on Huawei's side leaves the purchase in doubt; a refusal bought nothing.
        Err(error) if error.maybe_acted() => Some(Failure::InDoubt {
            api: Api::Huawei,
            error,
        }),
        Err(error) => {
            saga.buy_in_doubt = false;
            Some(Failure::NotSold { error })
        }
    }
}

/// Whether the certificate's status says its application went in: it has left `PAID`.
fn went_in(outcome: &Outcome) -> bool {
    match outcome {
        Outcome::Answered { status, body } => {
            huawei::parse_details(*status, body).is_ok_and(|d| left_paid(&d.status))
        }
        Outcome::Lost(_) => false,
    }
}

/// Every status past `PAID` means an application went in; an unknown one proves nothing.
fn left_paid(status: &CertStatus) -> bool {
    match status {
        CertStatus::Paid | CertStatus::Other(_) => false,
        CertStatus::Issued
        | CertStatus::Checking
        | CertStatus::CancelChecking
        | CertStatus::Unpassed
        | CertStatus::Expired
        | CertStatus::Revoking
        | CertStatus::Revoked
        | CertStatus::Upload
        | CertStatus::SupplementChecking
        | CertStatus::CancelSupplementing
        | CertStatus::CheckingOrg
        | CertStatus::Issuing
        | CertStatus::CancelRevoking => true,
    }
}

/// Huawei accepted the application: the order is placed.
fn applied(saga: &mut Saga, setting: &Setting) -> Option<Failure> {
    let order = setting.order;
    if let Some(purchase) = &mut saga.purchase {
        purchase.applied = true;
        purchase.auto_dns_auth = order.auto_dns_auth;
        purchase.provider_key = order.csr.key_algorithm().is_some();
    }
    None
}

/// A one-request order's answer.
fn placed(
    saga: &mut Saga,
    setting: &Setting,
    one: OneRequest,
    outcome: Outcome,
) -> Option<Failure> {
    let api = one.api();
    let keyed = one.key().is_some();
    let (status, body) = match outcome {
        Outcome::Answered { status, body } => (status, body),
        // What `begin` wrote stays: the key is kept, or the order is in doubt.
        Outcome::Lost(lost) if keyed => return Some(Failure::NoAnswerKeyKept { lost }),
        Outcome::Lost(lost) => return Some(Failure::NoAnswer { api, lost }),
    };
    let read = match &one {
        OneRequest::GoGetSsl => gogetssl::parse_order(status, &body, setting.order),
        OneRequest::Cpanel => cpanel::parse_order(status, &body, setting.order),
        OneRequest::Generic(_) => generic::parse_order(status, &body),
    };
    let error = match read {
        Ok(placed) => {
            saga.buy_in_doubt = false;
            saga.kept_key = None;
            saga.fresh_key = None;
            saga.purchase = Some(purchase_of(placed));
            return None;
        }
        Err(error) => error,
    };
    let server_side = error.maybe_acted();
    if !keyed {
        saga.buy_in_doubt = server_side;
        return Some(if server_side {
            Failure::InDoubt { api, error }
        } else {
            Failure::Refused { api, error }
        });
    }
    if server_side {
        // The key is kept: whatever happened, sending again cannot order twice.
        saga.buy_in_doubt = false;
        return Some(Failure::InDoubtKeyKept { error });
    }
    if unread(&error) && saga.key_sent_before {
        // A gateway in front refused this request (a 429 page), or the order server turned
        // it away before reading it (an expired session, a rate limit): an earlier send under
        // the key, never answered, may have placed the order. The key stays; the next send
        // repeats it, and the proxy answers with that order or places this one once.
        return Some(Failure::Refused { api, error });
    }
    // The proxy refused the order: a refused key is not reused, the corrected order goes
    // under a new one. A refusal of a changed order under an old key whose first attempt
    // may have gone through leaves that first order in doubt: the person must check.
    let mismatch = matches!(
        error.code.as_deref(),
        Some("idempotency_mismatch" | "idempotency_key_reused")
    );
    saga.kept_key = None;
    saga.fresh_key = None;
    saga.buy_in_doubt = mismatch;
    Some(if mismatch {
        Failure::InDoubt { api, error }
    } else {
        Failure::Refused { api, error }
    })
}

/// A refusal that says nothing about the order or its key: the proxy (or what is in front of
/// it) never read them. Unreadable pages, and the order server's checks of who is asking and
/// how often, which come before the order is read.
fn unread(error: &ProviderError) -> bool {
    error.unreadable
        || matches!(error.status, 401 | 429)
        || matches!(error.code.as_deref(), Some("unauthorized" | "rate_limited"))
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
        // Only Huawei's apply carries these.
        auto_dns_auth: false,
        provider_key: false,
    }
}
