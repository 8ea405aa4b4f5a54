//! The server's own order id.

use std::fmt;
use std::str::FromStr;

use serde::Serialize;
use uuid::Uuid;

/// A random UUID (version 4), written in its hyphenated lower-case form: what the customer
/// sees as `order_id`, unrelated to the provider's ids.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct OrderId(String);

/// Text that is not an order id of this server (a path segment, say): answer 404.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotAnOrderId;

impl fmt::Display for NotAnOrderId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not an order id: the server's order ids are UUIDs (version 4)")
    }
}

impl std::error::Error for NotAnOrderId {}

impl OrderId {
    pub fn random() -> Self {
        Self(Uuid::new_v4().hyphenated().to_string())
    }

    /// Any spelling of a version 4 UUID, stored in the one form the log uses.
    pub fn parse(text: &str) -> Result<Self, NotAnOrderId> {
        let uuid = Uuid::parse_str(text).map_err(|_| NotAnOrderId)?;
        if uuid.get_version_num() != 4 {
            return Err(NotAnOrderId);
        }
        Ok(Self(uuid.hyphenated().to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for OrderId {
    type Err = NotAnOrderId;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Self::parse(text)
    }
}

impl fmt::Display for OrderId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_random_id_parses_back_to_itself() {
        let id = OrderId::random();
        assert_eq!(OrderId::parse(&id.to_string()), Ok(id.clone()));
        assert_ne!(id, OrderId::random());
    }

    #[test]
    fn parse_writes_one_form() {
        let id = OrderId::parse("8A1F3C2E-5B7D-4E9A-9C0B-1D2E3F405162").unwrap();
        assert_eq!(id.as_str(), "8a1f3c2e-5b7d-4e9a-9c0b-1d2e3f405162");
    }

    #[test]
    fn parse_refuses_what_is_not_a_v4_uuid() {
        assert_eq!(OrderId::parse("orders"), Err(NotAnOrderId));
        assert_eq!(OrderId::parse(""), Err(NotAnOrderId));
        // A version 1 UUID is never one of ours.
        assert_eq!(
            OrderId::parse("c232ab00-9414-11ec-b3c8-9f6bdeced846"),
            Err(NotAnOrderId)
        );
    }

    #[test]
    fn serialises_as_the_plain_string() {
        let id = OrderId::parse("8a1f3c2e-5b7d-4e9a-9c0b-1d2e3f405162").unwrap();
        assert_eq!(
            serde_json::to_string(&id).unwrap(),
            "\"8a1f3c2e-5b7d-4e9a-9c0b-1d2e3f405162\""
        );
    }
}
