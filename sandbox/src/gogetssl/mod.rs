//! A sandbox of GoGetSSL's reseller API v1 (base `https://my.gogetssl.com/api`): log in, list
//! products and web servers, look up approver addresses, order, and poll an order's status.
//!
//! Every call but `/auth/` needs `?auth_key=`; bodies are form-encoded; answers are JSON, and
//! refusals come in GoGetSSL's error shape with HTTP 200, as the real API sends them.
//!
//! Only the sandbox's API user and password (see [`crate::credentials`]) get a key from
//! `/auth/`. Keys it issued pass until `POST /sandbox/_gogetssl/expire_keys`, after which
//! they are refused as expired (so a client's "log in again once" can be tested). A key it
//! never issued passes if it has 8 or more characters and no `forbidden` in it: the direct
//! mode, where an operator pastes a key from GoGetSSL's own panel into the app's config.

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
use crate::credentials::{same, GOGETSSL_PASSWORD, GOGETSSL_USER};
use approvers::approver_emails;
pub use error::error_response;
use error::ApiError;
use form::{require_form_body, Form};
use order::{DryRun, Placed, StatusAnswer};
use products::Listing;
pub use store::{KeyState, Store};
use webservers::{WebServer, LIST_TYPES, WEBSERVERS};

/// A key the sandbox never issued passes if this long (and without `forbidden`).
const AUTH_KEY_MIN: usize = 8;

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
    .route_layer(middleware::from_fn_with_state(
        store.clone(),
        require_auth_key,
    ));
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

