//! Who may call SCM: a request signed with the sandbox's access key (`Authorization:
//! SDK-HMAC-SHA256 …`, checked by [`super::signature`]), or one with an `X-Auth-Token`.
//!
//! Tokens are not looked up: any of the documented length passes (the browser's direct
//! mode, and tokens from the IAM sandbox), except one containing `forbidden`, which lets tests
//! provoke the documented 403.

use axum::body::{to_bytes, Body};
use axum::extract::{OriginalUri, Request, State};
use axum::http::{HeaderMap, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::error::{self, ApiError};
use super::signature::{self, Received, SANDBOX_KEY};
use super::Store;

/// Header length limits of `X-Auth-Token`, from the provider's documentation.
const TOKEN_MIN: usize = 32;
const TOKEN_MAX: usize = 2_097_152;
/// The request log has already refused larger bodies; this only bounds the copy.
const BODY_LIMIT: usize = 1024 * 1024;

/// Middleware: lets through a request with a valid signature or token, answers the rest
/// in Huawei's error shape.
pub async fn require_credentials(
    State(store): State<Store>,
    request: Request,
    next: Next,
) -> Response {
    if !signature::is_signed(request.headers()) {
        return match check_token(request.headers()) {
            Ok(()) => next.run(request).await,
            Err(error) => error.into_response(),
        };
    }
    let (parts, body) = request.into_parts();
    let Ok(body) = to_bytes(body, BODY_LIMIT).await else {
        return ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            error::BODY_TOO_LARGE,
            "Request body could not be read or is larger than 1 MiB.",
        )
        .into_response();
    };
    // Signed was the path as sent; inside `nest` the URI has lost the sandbox's prefix.
    let uri = parts
        .extensions
        .get::<OriginalUri>()
        .map_or(&parts.uri, |original| &original.0);
    let received = Received {
        method: parts.method.as_str(),
        path: uri.path(),
        query: uri.query(),
        headers: &parts.headers,
        authority: uri.authority().map(|authority| authority.as_str()),
        body: &body,
    };
    if let Err(refusal) = signature::verify(&received, &SANDBOX_KEY, store.clock.wall()) {
        return ApiError::new(
            StatusCode::UNAUTHORIZED,
            error::SIGNATURE_REFUSED,
            format!("Incorrect IAM authentication information: {refusal}."),
        )
        .into_response();
    }
    next.run(Request::from_parts(parts, Body::from(body))).await
}

/// Any token of the documented length passes, except one containing `forbidden`.
fn check_token(headers: &HeaderMap) -> Result<(), ApiError> {
    let token = headers
        .get("x-auth-token")
        .map(|value| value.as_bytes())
        .unwrap_or_default();
    if !(TOKEN_MIN..=TOKEN_MAX).contains(&token.len()) {
        return Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            error::AUTH_FAILED,
            "Authentication failed: X-Auth-Token must be 32 to 2097152 characters.",
        ));
    }
    if token.windows(b"forbidden".len()).any(|w| w == b"forbidden") {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            error::ACCESS_DENIED,
            "Access denied: this token may not use SCM (the sandbox refuses tokens containing \"forbidden\").",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use axum::http::{HeaderValue, Method};
    use http_body_util::BodyExt;
    use serde_json::Value;
    use tower::ServiceExt;

    use super::*;
    use crate::clock::Clock;
    use crate::credentials::{HUAWEI_ACCESS_KEY, HUAWEI_DOMAIN_ID, HUAWEI_SECRET_KEY};
    use crate::huawei::signature::client;

    const DETAILS: &str = "/sandbox/huawei/v3/scm/certificates/scs0000000000000";
    const SIGNED: [&str; 3] = ["host", "x-domain-id", "x-sdk-date"];

    /// A details call for an unknown certificate, signed at the clock's time with `secret`.
    fn signed_details(clock: &Clock, secret: &str) -> axum::http::Request<Body> {
        let mut headers = HeaderMap::new();
        headers.insert("host", HeaderValue::from_static("127.0.0.1:8080"));
        headers.insert("x-domain-id", HeaderValue::from_static(HUAWEI_DOMAIN_ID));
        let date = client::date(clock.wall());
        headers.insert("x-sdk-date", HeaderValue::from_str(&date).unwrap());
        let received = Received {
            method: "GET",
            path: DETAILS,
            query: None,
            headers: &headers,
            authority: None,
            body: b"",
        };
        let authorization = client::authorization(&received, HUAWEI_ACCESS_KEY, secret, &SIGNED);
        headers.insert(
            "authorization",
            HeaderValue::from_str(&authorization).unwrap(),
        );
        let mut request = axum::http::Request::builder()
            .method(Method::GET)
            .uri(DETAILS);
        for (name, value) in &headers {
            request = request.header(name, value);
        }
        request.body(Body::empty()).unwrap()
    }

    async fn answer(clock: &Clock, request: axum::http::Request<Body>) -> (StatusCode, Value) {
        let app = crate::router(Duration::from_secs(30), clock);
        let response = app.oneshot(request).await.unwrap();
        let status = response.status();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        (status, serde_json::from_slice(&bytes).unwrap())
    }

    #[tokio::test]
    async fn a_signed_call_through_the_nested_router_reaches_scm() {
        let clock = Clock::default();
        let (status, body) = answer(&clock, signed_details(&clock, HUAWEI_SECRET_KEY)).await;
        // Past the credential check: SCM itself answers that the certificate is unknown.
        assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
        assert_eq!(body["error_code"], error::NOT_FOUND, "{body}");
    }

    #[tokio::test]
    async fn a_wrong_secret_is_refused_in_the_gateway_shape() {
        let clock = Clock::default();
        let request = signed_details(&clock, "another-secret-key-0000000000000000000000");
        let (status, body) = answer(&clock, request).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        assert_eq!(body["error_code"], "APIGW.0301");
        let message = body["error_msg"].as_str().unwrap();
        assert!(
            message.starts_with("Incorrect IAM authentication information: signature mismatch"),
            "{message}"
        );
    }

    #[tokio::test]
    async fn the_skew_is_measured_on_the_sandbox_clock() {
        let clock = Clock::default();
        let request = signed_details(&clock, HUAWEI_SECRET_KEY);
        clock.advance(Duration::from_secs(16 * 60));
        let (status, body) = answer(&clock, request).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        assert!(
            body["error_msg"].as_str().unwrap().contains("date skew"),
            "{body}"
        );
    }

    #[tokio::test]
    async fn a_token_still_opens_scm_and_none_is_refused_as_before() {
        let clock = Clock::default();
        let with_token = axum::http::Request::get(DETAILS)
            .header("x-auth-token", "t".repeat(64))
            .body(Body::empty())
            .unwrap();
        assert_eq!(answer(&clock, with_token).await.0, StatusCode::NOT_FOUND);
        let without = axum::http::Request::get(DETAILS)
            .body(Body::empty())
            .unwrap();
        let (status, body) = answer(&clock, without).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        assert_eq!(body["error_code"], error::AUTH_FAILED);
    }
}
