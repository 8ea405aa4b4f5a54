//! Query strings and `application/x-www-form-urlencoded` bodies, read as PHP reads them:
//! `+` is a space, `%XX` a byte, a malformed escape stays as written, and a name sent twice
//! keeps its last value.

use axum::http::header::CONTENT_TYPE;
use axum::http::HeaderMap;

use super::error::{ApiError, UNSUPPORTED_CONTENT_TYPE};

const FORM_MEDIA_TYPE: &str = "application/x-www-form-urlencoded";

/// The name/value pairs of one query string or form body, in the order sent.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Form {
    pairs: Vec<(String, String)>,
}

impl Form {
    pub fn parse(input: &[u8]) -> Self {
        let pairs = input
            .split(|&b| b == b'&')
            .filter(|pair| !pair.is_empty())
            .map(|pair| {
                let (name, value) = match pair.iter().position(|&b| b == b'=') {
                    Some(at) => (&pair[..at], &pair[at + 1..]),
                    None => (pair, &[][..]),
                };
                (decode(name), decode(value))
            })
            .collect();
        Self { pairs }
    }

    pub fn from_query(query: Option<&str>) -> Self {
        Self::parse(query.unwrap_or_default().as_bytes())
    }

    /// The value of `name` as sent (the last one if repeated), or `None` when absent.
    pub fn raw(&self, name: &str) -> Option<&str> {
        self.pairs
            .iter()
            .rev()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }

    /// The value of `name`, or `None` when absent or blank: like PHP's `empty()`, a blank
    /// required field counts as a missing one.
    pub fn value(&self, name: &str) -> Option<&str> {
        self.raw(name).filter(|value| !value.trim().is_empty())
    }
}

/// Bodies must be form-encoded; the sandbox says so rather than reading an empty form.
pub fn require_form_body(headers: &HeaderMap) -> Result<(), ApiError> {
    let content_type = headers
        .get(CONTENT_TYPE)
        .map(|value| String::from_utf8_lossy(value.as_bytes()).into_owned());
    let media_type = content_type
        .as_deref()
        .and_then(|value| value.split(';').next())
        .map(str::trim);
    match media_type {
        Some(media_type) if media_type.eq_ignore_ascii_case(FORM_MEDIA_TYPE) => Ok(()),
        Some(media_type) => Err(ApiError::refused(
            UNSUPPORTED_CONTENT_TYPE,
            format!("Invalid Content-Type: the body must be {FORM_MEDIA_TYPE}, got {media_type}."),
        )),
        None => Err(ApiError::refused(
            UNSUPPORTED_CONTENT_TYPE,
            format!("Missing Content-Type: the body must be {FORM_MEDIA_TYPE}."),
        )),
    }
}

/// One name or value of a query string or form body, `+` and `%XX` decoded.
pub(crate) fn decode(component: &[u8]) -> String {
    let mut bytes = Vec::with_capacity(component.len());
    let mut rest = component;
    while let Some((&first, tail)) = rest.split_first() {
        rest = tail;
        match first {
            b'+' => bytes.push(b' '),
            b'%' => match escaped_byte(tail) {
                Some(byte) => {
                    bytes.push(byte);
                    rest = tail.get(2..).unwrap_or_default();
                }
                None => bytes.push(b'%'),
            },
            _ => bytes.push(first),
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// The byte of the two hex digits after a `%`, if they are two hex digits.
fn escaped_byte(after_percent: &[u8]) -> Option<u8> {
    let digit = |b: &u8| char::from(*b).to_digit(16);
    match after_percent {
        [high, low, ..] => u8::try_from(digit(high)? * 16 + digit(low)?).ok(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn decodes_plus_and_percent_escapes() {
        let form = Form::parse(
            b"csr=-----BEGIN+X-----%0D%0Aab%2Bc%3D%3D&dns_names=a.example.com%2Cb.example.com",
        );
        assert_eq!(form.raw("csr"), Some("-----BEGIN X-----\r\nab+c=="));
        assert_eq!(form.raw("dns_names"), Some("a.example.com,b.example.com"));
    }

    #[test]
    fn keeps_malformed_escapes_as_written() {
        let form = Form::parse(b"a=100%&b=%zz&c=%4");
        assert_eq!(form.raw("a"), Some("100%"));
        assert_eq!(form.raw("b"), Some("%zz"));
        assert_eq!(form.raw("c"), Some("%4"));
    }

    #[test]
    fn a_repeated_name_keeps_its_last_value() {
        let form = Form::parse(b"period=24&period=12");
        assert_eq!(form.raw("period"), Some("12"));
    }

    #[test]
    fn blank_values_count_as_absent_but_stay_readable_raw() {
        let form = Form::parse(b"a=&b=+++&c&d=x");
        for name in ["a", "b", "c", "missing"] {
            assert_eq!(form.value(name), None, "{name}");
        }
        assert_eq!(form.raw("b"), Some("   "));
        assert_eq!(form.raw("c"), Some(""));
        assert_eq!(form.value("d"), Some("x"));
    }

    #[test]
    fn empty_and_absent_queries_have_no_fields() {
        assert_eq!(Form::from_query(None), Form::default());
        assert_eq!(Form::from_query(Some("")), Form::default());
        assert_eq!(Form::from_query(Some("&&")), Form::default());
    }

    #[test]
    fn only_form_encoded_bodies_are_read() {
        let with = |value: &'static str| {
            let mut headers = HeaderMap::new();
            headers.insert(CONTENT_TYPE, HeaderValue::from_static(value));
            require_form_body(&headers)
        };
        assert!(with("application/x-www-form-urlencoded").is_ok());
        assert!(with("Application/X-WWW-Form-URLEncoded; charset=UTF-8").is_ok());
        for refused in [
            "application/json",
            "multipart/form-data; boundary=x",
            "text/plain",
        ] {
            let error = with(refused).unwrap_err();
            assert_eq!(error.message, UNSUPPORTED_CONTENT_TYPE);
            assert!(error
                .description
                .contains(refused.split(';').next().unwrap()));
        }
        let error = require_form_body(&HeaderMap::new()).unwrap_err();
        assert!(error.description.starts_with("Missing Content-Type"));
    }
}
