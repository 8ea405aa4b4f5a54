//! What to do next, and what is written down before a request goes.

use super::{Attempt, Failure, Saga};
use crate::order::ValidatedOrder;
use crate::providers::generic::OrderKey;
use crate::providers::huawei::{self, CertId};
use crate::providers::requests::{requests_for, take, Purpose, SendOptions};
use crate::providers::{Api, Endpoint, PreparedRequest, ProviderError};
use crate::retry::{backoff_ms, in_progress_wait_ms};

/// What a plan needs from outside: the API spoken, the order and where it goes.
#[derive(Debug, Clone, Copy)]
pub struct Setting<'a> {
    pub api: Api,
    pub order: &'a ValidatedOrder,
    pub endpoint: &'a Endpoint,
    pub options: &'a SendOptions,
}

/// One request of a submission.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// Huawei: buy the certificate.
    Buy,
    /// Huawei: apply for the certificate bought.
    Apply(CertId),
    /// Huawei: the apply was refused; the certificate's status says whether an earlier
    /// attempt, whose answer was lost, went in after all.
    CheckApplied {
        cert: CertId,
        refusal: ProviderError,
    },
    /// The other APIs: place the order in one request.
    Order(OneRequest),
}

/// The APIs that place an order in one request; the generic format with its key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OneRequest {
    GoGetSsl,
    Cpanel,
    Generic(OrderKey),
}

impl OneRequest {
    pub fn api(&self) -> Api {
        match self {
            OneRequest::GoGetSsl => Api::GoGetSsl,
            OneRequest::Cpanel => Api::Cpanel,
            OneRequest::Generic(_) => Api::Generic,
        }
    }

    /// The idempotency key: only an order under one may go again by itself.
    pub fn key(&self) -> Option<&OrderKey> {
        match self {
            OneRequest::Generic(key) => Some(key),
            OneRequest::GoGetSsl | OneRequest::Cpanel => None,
        }
    }
}

/// What a request in flight is doing, for the busy message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Doing {
    Buying,
    Applying,
    Placing,
}

/// The busy message's parts: what is done, and which attempt (0: the first).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Busy {
    pub doing: Doing,
    pub attempt: u32,
    /// The order server is still working on an earlier attempt: this one asks after it.
    pub waiting: bool,
}

impl Step {
    pub(super) fn doing(&self) -> Doing {
        match self {
            Step::Buy => Doing::Buying,
            Step::Apply(_) | Step::CheckApplied { .. } => Doing::Applying,
            Step::Order(_) => Doing::Placing,
        }
    }
}

/// A request to send, and the wait before it (a retry's backoff).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Send {
    pub step: Step,
    /// 0 for the first attempt, then the retry's number.
    pub attempt: u32,
    /// How many times the order server said the first attempt was still in progress.
    pub waits: u32,
    pub wait_ms: u32,
    pub request: PreparedRequest,
}

/// What the caller does next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// A request is out: nothing to do until its outcome (a second submit is ignored).
    Wait,
    /// Begin this send ([`begin`]), then feed its outcome to [`super::on_outcome`].
    Send(Send),
    /// Nothing is sent: the person must act first.
    Stop(Failure),
    /// The order is placed (and applied for, with Huawei).
    Done,
}

