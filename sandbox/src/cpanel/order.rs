//! One order at the cPanel Store and its life: unpaid -> (checkout) -> validating ->
//! (issue delay) -> issued.
//!
//! Pure: the time is always passed in, so the life is tested without sleeping.

use std::time::{Duration, Instant};

use serde_json::{Map, Value};

use super::products::Product;
use super::subject_names::SubjectName;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Ordered, not yet checked out.
    Unpaid,
    /// Paid; the certificate authority is validating.
    Validating,
    Issued,
}

/// One certificate of an order (cPanel's "order item").
#[derive(Debug, Clone)]
pub struct Item {
    pub id: String,
    pub key_id: String,
    pub product: &'static Product,
    pub names: Vec<SubjectName>,
    pub vhost_names: Vec<String>,
    /// The checked `identity_verification` of an OV or EV item.
    pub identity: Option<Map<String, Value>>,
    pub price_cents: u64,
    /// Made at order time, shown only once issued.
    pub certificate_pem: String,
}

#[derive(Debug, Clone)]
pub struct Order {
    pub id: String,
    pub items: Vec<Item>,
    pub url_after_checkout: Option<String>,
    /// Set by the checkout: from this instant on the certificates count as issued.
    issues_at: Option<Instant>,
}

impl Order {
    pub fn new(id: String, items: Vec<Item>, url_after_checkout: Option<String>) -> Self {
        Self {
            id,
            items,
            url_after_checkout,
            issues_at: None,
        }
    }

    pub fn stage_at(&self, now: Instant) -> Stage {
        match self.issues_at {
            None => Stage::Unpaid,
            Some(issues_at) if now >= issues_at => Stage::Issued,
            Some(_) => Stage::Validating,
        }
    }

    /// Checks the order out at `now`. Paying again changes nothing: the first payment counts.
    pub fn pay(&mut self, now: Instant, issue_delay: Duration) {
        self.issues_at.get_or_insert(now + issue_delay);
    }

    pub fn total_cents(&self) -> u64 {
        self.items.iter().map(|item| item.price_cents).sum()
    }

    /// Where the browser goes after checkout: `url_after_checkout` plus `?order_id=<id>`,
    /// the query cPanel's store appends (which is why cPanel refuses a URL with a query).
    pub fn return_url(&self) -> Option<String> {
        self.url_after_checkout
            .as_ref()
            .map(|url| format!("{url}?order_id={}", self.id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cpanel::products::find;

    const DELAY: Duration = Duration::from_secs(30);

    fn order(url: Option<&str>) -> Order {
        let item = |id: &str, cents| Item {
            id: id.to_string(),
            key_id: String::new(),
            product: find("143").unwrap(),
            names: Vec::new(),
            vhost_names: Vec::new(),
            identity: None,
            price_cents: cents,
            certificate_pem: String::new(),
        };
        Order::new(
            "12345678".into(),
            vec![item("23456789", 600), item("23456790", 300)],
            url.map(str::to_string),
        )
    }

    #[test]
    fn an_order_is_unpaid_until_checked_out() {
        let order = order(None);
        assert_eq!(order.stage_at(Instant::now() + DELAY * 10), Stage::Unpaid);
    }

    #[test]
    fn a_paid_order_validates_for_the_delay_then_is_issued() {
        let mut order = order(None);
        let t0 = Instant::now();
        order.pay(t0, DELAY);
        assert_eq!(order.stage_at(t0), Stage::Validating);
        assert_eq!(
            order.stage_at(t0 + DELAY - Duration::from_millis(1)),
            Stage::Validating
        );
        assert_eq!(order.stage_at(t0 + DELAY), Stage::Issued);
    }

    #[test]
    fn paying_twice_keeps_the_first_payment() {
        let mut order = order(None);
        let t0 = Instant::now();
        order.pay(t0, DELAY);
        order.pay(t0 + DELAY, DELAY);
        assert_eq!(order.stage_at(t0 + DELAY), Stage::Issued);
    }

    #[test]
    fn the_total_adds_every_item() {
        assert_eq!(order(None).total_cents(), 900);
    }

    #[test]
    fn the_return_url_carries_the_order_id() {
        assert_eq!(order(None).return_url(), None);
        assert_eq!(
            order(Some("https://shop.example.com/done"))
                .return_url()
                .as_deref(),
            Some("https://shop.example.com/done?order_id=12345678")
        );
    }
}
