//! Huawei's AK/SK request signatures (`SDK-HMAC-SHA256`), checked as API Gateway checks
//! them: the canonical request is rebuilt from the request as it arrived, hashed, and the
//! signature over it recomputed with the secret key of the access key named.
//!
//! Written from Huawei's signing guide and SDKs, on purpose not from the core's signer, so a
//! misreading of the algorithm cannot hide in code both share.

use std::fmt;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use axum::http::HeaderMap;
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

use crate::calendar::{days_from_civil, days_in_month};
use crate::credentials::{same, HUAWEI_ACCESS_KEY, HUAWEI_DOMAIN_ID, HUAWEI_SECRET_KEY};

/// The first word of a signed request's `Authorization` header.
pub const SCHEME: &str = "SDK-HMAC-SHA256";
/// How far `X-Sdk-Date` may be from the gateway's clock, either way.
pub const MAX_SKEW: Duration = Duration::from_secs(15 * 60);
/// `X-Sdk-Content-Sha256` with this value signs the literal instead of the body's hash.
const UNSIGNED_PAYLOAD: &str = "UNSIGNED-PAYLOAD";

/// An access key the gateway knows: its secret and the account it belongs to.
#[derive(Clone, Copy)]
pub struct AccessKey<'a> {
    pub id: &'a str,
    pub secret: &'a str,
    pub domain_id: &'a str,
}

impl fmt::Debug for AccessKey<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AccessKey")
            .field("id", &self.id)
            .field("secret", &"[redacted]")
            .field("domain_id", &self.domain_id)
            .finish()
    }
}

/// The sandbox account's one key pair.
pub const SANDBOX_KEY: AccessKey<'static> = AccessKey {
    id: HUAWEI_ACCESS_KEY,
    secret: HUAWEI_SECRET_KEY,
    domain_id: HUAWEI_DOMAIN_ID,
};

/// A request as it arrived, before any router took a prefix off its path.
pub struct Received<'a> {
    pub method: &'a str,
    /// The path as sent, still percent-encoded.
    pub path: &'a str,
    /// The query as sent, without `?`.
    pub query: Option<&'a str>,
    pub headers: &'a HeaderMap,
    /// The URI's authority, standing in for a missing `Host` (HTTP/2).
    pub authority: Option<&'a str>,
    pub body: &'a [u8],
}

/// Why a signed request is refused. Names headers, never a secret or the signature sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// `Authorization` is not `SDK-HMAC-SHA256 Access=…, SignedHeaders=…, Signature=…`;
    /// says which part is wrong.
    Malformed(&'static str),
    /// `Access=` names a key the sandbox does not know.
    UnknownKey,
    /// A header signed requests must send is absent.
    MissingHeader(&'static str),
    /// A header that must be signed is not in `SignedHeaders`.
    Unsigned(&'static str),
    /// `X-Sdk-Date` is not `YYYYMMDDTHHMMSSZ`.
    BadDate,
    /// `X-Sdk-Date` is further than [`MAX_SKEW`] from the sandbox's clock.
    DateSkew,
    /// `X-Domain-Id` is not the sandbox account's.
    WrongDomain,
    /// `SignedHeaders` names a header the request does not carry.
    AbsentSignedHeader(String),
    /// The signature is not the one the secret key makes over this request.
    SignatureMismatch,
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Malformed(what) => write!(
                f,
                "malformed Authorization header ({what}): send \"{SCHEME} Access=<AK>, SignedHeaders=<names;joined;by;semicolons>, Signature=<64 hex digits>\""
            ),
            Self::UnknownKey => f.write_str(
                "unknown access key: the sandbox accepts only its own AK (see the README's sandbox credentials)",
            ),
            Self::MissingHeader(name) => {
                write!(f, "missing header {name}: signed requests must send it")
            }
            Self::Unsigned(name) => write!(
                f,
                "header {name} is not signed: add {} to SignedHeaders",
                name.to_ascii_lowercase()
            ),
            Self::BadDate => f.write_str(
                "X-Sdk-Date must be the UTC time as YYYYMMDDTHHMMSSZ, such as 20191115T033655Z",
            ),
            Self::DateSkew => f.write_str(
                "date skew: X-Sdk-Date is more than 15 minutes from the sandbox's clock; sign with the current UTC time",
            ),
            Self::WrongDomain => write!(
                f,
                "X-Domain-Id is not the sandbox account's domain ID ({HUAWEI_DOMAIN_ID})"
            ),
            Self::AbsentSignedHeader(name) => write!(
                f,
                "SignedHeaders names {name}, which the request does not carry: sign only headers you send"
            ),
            Self::SignatureMismatch => f.write_str(
                "signature mismatch: recompute it with the secret key over the request exactly as sent (method, path, query, signed headers, body)",
            ),
        }
    }
}

