//! The orders one server instance has taken, and the idempotency keys that placed them.

use crate::clock::Clock;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use axum::http::StatusCode;
use serde::Serialize;
use serde_json::Value;

use super::error::{ApiError, IDEMPOTENCY_MISMATCH, NOT_FOUND};
use super::instructions::{self, random_text, Instruction};
use super::{rules, schema};

const LOWER_ALNUM: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";

/// The order answer of the schema's `OrderAnswer`; a status read answers the same shape.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Answer {
    pub order_id: String,
    pub status: &'static str,
    pub status_text: String,
    pub certificate_id: String,
    pub instructions: Vec<Instruction>,
}

/// Whether an order was placed now or an earlier answer is repeated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Placed {
    New(Answer),
    Replayed(Answer),
}

/// Keys are scoped to the bearer token (none is a scope too), as a provider scopes them to
/// an account: two clients cannot replay each other's orders.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct KeyScope {
    pub token: Option<String>,
    pub key: String,
}

#[derive(Clone)]
pub struct Store {
    state: Arc<Mutex<State>>,
    issue_delay: Duration,
    /// What the handlers take for now.
    pub clock: Clock,
}

#[derive(Default)]
struct State {
    orders: HashMap<String, Order>,
    keys: HashMap<KeyScope, Replay>,
}

struct Order {
    id: String,
    certificate_id: String,
    names: usize,
    instructions: Vec<Instruction>,
    /// From this instant on the order counts as issued.
    issues_at: Instant,
}

/// What a key placed: the body it came with and the answer it got.
struct Replay {
    body: Value,
    answer: Answer,
}

impl Order {
    fn answer_at(&self, now: Instant) -> Answer {
        let (status, status_text) = if now >= self.issues_at {
            ("issued", "Issued: the certificate is ready.".to_string())
        } else {
            (
                "pending_validation",
                format!(
                    "Waiting for domain control validation of {} name{}.",
                    self.names,
                    if self.names == 1 { "" } else { "s" }
                ),
            )
        };
        Answer {
            order_id: self.id.clone(),
            status,
            status_text,
            certificate_id: self.certificate_id.clone(),
            instructions: self.instructions.clone(),
        }
    }
}

impl Store {
    pub fn new(issue_delay: Duration) -> Self {
        Self {
            state: Arc::default(),
            issue_delay,
            clock: Clock::default(),
        }
    }

    /// The store, its handlers keeping time by `clock`.
    pub fn with_clock(self, clock: Clock) -> Self {
        Self { clock, ..self }
    }

    /// Every change is one insert, so a poisoned lock is still consistent.
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Places the order in `body`, or repeats the answer `scope`'s key got for the same body.
    /// A body is the same when it is equal as JSON: spacing and key order do not count.
    pub fn place(&self, scope: KeyScope, body: &[u8], now: Instant) -> Result<Placed, ApiError> {
        let sent = schema::read(body);
        let mut state = self.lock();
        if let Some(replay) = state.keys.get(&scope) {
            let same = sent.as_ref().is_ok_and(|sent| *sent == replay.body);
            return if same {
                Ok(Placed::Replayed(replay.answer.clone()))
            } else {
                Err(ApiError::new(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    IDEMPOTENCY_MISMATCH,
                    format!(
                        "Idempotency-Key {:?} was used for order {} with a different body; use a new key for a new order.",
                        scope.key, replay.answer.order_id
                    ),
                ))
            };
        }
        let sent = sent?;
        let order = rules::check(schema::parse(&sent)?)?;
        let mut rng = rand::rng();
        let id = loop {
            let id = format!("ord_{}", random_text(&mut rng, LOWER_ALNUM, 20));
            if !state.orders.contains_key(&id) {
                break id;
            }
        };
        let placed = Order {
            certificate_id: format!("crt_{}", random_text(&mut rng, LOWER_ALNUM, 20)),
            names: order.names.len(),
            instructions: instructions::for_names(&order.names, &mut rng),
            issues_at: now + self.issue_delay,
            id: id.clone(),
        };
        let answer = placed.answer_at(now);
        state.orders.insert(id, placed);
        state.keys.insert(
            scope,
            Replay {
                body: sent,
                answer: answer.clone(),
            },
        );
        Ok(Placed::New(answer))
    }

    pub fn status(&self, order_id: &str, now: Instant) -> Result<Answer, ApiError> {
        let state = self.lock();
        let order = state.orders.get(order_id).ok_or_else(|| {
            ApiError::new(
                StatusCode::NOT_FOUND,
                NOT_FOUND,
                format!("Order {order_id:?} does not exist."),
            )
        })?;
        Ok(order.answer_at(now))
    }

    pub fn clear(&self) {
        let mut state = self.lock();
        state.orders.clear();
        state.keys.clear();
    }
}
