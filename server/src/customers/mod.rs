//! Who the customer is: a JWT the embedding control panel signs, a header the operator's
//! gateway sets, or the loopback-only demo customer.
//!
//! [`Gate::from_settings`] reads the key once at start and refuses what cannot work;
//! [`Gate::identify`] names the customer of each request or says why not ([`Refusal`], 401).

mod error;
mod jwt;
mod refusal;
mod settings;

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use axum::http::{header, HeaderMap, HeaderName};

pub use error::GateError;
pub use refusal::Refusal;
pub use settings::{CustomerSettings, JwtAlgorithm};

use jwt::{JwtSettings, JwtVerifier};

/// The id the demo mode gives its one customer.
pub const DEMO_CUSTOMER: &str = "demo";

/// Longest customer id taken from a token or a header (it is stored with every order).
const MAX_ID_CHARS: usize = 200;

/// The customer a request is made for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Customer {
    /// The control panel's id for the customer (`sub`, or the trusted header).
    pub id: String,
    /// The most one order may cost, in cents, if the control panel or gateway set it.
    pub spending_cap_cents: Option<u64>,
}

/// Names the customer of each request, as the settings say.
#[derive(Debug, Clone)]
pub struct Gate {
    mode: Arc<Mode>,
}

#[derive(Debug)]
enum Mode {
    Jwt(JwtVerifier),
    TrustedHeader {
        header: HeaderName,
        from: Vec<IpAddr>,
        cap_header: Option<HeaderName>,
    },
    Demo,
}

impl Gate {
    /// Reads the key now (HS256: the shared secret, at least 32 bytes; EdDSA: the Ed25519
    /// public key as PEM) and refuses the demo mode unless `listen` is a loopback address.
    pub fn from_settings(
        settings: &CustomerSettings,
        listen: SocketAddr,
    ) -> Result<Gate, GateError> {
        let mode = match settings {
            CustomerSettings::Jwt {
                algorithm,
                key_file,
                key_env,
                audience,
                issuer,
                leeway_seconds,
                max_lifetime_seconds,
            } => Mode::Jwt(JwtVerifier::new(&JwtSettings {
                algorithm: *algorithm,
                key_file: key_file.as_deref(),
                key_env: key_env.as_deref(),
                audience,
                issuer: issuer.as_deref(),
                leeway_seconds: *leeway_seconds,
                max_lifetime_seconds: *max_lifetime_seconds,
            })?),
            CustomerSettings::TrustedHeader {
                header,
                from,
                cap_header,
            } => {
                if from.is_empty() {
                    return Err(GateError::NoGateway);
                }
                Mode::TrustedHeader {
                    header: header_name(header)?,
                    // Peers on a dual-stack socket arrive as `::ffff:a.b.c.d`.
                    from: from.iter().map(IpAddr::to_canonical).collect(),
                    cap_header: cap_header.as_deref().map(header_name).transpose()?,
                }
            }
            CustomerSettings::Demo => {
                if !listen.ip().is_loopback() {
                    return Err(GateError::DemoNotLoopback { listen });
                }
                Mode::Demo
            }
        };
        Ok(Gate {
            mode: Arc::new(mode),
        })
    }

    /// The customer of a request with these headers, from the peer `peer`.
    pub fn identify(&self, headers: &HeaderMap, peer: IpAddr) -> Result<Customer, Refusal> {
        match self.mode.as_ref() {
            Mode::Jwt(verifier) => verifier.verify(bearer(headers)?, unix_now()),
            Mode::TrustedHeader {
                header,
                from,
                cap_header,
            } => {
                if !from.contains(&peer.to_canonical()) {
                    return Err(Refusal::NotFromGateway);
                }
                let no_header = || Refusal::NoHeader {
                    header: header.to_string(),
                };
                let value = headers.get(header).ok_or_else(no_header)?;
                let value = value.to_str().map_err(|_| Refusal::BadCustomerId)?.trim();
                if value.is_empty() {
                    return Err(no_header());
                }
                let spending_cap_cents = match cap_header.as_ref().and_then(|h| headers.get(h)) {
                    None => None,
                    Some(cap) => Some(
                        cap.to_str()
                            .ok()
                            .and_then(|cap| cap.trim().parse::<u64>().ok())
                            .ok_or(Refusal::BadCap)?,
                    ),
                };
                Ok(Customer {
                    id: customer_id(value)?,
                    spending_cap_cents,
                })
            }
            Mode::Demo => Ok(Customer {
                id: DEMO_CUSTOMER.to_string(),
                spending_cap_cents: None,
            }),
        }
    }
}

/// The token of `Authorization: Bearer <token>` (the scheme's case does not matter).
fn bearer(headers: &HeaderMap) -> Result<&str, Refusal> {
    let value = headers
        .get(header::AUTHORIZATION)
        .ok_or(Refusal::NoToken)?
        .to_str()
        .map_err(|_| Refusal::Malformed)?;
    let (scheme, token) = value.trim().split_once(' ').ok_or(Refusal::Malformed)?;
    if !scheme.eq_ignore_ascii_case("bearer") {
        return Err(Refusal::NoToken);
    }
    let token = token.trim();
    if token.is_empty() {
        return Err(Refusal::Malformed);
    }
    Ok(token)
}

/// A customer id fit to be stored and logged: not empty, not too long, no control characters.
fn customer_id(id: &str) -> Result<String, Refusal> {
    if id.is_empty() || id.chars().count() > MAX_ID_CHARS || id.chars().any(char::is_control) {
        return Err(Refusal::BadCustomerId);
    }
    Ok(id.to_string())
}

fn header_name(name: &str) -> Result<HeaderName, GateError> {
    HeaderName::from_bytes(name.as_bytes()).map_err(|_| GateError::BadHeaderName {
        header: name.to_string(),
    })
}

fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |since| since.as_secs())
}

#[cfg(test)]
mod tests;
