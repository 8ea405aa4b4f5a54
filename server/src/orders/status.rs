//! `GET /api/orders/{id}`: the customer's own order only, its status fetched from the
//! provider at most once per `fresh` for all the browsers that ask (one asks, the others
//! wait for its answer), so a thousand pages polling are a handful of provider calls.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::extract::{ConnectInfo, Path, State};
use axum::http::HeaderMap;
use axum::response::Response;
use ssl_order_core::providers::facade;

use super::answer::{self, Code, ErrorAnswer, OrderAnswer, OrderStatus};
use super::{json, Orders, UNKNOWN_WORDS};
use crate::order_log::{OrderId, OrderRecord, State as RowState, StoredAnswer};

/// One order's last status read and when; its lock is held while the provider is asked.
type Slot = Arc<tokio::sync::Mutex<Option<(Instant, StoredAnswer)>>>;

/// The last status read per order, each behind a lock of its own so that only one request
/// per order goes to the provider at a time.
pub struct Cache {
    fresh: Duration,
    entries: Mutex<HashMap<String, Slot>>,
}

impl Cache {
    pub fn new(fresh: Duration) -> Cache {
        Cache {
            fresh,
            entries: Mutex::new(HashMap::new()),
        }
    }

    fn slot(&self, id: &str) -> Slot {
        let mut entries = match self.entries.lock() {
            Ok(entries) => entries,
            Err(poisoned) => poisoned.into_inner(),
        };
        // Stale entries of other orders go, so the map does not grow with every order ever polled.
        if entries.len() > 10_000 {
            entries.retain(|_, slot| Arc::strong_count(slot) > 1);
        }
        entries.entry(id.to_string()).or_default().clone()
    }
}

pub async fn handler(
    State(orders): State<Orders>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Response {
    let customer = match orders.customer(&headers, peer.ip()) {
        Ok(customer) => customer,
        Err(response) => return *response,
    };
    let not_found = || {
        orders.error(ErrorAnswer::new(
            Code::NotFound,
            "No order of yours has this ID. Check the link, or place the order again.",
        ))
    };
    let Ok(id) = OrderId::parse(&id) else {
        return not_found();
    };
    let record = match orders.log.find(&customer.id, &id).await {
        Ok(Some(record)) => record,
        // Another customer's order is answered exactly like one that does not exist.
        Ok(None) => return not_found(),
        Err(_) => return orders.not_ready(),
    };
    let answer = orders.current(&record).await;
    json(answer.status, answer.body)
}

impl Orders {
    /// What the customer is told about an order now.
    async fn current(&self, record: &OrderRecord) -> StoredAnswer {
        match record.state {
            RowState::Placed => {}
            RowState::Refused => {
                return record.answer.clone().unwrap_or_else(|| StoredAnswer {
                    status: 422,
                    body: ErrorAnswer::new(Code::ProviderRefused, "The provider refused it.")
                        .to_json(),
                })
            }
            RowState::Unknown => {
                return ok(OrderAnswer {
                    order_id: record.id.to_string(),
                    status: OrderStatus::Unknown,
                    status_text: Some(UNKNOWN_WORDS.into()),
                    certificate_id: record.cert_id.clone(),
                    checkout_url: None,
                    instructions: Vec::new(),
                })
            }
            RowState::Reserved | RowState::Sending | RowState::Bought => {
                return ok(OrderAnswer {
                    order_id: record.id.to_string(),
                    status: OrderStatus::Processing,
                    status_text: None,
                    certificate_id: record.cert_id.clone(),
                    checkout_url: None,
                    instructions: Vec::new(),
                })
            }
        }
        let slot = self.status_cache.slot(&record.id.to_string());
        let mut cached = slot.lock().await;
        if let Some((at, answer)) = cached.as_ref() {
            if at.elapsed() < self.status_cache.fresh {
                self.metrics.status_poll("cached");
                return answer.clone();
            }
        }
        self.metrics.status_poll("provider");
        let answer = self.ask_provider(record).await;
        *cached = Some((Instant::now(), answer.clone()));
        answer
    }

    async fn ask_provider(&self, record: &OrderRecord) -> StoredAnswer {
        let api = self.upstream.api();
        let placed = || {
            // Without a status call (no ID to ask with), the order stands as placed.
            record.answer.clone().unwrap_or_else(|| StoredAnswer {
                status: 200,
                body: OrderAnswer {
                    order_id: record.id.to_string(),
                    status: OrderStatus::Processing,
                    status_text: None,
                    certificate_id: record.cert_id.clone(),
                    checkout_url: None,
                    instructions: Vec::new(),
                }
                .to_json(),
            })
        };
        let Some(request) = facade::status_request(
            api,
            record.provider_order_id.as_deref().unwrap_or_default(),
            record.cert_id.as_deref().unwrap_or_default(),
            &self.upstream.endpoint(),
            &self.options,
        ) else {
            return placed();
        };
        let Ok(reply) = self.upstream.send(request).await else {
            // The provider did not answer: the last thing known stands.
            return placed();
        };
        match facade::read_status(api, reply.status, &reply.body, false) {
            Ok(report) => ok(OrderAnswer {
                order_id: record.id.to_string(),
                status: answer::status_of(&report),
                status_text: None,
                certificate_id: record.cert_id.clone(),
                checkout_url: None,
                instructions: answer::instructions(&report.instructions),
            }),
            Err(_) => placed(),
        }
    }
}

fn ok(answer: OrderAnswer) -> StoredAnswer {
    StoredAnswer {
        status: 200,
        body: answer.to_json(),
    }
}
