//! Huawei Cloud's AK/SK request signing (`SDK-HMAC-SHA256`), as its API signing guide and its
//! own SDKs define it. Pure: the caller hands in the time. Meant for a server holding the
//! keys; a browser must never see the secret key.

use super::{Header, PreparedRequest};
use hmac::{Hmac, Mac};
use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use sha2::{Digest, Sha256};
use std::fmt;

const ALGORITHM: &str = "SDK-HMAC-SHA256";

/// Everything but the unreserved characters `A-Z a-z 0-9 - _ . ~` is percent-encoded.
const ENCODED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// An access key pair. The secret never prints: `Debug` shows the access key ID only.
#[derive(Clone)]
pub struct AccessKey {
    id: String,
    secret: String,
}

impl AccessKey {
    pub fn new(id: impl Into<String>, secret: impl Into<String>) -> AccessKey {
        AccessKey {
            id: id.into(),
            secret: secret.into(),
        }
    }
}

impl fmt::Debug for AccessKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AccessKey")
            .field("id", &self.id)
            .field("secret", &"[redacted]")
            .finish()
    }
}

/// The `X-Sdk-Date` of a request: UTC, `YYYYMMDDTHHMMSSZ`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SdkDate(String);

impl SdkDate {
    /// None for a time that is not one (month 13, second 61...).
    pub fn utc(year: u16, month: u8, day: u8, hour: u8, minute: u8, second: u8) -> Option<SdkDate> {
        let valid = (1..=12).contains(&month)
            && (1..=31).contains(&day)
            && hour < 24
            && minute < 60
            && second < 61;
        valid.then(|| {
            SdkDate(format!(
                "{year:04}{month:02}{day:02}T{hour:02}{minute:02}{second:02}Z"
            ))
        })
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// What the signature covers, read from a request.
struct Parts<'a> {
    method: &'a str,
    host: &'a str,
    path: &'a str,
    query: &'a str,
    /// Lower-case name and trimmed value of every signed header but `host`.
    headers: Vec<(String, &'a str)>,
    body: &'a str,
}

/// The lines of the canonical request, in the guide's order.
fn canonical_request(parts: &Parts) -> (String, String) {
    let mut uri: String = parts
        .path
        .split('/')
        .map(|segment| {
            let raw = percent_decode_str(segment).decode_utf8_lossy();
            utf8_percent_encode(&raw, ENCODED).to_string()
        })
        .collect::<Vec<_>>()
        .join("/");
    if !uri.ends_with('/') {
        uri.push('/');
    }
    let mut query: Vec<(String, String)> = parts
        .query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            let encode = |text: &str| {
                let raw = percent_decode_str(text).decode_utf8_lossy();
                utf8_percent_encode(&raw, ENCODED).to_string()
            };
            (encode(name), encode(value))
        })
        .collect();
    query.sort();
    let query: Vec<String> = query.iter().map(|(n, v)| format!("{n}={v}")).collect();
    let mut headers: Vec<(String, &str)> = parts.headers.clone();
    headers.push(("host".into(), parts.host));
    headers.sort();
    let canonical_headers: String = headers
        .iter()
        .map(|(name, value)| format!("{name}:{}\n", value.trim()))
        .collect();
    let signed: Vec<&str> = headers.iter().map(|(name, _)| name.as_str()).collect();
    let signed = signed.join(";");
    let request = [
        parts.method.to_string(),
        uri,
        query.join("&"),
        canonical_headers,
        signed.clone(),
        hex(&Sha256::digest(parts.body.as_bytes())),
    ]
    .join("\n");
    (request, signed)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The `Authorization` value for `parts` signed with `key` at `date`.
fn authorization(parts: &Parts, key: &AccessKey, date: &SdkDate) -> String {
    let (request, signed) = canonical_request(parts);
    let to_sign = format!(
        "{ALGORITHM}\n{}\n{}",
        date.as_str(),
        hex(&Sha256::digest(request.as_bytes()))
    );
    // HMAC takes a key of any length; this cannot fail.
    let mut mac = match Hmac::<Sha256>::new_from_slice(key.secret.as_bytes()) {
        Ok(mac) => mac,
        Err(_) => unreachable!("HMAC accepts keys of any length"),
    };
    mac.update(to_sign.as_bytes());
    let signature = hex(&mac.finalize().into_bytes());
    format!(
        "{ALGORITHM} Access={}, SignedHeaders={signed}, Signature={signature}",
        key.id
    )
}

/// Why a request could not be signed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignError {
    /// Not an absolute `https://` or `http://` URL with a host.
    NotAbsolute,
}

