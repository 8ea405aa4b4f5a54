//! Absolute URLs back into the sandbox (checkout, actions), built from the request's
//! `Host` as the store would name itself; relative when the request has no usable `Host`.

use axum::http::header::HOST;
use axum::http::HeaderMap;

pub struct Origin {
    /// `http://host:port`, or empty for relative URLs.
    prefix: String,
}

impl Origin {
    pub fn from_headers(headers: &HeaderMap) -> Self {
        let host = headers
            .get(HOST)
            .and_then(|value| value.to_str().ok())
            .filter(|host| is_plain_host(host));
        // Behind a TLS-terminating proxy the scheme is only known from this header.
        let scheme = match headers
            .get("x-forwarded-proto")
            .and_then(|value| value.to_str().ok())
        {
            Some(proto) if proto.eq_ignore_ascii_case("https") => "https",
            _ => "http",
        };
        Self {
            prefix: host.map_or_else(String::new, |host| format!("{scheme}://{host}")),
        }
    }

    /// `path` must start with `/`.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.prefix)
    }
}

/// A host and optional port, nothing that could change the URL's meaning.
fn is_plain_host(host: &str) -> bool {
    !host.is_empty()
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-.:[]_".contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn origin(pairs: &[(&'static str, &str)]) -> Origin {
        let mut headers = HeaderMap::new();
        for (name, value) in pairs {
            headers.insert(*name, HeaderValue::from_str(value).unwrap());
        }
        Origin::from_headers(&headers)
    }

    #[test]
    fn urls_are_absolute_with_a_host_and_relative_without() {
        assert_eq!(
            origin(&[("host", "127.0.0.1:8080")]).url("/x"),
            "http://127.0.0.1:8080/x"
        );
        assert_eq!(
            origin(&[("host", "shop.example.com"), ("x-forwarded-proto", "https")]).url("/x"),
            "https://shop.example.com/x"
        );
        assert_eq!(origin(&[]).url("/x"), "/x");
        assert_eq!(origin(&[("host", "evil.example/@x")]).url("/x"), "/x");
    }
}
