//! A sandbox of GoGetSSL's reseller API v1 (base `https://my.gogetssl.com/api`): log in, list
//! products and web servers, look up approver addresses, order, and poll an order's status.
//!
//! Every call but `/auth/` needs `?auth_key=`; bodies are form-encoded; answers are JSON, and
//! refusals come in GoGetSSL's error shape with HTTP 200, as the real API sends them.

mod approvers;
mod contacts;
mod dates;
mod dcv;
pub mod error;
pub(crate) mod form;
mod model;
mod order;
mod products;
mod sans;
mod store;
mod validate;
mod webservers;

use std::time::{Instant, SystemTime};

use axum::body::Bytes;
use axum::extract::{OriginalUri, Path, RawQuery, Request, State};
use axum::http::{HeaderMap, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, MethodRouter};
use axum::{Json, Router};
use serde::Serialize;
use serde_json::{json, Value};

use crate::checks::check_name;
use approvers::approver_emails;
use dcv::random_text;
pub use error::error_response;
use error::ApiError;
use form::{require_form_body, Form};
use order::{DryRun, Placed, StatusAnswer};
use products::Listing;
pub use store::Store;
use webservers::{WebServer, LIST_TYPES, WEBSERVERS};

/// Any `auth_key` this long passes (unless it contains `forbidden`): keys are not remembered.
const AUTH_KEY_MIN: usize = 8;
/// The one password `/auth/` refuses, so tests can provoke a failed login.
const WRONG_PASSWORD: &str = "wrong";

/// Routes relative to the sandbox's base, as in GoGetSSL's API (`/orders/...`).
pub fn router(store: Store) -> Router {
    let with_key = [
        ("/orders/add_ssl_order/", post(add_ssl_order)),
        ("/orders/status/{order_id}/", get(order_status)),
        ("/products/ssl/", get(list_products)),
        ("/tools/webservers/{list_type}/", get(list_webservers)),
        ("/tools/domain/emails/", post(domain_emails)),
    ]
    .into_iter()
    .fold(Router::new(), |router, (path, route)| {
        with_and_without_slash(router, path, route)
    })
    .route_layer(middleware::from_fn(require_auth_key));
    with_and_without_slash(Router::new(), "/auth/", post(auth))
        .merge(with_key)
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .with_state(store)
}

/// GoGetSSL's own client calls some paths with a trailing slash and some without; both work.
fn with_and_without_slash(
    router: Router<Store>,
    path: &str,
    route: MethodRouter<Store>,
) -> Router<Store> {
    let bare = path.trim_end_matches('/');
    router
        .route(bare, route.clone())
        .route(&format!("{bare}/"), route)
}

async fn auth(headers: HeaderMap, body: Bytes) -> Result<Json<Value>, ApiError> {
    require_form_body(&headers)?;
    let form = Form::parse(&body);
    let user = form
        .value("user")
        .ok_or_else(|| ApiError::missing("user"))?;
    let pass = form
        .value("pass")
        .ok_or_else(|| ApiError::missing("pass"))?;
    if pass == WRONG_PASSWORD {
        return Err(ApiError::unauthorized(format!(
            "Invalid pass: wrong API password for user {user:?} (the sandbox refuses the password \"{WRONG_PASSWORD}\")."
        )));
    }
    let key = random_text(&mut rand::rng(), b"0123456789abcdef", 32);
    Ok(Json(json!({ "key": key, "success": true })))
}

async fn add_ssl_order(
    State(store): State<Store>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<OrderAnswer>, ApiError> {
    require_form_body(&headers)?;
    let query = Form::from_query(query.as_deref());
    let body = Form::parse(&body);
    take_order(&store, &query, &body, store.clock.now(), store.clock.wall()).map(Json)
}

/// The answer to an accepted order: what a dry run would cost, or the placed order.
#[derive(Debug, Serialize)]
#[serde(untagged)]
enum OrderAnswer {
    DryRun(DryRun),
    Placed(Placed),
}

/// Validates an order; a dry run (`test=Y`) stops there and stores nothing.
fn take_order(
    store: &Store,
    query: &Form,
    body: &Form,
    now: Instant,
    wall_now: SystemTime,
) -> Result<OrderAnswer, ApiError> {
    let dry_run = validate::dry_run(query, body)?;
    let request = validate::add_ssl_order(body)?;
    Ok(if dry_run {
        OrderAnswer::DryRun(DryRun::of(&request))
    } else {
        OrderAnswer::Placed(store.place(request, now, wall_now))
    })
}

async fn order_status(
    State(store): State<Store>,
    Path(order_id): Path<String>,
) -> Result<Json<StatusAnswer>, ApiError> {
    store.status(&order_id, store.clock.now()).map(Json)
}

async fn list_products() -> Json<Listing> {
    Json(products::listing())
}

async fn list_webservers(
    Path(list_type): Path<String>,
) -> Result<Json<&'static [WebServer]>, ApiError> {
    if list_type
        .parse()
        .is_ok_and(|list_type: u32| LIST_TYPES.contains(&list_type))
    {
        Ok(Json(WEBSERVERS))
    } else {
        Err(ApiError::invalid(
            "type",
            format!("the web server list type must be 1 or 2, got {list_type:?}"),
        ))
    }
}

