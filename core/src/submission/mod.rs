//! The submission as data: what has been bought, what is in doubt, the idempotency key and
//! what is in flight, with the rule that makes the wizard safe (never order twice) written
//! as plain functions the browser only carries out.
//!
//! [`plan`] says what to do next (send which request, or stop and why), [`begin`] writes
//! down what must be known before a request goes (a buy or an order without a key is in
//! doubt until its answer comes), and [`on_outcome`] reads what came back. The caller sends
//! the requests, saves [`Saga::to_saved`] after every step and shows the [`Failure`]s.

mod failure;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod model;
mod outcome;
mod plan;
#[cfg(test)]
mod tests;

pub use failure::{Failure, Lost};
pub use outcome::{on_outcome, Outcome};
pub use plan::{begin, plan, Action, Busy, Doing, OneRequest, Send, Setting, Step};

use crate::draft_store::{Purchase, SavedState};
use crate::providers::generic::OrderKey;
use crate::providers::huawei::CertId;
use crate::providers::Api;

/// A request of the submission and which attempt at it this is (0: the first).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Attempt {
    step: Step,
    number: u32,
    /// How many times the order server said a first attempt under the key was still being
    /// processed (409 `idempotency_in_progress`); each is waited for, not counted as a failure.
    waits: u32,
    /// Queued after such an answer: it goes after that wait, not a retry's backoff.
    waiting: bool,
}

/// Where a submission stands. Changed only by [`begin`], [`on_outcome`] and the person's
/// own answers below; the parts worth keeping go to storage through [`Saga::to_saved`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Saga {
    /// An order the provider accepted; for Huawei, the certificate bought, from the buy
    /// until its application is accepted.
    purchase: Option<Purchase>,
    /// A buy, or an order without an idempotency key, went and its outcome is unknown.
    buy_in_doubt: bool,
    /// The person looked and confirmed that the doubtful buy bought nothing.
    doubt_resolved: bool,
    /// The generic format's key of an order sent whose answer did not say yes or no.
    kept_key: Option<OrderKey>,
    /// The generic format's key for an order not yet sent (the review page's preview).
    fresh_key: Option<OrderKey>,
    /// The key of the request out now went before without a yes or no: an earlier send
    /// under it may have placed the order. Set by `begin`, from `kept_key`.
    key_sent_before: bool,
    /// The request out now.
    in_flight: Option<Attempt>,
    /// The request to send next without asking: a retry, or Huawei's status check.
    queued: Option<Attempt>,
}

impl Saga {
    /// The submission as a reload finds it: what storage kept, nothing in flight.
    pub fn restore(saved: &SavedState) -> Saga {
        Saga {
            purchase: saved.purchase.clone(),
            buy_in_doubt: saved.buy_in_doubt,
            kept_key: saved.order_key.as_deref().and_then(OrderKey::parse),
            ..Saga::default()
        }
    }

    /// The parts kept between visits (the step and the draft are the caller's).
    pub fn to_saved(&self) -> SavedState {
        SavedState {
            purchase: self.purchase.clone(),
            buy_in_doubt: self.buy_in_doubt,
            order_key: self.kept_key.as_ref().map(|k| k.as_str().to_string()),
            ..SavedState::default()
        }
    }

    pub fn purchase(&self) -> Option<&Purchase> {
        self.purchase.as_ref()
    }

    /// The order is placed (for Huawei: applied for): the result page from here on.
    pub fn placed(&self) -> bool {
        self.purchase.as_ref().is_some_and(|p| p.applied)
    }

    pub fn buy_in_doubt(&self) -> bool {
        self.buy_in_doubt
    }

    pub fn doubt_resolved(&self) -> bool {
        self.doubt_resolved
    }

    /// The key the next generic-format order goes under: the one kept from a send whose
    /// answer never came (so a retry is the same order), else the fresh one.
    pub fn key(&self) -> Option<&OrderKey> {
        self.kept_key.as_ref().or(self.fresh_key.as_ref())
    }

    /// Whether the generic format needs a fresh key: none was made yet, or a refusal spent it.
    pub fn wants_key(&self, api: Api) -> bool {
        match api {
            Api::Generic => self.key().is_none() && self.purchase.is_none(),
            Api::Huawei | Api::GoGetSsl | Api::Cpanel => false,
        }
    }

    /// A request is out, or about to go again by itself.
    pub fn in_flight(&self) -> bool {
        self.in_flight.is_some() || self.queued.is_some()
    }

    /// What the request out is doing, for the busy message.
    pub fn busy(&self) -> Option<Busy> {
        self.in_flight.as_ref().map(|a| Busy {
            doing: a.step.doing(),
            attempt: a.number,
            waiting: a.waits > 0,
        })
    }

    /// Whether an order may exist at the provider, or is about to: a request in flight, an
    /// order placed or a certificate bought, a buy whose answer never came, or a generic
    /// key kept after a lost or 5xx answer. While it holds, the order must finish where it
    /// started: an embedding page's `init` may not move it elsewhere.
    pub fn under_way(&self) -> bool {
        self.in_flight() || self.purchase.is_some() || self.buy_in_doubt || self.kept_key.is_some()
    }

    /// The person confirmed (or took back) that the doubtful buy bought nothing.
    pub fn resolve_doubt(&mut self, resolved: bool) {
        self.doubt_resolved = resolved;
    }

    /// A Huawei certificate bought earlier (elsewhere, or in a tab since closed), given by
    /// its ID: it is applied for instead of buying another.
    pub fn certificate_given(&mut self, cert: &CertId) {
        self.purchase = Some(Purchase {
            cert_id: cert.to_string(),
            ..Purchase::default()
        });
        self.buy_in_doubt = false;
    }

    /// The generic format's key for the order as the review page shows it now: made on each
    /// visit, so an order changed meanwhile does not go under a key a proxy may hold for
    /// another. A kept key still wins.
    pub fn offer_key(&mut self, key: Option<OrderKey>) {
        self.fresh_key = key;
    }
}
