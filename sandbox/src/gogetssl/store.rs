//! The orders one server instance has taken, in memory.

use crate::clock::Clock;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant, SystemTime};

use rand::Rng;

use super::error::{ApiError, ORDER_NOT_FOUND};
use super::model::OrderRequest;
use super::order::{Order, Placed, StatusAnswer};

/// Order and invoice IDs are seven-digit numbers, like GoGetSSL's.
const ID_RANGE: std::ops::RangeInclusive<u32> = 1_000_000..=9_999_999;

#[derive(Clone)]
pub struct Store {
    orders: Arc<Mutex<HashMap<u32, Order>>>,
    issue_delay: Duration,
    /// What the handlers take for now.
    pub clock: Clock,
}

impl Store {
    /// `issue_delay` is how long an order stays `processing` before it is `active`.
    pub fn new(issue_delay: Duration) -> Self {
        Self {
            orders: Arc::default(),
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

    pub fn clear(&self) {
        self.lock().clear();
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
