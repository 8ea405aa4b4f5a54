//! CORS: closed unless the operator lists the exact origins of the pages that may call the API.

use std::time::Duration;

use axum::http::{header, HeaderName, HeaderValue, Method};
use tower_http::cors::{AllowOrigin, CorsLayer};

use super::{LimitError, LimitSettings};

/// The CORS layer for `settings.allowed_origins`: `None` when there are none, so that no
/// answer carries any CORS header. Exact origins only; methods GET, POST and OPTIONS; request
/// headers Content-Type, Authorization and Idempotency-Key; `Retry-After` readable by the page.
pub fn cors(settings: &LimitSettings) -> Result<Option<CorsLayer>, LimitError> {
    if settings.allowed_origins.is_empty() {
        return Ok(None);
    }
    let origins = settings
        .allowed_origins
        .iter()
        .map(|origin| parse_origin(origin))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Some(
        CorsLayer::new()
            .allow_origin(AllowOrigin::list(origins))
            .allow_methods([Method::GET, Method::POST, Method::OPTIONS])
            .allow_headers([
                header::CONTENT_TYPE,
                header::AUTHORIZATION,
                HeaderName::from_static("idempotency-key"),
            ])
            .expose_headers([header::RETRY_AFTER])
            .max_age(Duration::from_secs(600)),
    ))
}

/// `origin` as browsers send it (`scheme://host[:port]`, lower case), or why it is not one.
pub(super) fn parse_origin(origin: &str) -> Result<HeaderValue, LimitError> {
    let bad = |why| LimitError::BadOrigin {
        origin: origin.to_string(),
        why,
    };
    if origin.contains('*') {
        return Err(bad("is a wildcard; list each origin"));
    }
    let lower = origin.to_ascii_lowercase();
    let Some((scheme, authority)) = lower.split_once("://") else {
        return Err(bad("has no scheme (http:// or https://)"));
    };
    if scheme != "https" && scheme != "http" {
        return Err(bad("is not http:// or https://"));
    }
    if authority.contains(['/', '?', '#']) {
        return Err(bad(
            "has a path (an origin ends after the host and port, without /)",
        ));
    }
    if authority.contains('@') {
        return Err(bad("has a user name"));
    }
    let (host, port) = match authority.rsplit_once(':') {
        // A bare IPv6 address in brackets has colons of its own.
        Some((host, port)) if !port.contains(']') => (host, Some(port)),
        _ => (authority, None),
    };
    if let Some(port) = port {
        if port.parse::<u16>().is_err() {
            return Err(bad("has a port that is not a number from 0 to 65535"));
        }
    }
    let ipv6 = host.starts_with('[')
        && host.ends_with(']')
        && host[1..host.len() - 1]
            .parse::<std::net::Ipv6Addr>()
            .is_ok();
    let name = !host.is_empty()
        && !host.starts_with(['.', '-'])
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.');
    if !ipv6 && !name {
        return Err(bad("has no valid host name"));
    }
    HeaderValue::from_str(&lower).map_err(|_| bad("is not a valid header value"))
}

#[cfg(test)]
mod tests {
    use axum::body::Body;
    use axum::http::{Request, StatusCode};
    use axum::routing::post;
    use axum::Router;
    use tower::ServiceExt;

    use super::*;

    fn settings(origins: &[&str]) -> LimitSettings {
        LimitSettings {
            allowed_origins: origins.iter().map(|o| o.to_string()).collect(),
            ..LimitSettings::default()
        }
    }

    fn app(settings: &LimitSettings) -> Router {
        let router = Router::new().route("/api/orders", post(|| async { "placed" }));
        match cors(settings).unwrap() {
            Some(layer) => router.layer(layer),
            None => router,
        }
    }

    /// The answer to a browser's preflight for a POST from `origin`.
    async fn preflight(app: Router, origin: &str) -> axum::response::Response {
        let request = Request::builder()
            .method(Method::OPTIONS)
            .uri("/api/orders")
            .header(header::ORIGIN, origin)
            .header(header::ACCESS_CONTROL_REQUEST_METHOD, "POST")
            .header(
                header::ACCESS_CONTROL_REQUEST_HEADERS,
                "content-type,authorization,idempotency-key",
            )
            .body(Body::empty())
            .unwrap();
        app.oneshot(request).await.unwrap()
    }

    #[tokio::test]
    async fn closed_by_default() {
        assert!(cors(&LimitSettings::default()).unwrap().is_none());
        for origin in ["https://panel.example", "http://localhost:3000", "null"] {
            let answer = preflight(app(&LimitSettings::default()), origin).await;
            assert!(
                !answer
                    .headers()
                    .contains_key(header::ACCESS_CONTROL_ALLOW_ORIGIN),
                "{origin}: {:?}",
                answer.headers()
            );
        }
    }

    #[tokio::test]
    async fn a_listed_origin_is_allowed_and_an_unlisted_one_is_not() {
        let settings = settings(&["https://panel.example", "HTTP://LOCALHOST:3000"]);
        let answer = preflight(app(&settings), "https://panel.example").await;
        assert_eq!(answer.status(), StatusCode::OK);
        let headers = answer.headers();
        assert_eq!(
            headers[header::ACCESS_CONTROL_ALLOW_ORIGIN],
            "https://panel.example"
        );
        let allowed = headers[header::ACCESS_CONTROL_ALLOW_HEADERS]
            .to_str()
            .unwrap();
        for name in ["content-type", "authorization", "idempotency-key"] {
            assert!(allowed.contains(name), "{allowed}");
        }
        let methods = headers[header::ACCESS_CONTROL_ALLOW_METHODS]
            .to_str()
            .unwrap();
        assert!(
            methods.contains("POST") && !methods.contains("DELETE"),
            "{methods}"
        );
        // Written in capitals in the settings, sent in lower case by browsers.
        let answer = preflight(app(&settings), "http://localhost:3000").await;
        assert_eq!(
            answer.headers()[header::ACCESS_CONTROL_ALLOW_ORIGIN],
            "http://localhost:3000"
        );
        for unlisted in [
            "https://evil.example",
            "https://panel.example:8443",
            "http://panel.example",
            "https://panel.example.evil.example",
        ] {
            let answer = preflight(app(&settings), unlisted).await;
            assert!(
                !answer
                    .headers()
                    .contains_key(header::ACCESS_CONTROL_ALLOW_ORIGIN),
                "{unlisted}"
            );
        }
    }

    #[test]
    fn origins_with_a_path_or_a_wildcard_are_refused() {
        for (origin, why) in [
            ("*", "wildcard"),
            ("https://*.panel.example", "wildcard"),
            ("https://panel.example/", "path"),
            ("https://panel.example/app", "path"),
            ("panel.example", "scheme"),
            ("ftp://panel.example", "http"),
            ("https://user@panel.example", "user"),
            ("https://panel.example:99999", "port"),
            ("https://", "host"),
            ("null", "scheme"),
        ] {
            let error = settings(&[origin]).check().unwrap_err();
            let text = error.to_string();
            assert!(
                text.contains(why) && text.contains(origin),
                "{origin}: {text}"
            );
            assert!(cors(&settings(&[origin])).is_err(), "{origin}");
        }
        for origin in [
            "https://panel.example:8443",
            "http://[::1]:8080",
            "http://127.0.0.1",
        ] {
            assert_eq!(settings(&[origin]).check(), Ok(()), "{origin}");
        }
    }
}
