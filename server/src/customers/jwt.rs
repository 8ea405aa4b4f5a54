//! Checking the customer tokens a control panel signs.

use std::fmt;
use std::path::{Path, PathBuf};

use base64ct::{Base64UrlUnpadded, Encoding};
use jsonwebtoken::errors::ErrorKind;
use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use secrecy::{ExposeSecret, SecretSlice};
use serde::Deserialize;

use super::{customer_id, Customer, GateError, JwtAlgorithm, Refusal};

/// Below this, an HS256 secret can be guessed offline from one token.
const MIN_SECRET_BYTES: usize = 32;

/// The configured key and the claims every token must satisfy.
pub(super) struct JwtVerifier {
    key: VerifyKey,
    audience: String,
    issuer: Option<String>,
    leeway_seconds: u64,
    max_lifetime_seconds: u64,
}

enum VerifyKey {
    /// The shared secret; a `DecodingKey` is made from it for each token, so it is held only here.
    Hs256(SecretSlice<u8>),
    /// An Ed25519 public key (not a secret, but printed as little as the secret).
    EdDsa(DecodingKey),
}

impl VerifyKey {
    fn algorithm(&self) -> JwtAlgorithm {
        match self {
            Self::Hs256(_) => JwtAlgorithm::Hs256,
            Self::EdDsa(_) => JwtAlgorithm::EdDsa,
        }
    }
}

impl fmt::Debug for JwtVerifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("JwtVerifier")
            .field("algorithm", &self.key.algorithm())
            .field("key", &"[redacted]")
            .field("audience", &self.audience)
            .field("issuer", &self.issuer)
            .field("leeway_seconds", &self.leeway_seconds)
            .field("max_lifetime_seconds", &self.max_lifetime_seconds)
            .finish()
    }
}

/// Where the key comes from, and the claims, as the settings give them.
pub(super) struct JwtSettings<'a> {
    pub algorithm: JwtAlgorithm,
    pub key_file: Option<&'a Path>,
    pub key_env: Option<&'a str>,
    pub audience: &'a str,
    pub issuer: Option<&'a str>,
    pub leeway_seconds: u64,
    pub max_lifetime_seconds: u64,
}

#[derive(Deserialize)]
struct Claims {
    #[serde(default)]
    sub: Option<String>,
    #[serde(default)]
    iat: Option<u64>,
    /// Optional here so that a token without it is said as such by the library's check.
    #[serde(default)]
    exp: Option<u64>,
    /// Read as any JSON value so that a wrong type is said as such, not as a malformed token.
    #[serde(default)]
    spending_cap_cents: Option<serde_json::Value>,
}

#[derive(Deserialize)]
struct Header {
    alg: String,
}

impl JwtVerifier {
    pub(super) fn new(settings: &JwtSettings<'_>) -> Result<Self, GateError> {
        if settings.audience.trim().is_empty() {
            return Err(GateError::EmptyAudience);
        }
        let bytes = read_key(settings.key_file, settings.key_env)?;
        let key = match settings.algorithm {
            JwtAlgorithm::Hs256 => {
                // A file written with `echo` ends with a newline that is not part of the secret.
                let secret = bytes.expose_secret().trim_ascii_end();
                if secret.len() < MIN_SECRET_BYTES {
                    return Err(GateError::SecretTooShort {
                        bytes: secret.len(),
                    });
                }
                VerifyKey::Hs256(SecretSlice::from(secret.to_vec()))
            }
            JwtAlgorithm::EdDsa => {
                let pem = bytes.expose_secret();
                if contains(pem, b"PRIVATE KEY") {
                    return Err(GateError::PrivateKeyGiven);
                }
                VerifyKey::EdDsa(
                    DecodingKey::from_ed_pem(pem).map_err(|_| GateError::NotAPublicKey)?,
                )
            }
        };
        Ok(Self {
            key,
            audience: settings.audience.to_string(),
            issuer: settings.issuer.map(str::to_string),
            leeway_seconds: settings.leeway_seconds,
            max_lifetime_seconds: settings.max_lifetime_seconds,
        })
    }

