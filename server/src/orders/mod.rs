//! The order API: `POST /api/orders`, `GET /api/orders/{id}`, `GET /api/catalogue`, and the
//! `config.json` that points the app at them. Each order is authenticated, read as the
//! generic format, validated again with the core, matched to the server's catalogue, reserved
//! under its idempotency key in the order log, and only then sent to the provider with the
//! credential the server holds (see `place.rs`).

pub mod answer;
pub mod intake;
mod place;
mod resume;
mod signature;
pub mod status;

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use axum::body::Bytes;
use axum::extract::{ConnectInfo, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use ssl_order_core::order::{Catalogue, PublicSuffixList};
use ssl_order_core::providers::requests::SendOptions;

use crate::customers::{Customer, Gate};
use crate::limits::{RateLimits, RetryAfter};
use crate::metrics::Metrics;
use crate::order_log::{AuditEntry, NewOrder, OrderId, OrderLog, Reservation, StoredAnswer};
use crate::upstream::Upstream;
use answer::{Code, ErrorAnswer};

pub use place::UNKNOWN_WORDS;

/// Everything an order needs, shared by the handlers (cheap to clone).
#[derive(Clone)]
pub struct Orders(Arc<Inner>);

pub struct Inner {
    pub upstream: Upstream,
    pub log: OrderLog,
    pub gate: Gate,
    pub limits: RateLimits,
    pub metrics: Metrics,
    /// The catalogue as served to the browser (its text) and as checked (parsed).
    pub catalogue_json: String,
    pub catalogue: Catalogue,
    pub suffixes: Option<PublicSuffixList>,
    pub options: SendOptions,
    pub status_cache: status::Cache,
    /// A row of an unfinished order that has not moved for this long belongs to a server
    /// that stopped: the resumer takes it over.
    pub stale_ms: i64,
}

impl std::ops::Deref for Orders {
    type Target = Inner;
    fn deref(&self) -> &Inner {
        &self.0
    }
}

impl Orders {
    pub fn new(inner: Inner) -> Orders {
        Orders(Arc::new(inner))
    }

    fn now_ms(&self) -> i64 {
        now_ms()
    }

    #[allow(clippy::too_many_arguments)]
    async fn audit(
        &self,
        order: Option<&OrderId>,
        customer: &str,
        action: &str,
        outcome: &str,
        provider_ids: Option<&str>,
        http_status: Option<u16>,
        elapsed_ms: i64,
    ) {
        let entry = AuditEntry {
            order: order.cloned(),
            customer: customer.to_string(),
            action: action.to_string(),
            outcome: outcome.to_string(),
            provider_ids: provider_ids.map(str::to_string),
            http_status,
            elapsed_ms,
            at_ms: self.now_ms(),
        };
        if let Err(e) = self.log.audit(&entry).await {
            place::tracing_line(&format!("audit entry not written: {e}"));
        }
    }

    /// The catalogue, the config and the order routes, with this state.
    pub fn router(self) -> Router {
        Router::new()
            .route("/api/catalogue", get(catalogue))
            .route("/api/orders", axum::routing::post(create))
            .route("/api/orders/{id}", get(status::handler))
            .with_state(self)
    }

    /// Starts the resumer: now, then at every tick, it takes over the unfinished orders of
    /// servers that stopped (this one before a restart included).
    pub fn spawn_resumer(&self, every: std::time::Duration) -> tokio::task::JoinHandle<()> {
        resume::spawn(self.clone(), every)
    }
}

/// The status cache of `Inner`, reusing a provider's answer for `fresh`.
pub fn status_cache(fresh: std::time::Duration) -> status::Cache {
    status::Cache::new(fresh)
}

pub fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}

/// Today in UTC as (year, month, day).
pub fn today() -> (u16, u8, u8) {
    civil(now_ms().div_euclid(86_400_000))
}

fn civil(days: i64) -> (u16, u8, u8) {
    let (year, month, day) = crate::upstream::calendar::civil_from_days(days);
    (
        u16::try_from(year).unwrap_or(u16::MAX),
        u8::try_from(month).unwrap_or(1),
        u8::try_from(day).unwrap_or(1),
    )
}

