//! A sandbox of Huawei Cloud SCM v3: buy, apply and details, validated as the documents say.

pub mod certificate;

pub mod error;
mod fields;
pub mod model;
mod store;
mod validate;
mod wall_time;

use axum::body::Bytes;
use axum::extract::{OriginalUri, Path, Request, State};
use axum::http::{HeaderMap, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{json, Value};

use certificate::Details;
use error::ApiError;
use store::BuyAnswer;
pub use store::Store;

/// Header length limits of `X-Auth-Token`, from the provider's documentation.
const TOKEN_MIN: usize = 32;
const TOKEN_MAX: usize = 2_097_152;

/// Routes relative to the sandbox's base, as in Huawei's API (`/v3/scm/...`).
pub fn router(store: Store) -> Router {
    Router::new()
        .route("/v3/scm/certificates/buy", post(buy))
        .route("/v3/scm/certificates/{certificate_id}/apply", post(apply))
        .route("/v3/scm/certificates/{certificate_id}", get(details))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(middleware::from_fn(require_token))
        .with_state(store)
}

async fn buy(State(store): State<Store>, body: Bytes) -> Result<Json<BuyAnswer>, ApiError> {
    let order = validate::buy(&body)?;
    Ok(Json(store.buy(order)))
}

async fn apply(
    State(store): State<Store>,
    Path(certificate_id): Path<String>,
    body: Bytes,
) -> Result<Json<Value>, ApiError> {
    store.apply(
        &certificate_id,
        &body,
        store.clock.now(),
        store.clock.wall(),
    )?;
    // The key has a space, exactly as in the documented example response.
    Ok(Json(json!({ "request info": "success" })))
}

async fn details(
    State(store): State<Store>,
    Path(certificate_id): Path<String>,
) -> Result<Json<Details>, ApiError> {
    store.details(&certificate_id, store.clock.now()).map(Json)
}

async fn not_found(method: Method, OriginalUri(uri): OriginalUri) -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        error::NOT_FOUND,
        format!("No such API in the sandbox: {method} {}.", uri.path()),
    )
}

async fn method_not_allowed(method: Method, OriginalUri(uri): OriginalUri) -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        error::METHOD_NOT_ALLOWED,
        format!("Method {method} is not allowed on {}.", uri.path()),
    )
}

async fn require_token(request: Request, next: Next) -> Response {
    match check_token(request.headers()) {
        Ok(()) => next.run(request).await,
        Err(error) => error.into_response(),
    }
}

/// Any token of the documented length passes, except one containing `forbidden`, which
/// lets tests provoke the documented 403.
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
