//! Credentials never reach the log: each is replaced by `[redacted sha256:XXXXXXXX]`, the
//! first 8 hex digits of the SHA-256 of the credential, so tests can still tell which one
//! arrived without the log holding it. Every other byte of the request is kept as sent.
//!
//! Redacted: the headers `Authorization` and `Proxy-Authorization` (after the scheme, and for
//! `cpanel USER:TOKEN` after `USER:`; for Huawei's `SDK-HMAC-SHA256 Access=…, SignedHeaders=…,
//! Signature=…` the whole value after the scheme, access key included), `Cookie`, and any
//! header whose name contains `token` (`X-Auth-Token`, `X-Subject-Token`); in query strings, form bodies and JSON bodies, the value of any field
//! named `auth_key`, `pass` or `passwd`, or whose name contains `token`, `password` or
//! `secret` (case ignored), so IAM's login body keeps its user and domain names but not the
//! password. A query or form value is hashed decoded (`+` and `%XX`), a JSON
//! string unescaped.

use std::fmt::Write as _;

use axum::http::{HeaderName, HeaderValue};
use sha2::{Digest, Sha256};

use crate::gogetssl::form::decode;

/// What replaces `secret` in the log.
pub fn redacted(secret: &str) -> String {
    let digest = Sha256::digest(secret.as_bytes());
    let mut text = String::from("[redacted sha256:");
    for byte in &digest[..4] {
        // Writing to a String cannot fail.
        let _ = write!(text, "{byte:02x}");
    }
    text.push(']');
    text
}

/// The value of one header as the log keeps it.
pub fn header(name: &HeaderName, value: &str) -> String {
    match name.as_str() {
        "authorization" | "proxy-authorization" => authorization(value),
        "cookie" => redacted(value),
        other if other.contains("token") => redacted(value),
        _ => value.to_string(),
    }
}

/// The scheme stays readable; for cPanel's `cpanel USER:TOKEN` the user does too.
fn authorization(value: &str) -> String {
    let Some((scheme, credentials)) = value.split_once(' ') else {
        return redacted(value);
    };
    if scheme.eq_ignore_ascii_case("cpanel") {
        if let Some((user, token)) = credentials.split_once(':') {
            return format!("{scheme} {user}:{}", redacted(token));
        }
    }
    format!("{scheme} {}", redacted(credentials))
}

/// Whether a query, form or JSON field of this name holds a credential.
fn is_secret(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    matches!(name.as_str(), "auth_key" | "pass" | "passwd")
        || ["token", "password", "secret"]
            .iter()
            .any(|part| name.contains(part))
}

/// A query string or form body with the values of secret fields redacted; the separators,
/// the order and the encoding of everything else are kept.
pub fn form(input: &str) -> String {
    input
        .split('&')
        .map(|pair| match pair.split_once('=') {
            Some((name, value)) if is_secret(&decode(name.as_bytes())) => {
                format!("{name}={}", redacted(&decode(value.as_bytes())))
            }
            _ => pair.to_string(),
        })
        .collect::<Vec<_>>()
        .join("&")
}

/// A body as the log keeps it: form and JSON bodies (by their `Content-Type`) redacted.
pub fn body(content_type: Option<&HeaderValue>, body: &str) -> String {
    let media_type = content_type
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(';').next())
        .map(|media_type| media_type.trim().to_ascii_lowercase())
        .unwrap_or_default();
    if media_type == "application/x-www-form-urlencoded" {
        form(body)
    } else if media_type == "application/json" || media_type.ends_with("+json") {
        json(body)
    } else {
        body.to_string()
    }
}