/// What a signed request's `Authorization` header says.
#[derive(PartialEq, Eq)]
struct Authorization<'a> {
    access: &'a str,
    signed_headers: Vec<&'a str>,
    signature: Vec<u8>,
}

/// The signature only proves one request, but is still not for logs.
impl fmt::Debug for Authorization<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Authorization")
            .field("access", &self.access)
            .field("signed_headers", &self.signed_headers)
            .field("signature", &"[redacted]")
            .finish()
    }
}

/// Whether `headers` carry an AK/SK signature (rather than, say, an `X-Auth-Token`).
pub fn is_signed(headers: &HeaderMap) -> bool {
    headers
        .get("authorization")
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.trim_start().split(' ').next())
        .is_some_and(|scheme| scheme.eq_ignore_ascii_case(SCHEME))
}

/// Accepts `request` only if signed by `key` within [`MAX_SKEW`] of `now`, with the date,
/// `host` and `X-Domain-Id` signed and the domain `key`'s.
pub fn verify(request: &Received<'_>, key: &AccessKey<'_>, now: SystemTime) -> Result<(), Refusal> {
    let value =
        header(request.headers, "authorization").ok_or(Refusal::MissingHeader("Authorization"))?;
    let authorization = parse_authorization(&value)?;
    if !same(authorization.access.as_bytes(), key.id.as_bytes()) {
        return Err(Refusal::UnknownKey);
    }
    let signed = |name: &str| authorization.signed_headers.contains(&name);

    let date = header(request.headers, "x-sdk-date").ok_or(Refusal::MissingHeader("X-Sdk-Date"))?;
    if !signed("x-sdk-date") {
        return Err(Refusal::Unsigned("X-Sdk-Date"));
    }
    let sent_at = parse_date(&date).ok_or(Refusal::BadDate)?;
    let skew = now
        .duration_since(sent_at)
        .or_else(|_| sent_at.duration_since(now))
        .map_err(|_| Refusal::DateSkew)?;
    if skew > MAX_SKEW {
        return Err(Refusal::DateSkew);
    }

    if !signed("host") {
        return Err(Refusal::Unsigned("host"));
    }
    let domain =
        header(request.headers, "x-domain-id").ok_or(Refusal::MissingHeader("X-Domain-Id"))?;
    if !signed("x-domain-id") {
        return Err(Refusal::Unsigned("X-Domain-Id"));
    }
    if domain.trim() != key.domain_id {
        return Err(Refusal::WrongDomain);
    }

    let canonical = canonical_request(request, &authorization.signed_headers)?;
    // HMAC takes keys of every length: the error cannot happen, and would refuse if it did.
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(key.secret.as_bytes())
        .map_err(|_| Refusal::SignatureMismatch)?;
    mac.update(string_to_sign(&date, &canonical).as_bytes());
    mac.verify_slice(&authorization.signature)
        .map_err(|_| Refusal::SignatureMismatch)
}

