//! A sandbox of cPanel UAPI `Market` (as cPanel documents it): ordering certificates from
//! the cPanel Store, checking out, and polling for validation and the certificate.
//!
//! - `GET /execute/Market/<func>` with `Authorization: cpanel USER:TOKEN` (or `Basic`), or
//!   `GET /cpsess<10 digits>/execute/Market/<func>` (a session). Otherwise a 401 HTML page.
//! - Functions: `request_ssl_certificates`, `get_certificate_status_details`,
//!   `get_ssl_certificate_if_available`, `get_all_products`. Every answer is the UAPI
//!   envelope, HTTP 200 also for failures (`status` 0, `errors` naming the parameter).
//! - `GET /checkout/<order_id>`: the store's checkout page; its form's `POST` pays.
//! - `GET /action/<order_item_id>/<check>`: the pages `actionUrls` point to.

mod auth;
mod envelope;
mod fake_certificate;
mod functions;
mod html;
mod identity;
mod ids;
mod order;
mod origin;
mod pages;
mod params;
mod products;
mod request;
mod status;
mod store;
mod subject_names;

use axum::extract::rejection::QueryRejection;
use axum::extract::{OriginalUri, Path, Query, State};
use axum::http::{HeaderMap, Method, StatusCode};
use axum::response::Response;
use axum::routing::get;
use axum::Router;

use functions::Context;
use origin::Origin;
use params::Params;
pub use store::Store;

/// Where the sandbox is mounted; the absolute URLs it hands out (checkout, actions) use it.
pub const BASE: &str = "/sandbox/cpanel";

/// The one UAPI module the sandbox has.
const MODULE: &str = "Market";

/// Routes relative to [`BASE`].
pub fn router(store: Store) -> Router {
    Router::new()
        .route("/execute/{module}/{func}", get(execute_with_header))
        .route(
            "/{session}/execute/{module}/{func}",
            get(execute_in_session),
        )
        .route(
            "/checkout/{order_id}",
            get(pages::checkout).post(pages::pay),
        )
        .route("/action/{order_item_id}/{check}", get(pages::action))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .with_state(store)
}

/// A failure in cPanel's shape (`status` 0, HTTP 200) for `Market::<func>`, for answers
/// that do not come from the sandbox's own checks (such as injected faults).
pub fn error_response(func: &str, errors: &[String]) -> Response {
    envelope::failure(StatusCode::OK, MODULE, Some(func), errors)
}

/// The answer to a request body over the log's limit, in cPanel's shape.
pub fn body_too_large() -> Response {
    envelope::failure(
        StatusCode::PAYLOAD_TOO_LARGE,
        MODULE,
        None,
        &["The request body is larger than 1 MiB; UAPI calls carry their parameters in the query string.".to_string()],
    )
}

pub fn checkout_path(order_id: &str) -> String {
    format!("{BASE}/checkout/{order_id}")
}

pub fn action_path(order_item_id: &str, check: &str) -> String {
    format!("{BASE}/action/{order_item_id}/{check}")
}

type RawParams = Result<Query<Vec<(String, String)>>, QueryRejection>;

async fn execute_with_header(
    State(store): State<Store>,
    headers: HeaderMap,
    Path((module, func)): Path<(String, String)>,
    query: RawParams,
) -> Response {
    if !auth::is_authorized(&headers) {
        return auth::unauthorized();
    }
    execute(&store, &headers, &module, &func, query)
}

async fn execute_in_session(
    State(store): State<Store>,
    headers: HeaderMap,
    Path((session, module, func)): Path<(String, String, String)>,
    query: RawParams,
) -> Response {
    if !auth::is_session(&session) {
        return auth::unauthorized();
    }
    execute(&store, &headers, &module, &func, query)
}

fn execute(
    store: &Store,
    headers: &HeaderMap,
    module: &str,
    func: &str,
    query: RawParams,
) -> Response {
    if module != MODULE {
        return envelope::failure(
            StatusCode::OK,
            module,
            Some(func),
            &[format!(
                "Failed to load module “{module}”: the sandbox has only the “{MODULE}” module."
            )],
        );
    }
    let params = match query {
        Ok(Query(pairs)) => Params::new(pairs),
        Err(rejection) => {
            return error_response(
                func,
                &[format!("The query string cannot be read: {rejection}")],
            )
        }
    };
    let origin = Origin::from_headers(headers);
    let cx = Context {
        store,
        origin: &origin,
        now: store.clock.now(),
    };
    match functions::run(func, &params, &cx) {
        Ok(success) => envelope::success(MODULE, func, success),
        Err(error) => error_response(func, &[error]),
    }
}

async fn not_found(OriginalUri(uri): OriginalUri) -> Response {
    html::not_found(&format!(
        "No such page in the cPanel sandbox: {}. UAPI calls are {BASE}/execute/Market/<function> (with an Authorization header) or {BASE}/cpsess0123456789/execute/Market/<function>.",
        uri.path()
    ))
}

async fn method_not_allowed(method: Method, OriginalUri(uri): OriginalUri) -> Response {
    html::page(
        StatusCode::METHOD_NOT_ALLOWED,
        "405 Method not allowed",
        &format!(
            "<p>Method {} is not allowed on {}.</p>\n",
            html::escape(method.as_str()),
            html::escape(uri.path())
        ),
    )
}
