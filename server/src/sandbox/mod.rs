//! Sandboxes of the providers' APIs, plus the endpoints tests use to inspect and reset them.
//!
//! - `/sandbox/huawei/...`: Huawei Cloud SCM v3 (see [`huawei`]); every request is logged.
//! - `GET /sandbox/_log`: the log, a JSON array of [`log::LogEntry`], oldest first.
//! - `POST /sandbox/_reset`: forgets the log and every certificate (answers 204).

pub mod checks;
pub mod huawei;
pub mod log;

use std::time::Duration;

use axum::extract::State;
use axum::http::StatusCode;
use axum::middleware;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use tower_http::cors::{AllowHeaders, Any, CorsLayer};

use huawei::error::{ApiError, BODY_TOO_LARGE};
use log::{LogEntry, Recorder, RequestLog};

#[derive(Clone)]
struct Control {
    log: RequestLog,
    huawei: huawei::Store,
}

/// All sandbox routes, with fresh state. `issue_delay` is how long a certificate stays
/// `CHECKING` before it is issued.
pub fn router(issue_delay: Duration) -> Router {
    let log = RequestLog::default();
    let store = huawei::Store::new(issue_delay);
    let recorder = Recorder {
        log: log.clone(),
        too_large: huawei_body_too_large,
    };
    // The log is the outermost layer so that it sees everything, CORS preflights included.
    let huawei = huawei::router(store.clone())
        .layer(cors())
        .layer(middleware::from_fn_with_state(recorder, log::record));
    Router::new()
        .route("/sandbox/_log", get(read_log))
        .route("/sandbox/_reset", post(reset))
        .with_state(Control { log, huawei: store })
        .layer(cors())
        .nest("/sandbox/huawei", huawei)
}

/// Any origin may call the sandbox, so an app hosted elsewhere can try it. Request headers
/// are mirrored, which admits `X-Auth-Token`, `Idempotency-Key` and `Content-Type`.
fn cors() -> CorsLayer {
    CorsLayer::new()
        .allow_origin(Any)
        .allow_methods(Any)
        .allow_headers(AllowHeaders::mirror_request())
        .expose_headers(Any)
        .max_age(Duration::from_secs(600))
}

async fn read_log(State(control): State<Control>) -> Json<Vec<LogEntry>> {
    Json(control.log.entries())
}

async fn reset(State(control): State<Control>) -> StatusCode {
    control.log.clear();
    control.huawei.clear();
    StatusCode::NO_CONTENT
}

fn huawei_body_too_large() -> Response {
    ApiError::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        BODY_TOO_LARGE,
        "Request body could not be read or is larger than 1 MiB.",
    )
    .into_response()
}