/// Signs `request` in place: adds `X-Sdk-Date`, `X-Domain-Id` when given (global services
/// such as SCM take the account's domain ID) and `Authorization`. Signs `host`,
/// `content-type`, `x-domain-id` and `x-sdk-date`, as Huawei's SDKs do.
pub fn sign(
    request: &mut PreparedRequest,
    key: &AccessKey,
    domain_id: Option<&str>,
    date: &SdkDate,
) -> Result<(), SignError> {
    request.headers.push(Header {
        name: "X-Sdk-Date",
        value: date.as_str().to_string(),
        secret: false,
    });
    if let Some(domain) = domain_id {
        request.headers.push(Header {
            name: "X-Domain-Id",
            value: domain.to_string(),
            secret: false,
        });
    }
    let rest = request
        .url
        .strip_prefix("https://")
        .or_else(|| request.url.strip_prefix("http://"))
        .ok_or(SignError::NotAbsolute)?;
    let (authority, path_query) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    if authority.is_empty() {
        return Err(SignError::NotAbsolute);
    }
    let (path, query) = path_query.split_once('?').unwrap_or((path_query, ""));
    let signed = ["content-type", "x-domain-id", "x-sdk-date"];
    let headers = request
        .headers
        .iter()
        .map(|h| (h.name.to_ascii_lowercase(), h.value.as_str()))
        .filter(|(name, _)| signed.contains(&name.as_str()))
        .collect();
    let parts = Parts {
        method: request.method.as_str(),
        host: authority,
        path: if path.is_empty() { "/" } else { path },
        query,
        headers,
        body: request.body.as_deref().unwrap_or(""),
    };
    let value = authorization(&parts, key, date);
    request.headers.push(Header {
        name: "Authorization",
        value,
        secret: true,
    });
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::providers::Method;

    // Huawei's own example from its API signing guide.
    const AK: &str = "QTWAOYTTINDUT2QVKYUC";
    const SK: &str = "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc";

    fn example() -> PreparedRequest {
        PreparedRequest {
            method: Method::Get,
            url: "https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs?marker=13551d6b-755d-4757-b956-536f674975c0&limit=2".into(),
            headers: vec![Header {
                name: "Content-Type",
                value: "application/json".into(),
                secret: false,
            }],
            body: None,
            url_secrets: Vec::new(),
        }
    }

    fn date() -> SdkDate {
        SdkDate::utc(2019, 11, 15, 3, 36, 55).expect("a time")
    }

    #[test]
    fn the_published_example_has_the_published_hash_and_signature() {
        let mut request = example();
        sign(&mut request, &AccessKey::new(AK, SK), None, &date()).expect("signs");
        let auth = request
            .headers
            .iter()
            .find(|h| h.name == "Authorization")
            .expect("signed");
        assert!(auth.secret, "never shown unmasked");
        assert_eq!(
            auth.value,
            "SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, \
             SignedHeaders=content-type;host;x-sdk-date, \
             Signature=7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe"
        );
        let parts = Parts {
            method: "GET",
            host: "service.region.example.com",
            path: "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs",
            query: "limit=2&marker=13551d6b-755d-4757-b956-536f674975c0",
            headers: vec![
                ("content-type".into(), "application/json"),
                ("x-sdk-date".into(), "20191115T033655Z"),
            ],
            body: "",
        };
        let (canonical, _) = canonical_request(&parts);
        assert_eq!(
            hex(&Sha256::digest(canonical.as_bytes())),
            "b25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a"
        );
    }

    #[test]
    fn another_secret_gives_another_signature() {
        let (mut right, mut wrong) = (example(), example());
        sign(&mut right, &AccessKey::new(AK, SK), None, &date()).expect("signs");
        sign(
            &mut wrong,
            &AccessKey::new(AK, "not-the-secret"),
            None,
            &date(),
        )
        .expect("signs");
        assert_ne!(right.headers.last(), wrong.headers.last());
    }

    #[test]
    fn the_domain_id_is_sent_and_signed() {
        let mut request = example();
        sign(
            &mut request,
            &AccessKey::new(AK, SK),
            Some("0970d7b7d400f2470fbec00316a03560"),
            &date(),
        )
        .expect("signs");
        assert!(request.headers.iter().any(|h| h.name == "X-Domain-Id"));
        let auth = &request.headers.last().expect("signed").value;
        assert!(
            auth.contains("SignedHeaders=content-type;host;x-domain-id;x-sdk-date"),
            "{auth}"
        );
    }

    #[test]
    fn the_secret_never_prints() {
        let key = AccessKey::new(AK, SK);
        let shown = format!("{key:?}");
        assert!(shown.contains(AK) && !shown.contains(SK), "{shown}");
    }

    #[test]
    fn a_relative_url_cannot_be_signed_and_a_bad_time_is_not_a_date() {
        let mut request = example();
        request.url = "/v3/scm/certificates".into();
        assert_eq!(
            sign(&mut request, &AccessKey::new(AK, SK), None, &date()),
            Err(SignError::NotAbsolute)
        );
        assert_eq!(SdkDate::utc(2019, 13, 1, 0, 0, 0), None);
    }
}
