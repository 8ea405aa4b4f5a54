//! The request body limit, answered with the API's error JSON.
//!
//! tower-http's `RequestBodyLimitLayer` refuses a too long `Content-Length` at once, and cuts
//! a longer chunked body while the handler reads it; either way the answer is a 413 with a
//! plain body, which [`limit_body`] replaces with `{"error":{"code":"too_large",...}}`.

use axum::extract::{DefaultBodyLimit, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::map_response_with_state;
use axum::response::{IntoResponse, Response};
use axum::{Json, Router};
use serde_json::json;
use tower_http::limit::RequestBodyLimitLayer;

use super::LimitSettings;

/// `router` with bodies over `settings.max_body_bytes` refused with 413 `too_large`. Handlers
/// must read the body through axum's extractors (`Bytes`, `Json`, `String`) or as a stream:
/// the limit replaces axum's own default of 2 MiB.
pub fn limit_body<S>(router: Router<S>, settings: &LimitSettings) -> Router<S>
where
    S: Clone + Send + Sync + 'static,
{
    let max = settings.max_body_bytes;
    router
        .layer(DefaultBodyLimit::disable())
        .layer(RequestBodyLimitLayer::new(max))
        .layer(map_response_with_state(max, as_json))
}

/// The API's 413 answer for a body over `max_bytes`.
pub fn too_large(max_bytes: usize) -> Response {
    let message = format!(
        "the request body is larger than this server's limit of {max_bytes} bytes; send only \
         the order (one CSR, no attachments), or ask the operator to raise [limits] \
         max_body_bytes"
    );
    let mut answer = (
        StatusCode::PAYLOAD_TOO_LARGE,
        Json(json!({"error": {"code": "too_large", "message": message}})),
    )
        .into_response();
    answer
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    answer
}

/// Any 413 that is not already JSON becomes the API's.
async fn as_json(State(max): State<usize>, answer: Response) -> Response {
    let json = answer
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.starts_with("application/json"));
    if answer.status() == StatusCode::PAYLOAD_TOO_LARGE && !json {
        too_large(max)
    } else {
        answer
    }
}

#[cfg(test)]
mod tests {
    use axum::body::{Body, Bytes};
    use axum::http::Request;
    use axum::routing::post;
    use http_body_util::BodyExt;
    use serde_json::Value;
    use tower::ServiceExt;

    use super::*;

    fn app(max_body_bytes: usize) -> Router {
        let settings = LimitSettings {
            max_body_bytes,
            ..LimitSettings::default()
        };
        let router = Router::new().route(
            "/api/orders",
            post(|body: Bytes| async move { format!("read {}", body.len()) }),
        );
        limit_body(router, &settings)
    }

    /// Sends `body`, declaring its length in `Content-Length` if `declared`, as browsers
    /// do (a request built in a test has no such header unless given one).
    async fn send(
        app: Router,
        body: Vec<u8>,
        declared: bool,
    ) -> (StatusCode, String, Option<HeaderValue>) {
        let mut request =
            Request::post("/api/orders").header(header::CONTENT_TYPE, "application/json");
        if declared {
            request = request.header(header::CONTENT_LENGTH, body.len());
        }
        let answer = app
            .oneshot(request.body(Body::from(body)).unwrap())
            .await
            .unwrap();
        let status = answer.status();
        let cache = answer.headers().get(header::CACHE_CONTROL).cloned();
        let bytes = answer.into_body().collect().await.unwrap().to_bytes();
        (status, String::from_utf8(bytes.to_vec()).unwrap(), cache)
    }

    fn assert_too_large(text: &str, max: usize) {
        let json: Value = serde_json::from_str(text).unwrap();
        assert_eq!(json["error"]["code"], "too_large", "{text}");
        let message = json["error"]["message"].as_str().unwrap();
        assert!(message.contains(&format!("{max} bytes")), "{message}");
    }

    #[tokio::test]
    async fn a_body_within_the_limit_reaches_the_handler() {
        for declared in [true, false] {
            let (status, text, _) = send(app(100), vec![b'x'; 100], declared).await;
            assert_eq!((status, text.as_str()), (StatusCode::OK, "read 100"));
        }
    }

    #[tokio::test]
    async fn an_oversized_content_length_is_a_413_with_the_json_error() {
        let (status, text, cache) = send(app(100), vec![b'x'; 101], true).await;
        assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
        assert_too_large(&text, 100);
        assert_eq!(cache.unwrap(), "no-store");
    }

    #[tokio::test]
    async fn an_oversized_body_without_a_length_is_cut_with_the_json_error() {
        let (status, text, _) = send(app(100), vec![b'x'; 101], false).await;
        assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
        assert_too_large(&text, 100);
    }

    #[tokio::test]
    async fn the_limit_may_be_above_axums_default() {
        let three_mib = 3 * 1024 * 1024;
        let (status, text, _) = send(app(three_mib), vec![b'x'; three_mib], false).await;
        assert_eq!(
            (status, text),
            (StatusCode::OK, format!("read {three_mib}"))
        );
    }

    #[tokio::test]
    async fn a_json_413_of_the_handler_is_left_alone() {
        let settings = LimitSettings::default();
        let router: Router = Router::new().route(
            "/api/orders",
            post(|| async {
                (
                    StatusCode::PAYLOAD_TOO_LARGE,
                    Json(json!({"error": {"code": "too_large", "message": "own"}})),
                )
            }),
        );
        let (status, text, _) = send(limit_body(router, &settings), Vec::new(), true).await;
        assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
        assert!(text.contains("\"own\""), "{text}");
    }
}
