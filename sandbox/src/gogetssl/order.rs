//! One placed order and its life: `processing` -> (the issue delay) -> `active`, and the
//! answers that show it. Pure: the time is always passed in.

use std::time::{Duration, Instant, SystemTime};

use rand::Rng;
use serde::Serialize;

use super::dates::format_date;
use super::dcv::{DcvChoice, DcvSeed, Instructions};
use super::model::OrderRequest;
use super::products::euros;

/// The Baseline Requirements cap a certificate issued after 2026-03-15 at 200 days; a
/// 12-month order is a subscription that reissues, so one issued certificate is shorter.
const ISSUED_VALIDITY: Duration = Duration::from_secs(199 * 86_400);
const CURRENCY: &str = "EUR";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Processing,
    Active,
}

impl Status {
    pub fn wire(self) -> &'static str {
        match self {
            Self::Processing => "processing",
            Self::Active => "active",
        }
    }

    /// `san[].status` and `status_description`: "1" processing, "2" validated.
    fn san_status(self) -> (&'static str, &'static str) {
        match self {
            Self::Processing => ("1", "processing"),
            Self::Active => ("2", "validated"),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Order {
    pub id: u32,
    pub invoice_id: u32,
    request: OrderRequest,
    seed: DcvSeed,
    /// From this instant on the order counts as issued.
    issues_at: Instant,
    /// The calendar time of `issues_at`, for `valid_from`.
    issued_wall: SystemTime,
}

/// One entry of `san[]`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SanAnswer {
    pub san_name: String,
    pub status: &'static str,
    pub status_description: &'static str,
    pub validation_method: &'static str,
    pub validation: Instructions,
}

/// The answer to an accepted order, fields in the documentation's order, `san` only with `dns_names`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Placed {
    pub approver_method: Instructions,
    pub order_id: u32,
    pub invoice_id: u32,
    pub order_status: &'static str,
    pub success: bool,
    pub order_amount: f64,
    pub currency: &'static str,
    pub tax: &'static str,
    pub tax_rate: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub san: Vec<SanAnswer>,
}

/// The answer of `GET /orders/status/{id}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StatusAnswer {
    pub order_id: u32,
    pub status: &'static str,
    pub product_id: u32,
    pub domain: String,
    pub dcv_method: &'static str,
    /// `null` until issued.
    pub valid_from: Option<String>,
    pub valid_till: Option<String>,
    pub approver_method: Instructions,
    pub san: Vec<SanAnswer>,
    pub order_amount: f64,
    pub currency: &'static str,
    pub success: bool,
}

/// The answer to a valid `test=Y` order: what it would cost, nothing more.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DryRun {
    pub success: bool,
    pub test: bool,
    pub order_amount: f64,
    pub currency: &'static str,
}

impl DryRun {
    pub fn of(request: &OrderRequest) -> Self {
        Self {
            success: true,
            test: true,
            order_amount: euros(request.price_cents),
            currency: CURRENCY,
        }
    }
}

impl Order {
    /// An order placed at `now` / `wall_now` (one moment on the monotonic and the calendar
    /// clock), issued `issue_delay` later.
    pub fn new(
        id: u32,
        invoice_id: u32,
        request: OrderRequest,
        now: Instant,
        wall_now: SystemTime,
        issue_delay: Duration,
        rng: &mut impl Rng,
    ) -> Self {
        Self {
            id,
            invoice_id,
            request,
            seed: DcvSeed::random(rng),
            issues_at: now + issue_delay,
            issued_wall: wall_now + issue_delay,
        }
    }

    pub fn status_at(&self, now: Instant) -> Status {
        if now >= self.issues_at {
            Status::Active
        } else {
            Status::Processing
        }
    }

    pub fn placed_at(&self, now: Instant) -> Placed {
        Placed {
            approver_method: self.primary_instructions(),
            order_id: self.id,
            invoice_id: self.invoice_id,
            order_status: self.status_at(now).wire(),
            success: true,
            order_amount: euros(self.request.price_cents),
            currency: CURRENCY,
            tax: "0.00",
            tax_rate: "0%",
            san: self.sans_at(now),
        }
    }

    pub fn status_answer_at(&self, now: Instant) -> StatusAnswer {
        let status = self.status_at(now);
        let issued = (status == Status::Active).then_some(self.issued_wall);
        StatusAnswer {
            order_id: self.id,
            status: status.wire(),
            product_id: self.request.product.id,
            domain: self.request.domain.clone(),
            dcv_method: self.request.dcv.method().wire(),
            valid_from: issued.map(format_date),
            valid_till: issued.map(|from| format_date(from + ISSUED_VALIDITY)),
            approver_method: self.primary_instructions(),
            san: self.sans_at(now),
            order_amount: euros(self.request.price_cents),
            currency: CURRENCY,
            success: true,
        }
    }

