//! A sandbox of Huawei Cloud IAM's token call, `POST /v3/auth/tokens` with a password: the
//! token mode of SCM. Only the sandbox's IAM user, password and account get a token; it
//! comes back in `X-Subject-Token` and lives 24 hours on the sandbox's clock.
//!
//! Tokens are not remembered: SCM's sandbox lets any token of the documented length through,
//! these included (see `huawei::access`).

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use axum::body::Bytes;
use axum::extract::{OriginalUri, State};
use axum::http::{HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use rand::Rng;
use serde_json::{json, Value};

use crate::calendar::civil_from_days;
use crate::clock::Clock;
use crate::credentials::{
    same, HUAWEI_DOMAIN_ID, HUAWEI_IAM_DOMAIN, HUAWEI_IAM_PASSWORD, HUAWEI_IAM_USER,
};

/// How long a token lives, as Huawei documents.
pub const TOKEN_LIFETIME: Duration = Duration::from_secs(24 * 3600);
/// Length of the tokens handed out; real ones are longer still, SCM wants at least 32.
const TOKEN_LENGTH: usize = 96;
/// The sandbox IAM user's ID (made up; IDs are not secrets).
const USER_ID: &str = "5b3e1c0f9d2a4e6b8c7d0a1b2c3d4e5f";

/// Routes relative to the sandbox's base, as in IAM's API (`/v3/auth/tokens`).
pub fn router(clock: Clock) -> Router {
    Router::new()
        .route("/v3/auth/tokens", post(tokens))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .with_state(clock)
}

/// An error answer in IAM's shape, `{"error":{"code","message","title"}}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IamError {
    pub status: StatusCode,
    pub message: String,
}

impl IamError {
    fn bad_request(message: impl Into<String>) -> Self {
        Self {
            status: StatusCode::BAD_REQUEST,
            message: message.into(),
        }
    }

    fn unauthorized(message: impl Into<String>) -> Self {
        Self {
            status: StatusCode::UNAUTHORIZED,
            message: message.into(),
        }
    }
}

impl IntoResponse for IamError {
    fn into_response(self) -> Response {
        let body = json!({
            "error": {
                "code": self.status.as_str(),
                "message": self.message,
                "title": self.status.canonical_reason().unwrap_or_default(),
            }
        });
        (self.status, Json(body)).into_response()
    }
}

/// The answer to a request body over the log's limit, in IAM's shape.
pub fn body_too_large() -> Response {
    IamError {
        status: StatusCode::PAYLOAD_TOO_LARGE,
        message: "The request body is larger than 1 MiB.".to_string(),
    }
    .into_response()
}

/// IAM's error shape with `message`, for `provider_error` faults.
pub fn injected_error(_path: &str, message: &str) -> Response {
    IamError::bad_request(message).into_response()
}

async fn tokens(State(clock): State<Clock>, body: Bytes) -> Result<Response, IamError> {
    check_login(&body)?;
    let token = random_token(&mut rand::rng());
    let issued = clock.wall();
    let domain = json!({ "id": HUAWEI_DOMAIN_ID, "name": HUAWEI_IAM_DOMAIN });
    let body = json!({
        "token": {
            "expires_at": rfc3339(issued + TOKEN_LIFETIME),
            "issued_at": rfc3339(issued),
            "methods": ["password"],
            "domain": domain,
            "user": {
                "id": USER_ID,
                "name": HUAWEI_IAM_USER,
                "domain": domain,
                "password_expires_at": ""
            },
            "roles": [{ "id": "0", "name": "te_admin" }],
            "catalog": []
        }
    });
    let mut response = (StatusCode::CREATED, Json(body)).into_response();
    let value = HeaderValue::from_str(&token)
        .map_err(|_| IamError::bad_request("The sandbox could not make a token; try again."))?;
    response.headers_mut().insert("x-subject-token", value);
    Ok(response)
}

/// Reads Huawei's password-auth body and accepts only the sandbox's user, scoped to its
/// account. A body of the wrong shape is a 400 naming the member; wrong credentials a 401.
fn check_login(body: &[u8]) -> Result<(), IamError> {
    let body: Value = serde_json::from_slice(body).map_err(|error| {
        IamError::bad_request(format!("The request body is not JSON: {error}."))
    })?;
    let identity = &body["auth"]["identity"];
    let methods = identity["methods"].as_array();
    if !methods.is_some_and(|methods| methods.iter().any(|m| m == "password")) {
        return Err(IamError::bad_request(
            "auth.identity.methods must be [\"password\"]: the sandbox signs in with a password only.",
        ));
    }
    let user = &identity["password"]["user"];
    let name = text(&user["name"], "auth.identity.password.user.name")?;
    let password = text(&user["password"], "auth.identity.password.user.password")?;
    let user_domain = text(
        &user["domain"]["name"],
        "auth.identity.password.user.domain.name",
    )?;
    let scope = &body["auth"]["scope"]["domain"];
    if scope["name"].is_null() && scope["id"].is_null() {
        return Err(IamError::bad_request(
            "auth.scope.domain.name is required: SCM is a global service and needs a token scoped to the account.",
        ));
    }
    let right = same(name.as_bytes(), HUAWEI_IAM_USER.as_bytes())
        & same(password.as_bytes(), HUAWEI_IAM_PASSWORD.as_bytes())
        & same(user_domain.as_bytes(), HUAWEI_IAM_DOMAIN.as_bytes());
    if !right {
        return Err(IamError::unauthorized("The username or password is wrong."));
    }
    let scoped_to_account = scope["name"] == HUAWEI_IAM_DOMAIN || scope["id"] == HUAWEI_DOMAIN_ID;
    if !scoped_to_account {
        return Err(IamError::unauthorized(format!(
            "The token cannot be scoped to that domain: scope it to the user's own account, {HUAWEI_IAM_DOMAIN}."
        )));
    }
    Ok(())
}

