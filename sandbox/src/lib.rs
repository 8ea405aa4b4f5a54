//! Sandboxes of the providers' APIs, plus the endpoints tests use to inspect and reset them.
//!
//! - `/sandbox/huawei/...`: Huawei Cloud SCM v3 (see [`huawei`]); every request is logged.
//! - `/sandbox/iam/v3/auth/tokens`: Huawei Cloud IAM's password login, SCM's token mode (see
//!   [`iam`]); logged the same way.
//! - `/sandbox/gogetssl/...`: GoGetSSL reseller API v1 (see [`gogetssl`]); logged the same way.
//! - `/sandbox/cpanel/...`: cPanel UAPI `Market` and its checkout (see [`cpanel`]); logged too.
//! - `/sandbox/generic/...`: the generic JSON order format (see [`generic`]); logged too.
//! - `/sandbox/_faults`: rules that make the next matching provider calls fail (see [`faults`]).
//! - `GET /sandbox/_log`: the log, a JSON array of [`log::LogEntry`], oldest first: the newest
//!   [`log::CAPACITY`] requests, credentials redacted (see [`log`]).
//! - `POST /sandbox/_reset`: forgets the log, every certificate, every order and every
//!   GoGetSSL key issued, and clears the fault rules (answers 204).
//! - `POST /sandbox/_gogetssl/expire_keys`: every GoGetSSL `auth_key` issued so far is refused
//!   from now on, as an expired key is (answers 204).
//!
//! The providers answer any origin (CORS); the control endpoints (`_log`, `_reset`,
//! `_faults`, `_gogetssl`) send no CORS headers, so only same-origin pages and non-browser
//! clients can use them.

mod calendar;
pub mod checks;
pub mod clock;
pub mod cpanel;
pub mod credentials;
pub mod faults;
pub mod generic;
pub mod gogetssl;
pub mod huawei;
pub mod iam;
pub mod log;

use std::time::Duration;

use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::middleware;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use tower_http::cors::{AllowHeaders, Any, CorsLayer};

use clock::Clock;
use faults::Faults;
use huawei::error::{ApiError, BODY_TOO_LARGE};
use log::{LogEntry, Recorder, RequestLog};

#[derive(Clone)]
struct Control {
    log: RequestLog,
    huawei: huawei::Store,
    gogetssl: gogetssl::Store,
    cpanel: cpanel::Store,
    generic: generic::Store,
    faults: Faults,
}

/// One provider's sandbox as the layers every provider shares need to know it.
struct Provider {
    /// What fault rules call it.
    name: &'static str,
    /// The answer, in the provider's own error shape, to a body over the log's limit.
    too_large: fn() -> Response,
    /// The provider's own error answer, for `provider_error` faults.
    fault_error: faults::ProviderError,
}

const HUAWEI: Provider = Provider {
    name: "huawei",
    too_large: huawei_body_too_large,
    fault_error: huawei_injected_error,
};
const IAM: Provider = Provider {
    name: "iam",
    too_large: iam::body_too_large,
    fault_error: iam::injected_error,
};
const GOGETSSL: Provider = Provider {
    name: "gogetssl",
    too_large: gogetssl_body_too_large,
    fault_error: gogetssl_injected_error,
};
const CPANEL: Provider = Provider {
    name: "cpanel",
    too_large: cpanel::body_too_large,
    fault_error: cpanel_injected_error,
};
const GENERIC: Provider = Provider {
    name: "generic",
    too_large: generic::body_too_large,
    fault_error: generic::injected_error,
};

/// The state the shared layers of every provider write to.
struct Shared {
    log: RequestLog,
    faults: Faults,
}

impl Shared {
    /// Wraps a provider's router, outermost first, in the log (so that it sees everything,
    /// CORS preflights and injected faults included), CORS (so that browsers can read
    /// injected error answers) and fault injection.
    fn mount(&self, router: Router, provider: Provider) -> Router {
        let recorder = Recorder {
            log: self.log.clone(),
            too_large: provider.too_large,
        };
        self.faults
            .wrap(router, provider.name, provider.fault_error)
            .layer(cors())
            .layer(middleware::from_fn_with_state(recorder, log::record))
    }
}

/// All sandbox routes, with fresh state. `issue_delay` is how long a certificate stays
/// `CHECKING` before it is issued.
pub fn router(issue_delay: Duration, clock: &Clock) -> Router {
    let shared = Shared {
        log: RequestLog::default(),
        faults: Faults::default(),
    };
    let control = Control {
        log: shared.log.clone(),
        huawei: huawei::Store::new(issue_delay).with_clock(clock.clone()),
        gogetssl: gogetssl::Store::new(issue_delay).with_clock(clock.clone()),
        cpanel: cpanel::Store::new(issue_delay).with_clock(clock.clone()),
        generic: generic::Store::new(issue_delay).with_clock(clock.clone()),
        faults: shared.faults.clone(),
    };
    // A new provider is a `Provider` above and one `nest` here, its routes in the shared layers.
    let providers = Router::new()
        .nest(
            "/sandbox/huawei",
            shared.mount(huawei::router(control.huawei.clone()), HUAWEI),
        )
        .nest(
            "/sandbox/iam",
            shared.mount(iam::router(clock.clone()), IAM),
        )
        .nest(
            "/sandbox/gogetssl",
            shared.mount(gogetssl::router(control.gogetssl.clone()), GOGETSSL),
        )
        .nest(
            cpanel::BASE,
            shared.mount(cpanel::router(control.cpanel.clone()), CPANEL),
        )
        .nest(
            "/sandbox/generic",
            shared.mount(generic::router(control.generic.clone()), GENERIC),
        );
    Router::new()
        .route("/sandbox/_log", get(read_log))
        .route("/sandbox/_reset", post(reset))
        .route("/sandbox/_gogetssl/expire_keys", post(expire_gogetssl_keys))
        .with_state(control)
        .merge(faults::routes(shared.faults))
        // No CORS here: another site's page must not read the log or change the sandbox.
        .merge(providers)
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

async fn reset(State(control): State<Control>, request: Request) -> StatusCode {
    control.log.clear();
    control.huawei.clear();
    control.gogetssl.clear();
    control.cpanel.clear();
    control.generic.clear();
    control.faults.clear(faults::reuse_of(request.extensions()));
    StatusCode::NO_CONTENT
}

async fn expire_gogetssl_keys(State(control): State<Control>) -> StatusCode {
    control.gogetssl.expire_keys();
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

fn gogetssl_body_too_large() -> Response {
    gogetssl::error::ApiError::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        gogetssl::error::BODY_TOO_LARGE,
        "Request body could not be read or is larger than 1 MiB.",
    )
    .into_response()
}

/// Huawei documents no code for this; `SCM.0021` is shaped like its real ones.
fn huawei_injected_error(_path: &str, message: &str) -> Response {
    ApiError::bad_request("SCM.0021", message).into_response()
}

/// GoGetSSL refuses with HTTP 200 and `error: true`.
fn gogetssl_injected_error(_path: &str, message: &str) -> Response {
    gogetssl::error_response("Injected fault", message)
}

/// A UAPI failure envelope for the function named by the path's last segment.
fn cpanel_injected_error(path: &str, message: &str) -> Response {
    let func = path.rsplit('/').next().unwrap_or_default();
    cpanel::error_response(func, &[message.to_string()])
}