/// Reads `SDK-HMAC-SHA256 Access=AK, SignedHeaders=a;b, Signature=HEX`: each part once,
/// nothing else, header names in lower case.
fn parse_authorization(value: &str) -> Result<Authorization<'_>, Refusal> {
    let rest = value
        .trim()
        .strip_prefix(SCHEME)
        .and_then(|rest| rest.strip_prefix(' '))
        .ok_or(Refusal::Malformed("the scheme must be SDK-HMAC-SHA256"))?;
    let (mut access, mut signed_headers, mut signature) = (None, None, None);
    for part in rest.split(',') {
        let (name, value) = part
            .trim()
            .split_once('=')
            .ok_or(Refusal::Malformed("each part must be Name=value"))?;
        let slot = match name {
            "Access" => &mut access,
            "SignedHeaders" => &mut signed_headers,
            "Signature" => &mut signature,
            _ => {
                return Err(Refusal::Malformed(
                    "only Access, SignedHeaders and Signature may appear",
                ))
            }
        };
        if slot.replace(value).is_some() {
            return Err(Refusal::Malformed("a part appears twice"));
        }
    }
    let access = access
        .filter(|access| !access.is_empty())
        .ok_or(Refusal::Malformed("Access is missing"))?;
    let signed_headers: Vec<&str> = signed_headers
        .ok_or(Refusal::Malformed("SignedHeaders is missing"))?
        .split(';')
        .collect();
    if signed_headers
        .iter()
        .any(|name| name.is_empty() || name.bytes().any(|b| b.is_ascii_uppercase()))
    {
        return Err(Refusal::Malformed(
            "SignedHeaders must list lower-case header names joined by ;",
        ));
    }
    let signature = signature
        .and_then(decode_hex)
        .filter(|bytes| bytes.len() == 32)
        .ok_or(Refusal::Malformed("Signature must be 64 hex digits"))?;
    Ok(Authorization {
        access,
        signed_headers,
        signature,
    })
}

/// `YYYYMMDDTHHMMSSZ`, a real UTC date and time.
fn parse_date(text: &str) -> Option<SystemTime> {
    let bytes = text.as_bytes();
    if bytes.len() != 16 || bytes[8] != b'T' || bytes[15] != b'Z' {
        return None;
    }
    let number = |range: std::ops::Range<usize>| -> Option<u64> {
        let digits = bytes.get(range)?;
        digits
            .iter()
            .all(u8::is_ascii_digit)
            .then(|| digits.iter().fold(0, |n, d| n * 10 + u64::from(d - b'0')))
    };
    let (year, month, day) = (number(0..4)?, number(4..6)?, number(6..8)?);
    let (hour, minute, second) = (number(9..11)?, number(11..13)?, number(13..15)?);
    if !(1..=12).contains(&month)
        || !(1..=days_in_month(year, month)).contains(&day)
        || hour > 23
        || minute > 59
        || second > 59
    {
        return None;
    }
    let days = days_from_civil(year, month, day)?;
    let seconds = days * 86_400 + hour * 3600 + minute * 60 + second;
    Some(UNIX_EPOCH + Duration::from_secs(seconds))
}

/// The six lines Huawei signs: method, canonical URI, canonical query, the signed headers
/// one per line, the signed header names, and the body's hash.
fn canonical_request(request: &Received<'_>, signed_headers: &[&str]) -> Result<String, Refusal> {
    let mut headers = String::new();
    for &name in signed_headers {
        let value = match header(request.headers, name) {
            Some(value) => value,
            None if name == "host" => request
                .authority
                .map(str::to_string)
                .ok_or(Refusal::MissingHeader("Host"))?,
            None => return Err(Refusal::AbsentSignedHeader(name.to_string())),
        };
        headers.push_str(name);
        headers.push(':');
        headers.push_str(value.trim());
        headers.push('\n');
    }
    let payload = match header(request.headers, "x-sdk-content-sha256") {
        Some(value) if value.trim() == UNSIGNED_PAYLOAD => UNSIGNED_PAYLOAD.to_string(),
        _ => hex(&Sha256::digest(request.body)),
    };
    Ok([
        request.method.to_ascii_uppercase(),
        canonical_uri(request.path),
        canonical_query(request.query.unwrap_or_default()),
        headers,
        signed_headers.join(";"),
        payload,
    ]
    .join("\n"))
}