/// Letters and digits in upper case, so no token contains `forbidden` (which SCM refuses).
fn random_token(rng: &mut impl Rng) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    let mut token = String::from("MII");
    while token.len() < TOKEN_LENGTH {
        token.push(char::from(ALPHABET[rng.random_range(0..ALPHABET.len())]));
    }
    token
}

/// A string member of the login body, or a 400 naming it by `at`.
fn text<'a>(value: &'a Value, at: &str) -> Result<&'a str, IamError> {
    value
        .as_str()
        .ok_or_else(|| IamError::bad_request(format!("{at} is required and must be a string.")))
}

/// `YYYY-MM-DDTHH:MM:SS.ffffffZ`, as IAM writes times.
fn rfc3339(time: SystemTime) -> String {
    let since = time.duration_since(UNIX_EPOCH).unwrap_or_default();
    let secs = since.as_secs();
    let (year, month, day) = civil_from_days(secs / 86_400);
    let rest = secs % 86_400;
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{:06}Z",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60,
        since.subsec_micros()
    )
}

async fn not_found(method: Method, OriginalUri(uri): OriginalUri) -> IamError {
    IamError {
        status: StatusCode::NOT_FOUND,
        message: format!(
            "No such API in the IAM sandbox: {method} {}; tokens are POST /sandbox/iam/v3/auth/tokens.",
            uri.path()
        ),
    }
}

