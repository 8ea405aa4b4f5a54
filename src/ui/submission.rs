//! The submission's one owner: the saga (`ssl_order_core::submission::Saga`: what was
//! bought, what is in doubt, the idempotency key, what is in flight) and what the page
//! shows of it. Every change goes through the methods here; the pages only read.

use super::dom::random_uuid;
use crate::draft_store::{Purchase, SavedState};
use crate::providers::generic::OrderKey;
use crate::providers::huawei::CertId;
use leptos::prelude::*;
use ssl_order_core::submission::{
    begin, on_outcome, plan, Action, Busy, Failure, Outcome, Saga, Send, Setting,
};

/// Where a submission stands, as the page shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    Idle,
    /// A request is under way.
    Busy(Busy),
    Failed(Failure),
    /// The application was accepted: the result page shows from here on.
    Placed,
}

/// A `Copy` handle on the submission.
#[derive(Clone, Copy)]
pub struct Submission {
    saga: RwSignal<Saga>,
    status: RwSignal<Status>,
    // Each part alone, so what shows it re-renders on its own changes only (ticking the
    // doubt's checkbox must not draw the notice holding it again).
    purchase: Memo<Option<Purchase>>,
    buy_in_doubt: Memo<bool>,
}

impl Submission {
    /// The submission as storage kept it.
    pub fn restore(saved: &SavedState) -> Submission {
        let saga = Saga::restore(saved);
        let status = if saga.placed() {
            Status::Placed
        } else {
            Status::Idle
        };
        let saga = RwSignal::new(saga);
        Submission {
            saga,
            status: RwSignal::new(status),
            purchase: Memo::new(move |_| saga.with(|s| s.purchase().cloned())),
            buy_in_doubt: Memo::new(move |_| saga.with(Saga::buy_in_doubt)),
        }
    }

    pub fn status(&self) -> Status {
        self.status.get()
    }

    pub fn placed(&self) -> bool {
        self.status.with(|s| *s == Status::Placed)
    }

    pub fn placed_untracked(&self) -> bool {
        self.status.with_untracked(|s| *s == Status::Placed)
    }

    pub fn busy(&self) -> bool {
        self.status.with(|s| matches!(s, Status::Busy(_)))
    }

    pub fn purchase(&self) -> Option<Purchase> {
        self.purchase.get()
    }

    pub fn purchase_untracked(&self) -> Option<Purchase> {
        self.purchase.get_untracked()
    }

    /// Makes the running effect follow the purchase.
    pub fn track_purchase(&self) {
        self.purchase.track();
    }

    pub fn has_purchase(&self) -> bool {
        self.purchase.with(Option::is_some)
    }

    /// See `Saga::buy_in_doubt`.
    pub fn buy_in_doubt(&self) -> bool {
        self.buy_in_doubt.get()
    }

    pub fn doubt_resolved(&self) -> bool {
        self.saga.with(Saga::doubt_resolved)
    }

    /// The generic format's key the next order goes under (tracked: the preview shows it).
    pub fn key(&self) -> Option<OrderKey> {
        self.saga.with(|s| s.key().cloned())
    }

    /// A request is out: a second submission, Back or starting over waits. Read without
    /// tracking, synchronously, so a double click cannot slip through.
    pub fn in_flight(&self) -> bool {
        self.saga.with_untracked(Saga::in_flight)
    }

    /// See `Saga::under_way`; read without tracking.
    pub fn under_way(&self) -> bool {
        self.saga.with_untracked(Saga::under_way)
    }

    /// The parts of the submission kept between visits.
    pub fn saved(&self) -> SavedState {
        self.saga.with_untracked(Saga::to_saved)
    }

    /// The person confirmed (or took back) that the doubtful buy bought nothing.
    pub fn resolve_doubt(&self, resolved: bool) {
        self.saga.update(|s| s.resolve_doubt(resolved));
    }

    /// A Huawei certificate bought earlier, given by its ID: it is applied for.
    pub fn use_certificate(&self, cert: &CertId) {
        self.saga.update(|s| s.certificate_given(cert));
    }

    /// A new key for the generic format's order as the review page shows it now.
    pub fn renew_key(&self) {
        self.saga.update(|s| s.offer_key(random_uuid()));
    }

    /// Forgets the submission.
    pub fn start_over(&self) {
        self.saga.set(Saga::default());
        self.status.set(Status::Idle);
    }

    /// What to do next (see `submission::plan`).
    pub(super) fn plan(&self, setting: &Setting) -> Action {
        self.saga
            .try_with_untracked(|s| plan(s, setting))
            // The form is gone: nothing more to do.
            .unwrap_or(Action::Wait)
    }

    /// `send` is going: written down before it goes, and shown as under way.
    pub(super) fn begin(&self, send: &Send) {
        self.saga
            .try_update(|s| *s = begin(std::mem::take(s), send));
        if let Some(busy) = self.saga.try_with_untracked(Saga::busy).flatten() {
            self.status.try_set(Status::Busy(busy));
        }
    }

    /// What came back; the failure to show, if the submission stops here. A generic-format
    /// key spent by a refusal is replaced at once, so the preview shows the next one.
    pub(super) fn record(&self, setting: &Setting, outcome: Outcome) -> Option<Failure> {
        self.saga
            .try_update(|s| {
                let (mut next, failure) = on_outcome(std::mem::take(s), setting, outcome);
                if next.wants_key(setting.api) {
                    next.offer_key(random_uuid());
                }
                *s = next;
                failure
            })
            .flatten()
    }

    pub(super) fn fail(&self, failure: Failure) {
        self.status.try_set(Status::Failed(failure));
    }

    pub(super) fn finish(&self) {
        self.status.try_set(Status::Placed);
    }
}