/// A JSON text with the string value of every secret member replaced, wherever it is nested.
/// Works on the text, not a parsed value, so that spacing and member order stay as sent; a
/// text that is not JSON is scanned all the same.
fn json(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut at = 0;
    while at < bytes.len() {
        if bytes[at] != b'"' {
            at += 1;
            continue;
        }
        let Some(end) = string_end(bytes, at) else {
            break;
        };
        let colon = skip_space(bytes, end);
        let member_value = (bytes.get(colon) == Some(&b':')).then(|| skip_space(bytes, colon + 1));
        let secret = member_value
            .filter(|&value| bytes.get(value) == Some(&b'"'))
            .filter(|_| unescape(&text[at..end]).is_some_and(|name| is_secret(&name)))
            .and_then(|value| {
                let value_end = string_end(bytes, value)?;
                Some((value, value_end, unescape(&text[value..value_end])?))
            });
        match secret {
            Some((value, value_end, secret)) => {
                out.push_str(&text[copied..value]);
                out.push('"');
                out.push_str(&redacted(&secret));
                out.push('"');
                copied = value_end;
                at = value_end;
            }
            None => at = end,
        }
    }
    out.push_str(&text[copied..]);
    out
}

/// The index just past the closing quote of the string that opens at `start`.
fn string_end(bytes: &[u8], start: usize) -> Option<usize> {
    let mut at = start + 1;
    while let Some(&byte) = bytes.get(at) {
        match byte {
            b'\\' => at += 2,
            b'"' => return Some(at + 1),
            _ => at += 1,
        }
    }
    None
}

fn skip_space(bytes: &[u8], mut at: usize) -> usize {
    while bytes.get(at).is_some_and(|b| b" \t\r\n".contains(b)) {
        at += 1;
    }
    at
}