async fn method_not_allowed(method: Method, OriginalUri(uri): OriginalUri) -> IamError {
    IamError {
        status: StatusCode::METHOD_NOT_ALLOWED,
        message: format!("Method {method} is not allowed on {}.", uri.path()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::Body;
    use axum::http::Request;
    use http_body_util::BodyExt;
    use tower::ServiceExt;

    const TOKENS: &str = "/sandbox/iam/v3/auth/tokens";

    fn login(user: &str, password: &str, domain: &str, scope: &str) -> Value {
        json!({"auth": {
            "identity": {
                "methods": ["password"],
                "password": {"user": {"name": user, "password": password, "domain": {"name": domain}}}
            },
            "scope": {"domain": {"name": scope}}
        }})
    }

    fn sandbox_login() -> Value {
        login(
            HUAWEI_IAM_USER,
            HUAWEI_IAM_PASSWORD,
            HUAWEI_IAM_DOMAIN,
            HUAWEI_IAM_DOMAIN,
        )
    }

    async fn post(clock: &Clock, body: &Value) -> (StatusCode, Option<String>, Value) {
        let app = crate::router(Duration::from_secs(30), clock);
        let request = Request::post(TOKENS)
            .header("content-type", "application/json")
            .body(Body::from(body.to_string()))
            .unwrap();
        let response = app.oneshot(request).await.unwrap();
        let status = response.status();
        let token = response
            .headers()
            .get("x-subject-token")
            .map(|v| v.to_str().unwrap().to_string());
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        (status, token, serde_json::from_slice(&bytes).unwrap())
    }

    #[tokio::test]
    async fn the_sandbox_user_gets_a_token_for_24_hours_on_the_sandbox_clock() {
        let clock = Clock::default();
        clock.advance(Duration::from_secs(10 * 86_400));
        let earliest = rfc3339(clock.wall() + TOKEN_LIFETIME);
        let (status, token, body) = post(&clock, &sandbox_login()).await;
        let latest = rfc3339(clock.wall() + TOKEN_LIFETIME);
        assert_eq!(status, StatusCode::CREATED, "{body}");
        let token = token.unwrap();
        assert!(token.len() >= 64, "{token}");
        // Fixed-width times: text order is time order.
        let expires = body["token"]["expires_at"].as_str().unwrap();
        assert!(
            earliest.as_str() <= expires && expires <= latest.as_str(),
            "{earliest} <= {expires} <= {latest}"
        );
        assert_eq!(body["token"]["user"]["name"], HUAWEI_IAM_USER);
        assert_eq!(body["token"]["domain"]["id"], HUAWEI_DOMAIN_ID);
        assert!(!body.to_string().contains(HUAWEI_IAM_PASSWORD));
    }

    #[tokio::test]
    async fn tokens_differ_and_open_scm() {
        let clock = Clock::default();
        let (_, first, _) = post(&clock, &sandbox_login()).await;
        let (_, second, _) = post(&clock, &sandbox_login()).await;
        let first = first.unwrap();
        assert_ne!(Some(first.clone()), second);
        let app = crate::router(Duration::from_secs(30), &clock);
        let details = Request::get("/sandbox/huawei/v3/scm/certificates/scs0000000000000")
            .header("x-auth-token", &first)
            .body(Body::empty())
            .unwrap();
        // Past the token check: SCM answers that the certificate is unknown.
        let response = app.oneshot(details).await.unwrap();
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
    }

    #[tokio::test]
    async fn wrong_credentials_get_iams_401() {
        let clock = Clock::default();
        for body in [
            login(
                HUAWEI_IAM_USER,
                "wrong",
                HUAWEI_IAM_DOMAIN,
                HUAWEI_IAM_DOMAIN,
            ),
            login(
                "someone",
                HUAWEI_IAM_PASSWORD,
                HUAWEI_IAM_DOMAIN,
                HUAWEI_IAM_DOMAIN,
            ),
            login(
                HUAWEI_IAM_USER,
                HUAWEI_IAM_PASSWORD,
                "other",
                HUAWEI_IAM_DOMAIN,
            ),
        ] {
            let (status, token, answer) = post(&clock, &body).await;
            assert_eq!(status, StatusCode::UNAUTHORIZED, "{body}");
            assert_eq!(token, None);
            assert_eq!(
                answer,
                json!({"error": {
                    "code": "401",
                    "message": "The username or password is wrong.",
                    "title": "Unauthorized"
                }})
            );
        }
    }

    #[tokio::test]
    async fn a_token_for_another_account_is_refused() {
        let body = login(
            HUAWEI_IAM_USER,
            HUAWEI_IAM_PASSWORD,
            HUAWEI_IAM_DOMAIN,
            "other-account",
        );
        let (status, token, answer) = post(&Clock::default(), &body).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        assert_eq!(token, None);
        assert!(
            answer["error"]["message"]
                .as_str()
                .unwrap()
                .contains("scope"),
            "{answer}"
        );
    }

    #[tokio::test]
    async fn bodies_of_the_wrong_shape_name_what_is_missing() {
        let clock = Clock::default();
        let mut no_password = sandbox_login();
        no_password["auth"]["identity"]["password"]["user"]
            .as_object_mut()
            .unwrap()
            .remove("password");
        let mut no_scope = sandbox_login();
        no_scope["auth"].as_object_mut().unwrap().remove("scope");
        let mut token_method = sandbox_login();
        token_method["auth"]["identity"]["methods"] = json!(["token"]);
        for (body, needle) in [
            (no_password, "user.password"),
            (no_scope, "scope.domain.name"),
            (token_method, "methods"),
            (json!("not an object"), "methods"),
        ] {
            let (status, _, answer) = post(&clock, &body).await;
            assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
            assert_eq!(answer["error"]["title"], "Bad Request");
            let message = answer["error"]["message"].as_str().unwrap();
            assert!(message.contains(needle), "{message}");
        }
    }

    #[tokio::test]
    async fn logins_are_logged_without_the_password_and_answer_any_origin() {
        let app = crate::router(Duration::from_secs(30), &Clock::default());
        let request = Request::post(TOKENS)
            .header("content-type", "application/json")
            .header("origin", "https://app.example.com")
            .body(Body::from(sandbox_login().to_string()))
            .unwrap();
        let response = app.clone().oneshot(request).await.unwrap();
        assert_eq!(response.status(), StatusCode::CREATED);
        assert_eq!(response.headers()["access-control-allow-origin"], "*");
        let log = app
            .oneshot(Request::get("/sandbox/_log").body(Body::empty()).unwrap())
            .await
            .unwrap();
        let bytes = log.into_body().collect().await.unwrap().to_bytes();
        let entries: Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(entries[0]["path"], TOKENS);
        assert_eq!(entries[0]["status"], 201);
        let logged = entries[0]["body"].as_str().unwrap();
        assert!(!logged.contains(HUAWEI_IAM_PASSWORD), "{logged}");
        assert!(logged.contains(HUAWEI_IAM_USER), "{logged}");
    }

    #[test]
    fn times_are_written_as_iam_writes_them() {
        let time = UNIX_EPOCH + Duration::from_micros(951_782_400_000_000 + 3_661_000_042);
        assert_eq!(rfc3339(time), "2000-02-29T01:01:01.000042Z");
    }

    #[test]
    fn tokens_are_long_and_never_say_forbidden() {
        let token = random_token(&mut rand::rng());
        assert_eq!(token.len(), TOKEN_LENGTH);
        assert!(token
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()));
    }
}