/// `SDK-HMAC-SHA256`, the date as sent, and the canonical request's hex SHA-256.
fn string_to_sign(date: &str, canonical_request: &str) -> String {
    format!(
        "{SCHEME}\n{date}\n{}",
        hex(&Sha256::digest(canonical_request.as_bytes()))
    )
}

/// Each segment decoded then encoded the one way Huawei's signers do, ending in `/`.
fn canonical_uri(path: &str) -> String {
    let mut uri = path
        .split('/')
        .map(|segment| encode(&decode(segment, false)))
        .collect::<Vec<_>>()
        .join("/");
    if !uri.ends_with('/') {
        uri.push('/');
    }
    uri
}

/// `name=value` pairs, decoded (`+` is a space) then encoded, sorted by name then value.
fn canonical_query(query: &str) -> String {
    let mut pairs: Vec<(Vec<u8>, Vec<u8>)> = query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            (decode(name, true), decode(value, true))
        })
        .collect();
    pairs.sort();
    pairs
        .iter()
        .map(|(name, value)| format!("{}={}", encode(name), encode(value)))
        .collect::<Vec<_>>()
        .join("&")
}

/// Percent-decodes; a malformed escape stays as written.
fn decode(text: &str, plus_is_space: bool) -> Vec<u8> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while let Some(&byte) = bytes.get(at) {
        let escaped = (byte == b'%')
            .then(|| bytes.get(at + 1..at + 3))
            .flatten()
            .and_then(hex_byte);
        match escaped {
            Some(decoded) => {
                out.push(decoded);
                at += 3;
            }
            None => {
                out.push(if plus_is_space && byte == b'+' {
                    b' '
                } else {
                    byte
                });
                at += 1;
            }
        }
    }
    out
}

/// Percent-encodes all but RFC 3986's unreserved characters, in upper-case hex.
fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    for &byte in bytes {
        if byte.is_ascii_alphanumeric() || b"-_.~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// A header's values, joined by `,` when repeated; `None` when absent or not text.
fn header(headers: &HeaderMap, name: &str) -> Option<String> {
    let values: Vec<&str> = headers
        .get_all(name)
        .iter()
        .map(|value| value.to_str().ok())
        .collect::<Option<_>>()?;
    (!values.is_empty()).then(|| values.join(","))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

fn decode_hex(text: &str) -> Option<Vec<u8>> {
    let bytes = text.as_bytes();
    if !bytes.len().is_multiple_of(2) {
        return None;
    }
    bytes.chunks(2).map(hex_byte).collect()
}

/// Two hex digits (either case) as a byte; `from_str_radix` alone would take a sign too.
fn hex_byte(pair: &[u8]) -> Option<u8> {
    let digit = |b: u8| char::from(b).to_digit(16);
    match pair {
        [high, low] => Some(u8::try_from(digit(*high)? * 16 + digit(*low)?).ok()?),
        _ => None,
    }
}

#[cfg(test)]
mod tests;

/// Signs as a client following Huawei's guide would: the `X-Sdk-Date` value for `time`, and
/// the `Authorization` value for `request` signed by `access`/`secret` over `signed`.
#[cfg(test)]
pub(crate) mod client {
    use super::*;
    use crate::calendar::civil_from_days;

    pub fn date(time: SystemTime) -> String {
        let secs = time.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
        let (year, month, day) = civil_from_days(secs / 86_400);
        let rest = secs % 86_400;
        format!(
            "{year:04}{month:02}{day:02}T{:02}{:02}{:02}Z",
            rest / 3600,
            rest % 3600 / 60,
            rest % 60
        )
    }

    pub fn authorization(
        request: &Received<'_>,
        access: &str,
        secret: &str,
        signed: &[&str],
    ) -> String {
        let date = header(request.headers, "x-sdk-date").unwrap_or_default();
        let canonical = canonical_request(request, signed).unwrap_or_default();
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(secret.as_bytes()).unwrap();
        mac.update(string_to_sign(&date, &canonical).as_bytes());
        format!(
            "{SCHEME} Access={access}, SignedHeaders={}, Signature={}",
            signed.join(";"),
            hex(&mac.finalize().into_bytes())
        )
    }
}
