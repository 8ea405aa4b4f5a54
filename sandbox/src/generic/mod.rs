//! A sandbox of the generic JSON order format (`public/schema/order-v1.schema.json`), the
//! wizard's canonical order that a proxy of one's own receives.
//!
//! - `POST /orders` with `Content-Type: application/json` and an `Idempotency-Key` places an
//!   order (201), or repeats the first answer for the same key and body (200).
//! - `GET /orders/{order_id}` answers the same shape: `pending_validation` until the issue
//!   delay has passed since the order, then `issued`.
//!
//! `Authorization: Bearer <token>` is optional; a token containing `forbidden` gets 403.

pub mod error;
mod instructions;
mod json;
mod model;
mod rules;
mod schema;
mod store;

use axum::body::Bytes;
use axum::extract::{OriginalUri, Path, Request, State};
use axum::http::header::{AUTHORIZATION, CONTENT_TYPE, WWW_AUTHENTICATE};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};

use error::ApiError;
pub use store::Store;
use store::{Answer, KeyScope, Placed};

/// Length limits of `Idempotency-Key`.
const KEY_MIN: usize = 8;
const KEY_MAX: usize = 255;

/// Routes relative to the sandbox's base, which stands for the proxy's `{endpoint}`.
pub fn router(store: Store) -> Router {
    Router::new()
        .route("/orders", post(place))
        .route("/orders/{order_id}", get(status))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(middleware::from_fn(require_allowed_token))
        .with_state(store)
}

async fn place(
    State(store): State<Store>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<(StatusCode, Json<Answer>), ApiError> {
    let key = idempotency_key(&headers)?;
    check_content_type(&headers)?;
    let scope = KeyScope {
        token: bearer_token(&headers)?.map(str::to_string),
        key: key.to_string(),
    };
    Ok(match store.place(scope, &body, store.clock.now())? {
        Placed::New(answer) => (StatusCode::CREATED, Json(answer)),
        Placed::Replayed(answer) => (StatusCode::OK, Json(answer)),
    })
}

async fn status(
    State(store): State<Store>,
    Path(order_id): Path<String>,
) -> Result<Json<Answer>, ApiError> {
    store.status(&order_id, store.clock.now()).map(Json)
}

fn idempotency_key(headers: &HeaderMap) -> Result<&str, ApiError> {
    let refuse = |rule: &str| {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            error::IDEMPOTENCY_KEY_REQUIRED,
            format!("Idempotency-Key {rule}: send 8 to 255 letters, digits or hyphens (a UUID will do), the same on every retry of this order."),
        )
    };
    let Some(value) = headers.get("idempotency-key") else {
        return Err(refuse("is missing"));
    };
    let key = value
        .to_str()
        .map_err(|_| refuse("holds characters other than letters, digits and hyphens"))?;
    if !(KEY_MIN..=KEY_MAX).contains(&key.len()) {
        return Err(refuse(&format!("is {} characters long", key.len())));
    }
    if !key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        return Err(refuse(
            "holds characters other than letters, digits and hyphens",
        ));
    }
    Ok(key)
}

/// `application/json`, parameters such as `charset=utf-8` allowed.
fn check_content_type(headers: &HeaderMap) -> Result<(), ApiError> {
    let media_type = headers
        .get(CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(';').next())
        .map(str::trim);
    match media_type {
        Some(media_type) if media_type.eq_ignore_ascii_case("application/json") => Ok(()),
        other => Err(ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            error::UNSUPPORTED_MEDIA_TYPE,
            format!(
                "Content-Type must be application/json, got {}.",
                other.map_or_else(|| "none".to_string(), |t| format!("{t:?}"))
            ),
        )),
    }
}

/// The token of `Authorization: Bearer <token>`; `None` without the header.
fn bearer_token(headers: &HeaderMap) -> Result<Option<&str>, ApiError> {
    let Some(value) = headers.get(AUTHORIZATION) else {
        return Ok(None);
    };
    // The scheme is case-insensitive (RFC 9110), the token is not.
    let token = value
        .to_str()
        .ok()
        .and_then(|value| value.split_once(' '))
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("Bearer"))
        .map(|(_, token)| token.trim())
        .filter(|token| !token.is_empty());
    token.map(Some).ok_or_else(|| {
        ApiError::new(
            StatusCode::UNAUTHORIZED,
            error::UNAUTHORIZED,
            "Authorization must be \"Bearer <token>\", or be left out.",
        )
    })
}

/// No token passes, and so does any bearer token except one containing `forbidden`, which
/// lets tests provoke a 403.
async fn require_allowed_token(request: Request, next: Next) -> Response {
    match bearer_token(request.headers()) {
        Ok(Some(token)) if token.contains("forbidden") => ApiError::new(
            StatusCode::FORBIDDEN,
            error::FORBIDDEN,
            "This token may not place orders (the sandbox refuses tokens containing \"forbidden\").",
        )
        .into_response(),
        Ok(_) => next.run(request).await,
        Err(error) => {
            let mut response = error.into_response();
            response
                .headers_mut()
                .insert(WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
            response
        }
    }
}

async fn not_found(method: Method, OriginalUri(uri): OriginalUri) -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        error::NOT_FOUND,
        format!(
            "No such API in the sandbox: {method} {}. The format has POST /orders and GET /orders/{{order_id}}.",
            uri.path()
        ),
    )
}

async fn method_not_allowed(method: Method, OriginalUri(uri): OriginalUri) -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        error::METHOD_NOT_ALLOWED,
        format!("Method {method} is not allowed on {}.", uri.path()),
    )
}

/// The answer to a body over the log's limit.
pub fn body_too_large() -> Response {
    ApiError::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        error::BODY_TOO_LARGE,
        "The body could not be read or is larger than 1 MiB.",
    )
    .into_response()
}

/// The answer to a `provider_error` fault: 422, as a proxy refusing an order would.
pub fn injected_error(_path: &str, message: &str) -> Response {
    ApiError::new(
        StatusCode::UNPROCESSABLE_ENTITY,
        error::INJECTED_FAULT,
        message,
    )
    .into_response()
}
