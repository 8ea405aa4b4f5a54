//! The orders one server instance has taken, in memory.

use crate::clock::Clock;
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant, SystemTime};

use rand::Rng;

use super::dcv::random_text;
use super::error::{ApiError, ORDER_NOT_FOUND};
use super::model::OrderRequest;
use super::order::{Order, Placed, StatusAnswer};

/// The `auth_key`s `/auth/` handed out.
#[derive(Default)]
struct Keys {
    issued: HashSet<String>,
    expired: HashSet<String>,
}

/// How the sandbox regards an `auth_key`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyState {
    /// Handed out by `/auth/` and not expired since.
    Issued,
    /// Handed out, then expired by `POST /sandbox/_gogetssl/expire_keys`.
    Expired,
    /// Not from this sandbox: an operator pasted it (the direct mode).
    NeverIssued,
}

/// Order and invoice IDs are seven-digit numbers, like GoGetSSL's.
const ID_RANGE: std::ops::RangeInclusive<u32> = 1_000_000..=9_999_999;

#[derive(Clone)]
pub struct Store {
    orders: Arc<Mutex<HashMap<u32, Order>>>,
    keys: Arc<Mutex<Keys>>,
    issue_delay: Duration,
    /// What the handlers take for now.
    pub clock: Clock,
}

impl Store {
    /// `issue_delay` is how long an order stays `processing` before it is `active`.
    pub fn new(issue_delay: Duration) -> Self {
        Self {
            orders: Arc::default(),
            keys: Arc::default(),
            issue_delay,
            clock: Clock::default(),
        }
    }

    /// The store, its handlers keeping time by `clock`.
    pub fn with_clock(self, clock: Clock) -> Self {
        Self { clock, ..self }
    }

    /// Every change is one insert or one clear, so a poisoned lock is still consistent.
    fn lock(&self) -> MutexGuard<'_, HashMap<u32, Order>> {
        self.orders.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Takes a validated order placed at `now` / `wall_now` and answers as the API does.
    pub fn place(&self, request: OrderRequest, now: Instant, wall_now: SystemTime) -> Placed {
        let mut rng = rand::rng();
        let mut orders = self.lock();
        let id = loop {
            let id = rng.random_range(ID_RANGE);
            if !orders.contains_key(&id) {
                break id;
            }
        };
        let invoice_id = rng.random_range(ID_RANGE);
        let order = Order::new(
            id,
            invoice_id,
            request,
            now,
            wall_now,
            self.issue_delay,
            &mut rng,
        );
        let placed = order.placed_at(now);
        orders.insert(id, order);
        placed
    }

    pub fn status(&self, id: &str, now: Instant) -> Result<StatusAnswer, ApiError> {
        let orders = self.lock();
        id.parse()
            .ok()
            .and_then(|id: u32| orders.get(&id))
            .map(|order| order.status_answer_at(now))
            .ok_or_else(|| {
                ApiError::refused(
                    ORDER_NOT_FOUND,
                    format!("Invalid order_id: there is no order {id:?} in this account."),
                )
            })
    }

    /// Forgets every order and every key issued (expired ones too).
    pub fn clear(&self) {
        self.lock().clear();
        *self.keys() = Keys::default();
    }

    /// Each change is one insert, one move or one reset, so a poisoned lock is consistent.
    fn keys(&self) -> MutexGuard<'_, Keys> {
        self.keys.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// A new `auth_key`, remembered as issued.
    pub fn issue_key(&self) -> String {
        let mut keys = self.keys();
        let mut rng = rand::rng();
        loop {
            let key = random_text(&mut rng, b"0123456789abcdef", 32);
            if !keys.expired.contains(&key) && keys.issued.insert(key.clone()) {
                return key;
            }
        }
    }

    /// What the sandbox knows of `key`.
    pub fn key_state(&self, key: &str) -> KeyState {
        let keys = self.keys();
        if keys.issued.contains(key) {
            KeyState::Issued
        } else if keys.expired.contains(key) {
            KeyState::Expired
        } else {
            KeyState::NeverIssued
        }
    }

    /// Every key issued so far is refused from now on; later logins get fresh ones.
    pub fn expire_keys(&self) {
        let mut keys = self.keys();
        let issued = std::mem::take(&mut keys.issued);
        keys.expired.extend(issued);
    }

    #[cfg(test)]
    pub(super) fn order_count(&self) -> usize {
        self.lock().len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gogetssl::dcv::DcvChoice;
    use crate::gogetssl::products::find;

    fn request() -> OrderRequest {
        OrderRequest {
            product: find(45).unwrap(),
            period: 12,
            price_cents: 800,
            domain: "www.example.com".into(),
            dcv: DcvChoice::Dns,
            sans: Vec::new(),
        }
    }

    #[test]
    fn placed_orders_are_found_by_their_id_until_cleared() {
        let store = Store::new(Duration::from_secs(30));
        let now = Instant::now();
        let placed = store.place(request(), now, SystemTime::now());
        assert!(ID_RANGE.contains(&placed.order_id));
        assert!(ID_RANGE.contains(&placed.invoice_id));
        let status = store.status(&placed.order_id.to_string(), now).unwrap();
        assert_eq!(status.domain, "www.example.com");
        assert_eq!(status.approver_method, placed.approver_method);
        store.clear();
        assert_eq!(store.order_count(), 0);
        let error = store.status(&placed.order_id.to_string(), now).unwrap_err();
        assert_eq!(error.message, ORDER_NOT_FOUND);
    }

    #[test]
    fn issued_keys_are_remembered_until_expired_and_forgotten_on_clear() {
        let store = Store::new(Duration::ZERO);
        let first = store.issue_key();
        assert_eq!(first.len(), 32);
        assert_eq!(store.key_state(&first), KeyState::Issued);
        assert_eq!(store.key_state("0123456789abcdef"), KeyState::NeverIssued);
        store.expire_keys();
        assert_eq!(store.key_state(&first), KeyState::Expired);
        let second = store.issue_key();
        assert_ne!(first, second);
        assert_eq!(store.key_state(&second), KeyState::Issued);
        store.clear();
        assert_eq!(store.key_state(&first), KeyState::NeverIssued);
        assert_eq!(store.key_state(&second), KeyState::NeverIssued);
    }

    #[test]
    fn ids_that_are_not_numbers_are_not_found() {
        let store = Store::new(Duration::ZERO);
        for id in ["abc", "-1", "", "99999999999"] {
            let error = store.status(id, Instant::now()).unwrap_err();
            assert!(error.description.contains("order_id"), "{id}");
        }
    }

    #[test]
    fn a_zero_delay_places_an_active_order() {
        let store = Store::new(Duration::ZERO);
        let placed = store.place(request(), Instant::now(), SystemTime::now());
        assert_eq!(placed.order_status, "active");
    }
}
