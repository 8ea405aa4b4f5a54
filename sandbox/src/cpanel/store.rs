//! The orders one server instance has taken, in memory.

use crate::clock::Clock;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use super::fake_certificate::fake_certificate_pem;
use super::ids::{key_id, numeric_id};
use super::order::{Item, Order, Stage};
use super::request::OrderRequest;

#[derive(Clone)]
pub struct Store {
    book: Arc<Mutex<Book>>,
    issue_delay: Duration,
    /// What the handlers take for now.
    pub clock: Clock,
}

#[derive(Default)]
struct Book {
    orders: HashMap<String, Order>,
    /// Order item ID -> order ID.
    items: HashMap<String, String>,
}

impl Book {
    /// Order and item IDs share one space, so a status call never mistakes one for the other.
    fn is_taken(&self, id: &str) -> bool {
        self.orders.contains_key(id) || self.items.contains_key(id)
    }

    fn fresh_id(&self, rng: &mut impl rand::Rng, also_taken: &[String]) -> String {
        loop {
            let id = numeric_id(rng);
            if !self.is_taken(&id) && !also_taken.contains(&id) {
                return id;
            }
        }
    }
}

impl Store {
    /// `issue_delay`: how long a paid order is validated before its certificates are issued.
    pub fn new(issue_delay: Duration) -> Self {
        Self {
            book: Arc::default(),
            issue_delay,
            clock: Clock::default(),
        }
    }

    /// The store, its handlers keeping time by `clock`.
    pub fn with_clock(self, clock: Clock) -> Self {
        Self { clock, ..self }
    }

    /// Every change is one insert or one assignment, so a poisoned lock is still consistent.
    fn lock(&self) -> MutexGuard<'_, Book> {
        self.book.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Stores a validated order, unpaid, and returns it.
    pub fn place(&self, request: OrderRequest) -> Order {
        let mut rng = rand::rng();
        let mut book = self.lock();
        let order_id = book.fresh_id(&mut rng, &[]);
        let mut taken = vec![order_id.clone()];
        let mut items = Vec::with_capacity(request.certificates.len());
        for certificate in request.certificates {
            let id = book.fresh_id(&mut rng, &taken);
            taken.push(id.clone());
            items.push(Item {
                id,
                key_id: key_id(&mut rng),
                product: certificate.product,
                names: certificate.names,
                vhost_names: certificate.vhost_names,
                identity: certificate.identity,
                price_cents: certificate.price_cents,
                certificate_pem: fake_certificate_pem(&mut rng),
            });
        }
        let order = Order::new(order_id.clone(), items, request.url_after_checkout);
        for item in &order.items {
            book.items.insert(item.id.clone(), order_id.clone());
        }
        book.orders.insert(order_id, order.clone());
        order
    }

    pub fn order(&self, order_id: &str) -> Option<Order> {
        self.lock().orders.get(order_id).cloned()
    }

    /// Checks the order out at `now`; `None` if there is no such order.
    pub fn pay(&self, order_id: &str, now: Instant) -> Option<Order> {
        let mut book = self.lock();
        let order = book.orders.get_mut(order_id)?;
        order.pay(now, self.issue_delay);
        Some(order.clone())
    }

    /// The order item `item_id` and its stage at `now`.
    pub fn item_at(&self, item_id: &str, now: Instant) -> Option<(Item, Stage)> {
        let book = self.lock();
        let order = book.orders.get(book.items.get(item_id)?)?;
        let item = order.items.iter().find(|item| item.id == item_id)?;
        Some((item.clone(), order.stage_at(now)))
    }

    pub fn clear(&self) {
        let mut book = self.lock();
        book.orders.clear();
        book.items.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cpanel::products::find;
    use crate::cpanel::request::CertificateRequest;

    const DELAY: Duration = Duration::from_secs(30);

    fn request(certificates: usize) -> OrderRequest {
        let certificate = CertificateRequest {
            product: find("143").unwrap(),
            names: Vec::new(),
            price_cents: 600,
            vhost_names: vec!["example.com".into()],
            identity: None,
        };
        OrderRequest {
            certificates: vec![certificate; certificates],
            url_after_checkout: None,
        }
    }

    #[test]
    fn an_order_gets_distinct_ids_for_itself_and_each_item() {
        let store = Store::new(DELAY);
        let order = store.place(request(3));
        let mut ids: Vec<&str> = order.items.iter().map(|item| item.id.as_str()).collect();
        ids.push(&order.id);
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), 4);
        assert!(order.items.iter().all(|item| item.key_id.len() == 44));
    }

    #[test]
    fn items_are_found_and_follow_their_orders_payment() {
        let store = Store::new(DELAY);
        let order = store.place(request(1));
        let item = &order.items[0].id;
        let t0 = Instant::now();
        assert_eq!(
            store.item_at(item, t0).map(|(_, stage)| stage),
            Some(Stage::Unpaid)
        );
        assert!(store.pay(&order.id, t0).is_some());
        assert_eq!(
            store.item_at(item, t0).map(|(_, stage)| stage),
            Some(Stage::Validating)
        );
        assert_eq!(
            store.item_at(item, t0 + DELAY).map(|(_, stage)| stage),
            Some(Stage::Issued)
        );
        assert!(
            store.item_at(&order.id, t0).is_none(),
            "an order ID is not an item ID"
        );
    }

    #[test]
    fn clear_forgets_orders_and_items() {
        let store = Store::new(DELAY);
        let order = store.place(request(1));
        store.clear();
        assert!(store.order(&order.id).is_none());
        assert!(store.item_at(&order.items[0].id, Instant::now()).is_none());
        assert!(store.pay(&order.id, Instant::now()).is_none());
    }
}
