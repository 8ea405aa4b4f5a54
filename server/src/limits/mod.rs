//! The server's limits: CORS (closed unless origins are listed), the request body size, and
//! per-customer and per-IP rate limits.
//!
//! [`LimitSettings::check`] refuses at start what cannot work; [`cors`] builds the CORS
//! layer, [`limit_body`] puts the body limit (413 with the API's error JSON) on a router, and
//! [`RateLimits`] answers whether a request may go on or when to retry ([`limit_per_ip`]
//! applies it to every request of a router; `RetryAfter` and the customers' `Refusal`
//! answer as the API's errors).

mod body;
mod cors;
mod per_ip;
mod rate;

use std::fmt;

use serde::Deserialize;

pub use body::{limit_body, too_large};
pub use cors::cors;
pub use per_ip::limit_per_ip;
pub use rate::{RateLimits, RetryAfter};

/// The `[limits]` table; every field may be left out.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct LimitSettings {
    /// Origins (`https://panel.example`, scheme and host, no path) whose pages may call the
    /// API from the browser. Empty (the default): no CORS headers at all, same origin only.
    pub allowed_origins: Vec<String>,
    /// The largest request body, in bytes. Default 262144 (256 KiB; an order with a 16 KiB
    /// RSA CSR is about 20 KiB).
    pub max_body_bytes: usize,
    /// Orders one customer may place per minute. Default 20.
    pub orders_per_minute_per_customer: u32,
    /// Requests of any kind one client address (an IPv6 /64) may make per minute. Default 600
    /// (a status poll every 0.1 s).
    pub requests_per_minute_per_ip: u32,
}

impl Default for LimitSettings {
    fn default() -> Self {
        Self {
            allowed_origins: Vec::new(),
            max_body_bytes: 262_144,
            orders_per_minute_per_customer: 20,
            requests_per_minute_per_ip: 600,
        }
    }
}

impl LimitSettings {
    /// Refuses origins that are not exactly `scheme://host[:port]` and limits of zero.
    pub fn check(&self) -> Result<(), LimitError> {
        for origin in &self.allowed_origins {
            cors::parse_origin(origin)?;
        }
        let zero = [
            ("max_body_bytes", self.max_body_bytes == 0),
            (
                "orders_per_minute_per_customer",
                self.orders_per_minute_per_customer == 0,
            ),
            (
                "requests_per_minute_per_ip",
                self.requests_per_minute_per_ip == 0,
            ),
        ];
        match zero.into_iter().find(|(_, zero)| *zero) {
            Some((setting, _)) => Err(LimitError::Zero { setting }),
            None => Ok(()),
        }
    }
}

/// What is wrong in the `[limits]` table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LimitError {
    /// An entry of `allowed_origins` that is not an origin; `why` says what is wrong.
    BadOrigin { origin: String, why: &'static str },
    /// A limit set to zero, which would refuse everything.
    Zero { setting: &'static str },
}

impl fmt::Display for LimitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::BadOrigin { origin, why } => write!(
                f,
                "[limits] allowed_origins: {origin:?} {why}; write each origin as the browser \
                 sends it, scheme and host and port if any, e.g. \"https://panel.example\" or \
                 \"http://localhost:3000\""
            ),
            Self::Zero { setting } => write!(
                f,
                "[limits] {setting} is 0, which would refuse every request; leave it out for the \
                 default or set a positive number"
            ),
        }
    }
}

impl std::error::Error for LimitError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_table_is_the_documented_defaults() {
        let settings: LimitSettings = toml::from_str("").unwrap();
        assert_eq!(settings, LimitSettings::default());
        assert_eq!(settings.max_body_bytes, 262_144);
        assert_eq!(settings.orders_per_minute_per_customer, 20);
        assert_eq!(settings.requests_per_minute_per_ip, 600);
        assert!(settings.allowed_origins.is_empty());
        assert_eq!(settings.check(), Ok(()));
    }

    #[test]
    fn unknown_keys_and_zero_limits_are_refused() {
        let typo = toml::from_str::<LimitSettings>("max_body = 10").unwrap_err();
        assert!(typo.to_string().contains("max_body"), "{typo}");
        let settings: LimitSettings = toml::from_str("requests_per_minute_per_ip = 0").unwrap();
        let error = settings.check().unwrap_err();
        assert_eq!(
            error,
            LimitError::Zero {
                setting: "requests_per_minute_per_ip"
            }
        );
        assert!(error
            .to_string()
            .contains("requests_per_minute_per_ip is 0"));
    }
}