/// The text of a JSON string literal, quotes included.
fn unescape(literal: &str) -> Option<String> {
    serde_json::from_str(literal).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header_value(text: &str) -> HeaderValue {
        HeaderValue::from_str(text).unwrap()
    }

    #[test]
    fn the_replacement_names_the_first_8_hex_digits_of_the_sha256() {
        // printf %s secret | sha256sum: 2bb80d537b1da3e38bd30361aa855686bde0eacd7162fef6a25fe97bf527a25b
        assert_eq!(redacted("secret"), "[redacted sha256:2bb80d53]");
        assert_ne!(redacted("secret"), redacted("secret2"));
    }

    #[test]
    fn x_auth_token_and_cookies_are_redacted_whole() {
        let token = "tok-0123456789abcdef0123456789ab";
        let name = HeaderName::from_static("x-auth-token");
        assert_eq!(header(&name, token), redacted(token));
        let cookie = HeaderName::from_static("cookie");
        assert_eq!(header(&cookie, "a=1; b=2"), redacted("a=1; b=2"));
        let other = HeaderName::from_static("idempotency-key");
        assert_eq!(header(&other, "key-0123456789"), "key-0123456789");
    }

    #[test]
    fn authorization_keeps_the_scheme_and_cpanel_the_user() {
        let name = HeaderName::from_static("authorization");
        assert_eq!(
            header(&name, "Bearer 9f1c3f7d1d2a9e10"),
            format!("Bearer {}", redacted("9f1c3f7d1d2a9e10"))
        );
        assert_eq!(
            header(&name, "cpanel alice:APITOKEN0123"),
            format!("cpanel alice:{}", redacted("APITOKEN0123"))
        );
        assert_eq!(
            header(&name, "Basic YWxpY2U6c2VjcmV0"),
            format!("Basic {}", redacted("YWxpY2U6c2VjcmV0"))
        );
        assert_eq!(header(&name, "justatoken"), redacted("justatoken"));
        let proxy = HeaderName::from_static("proxy-authorization");
        assert_eq!(
            header(&proxy, "Basic eA=="),
            format!("Basic {}", redacted("eA=="))
        );
    }

    #[test]
    fn huawei_signatures_are_hidden_whole_after_the_scheme() {
        let name = HeaderName::from_static("authorization");
        let credentials = "Access=SANDBOXAKEXAMPLE0001, SignedHeaders=host;x-domain-id;x-sdk-date, Signature=7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe";
        let logged = header(&name, &format!("SDK-HMAC-SHA256 {credentials}"));
        assert_eq!(logged, format!("SDK-HMAC-SHA256 {}", redacted(credentials)));
        assert!(!logged.contains("SANDBOXAKEXAMPLE0001"), "{logged}");
        assert!(!logged.contains("7be66680"), "{logged}");
        // The signed headers that are no credentials stay readable.
        let date = HeaderName::from_static("x-sdk-date");
        assert_eq!(header(&date, "20191115T033655Z"), "20191115T033655Z");
        let domain = HeaderName::from_static("x-domain-id");
        assert_eq!(
            header(&domain, "0123456789abcdef0123456789abcdef"),
            "0123456789abcdef0123456789abcdef"
        );
    }

    #[test]
    fn iam_tokens_are_redacted() {
        let name = HeaderName::from_static("x-subject-token");
        assert_eq!(header(&name, "MIIabc0123"), redacted("MIIabc0123"));
    }

    #[test]
    fn the_iam_login_keeps_its_names_and_hides_its_password() {
        let json_type = header_value("application/json;charset=utf8");
        let sent = r#"{"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"sandbox-iam-user","password":"sandbox-iam-password-not-a-secret","domain":{"name":"sandbox-account"}}}},"scope":{"domain":{"name":"sandbox-account"}}}}"#;
        let logged = body(Some(&json_type), sent);
        assert_eq!(
            logged,
            sent.replace(
                "sandbox-iam-password-not-a-secret",
                &redacted("sandbox-iam-password-not-a-secret")
            )
        );
        assert!(logged.contains(r#""methods":["password"]"#), "{logged}");
    }

    #[test]
    fn query_and_form_secrets_are_redacted_decoded_and_the_rest_kept() {
        assert_eq!(
            form("auth_key=k%2B1+2&product_id=1&&x&csr=a%2Bb+c"),
            format!("auth_key={}&product_id=1&&x&csr=a%2Bb+c", redacted("k+1 2"))
        );
        assert_eq!(
            form("user=alice&pass=hunter2&PASSWORD=p&access_token=t&provider=cPStore"),
            format!(
                "user=alice&pass={}&PASSWORD={}&access_token={}&provider=cPStore",
                redacted("hunter2"),
                redacted("p"),
                redacted("t")
            )
        );
        assert_eq!(form(""), "");
        // A name that is a secret only once decoded.
        assert_eq!(
            form("auth%5Fkey=k"),
            format!("auth%5Fkey={}", redacted("k"))
        );
    }

    #[test]
    fn form_bodies_are_redacted_by_content_type() {
        let form_type = header_value("application/x-www-form-urlencoded; charset=UTF-8");
        assert_eq!(
            body(Some(&form_type), "user=u&pass=p"),
            format!("user=u&pass={}", redacted("p"))
        );
        // Not declared as a form: kept as sent.
        let text = header_value("text/plain");
        assert_eq!(body(Some(&text), "pass=p"), "pass=p");
        assert_eq!(body(None, "pass=p"), "pass=p");
    }

    #[test]
    fn json_secrets_are_redacted_wherever_nested_and_the_spacing_kept() {
        let json_type = header_value("application/json");
        let sent = "{\"order\": {\"token\" :  \"t\\u0031\", \"n\": 1},\n \"list\": [\"token\", {\"Password\":\"p\"}], \"api_token\": 5, \"name\": \"token\"}";
        let expected = format!(
            "{{\"order\": {{\"token\" :  \"{}\", \"n\": 1}},\n \"list\": [\"token\", {{\"Password\":\"{}\"}}], \"api_token\": 5, \"name\": \"token\"}}",
            redacted("t1"),
            redacted("p")
        );
        assert_eq!(body(Some(&json_type), sent), expected);
        // Escaped quotes inside strings do not end them.
        let tricky = r#"{"a": "x\"token\": \"y", "secret": "s"}"#;
        assert_eq!(
            body(Some(&json_type), tricky),
            format!(
                r#"{{"a": "x\"token\": \"y", "secret": "{}"}}"#,
                redacted("s")
            )
        );
        // Cut off: kept as far as it cannot be read.
        assert_eq!(body(Some(&json_type), r#"{"token": "t"#), r#"{"token": "t"#);
        let problem = header_value("application/problem+json");
        assert_eq!(
            body(Some(&problem), r#"{"token":"t"}"#),
            format!(r#"{{"token":"{}"}}"#, redacted("t"))
        );
    }
}