async fn auth(
    State(store): State<Store>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<Value>, ApiError> {
    require_form_body(&headers)?;
    let form = Form::parse(&body);
    let user = form
        .value("user")
        .ok_or_else(|| ApiError::missing("user"))?;
    let pass = form
        .value("pass")
        .ok_or_else(|| ApiError::missing("pass"))?;
    check_login(user, pass)?;
    Ok(Json(json!({ "key": store.issue_key(), "success": true })))
}

/// Only the sandbox's API user with its password; the message names which one is wrong,
/// never echoing the password sent.
fn check_login(user: &str, pass: &str) -> Result<(), ApiError> {
    if !same(user.as_bytes(), GOGETSSL_USER.as_bytes()) {
        return Err(ApiError::unauthorized(format!(
            "Invalid user: {user:?} is not an API user of this account (the sandbox's is {GOGETSSL_USER:?}, see its README)."
        )));
    }
    if !same(pass.as_bytes(), GOGETSSL_PASSWORD.as_bytes()) {
        return Err(ApiError::unauthorized(format!(
            "Invalid pass: wrong API password for user {user:?}."
        )));
    }
    Ok(())
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

async fn require_auth_key(State(store): State<Store>, request: Request, next: Next) -> Response {
    match check_auth_key(&store, request.uri().query()) {
        Ok(()) => next.run(request).await,
        Err(error) => error.into_response(),
    }
}

/// A key `/auth/` issued passes until expired. One it never issued passes with 8 or more
/// characters, except one containing `forbidden`, which lets tests provoke a refused key.
fn check_auth_key(store: &Store, query: Option<&str>) -> Result<(), ApiError> {
    let query = Form::from_query(query);
    let key = query.value("auth_key").ok_or_else(|| {
        ApiError::unauthorized(
            "Missing auth_key: every call but /auth/ needs ?auth_key= with the key POST /auth/ answered.",
        )
    })?;
    match store.key_state(key) {
        KeyState::Issued => return Ok(()),
        KeyState::Expired => return Err(ApiError::unauthorized(
            "Invalid auth_key: this key has expired; log in again with POST /auth/ for a new one.",
        )),
        KeyState::NeverIssued => {}
    }
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
    fn only_the_sandbox_user_and_password_log_in() {
        assert_eq!(check_login(GOGETSSL_USER, GOGETSSL_PASSWORD), Ok(()));
        let wrong_user = check_login("reseller", GOGETSSL_PASSWORD).unwrap_err();
        assert_eq!(wrong_user.status, StatusCode::UNAUTHORIZED);
        assert!(
            wrong_user.description.starts_with("Invalid user"),
            "{wrong_user:?}"
        );
        assert!(!wrong_user.description.contains(GOGETSSL_PASSWORD));
        let wrong_pass = check_login(GOGETSSL_USER, "hunter2").unwrap_err();
        assert_eq!(wrong_pass.status, StatusCode::UNAUTHORIZED);
        assert!(
            wrong_pass.description.starts_with("Invalid pass"),
            "{wrong_pass:?}"
        );
        assert!(!wrong_pass.description.contains("hunter2"));
    }

    /// Through the whole sandbox: status and body of `method path` with a form `body`.
    async fn call(app: &Router, method: Method, path: &str, body: &str) -> (StatusCode, Value) {
        use http_body_util::BodyExt;
        use tower::ServiceExt;
        let request = axum::http::Request::builder()
            .method(method)
            .uri(path)
            .header("content-type", "application/x-www-form-urlencoded")
            .header("origin", "https://app.example.com")
            .body(axum::body::Body::from(body.to_string()))
            .unwrap();
        let response = app.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let cors = response
            .headers()
            .contains_key("access-control-allow-origin");
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        // Providers answer any origin; control endpoints no origin but their own.
        assert_eq!(cors, !path.starts_with("/sandbox/_"), "{path}");
        (
            status,
            serde_json::from_slice(&bytes).unwrap_or(Value::Null),
        )
    }

    #[tokio::test]
    async fn after_expire_keys_issued_keys_are_refused_and_a_new_login_works() {
        let app = crate::router(Duration::from_secs(30), &crate::clock::Clock::default());
        let login = format!("user={GOGETSSL_USER}&pass={GOGETSSL_PASSWORD}");
        let login = || call(&app, Method::POST, "/sandbox/gogetssl/auth/", &login);
        let (status, body) = login().await;
        assert_eq!(status, StatusCode::OK, "{body}");
        let old = body["key"].as_str().unwrap().to_string();
        let products = |key: &str| format!("/sandbox/gogetssl/products/ssl/?auth_key={key}");
        let (status, _) = call(&app, Method::GET, &products(&old), "").await;
        assert_eq!(status, StatusCode::OK);

        let (status, _) = call(&app, Method::POST, "/sandbox/_gogetssl/expire_keys", "").await;
        assert_eq!(status, StatusCode::NO_CONTENT);
        let (status, body) = call(&app, Method::GET, &products(&old), "").await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        assert_eq!(body["message"], error::AUTH_FAILED);
        assert!(
            body["description"].as_str().unwrap().contains("expired"),
            "{body}"
        );

        let (_, body) = login().await;
        let new = body["key"].as_str().unwrap().to_string();
        assert_ne!(new, old);
        let (status, _) = call(&app, Method::GET, &products(&new), "").await;
        assert_eq!(status, StatusCode::OK);
    }

    #[tokio::test]
    async fn a_wrong_login_gets_no_key() {
        let app = crate::router(Duration::from_secs(30), &crate::clock::Clock::default());
        let body = format!("user={GOGETSSL_USER}&pass=wrong-password");
        let (status, answer) = call(&app, Method::POST, "/sandbox/gogetssl/auth/", &body).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        assert_eq!(answer["error"], true);
        assert!(answer.get("key").is_none(), "{answer}");
    }

    #[test]
    fn issued_keys_pass_until_expired() {
        let store = Store::new(Duration::ZERO);
        let key = store.issue_key();
        let query = format!("auth_key={key}");
        assert!(check_auth_key(&store, Some(&query)).is_ok());
        store.expire_keys();
        let error = check_auth_key(&store, Some(&query)).unwrap_err();
        assert_eq!(error.status, StatusCode::UNAUTHORIZED);
        assert_eq!(error.message, error::AUTH_FAILED);
        assert!(error.description.contains("expired"), "{error:?}");
        // A key the sandbox never issued keeps the direct mode's rule.
        assert!(check_auth_key(&store, Some("auth_key=12345678")).is_ok());
    }

    #[test]
    fn auth_keys_need_eight_characters_and_no_forbidden() {
        let store = Store::new(Duration::ZERO);
        let check_auth_key = |query| check_auth_key(&store, query);
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
