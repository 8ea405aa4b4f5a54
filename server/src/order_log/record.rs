//! What the log holds for each order, and what `reserve` answers.

use std::fmt;

use super::id::OrderId;

/// Where an order is. `Reserved`, `Sending` and `Bought` are unfinished: a replay of the same
/// key answers 409 while the row is in one of them, and a server that died leaves them behind
/// as orphans.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum State {
    /// The key is ours, nothing was sent: the only state a row may be forgotten in.
    Reserved,
    /// Written just before the provider is called: from here on the row is never deleted.
    Sending,
    /// Huawei: the buy answered (paid, certificate id recorded), the apply not yet done.
    Bought,
    Placed,
    Refused,
    /// The provider's answer was lost after the order went out: never sent again.
    Unknown,
}

impl State {
    pub const UNFINISHED: [State; 3] = [State::Reserved, State::Sending, State::Bought];

    /// The word stored in the `state` column.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Reserved => "reserved",
            Self::Sending => "sending",
            Self::Bought => "bought",
            Self::Placed => "placed",
            Self::Refused => "refused",
            Self::Unknown => "unknown",
        }
    }

    pub fn from_column(word: &str) -> Option<Self> {
        [
            Self::Reserved,
            Self::Sending,
            Self::Bought,
            Self::Placed,
            Self::Refused,
            Self::Unknown,
        ]
        .into_iter()
        .find(|state| state.as_str() == word)
    }

    pub fn is_finished(self) -> bool {
        match self {
            Self::Reserved | Self::Sending | Self::Bought => false,
            Self::Placed | Self::Refused | Self::Unknown => true,
        }
    }
}

impl fmt::Display for State {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How an order ended, for `finish`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Placed,
    Refused,
    Unknown,
}

impl Outcome {
    pub fn state(self) -> State {
        match self {
            Self::Placed => State::Placed,
            Self::Refused => State::Refused,
            Self::Unknown => State::Unknown,
        }
    }
}

/// The answer given to the customer, kept so that a replay of the key gets it again,
/// byte for byte.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredAnswer {
    pub status: u16,
    pub body: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderRecord {
    pub id: OrderId,
    pub customer: String,
    pub key: String,
    pub api: String,
    pub product_id: String,
    /// The generic JSON as received (a CSR, which is public; never a private key).
    pub body: String,
    pub state: State,
    pub cert_id: Option<String>,
    pub provider_order_id: Option<String>,
    /// Set once the order is finished (`Placed`, `Refused` or `Unknown`).
    pub answer: Option<StoredAnswer>,
    pub created_ms: i64,
    pub updated_ms: i64,
}

/// An order about to be reserved under its customer's `Idempotency-Key`.
#[derive(Debug, Clone, Copy)]
pub struct NewOrder<'a> {
    pub customer: &'a str,
    pub key: &'a str,
    /// The generic JSON exactly as received: its SHA-256 tells a replay from a reused key.
    pub body: &'a str,
    pub api: &'a str,
    pub product_id: &'a str,
    /// What the spending cap counts (`None`: free, or priced by the provider).
    pub price_cents: Option<u64>,
    pub now_ms: i64,
}

/// What `reserve` found for the customer's key.
// One per request, matched at once: boxing the record would only add an allocation.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reservation {
    /// The key is now ours: nothing was sent yet.
    Fresh(OrderId),
    /// Same customer, key and body, finished: answer its stored answer again.
    Replay(OrderRecord),
    /// Same key and body, not finished: 409.
    InProgress,
    /// Same key, another body: 422.
    KeyReused,
}