    fn primary_instructions(&self) -> Instructions {
        self.instructions(&self.request.domain, &self.request.dcv)
    }

    fn instructions(&self, name: &str, choice: &DcvChoice) -> Instructions {
        self.seed.instructions(name, choice)
    }

    fn sans_at(&self, now: Instant) -> Vec<SanAnswer> {
        let (status, status_description) = self.status_at(now).san_status();
        self.request
            .sans
            .iter()
            .map(|san| SanAnswer {
                san_name: san.name.clone(),
                status,
                status_description,
                validation_method: san.dcv.method().wire(),
                validation: self.instructions(&san.name, &san.dcv),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gogetssl::model::San;
    use crate::gogetssl::products::find;
    use std::time::UNIX_EPOCH;

    const DELAY: Duration = Duration::from_secs(30);

    fn request(product_id: u32, sans: Vec<San>) -> OrderRequest {
        OrderRequest {
            product: find(product_id).unwrap(),
            period: 12,
            price_cents: 2500,
            domain: "shop.example.org".into(),
            dcv: DcvChoice::Dns,
            sans,
        }
    }

    /// An order placed at `t0`, calendar time 2026-03-15 00:00:00 UTC.
    fn placed(request: OrderRequest) -> (Order, Instant) {
        let t0 = Instant::now();
        let wall = UNIX_EPOCH + Duration::from_secs(1_773_532_800);
        let order = Order::new(
            1_234_567,
            765_432,
            request,
            t0,
            wall,
            DELAY,
            &mut rand::rng(),
        );
        (order, t0)
    }

    fn two_sans() -> Vec<San> {
        vec![
            San {
                name: "api.example.org".into(),
                dcv: DcvChoice::Http,
            },
            San {
                name: "www.example.org".into(),
                dcv: DcvChoice::Email("admin@example.org".into()),
            },
        ]
    }

    #[test]
    fn an_order_is_processing_until_the_delay_has_passed() {
        let (order, t0) = placed(request(45, Vec::new()));
        assert_eq!(order.status_at(t0), Status::Processing);
        assert_eq!(
            order.status_at(t0 + DELAY - Duration::from_millis(1)),
            Status::Processing
        );
        assert_eq!(order.status_at(t0 + DELAY), Status::Active);
    }

    #[test]
    fn the_placed_answer_has_the_seed_fields_and_no_san_without_dns_names() {
        let (order, t0) = placed(request(45, Vec::new()));
        let json = serde_json::to_value(order.placed_at(t0)).unwrap();
        let mut keys: Vec<&String> = json.as_object().unwrap().keys().collect();
        keys.sort();
        assert_eq!(
            keys,
            [
                "approver_method",
                "currency",
                "invoice_id",
                "order_amount",
                "order_id",
                "order_status",
                "success",
                "tax",
                "tax_rate"
            ]
        );
        assert_eq!(json["order_id"], 1_234_567);
        assert_eq!(json["order_status"], "processing");
        assert_eq!(json["order_amount"], 25.0);
        let record = json["approver_method"]["dns"]["record"].as_str().unwrap();
        assert!(record.contains(".shop.example.org. CNAME "), "{record}");
    }

    #[test]
    fn sans_carry_their_own_method_and_turn_validated_when_issued() {
        let (order, t0) = placed(request(47, two_sans()));
        let processing = order.placed_at(t0).san;
        assert_eq!(processing.len(), 2);
        assert_eq!(processing[0].san_name, "api.example.org");
        assert_eq!(processing[0].validation_method, "http");
        assert_eq!(
            (processing[0].status, processing[0].status_description),
            ("1", "processing")
        );
        assert_eq!(processing[1].validation_method, "email");
        assert_eq!(
            processing[1].validation,
            Instructions::Email("admin@example.org".into())
        );
        let active = order.status_answer_at(t0 + DELAY).san;
        assert_eq!(
            (active[0].status, active[0].status_description),
            ("2", "validated")
        );
        assert_eq!(active[0].validation, processing[0].validation);
    }

    #[test]
    fn status_shows_dates_only_once_active() {
        let (order, t0) = placed(request(47, two_sans()));
        let processing = order.status_answer_at(t0);
        assert_eq!(processing.status, "processing");
        assert_eq!(processing.valid_from, None);
        assert_eq!(processing.valid_till, None);
        let active = order.status_answer_at(t0 + DELAY);
        assert_eq!(active.status, "active");
        assert_eq!(active.valid_from.as_deref(), Some("2026-03-15"));
        assert_eq!(active.valid_till.as_deref(), Some("2026-09-30"));
        assert_eq!(active.approver_method, processing.approver_method);
        assert_eq!(active.dcv_method, "dns");
        assert_eq!(active.product_id, 47);
    }
}