/// The next action for `saga`. Never a second buy or one-request order while the first
/// may have gone through, unless the person confirmed it did not; never a generic-format
/// order without a key.
pub fn plan(saga: &Saga, setting: &Setting) -> Action {
    if saga.in_flight.is_some() {
        return Action::Wait;
    }
    if let Some(queued) = &saga.queued {
        let wait_ms = match queued.step {
            // A check follows its refusal at once.
            Step::CheckApplied { .. } => 0,
            // The first attempt is still being processed: give it time.
            Step::Buy | Step::Apply(_) | Step::Order(_) if queued.waiting => {
                in_progress_wait_ms(queued.waits)
            }
            Step::Buy | Step::Apply(_) | Step::Order(_) if queued.number > 0 => {
                backoff_ms(queued.number)
            }
            Step::Buy | Step::Apply(_) | Step::Order(_) => 0,
        };
        return send(
            queued.step.clone(),
            (queued.number, queued.waits),
            wait_ms,
            setting,
        );
    }
    if saga.placed() {
        return Action::Done;
    }
    let doubtful = saga.buy_in_doubt && !saga.doubt_resolved;
    let one = match setting.api {
        Api::Huawei => {
            return match &saga.purchase {
                // Bought: apply, however often it takes; never buy again.
                Some(bought) => match CertId::parse(&bought.cert_id) {
                    Some(cert) => send(Step::Apply(cert), (0, 0), 0, setting),
                    None => Action::Stop(Failure::SavedIdInvalid {
                        id: bought.cert_id.clone(),
                    }),
                },
                None if doubtful => Action::Stop(Failure::EarlierInDoubt { api: Api::Huawei }),
                None => send(Step::Buy, (0, 0), 0, setting),
            };
        }
        Api::GoGetSsl => Some(OneRequest::GoGetSsl),
        Api::Cpanel => Some(OneRequest::Cpanel),
        Api::Generic => saga.key().cloned().map(OneRequest::Generic),
    };
    if saga.purchase.is_some() {
        // An order of one request is placed by its answer: nothing is left to send.
        return Action::Done;
    }
    if doubtful {
        return Action::Stop(Failure::EarlierInDoubt { api: setting.api });
    }
    match one {
        Some(one) => send(Step::Order(one), (0, 0), 0, setting),
        // Never an empty or made-up key: a retry under it could place a second order.
        None => Action::Stop(Failure::NoKey),
    }
}

/// `(attempt, waits)`: the retry's number and the "still in progress" answers so far.
fn send(step: Step, (attempt, waits): (u32, u32), wait_ms: u32, setting: &Setting) -> Action {
    match request_for(&step, setting) {
        Some(request) => Action::Send(Send {
            step,
            attempt,
            waits,
            wait_ms,
            request,
        }),
        None => Action::Stop(Failure::NoKey),
    }
}

/// The request of `step`, built by the same call as the review page's preview.
fn request_for(step: &Step, setting: &Setting) -> Option<PreparedRequest> {
    let Setting {
        order,
        endpoint,
        options,
        ..
    } = *setting;
    let (api, key, bought, purpose) = match step {
        Step::Buy => (Api::Huawei, None, None, Purpose::Buy),
        Step::Apply(cert) => (Api::Huawei, None, Some(cert), Purpose::Apply),
        Step::CheckApplied { cert, .. } => return Some(huawei::details_request(cert, endpoint)),
        Step::Order(one) => (one.api(), one.key(), None, Purpose::Order),
    };
    let requests = requests_for(api, order, endpoint, options, key, bought).ok()?;
    take(requests, purpose)
}

/// What is written down as `send` goes, before any answer: a buy, or an order without a
/// key, counts as in doubt until its answer says otherwise, so even a closed tab cannot
/// lead to a blind second purchase; the generic format keeps the key it sent.
pub fn begin(mut saga: Saga, send: &Send) -> Saga {
    match &send.step {
        Step::Buy => {
            saga.buy_in_doubt = true;
            saga.doubt_resolved = false;
        }
        Step::Apply(_) | Step::CheckApplied { .. } => {}
        Step::Order(one) => {
            saga.key_sent_before = one.key().is_some() && saga.kept_key.as_ref() == one.key();
            saga.kept_key = one.key().cloned();
            saga.buy_in_doubt = one.key().is_none();
            saga.doubt_resolved = false;
        }
    }
    saga.queued = None;
    saga.in_flight = Some(Attempt {
        step: send.step.clone(),
        number: send.attempt,
        waits: send.waits,
        waiting: false,
    });
    saga
}