async fn domain_emails(headers: HeaderMap, body: Bytes) -> Result<Json<Value>, ApiError> {
    require_form_body(&headers)?;
    let form = Form::parse(&body);
    let domain = form
        .value("domain")
        .ok_or_else(|| ApiError::missing("domain"))?;
    check_name(domain, true).map_err(|rule| ApiError::invalid("domain", rule))?;
    // Both CA families accept the same constructed addresses.
    let emails = approver_emails(domain);
    Ok(Json(json!({
        "ComodoApprovalEmails": emails,
        "GeotrustApprovalEmails": emails,
        "success": true
    })))
}

async fn not_found(method: Method, OriginalUri(uri): OriginalUri) -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        error::UNKNOWN_METHOD,
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

async fn require_auth_key(request: Request, next: Next) -> Response {
    match check_auth_key(request.uri().query()) {
        Ok(()) => next.run(request).await,
        Err(error) => error.into_response(),
    }
}

/// Any key of 8 or more characters passes, except one containing `forbidden`, which lets
/// tests provoke a refused key.
fn check_auth_key(query: Option<&str>) -> Result<(), ApiError> {
    let query = Form::from_query(query);
    let key = query.value("auth_key").ok_or_else(|| {
        ApiError::unauthorized(
            "Missing auth_key: every call but /auth/ needs ?auth_key= with the key POST /auth/ answered.",
        )
    })?;
    let count = key.chars().count();
    if count < AUTH_KEY_MIN {
        return Err(ApiError::unauthorized(format!(
            "Invalid auth_key: must be at least {AUTH_KEY_MIN} characters, got {count}."
        )));
    }
    if key.contains("forbidden") {
        return Err(ApiError::unauthorized(
            "Invalid auth_key: this key is refused (the sandbox refuses keys containing \"forbidden\").",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    const WWW_CSR: &str = include_str!("../../../server/tests/fixtures/www.example.com.csr");

    fn dv_order(extra: &str) -> Form {
        let csr: String = WWW_CSR
            .bytes()
            .map(|b| match b {
                b'\n' => "%0A".to_string(),
                b'+' => "%2B".to_string(),
                b'/' => "%2F".to_string(),
                b'=' => "%3D".to_string(),
                b' ' => "+".to_string(),
                _ => char::from(b).to_string(),
            })
            .collect();
        let contacts = "admin_firstname=Ann&admin_lastname=Lee&admin_phone=%2B4930123&admin_title=CTO&admin_email=ann%40example.com&tech_firstname=Tom&tech_lastname=Kim&tech_phone=%2B4930124&tech_title=Admin&tech_email=tom%40example.com";
        let text = format!(
            "product_id=45&period=12&csr={csr}&server_count=-1&webserver_type=18&dcv_method=dns&{contacts}{extra}"
        );
        Form::parse(text.as_bytes())
    }

    fn take(store: &Store, query: &str, body: &Form) -> Result<OrderAnswer, ApiError> {
        let query = Form::parse(query.as_bytes());
        take_order(store, &query, body, Instant::now(), SystemTime::now())
    }

    #[test]
    fn a_dry_run_validates_but_stores_nothing() {
        let store = Store::new(Duration::from_secs(30));
        for (query, extra) in [("test=Y", ""), ("", "&test=Y")] {
            let answer = take(&store, query, &dv_order(extra)).unwrap();
            assert!(matches!(answer, OrderAnswer::DryRun(_)), "{answer:?}");
        }
        assert_eq!(store.order_count(), 0);
        let refused = take(&store, "test=Y", &dv_order("&period=24")).unwrap_err();
        assert!(refused.description.contains("period"), "{refused:?}");
        assert_eq!(store.order_count(), 0);
    }

    #[test]
    fn a_real_order_is_stored() {
        let store = Store::new(Duration::from_secs(30));
        let answer = take(&store, "", &dv_order("&test=N")).unwrap();
        assert!(matches!(answer, OrderAnswer::Placed(_)), "{answer:?}");
        assert_eq!(store.order_count(), 1);
    }

    #[test]
    fn auth_keys_need_eight_characters_and_no_forbidden() {
        assert!(check_auth_key(Some("auth_key=12345678")).is_ok());
        assert!(check_auth_key(Some("x=1&auth_key=0123456789abcdef0123456789abcdef")).is_ok());
        for refused in [
            None,
            Some(""),
            Some("auth_key="),
            Some("auth_key=1234567"),
            Some("auth_key=forbidden-key"),
            Some("key=12345678"),
        ] {
            let error = check_auth_key(refused).unwrap_err();
            assert_eq!(error.status, StatusCode::UNAUTHORIZED, "{refused:?}");
            assert!(error.description.contains("auth_key"), "{refused:?}");
        }
    }
}