    /// The customer a token names; `now` (Unix seconds) is the time `iat` is checked against
    /// (`exp` and `nbf` are checked by `jsonwebtoken` against the system clock).
    pub(super) fn verify(&self, token: &str, now: u64) -> Result<Customer, Refusal> {
        let expected = self.key.algorithm();
        // Checked before anything else, so `alg: none` or another algorithm is said as such.
        if header_algorithm(token)? != expected.name() {
            return Err(Refusal::WrongAlgorithm {
                expected: expected.name(),
            });
        }
        let mut validation = Validation::new(match expected {
            JwtAlgorithm::Hs256 => Algorithm::HS256,
            JwtAlgorithm::EdDsa => Algorithm::EdDSA,
        });
        validation.leeway = self.leeway_seconds;
        validation.validate_nbf = true;
        validation.set_audience(&[&self.audience]);
        let mut required = vec!["exp", "aud", "sub"];
        if let Some(issuer) = &self.issuer {
            validation.set_issuer(&[issuer]);
            required.push("iss");
        }
        validation.set_required_spec_claims(&required);
        let decoded = match &self.key {
            VerifyKey::Hs256(secret) => jsonwebtoken::decode::<Claims>(
                token,
                &DecodingKey::from_secret(secret.expose_secret()),
                &validation,
            ),
            VerifyKey::EdDsa(key) => jsonwebtoken::decode::<Claims>(token, key, &validation),
        };
        let claims = decoded
            .map_err(|error| refusal(error.kind(), expected))?
            .claims;
        let exp = claims.exp.ok_or(Refusal::MissingClaim("exp"))?;
        let iat = claims.iat.ok_or(Refusal::MissingClaim("iat"))?;
        if iat > now.saturating_add(self.leeway_seconds) {
            return Err(Refusal::NotYetValid);
        }
        if exp.saturating_sub(iat) > self.max_lifetime_seconds {
            return Err(Refusal::TooLongLived {
                max_seconds: self.max_lifetime_seconds,
            });
        }
        let sub = claims.sub.filter(|sub| !sub.is_empty());
        let id = customer_id(sub.as_deref().ok_or(Refusal::NoSubject)?)?;
        let spending_cap_cents = match claims.spending_cap_cents {
            None | Some(serde_json::Value::Null) => None,
            Some(value) => Some(value.as_u64().ok_or(Refusal::BadCap)?),
        };
        Ok(Customer {
            id,
            spending_cap_cents,
        })
    }
}

/// The `alg` of a token's header, read without trusting anything else in it.
fn header_algorithm(token: &str) -> Result<String, Refusal> {
    let mut parts = token.split('.');
    let (Some(header), Some(_), Some(_), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(Refusal::Malformed);
    };
    let json = Base64UrlUnpadded::decode_vec(header).map_err(|_| Refusal::Malformed)?;
    let header: Header = serde_json::from_slice(&json).map_err(|_| Refusal::Malformed)?;
    Ok(header.alg)
}

fn refusal(kind: &ErrorKind, expected: JwtAlgorithm) -> Refusal {
    match kind {
        ErrorKind::InvalidSignature => Refusal::BadSignature,
        ErrorKind::ExpiredSignature => Refusal::Expired,
        ErrorKind::ImmatureSignature => Refusal::NotYetValid,
        ErrorKind::InvalidAudience => Refusal::WrongAudience,
        ErrorKind::InvalidIssuer => Refusal::WrongIssuer,
        ErrorKind::InvalidAlgorithm | ErrorKind::MissingAlgorithm => Refusal::WrongAlgorithm {
            expected: expected.name(),
        },
        ErrorKind::MissingRequiredClaim(claim) => match claim.as_str() {
            "sub" => Refusal::NoSubject,
            "exp" => Refusal::MissingClaim("exp"),
            "aud" => Refusal::MissingClaim("aud"),
            "iss" => Refusal::MissingClaim("iss"),
            _ => Refusal::Malformed,
        },
        // The library's enum is open: anything else is a token we cannot read.
        _ => Refusal::Malformed,
    }
}

/// The key's bytes, from exactly one of a file and an environment variable.
fn read_key(file: Option<&Path>, env: Option<&str>) -> Result<SecretSlice<u8>, GateError> {
    match (file, env) {
        (Some(path), None) => std::fs::read(path)
            .map(SecretSlice::from)
            .map_err(|source| GateError::KeyFile {
                path: PathBuf::from(path),
                source,
            }),
        (None, Some(name)) => std::env::var(name)
            .map(|value| SecretSlice::from(value.into_bytes()))
            .map_err(|_| GateError::KeyEnv {
                name: name.to_string(),
            }),
        (None, None) => Err(GateError::NoKeySource),
        (Some(_), Some(_)) => Err(GateError::TwoKeySources),
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle)
}
