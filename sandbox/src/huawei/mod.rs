//! A sandbox of Huawei Cloud SCM v3: buy, apply and details, validated as the documents say.
//! Callers prove who they are with an `X-Auth-Token` or an AK/SK signature (see [`access`]).

mod access;
pub mod certificate;

pub mod error;
mod fields;
pub mod model;
pub mod signature;
mod store;
mod validate;
mod wall_time;

use axum::body::Bytes;
use axum::extract::{OriginalUri, Path, State};
use axum::http::{Method, StatusCode};
use axum::middleware;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{json, Value};

use certificate::Details;
use error::ApiError;
use store::BuyAnswer;
pub use store::Store;

/// Routes relative to the sandbox's base, as in Huawei's API (`/v3/scm/...`).
pub fn router(store: Store) -> Router {
    Router::new()
        .route("/v3/scm/certificates/buy", post(buy))
        .route("/v3/scm/certificates/{certificate_id}/apply", post(apply))
        .route("/v3/scm/certificates/{certificate_id}", get(details))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(middleware::from_fn_with_state(
            store.clone(),
            access::require_credentials,
        ))
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