/// An answer of the API: JSON, never cached, the status given.
pub fn json(status: u16, body: String) -> Response {
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    (
        status,
        [
            (header::CONTENT_TYPE, "application/json"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        body,
    )
        .into_response()
}

impl Orders {
    fn error(&self, error: ErrorAnswer) -> Response {
        self.metrics.error(error.code.as_str());
        json(error.code.status(), error.to_json())
    }

    fn rate_limited(&self, wait: RetryAfter) -> Response {
        let seconds = wait.0.as_secs().max(1);
        let mut response = self.error(ErrorAnswer::new(
            Code::RateLimited,
            format!("Too many requests; try again in {seconds} s."),
        ));
        if let Ok(value) = HeaderValue::from_str(&seconds.to_string()) {
            response.headers_mut().insert(header::RETRY_AFTER, value);
        }
        response
    }

    /// Who is asking, after the per-address limit; the answer to give if nobody.
    pub(crate) fn customer(
        &self,
        headers: &HeaderMap,
        peer: IpAddr,
    ) -> Result<Customer, Box<Response>> {
        self.limits
            .check_ip(peer)
            .map_err(|wait| Box::new(self.rate_limited(wait)))?;
        self.gate.identify(headers, peer).map_err(|refusal| {
            Box::new(self.error(ErrorAnswer::new(Code::Unauthorized, refusal.message())))
        })
    }
}

async fn catalogue(State(orders): State<Orders>) -> Response {
    let mut response = json(200, orders.catalogue_json.clone());
    // The catalogue changes only with a restart; a minute of caching spares the server.
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=60"),
    );
    response
}

/// The key as the IETF draft has it: required; here 8 to 255 of `A-Z a-z 0-9 -`.
fn idempotency_key(headers: &HeaderMap) -> Result<String, ErrorAnswer> {
    let Some(value) = headers.get("idempotency-key") else {
        return Err(ErrorAnswer::new(
            Code::IdempotencyKeyMissing,
            "Send an Idempotency-Key header (a new random UUID per order, the same on every \
             retry of that order).",
        ));
    };
    let key = value.to_str().unwrap_or_default();
    let shaped = (8..=255).contains(&key.len())
        && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    if shaped {
        Ok(key.to_string())
    } else {
        Err(ErrorAnswer::new(
            Code::IdempotencyKeyMalformed,
            "The Idempotency-Key must be 8 to 255 characters of A-Z, a-z, 0-9 and '-' (a UUID).",
        ))
    }
}

async fn create(
    State(orders): State<Orders>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let customer = match orders.customer(&headers, peer.ip()) {
        Ok(customer) => customer,
        Err(response) => return *response,
    };
    if let Err(wait) = orders.limits.check_customer(&customer.id) {
        return orders.rate_limited(wait);
    }
    let key = match idempotency_key(&headers) {
        Ok(key) => key,
        Err(error) => return orders.error(error),
    };
    let order = match intake::read(&body) {
        Ok(order) => order,
        Err(intake::Unreadable::Json(why)) => {
            return orders.error(ErrorAnswer::new(
                Code::MalformedJson,
                format!("The body is not JSON ({why}). Send the order as the wizard writes it."),
            ))
        }
        Err(intake::Unreadable::Shape { pointer, message }) => {
            return orders.error(
                ErrorAnswer::new(
                    Code::Schema,
                    format!(
                        "The body is not an order of the format ssl-order/1: {message}. \
                         public/schema/order-v1.schema.json describes it."
                    ),
                )
                .at(pointer),
            )
        }
    };
    let facts = intake::Facts {
        catalogue: &orders.catalogue,
        suffixes: orders.suffixes.as_ref(),
        today: today(),
    };
    let accepted = match intake::accept(&order, &facts) {
        Ok(accepted) => accepted,
        Err(problems) => {
            orders
                .audit(
                    None,
                    &customer.id,
                    "validate",
                    "refused",
                    None,
                    Some(422),
                    0,
                )
                .await;
            return orders.error(ErrorAnswer::refused(problems));
        }
    };
    if let Some(cap) = customer.spending_cap_cents {
        // The cap is the most one order may cost (README, "Customers"): the panel signs
        // what is left of the customer's budget into each short-lived token.
        let Some(price) = accepted.price_cents else {
            return orders.error(ErrorAnswer::new(
                Code::SpendingCap,
                "This product has no price in the server's catalogue, and your account has a \
                 spending cap: ask your provider to order it for you.",
            ));
        };
        if price > cap {
            return orders.error(ErrorAnswer::new(
                Code::SpendingCap,
                format!(
                    "This order costs {}, over your spending cap of {}. Ask your provider to \
                     raise the cap, or choose a smaller order.",
                    cents(price),
                    cents(cap)
                ),
            ));
        }
    }
    let body_text = String::from_utf8_lossy(&body);
    let reservation = orders
        .log
        .reserve(NewOrder {
            customer: &customer.id,
            key: &key,
            body: &body_text,
            api: orders.upstream.api().slug(),
            product_id: &accepted.order.product.id,
            price_cents: accepted.price_cents,
            now_ms: orders.now_ms(),
        })
        .await;
    match reservation {
        Err(_) => orders.not_ready(),
        Ok(Reservation::Fresh(id)) => {
            orders
                .audit(Some(&id), &customer.id, "reserve", "ok", None, None, 0)
                .await;
            // The order is placed even if the customer goes away mid-way: a dropped
            // connection must not leave a bought certificate without its apply.
            let task_orders = orders.clone();
            let customer_id = customer.id.clone();
            let placing =
                tokio::spawn(
                    async move { task_orders.place(&id, &customer_id, &accepted.order).await },
                );
            match placing.await {
                Ok(StoredAnswer { status, body }) => json(status, body),
                Err(_) => orders.error(ErrorAnswer::new(
                    Code::Internal,
                    "The order server failed while placing this order. Do not order again: \
                     ask for its status with the same Idempotency-Key.",
                )),
            }
        }
        Ok(Reservation::Replay(record)) => match record.answer {
            // A replay repeats the first answer; a creation is 200 the second time.
            Some(StoredAnswer { status, body }) => {
                json(if status == 201 { 200 } else { status }, body)
            }
            None => orders.error(ErrorAnswer::new(
                Code::IdempotencyInProgress,
                "This order is still being placed. Ask again in a few seconds with the same \
                 Idempotency-Key.",
            )),
        },
        Ok(Reservation::InProgress) => orders.error(ErrorAnswer::new(
            Code::IdempotencyInProgress,
            "This order is still being placed. Ask again in a few seconds with the same \
             Idempotency-Key.",
        )),
        Ok(Reservation::KeyReused) => orders.error(ErrorAnswer::new(
            Code::IdempotencyKeyReused,
            "This Idempotency-Key was used for another order. Use a new key for a new order.",
        )),
    }
}

impl Orders {
    fn not_ready(&self) -> Response {
        self.error(ErrorAnswer::new(
            Code::NotReady,
            "The order log cannot be reached; nothing was ordered. Try again in a minute.",
        ))
    }
}

/// `1234` cents as `12.34`.
fn cents(amount: u64) -> String {
    format!("{}.{:02}", amount / 100, amount % 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_checked_as_the_draft_asks() {
        let mut headers = HeaderMap::new();
        assert_eq!(
            idempotency_key(&headers).err().map(|e| e.code),
            Some(Code::IdempotencyKeyMissing)
        );
        headers.insert("idempotency-key", HeaderValue::from_static("short"));
        assert_eq!(
            idempotency_key(&headers).err().map(|e| e.code),
            Some(Code::IdempotencyKeyMalformed)
        );
        headers.insert(
            "idempotency-key",
            HeaderValue::from_static("0b6f1c1e-6a47-4b1e-9f1c-3f7d1d2a9e10"),
        );
        assert_eq!(
            idempotency_key(&headers).ok().as_deref(),
            Some("0b6f1c1e-6a47-4b1e-9f1c-3f7d1d2a9e10")
        );
    }

    #[test]
    fn days_since_1970_are_calendar_dates() {
        assert_eq!(civil(0), (1970, 1, 1));
        assert_eq!(civil(11_016), (2000, 2, 29));
        assert_eq!(civil(11_017), (2000, 3, 1));
        assert_eq!(civil(20_791), (2026, 12, 4));
    }

    #[test]
    fn amounts_print_with_two_decimals() {
        assert_eq!(cents(1234), "12.34");
        assert_eq!(cents(5), "0.05");
    }
}
