//! The order server's calls to the providers, through `Upstream`, against the sandbox
//! served on a real socket: each credential form accepted, a wrong one refused, logins
//! cached, and every way a call can fail sorted into NotSent or Lost.

use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use serde_json::Value;
use ssl_order_core::order::fixtures::scenarios;
use ssl_order_core::order::{Provider, ValidatedOrder};
use ssl_order_core::providers::generic::OrderKey;
use ssl_order_core::providers::requests::{requests_for, take, Purpose, SendOptions};
use ssl_order_core::providers::{cpanel, generic, gogetssl, huawei, Api};
use ssl_order_sandbox::clock::Clock;
use ssl_order_server::upstream::{
    ApiName, CpanelSettings, GenericSettings, GoGetSslSettings, HuaweiSettings, SendError,
    Upstream, UpstreamSettings,
};
use tokio::io::AsyncReadExt;
use tokio::net::TcpListener;

// The sandbox's published demo credentials (common.md).
const HUAWEI_AK: &str = "SANDBOXAKEXAMPLE0001";
const HUAWEI_SK: &str = "sandbox-secret-key-not-a-secret-00000000";
const HUAWEI_DOMAIN_ID: &str = "0123456789abcdef0123456789abcdef";
const IAM_USER: &str = "sandbox-iam-user";
const IAM_PASSWORD: &str = "sandbox-iam-password-not-a-secret";
const IAM_ACCOUNT: &str = "sandbox-account";
const GOGETSSL_USER: &str = "sandbox-reseller";
const GOGETSSL_PASSWORD: &str = "sandbox-password-not-a-secret";
const CPANEL_USER: &str = "sandbox";
const CPANEL_TOKEN: &str = "SANDBOXCPANELTOKEN00000000000001";
/// A cPanel Store access token: any UUID but the all-zero one.
const CPANEL_STORE_TOKEN: &str = "725431a1-d5bc-11e5-a28b-8b0e09a93f05";

/// The sandbox on 127.0.0.1, for the life of the test's runtime; its base URL.
async fn sandbox() -> String {
    sandbox_on(&Clock::default()).await
}

/// The sandbox, its time `clock`'s.
async fn sandbox_on(clock: &Clock) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let router = ssl_order_sandbox::router(Duration::from_secs(3600), clock);
    tokio::spawn(async move { axum::serve(listener, router).await });
    format!("http://{addr}")
}

/// A file holding `secret` (with the trailing newline an editor adds).
fn secret_file(secret: &str) -> PathBuf {
    static N: AtomicU64 = AtomicU64::new(0);
    let dir = std::env::temp_dir().join(format!("upstream-tests-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("secret-{}", N.fetch_add(1, Ordering::SeqCst)));
    std::fs::write(&path, format!("{secret}\n")).unwrap();
    path
}

fn settings(api: ApiName, base_url: String) -> UpstreamSettings {
    UpstreamSettings {
        api,
        base_url,
        timeout_seconds: 30,
        huawei: None,
        gogetssl: None,
        cpanel: None,
        generic: None,
    }
}

fn huawei_aksk(base: &str, secret_key: &str) -> UpstreamSettings {
    UpstreamSettings {
        huawei: Some(HuaweiSettings::Aksk {
            access_key: HUAWEI_AK.into(),
            secret_key_file: Some(secret_file(secret_key)),
            secret_key_env: None,
            domain_id: HUAWEI_DOMAIN_ID.into(),
        }),
        ..settings(ApiName::Huawei, format!("{base}/sandbox/huawei"))
    }
}

fn huawei_token(base: &str, password: &str) -> UpstreamSettings {
    UpstreamSettings {
        huawei: Some(HuaweiSettings::Token {
            iam_url: format!("{base}/sandbox/iam"),
            user: IAM_USER.into(),
            password_file: Some(secret_file(password)),
            password_env: None,
            account: IAM_ACCOUNT.into(),
        }),
        ..settings(ApiName::Huawei, format!("{base}/sandbox/huawei"))
    }
}

fn gogetssl_settings(base: &str, password: &str) -> UpstreamSettings {
    UpstreamSettings {
        gogetssl: Some(GoGetSslSettings {
            user: GOGETSSL_USER.into(),
            password_file: Some(secret_file(password)),
            password_env: None,
        }),
        ..settings(ApiName::GoGetSsl, format!("{base}/sandbox/gogetssl"))
    }
}

fn cpanel_settings(base: &str, token: &str) -> UpstreamSettings {
    UpstreamSettings {
        cpanel: Some(CpanelSettings {
            user: CPANEL_USER.into(),
            token_file: Some(secret_file(token)),
            token_env: None,
            access_token_file: Some(secret_file(CPANEL_STORE_TOKEN)),
            access_token_env: None,
        }),
        ..settings(ApiName::Cpanel, format!("{base}/sandbox/cpanel"))
    }
}

fn order_of(provider: Provider) -> ValidatedOrder {
    scenarios()
        .into_iter()
        .find(|o| o.product.provider == provider && !o.others.is_empty())
        .expect("a multi-domain scenario")
}

fn order_request(
    upstream: &Upstream,
    order: &ValidatedOrder,
) -> ssl_order_core::providers::PreparedRequest {
    let key = OrderKey::parse(&uuid::Uuid::new_v4().to_string());
    let requests = requests_for(
        upstream.api(),
        order,
        &upstream.endpoint(),
        &SendOptions::default(),
        key.as_ref(),
        None,
    )
    .expect("built");
    let purpose = match upstream.api() {
        Api::Huawei => Purpose::Buy,
        Api::GoGetSsl | Api::Cpanel | Api::Generic => Purpose::Order,
    };
    take(requests, purpose).expect("a request")
}

/// The sandbox's log.
async fn log(base: &str) -> Vec<Value> {
    let text = reqwest::get(format!("{base}/sandbox/_log"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    serde_json::from_str(&text).unwrap()
}

async fn count(base: &str, path_end: &str) -> usize {
    log(base)
        .await
        .iter()
        .filter(|e| {
            e["path"]
                .as_str()
                .is_some_and(|p| p.trim_end_matches('/').ends_with(path_end))
        })
        .count()
}

/// Huawei's buy then apply, through `upstream`: the certificate ID.
async fn huawei_buys_and_applies(upstream: &Upstream) -> String {
    let order = order_of(Provider::Huawei);
    let reply = upstream
        .send(order_request(upstream, &order))
        .await
        .expect("the buy is answered");
    let bought = huawei::parse_buy(reply.status, &reply.body)
        .unwrap_or_else(|e| panic!("buy refused: {e:?} {}", reply.body));
    let cert = bought.cert_ids[0].clone();
    let apply = take(
        requests_for(
            Api::Huawei,
            &order,
            &upstream.endpoint(),
            &SendOptions::default(),
            None,
            Some(&cert),
        )
        .unwrap(),
        Purpose::Apply,
    )
    .unwrap();
    let reply = upstream.send(apply).await.expect("the apply is answered");
    huawei::parse_apply(reply.status, &reply.body)
        .unwrap_or_else(|e| panic!("apply refused: {e:?} {}", reply.body));
    let details = upstream
        .send(huawei::details_request(&cert, &upstream.endpoint()))
        .await
        .expect("details");
    huawei::parse_details(details.status, &details.body).expect("details read");
    cert.as_str().to_string()
}

/// Waits for the sandbox-credentials branch: today's sandbox takes only X-Auth-Token.
#[tokio::test]
async fn huawei_aksk_signed_orders_are_accepted() {
    let base = sandbox().await;
    let upstream = Upstream::from_settings(&huawei_aksk(&base, HUAWEI_SK)).unwrap();
    huawei_buys_and_applies(&upstream).await;
    let entries = log(&base).await;
    let buy = entries
        .iter()
        .find(|e| e["path"].as_str().unwrap_or("").ends_with("/buy"))
        .unwrap();
    assert!(buy["headers"]["x-sdk-date"].is_string(), "{buy}");
    assert_eq!(buy["headers"]["x-domain-id"], HUAWEI_DOMAIN_ID);
}

#[tokio::test]
async fn a_wrong_huawei_secret_key_is_a_credentials_error() {
    let base = sandbox().await;
    let upstream = Upstream::from_settings(&huawei_aksk(&base, "not-the-secret-key")).unwrap();
    let order = order_of(Provider::Huawei);
    let error = upstream
        .send(order_request(&upstream, &order))
        .await
        .unwrap_err();
    assert!(matches!(error, SendError::Credentials { .. }), "{error:?}");
    assert!(error.to_string().contains("upstream.huawei"), "{error}");
    assert!(!error.to_string().contains("not-the-secret-key"), "{error}");
}

/// Waits for the sandbox-credentials branch: IAM at /sandbox/iam/v3/auth/tokens.
#[tokio::test]
async fn huawei_iam_tokens_are_fetched_once_and_renewed_when_due() {
    // The server's clock and the sandbox's are one, as a real server's and IAM's agree.
    let clock = Clock::default();
    let base = sandbox_on(&clock).await;
    let server_clock = clock.clone();
    let upstream = Upstream::with_clock(&huawei_token(&base, IAM_PASSWORD), move || {
        server_clock.wall()
    })
    .unwrap();
    huawei_buys_and_applies(&upstream).await;
    assert_eq!(count(&base, "/v3/auth/tokens").await, 1);
    let scm = log(&base).await;
    let buy = scm
        .iter()
        .find(|e| e["path"].as_str().unwrap_or("").ends_with("/buy"))
        .unwrap();
    assert!(buy["headers"]["x-auth-token"].is_string(), "{buy}");
    // Two days on, every IAM token has expired: one new login, then the calls go on.
    clock.advance(Duration::from_secs(2 * 86_400));
    huawei_buys_and_applies(&upstream).await;
    assert_eq!(count(&base, "/v3/auth/tokens").await, 2);
}

/// Waits for the sandbox-credentials branch (today's sandbox has no IAM).
#[tokio::test]
async fn a_wrong_iam_password_is_a_credentials_error() {
    let base = sandbox().await;
    let upstream = Upstream::from_settings(&huawei_token(&base, "not-the-password")).unwrap();
    let order = order_of(Provider::Huawei);
    let error = upstream
        .send(order_request(&upstream, &order))
        .await
        .unwrap_err();
    assert!(matches!(error, SendError::Credentials { .. }), "{error:?}");
    assert!(!error.to_string().contains("not-the-password"), "{error}");
    assert_eq!(count(&base, "/buy").await, 0, "nothing sent to SCM");
}

#[tokio::test]
async fn gogetssl_logs_in_once_for_several_calls() {
    let base = sandbox().await;
    let upstream = Upstream::from_settings(&gogetssl_settings(&base, GOGETSSL_PASSWORD)).unwrap();
    let order = order_of(Provider::GoGetSsl);
    let mut ids = Vec::new();
    for _ in 0..2 {
        let reply = upstream
            .send(order_request(&upstream, &order))
            .await
            .unwrap();
        let placed = gogetssl::parse_order(reply.status, &reply.body, &order)
            .unwrap_or_else(|e| panic!("{e:?} {}", reply.body));
        ids.push(placed.order_id);
    }
    let status = upstream
        .send(gogetssl::status_request(&ids[0], &upstream.endpoint()))
        .await
        .unwrap();
    gogetssl::parse_status(status.status, &status.body).expect("status read");
    assert_eq!(count(&base, "/auth").await, 1);
    // The key went in the query, beside the order's own parameters... and only there.
    let entries = log(&base).await;
    let orders: Vec<_> = entries
        .iter()
        .filter(|e| e["path"].as_str().unwrap_or("").contains("add_ssl_order"))
        .collect();
    assert_eq!(orders.len(), 2);
    for entry in orders {
        assert!(
            entry["query"].as_str().unwrap().starts_with("auth_key="),
            "{entry}"
        );
    }
}

#[tokio::test]
async fn concurrent_gogetssl_calls_share_one_login() {
    let base = sandbox().await;
    let upstream = Upstream::from_settings(&gogetssl_settings(&base, GOGETSSL_PASSWORD)).unwrap();
    let order = order_of(Provider::GoGetSsl);
    let calls: Vec<_> = (0..8)
        .map(|_| {
            let (upstream, request) = (upstream.clone(), order_request(&upstream, &order));
            tokio::spawn(async move { upstream.send(request).await })
        })
        .collect();
    for call in calls {
        let reply = call.await.unwrap().unwrap();
        gogetssl::parse_order(reply.status, &reply.body, &order).unwrap();
    }
    assert_eq!(count(&base, "/auth").await, 1);
}

/// Waits for the sandbox-credentials branch: POST /sandbox/_gogetssl/expire_keys.
#[tokio::test]
async fn an_expired_gogetssl_key_is_replaced_once_and_the_call_sent_again() {
    let base = sandbox().await;
    let upstream = Upstream::from_settings(&gogetssl_settings(&base, GOGETSSL_PASSWORD)).unwrap();
    let order = order_of(Provider::GoGetSsl);
    upstream
        .send(order_request(&upstream, &order))
        .await
        .unwrap();
    let expired = reqwest::Client::new()
        .post(format!("{base}/sandbox/_gogetssl/expire_keys"))
        .send()
        .await
        .unwrap();
    assert!(expired.status().is_success(), "{}", expired.status());
    let reply = upstream
        .send(order_request(&upstream, &order))
        .await
        .unwrap();
    gogetssl::parse_order(reply.status, &reply.body, &order)
        .unwrap_or_else(|e| panic!("{e:?} {}", reply.body));
    assert_eq!(count(&base, "/auth").await, 2);
    // The refused call, then the same call with the new key: one order placed by it.
    assert_eq!(count(&base, "/add_ssl_order").await, 3);
}

#[tokio::test]
async fn a_wrong_gogetssl_password_is_a_credentials_error_and_no_call_goes_out() {
    let base = sandbox().await;
    // The sandbox of today refuses only the password "wrong"; the checked one, any other.
    let upstream = Upstream::from_settings(&gogetssl_settings(&base, "wrong")).unwrap();
    let order = order_of(Provider::GoGetSsl);
    let error = upstream
        .send(order_request(&upstream, &order))
        .await
        .unwrap_err();
    assert!(matches!(error, SendError::Credentials { .. }), "{error:?}");
    assert!(error.to_string().contains("upstream.gogetssl"), "{error}");
    assert_eq!(count(&base, "/add_ssl_order").await, 0);
}

#[tokio::test]
async fn cpanel_orders_carry_the_api_token_and_the_store_token() {
    let base = sandbox().await;
    let upstream = Upstream::from_settings(&cpanel_settings(&base, CPANEL_TOKEN)).unwrap();
    assert_eq!(
        upstream.endpoint().base_url,
        format!("{base}/sandbox/cpanel/execute")
    );
    let order = order_of(Provider::Cpanel);
    let reply = upstream
        .send(order_request(&upstream, &order))
        .await
        .unwrap();
    let placed = cpanel::parse_order(reply.status, &reply.body, &order)
        .unwrap_or_else(|e| panic!("{e:?} {}", reply.body));
    let item = placed.cert_id.expect("an order item");
    let status = upstream
        .send(cpanel::status_request(
            &item,
            &upstream.endpoint(),
            &cpanel::Options::default(),
        ))
        .await
        .unwrap();
    cpanel::parse_status(status.status, &status.body)
        .unwrap_or_else(|e| panic!("{e:?} {}", status.body));
    let entries = log(&base).await;
    let request = entries
        .iter()
        .find(|e| {
            e["path"]
                .as_str()
                .unwrap_or("")
                .ends_with("request_ssl_certificates")
        })
        .unwrap();
    assert!(request["headers"]["authorization"].is_string(), "{request}");
    assert!(
        request["query"].as_str().unwrap().contains("access_token="),
        "{request}"
    );
}

/// Waits for the sandbox-credentials branch: today any well-formed token passes.
#[tokio::test]
async fn a_wrong_cpanel_token_is_a_credentials_error() {
    let base = sandbox().await;
    let wrong = "WRONGCPANELTOKEN0000000000000001";
    let upstream = Upstream::from_settings(&cpanel_settings(&base, wrong)).unwrap();
    let order = order_of(Provider::Cpanel);
    let error = upstream
        .send(order_request(&upstream, &order))
        .await
        .unwrap_err();
    assert!(matches!(error, SendError::Credentials { .. }), "{error:?}");
    assert!(!error.to_string().contains(wrong), "{error}");
}

#[tokio::test]
async fn the_generic_format_is_sent_with_its_bearer_token() {
    let base = sandbox().await;
    let upstream = Upstream::from_settings(&UpstreamSettings {
        generic: Some(GenericSettings {
            token_file: Some(secret_file("generic-proxy-token-0001")),
            token_env: None,
        }),
        ..settings(ApiName::Generic, format!("{base}/sandbox/generic"))
    })
    .unwrap();
    let order = order_of(Provider::GoGetSsl);
    let reply = upstream
        .send(order_request(&upstream, &order))
        .await
        .unwrap();
    let placed = generic::parse_order(reply.status, &reply.body)
        .unwrap_or_else(|e| panic!("{e:?} {}", reply.body));
    let status = upstream
        .send(generic::status_request(
            &placed.order_id,
            &upstream.endpoint(),
        ))
        .await
        .unwrap();
    generic::parse_status(status.status, &status.body).unwrap();
    let entries = log(&base).await;
    assert!(entries
        .iter()
        .all(|e| e["headers"]["authorization"].is_string()));
}

/// An `Upstream` at `base` (any API will do: the failures are the wire's).
fn generic_at(base: String, timeout_seconds: u64) -> Upstream {
    Upstream::from_settings(&UpstreamSettings {
        timeout_seconds,
        ..settings(ApiName::Generic, base)
    })
    .unwrap()
}

fn generic_order(upstream: &Upstream) -> ssl_order_core::providers::PreparedRequest {
    order_request(upstream, &order_of(Provider::GoGetSsl))
}

#[tokio::test]
async fn a_refused_connection_is_not_sent() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    drop(listener);
    let upstream = generic_at(format!("http://{addr}/api"), 30);
    let error = upstream.send(generic_order(&upstream)).await.unwrap_err();
    assert!(matches!(error, SendError::NotSent { .. }), "{error:?}");
}

#[tokio::test]
async fn a_connection_closed_without_an_answer_is_lost() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        let (mut socket, _) = listener.accept().await.unwrap();
        // Read the request (at least its first bytes), then hang up without a word.
        let mut buffer = [0u8; 4096];
        let _ = socket.read(&mut buffer).await;
    });
    let upstream = generic_at(format!("http://{addr}/api"), 30);
    let error = upstream.send(generic_order(&upstream)).await.unwrap_err();
    assert!(matches!(error, SendError::Lost { .. }), "{error:?}");
}

#[tokio::test]
async fn an_answer_slower_than_the_timeout_is_lost() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let never = Arc::new(tokio::sync::Notify::new());
    let router = axum::Router::new().fallback(move || {
        let never = never.clone();
        async move {
            never.notified().await;
            "too late"
        }
    });
    tokio::spawn(async move { axum::serve(listener, router).await });
    let upstream = generic_at(format!("http://{addr}/api"), 1);
    let error = upstream.send(generic_order(&upstream)).await.unwrap_err();
    assert!(matches!(error, SendError::Lost { .. }), "{error:?}");
}

#[tokio::test]
async fn the_gogetssl_key_never_shows_in_an_error() {
    // A listener that answers the login, then hangs up on the call: the error must not
    // carry the URL, whose query holds the key.
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let router = axum::Router::new()
        .route(
            "/api/auth/",
            axum::routing::post(|| async { r#"{"key":"the-cached-key-0001","success":true}"# }),
        )
        .fallback(|| async { std::future::pending::<&'static str>().await });
    tokio::spawn(async move { axum::serve(listener, router).await });
    let upstream = Upstream::from_settings(&UpstreamSettings {
        base_url: format!("http://{addr}/api"),
        timeout_seconds: 1,
        ..gogetssl_settings("unused", GOGETSSL_PASSWORD)
    })
    .unwrap();
    let order = order_of(Provider::GoGetSsl);
    let error = upstream
        .send(order_request(&upstream, &order))
        .await
        .unwrap_err();
    assert!(matches!(error, SendError::Lost { .. }), "{error:?}");
    let shown = format!("{error} {error:?} {upstream:?}");
    for secret in ["the-cached-key-0001", GOGETSSL_PASSWORD, "auth_key"] {
        assert!(!shown.contains(secret), "{shown}");
    }
}

/// A fake IAM (tokens `token-1-...`, `token-2-...`, in turn) and SCM (refuses the tokens
/// numbered in `refused` with a 401) on one listener: counts of logins and SCM calls.
struct FakeHuawei {
    base: String,
    logins: Arc<AtomicU64>,
    calls: Arc<AtomicU64>,
}

async fn fake_huawei(refused: &'static [u64]) -> FakeHuawei {
    use axum::http::{HeaderMap, StatusCode};
    use axum::response::IntoResponse;
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (logins, calls) = (Arc::new(AtomicU64::new(0)), Arc::new(AtomicU64::new(0)));
    let (l, c) = (logins.clone(), calls.clone());
    let router = axum::Router::new()
        .route(
            "/iam/v3/auth/tokens",
            axum::routing::post(move || {
                let n = l.fetch_add(1, Ordering::SeqCst) + 1;
                async move {
                    (
                        StatusCode::CREATED,
                        [(
                            "X-Subject-Token",
                            format!("token-{n}-long-enough-for-huawei-00000"),
                        )],
                        r#"{"token":{"expires_at":"2999-01-01T00:00:00.000000Z"}}"#,
                    )
                }
            }),
        )
        .fallback(move |headers: HeaderMap| {
            c.fetch_add(1, Ordering::SeqCst);
            async move {
                let token = headers
                    .get("x-auth-token")
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or("")
                    .to_string();
                let number = token.split('-').nth(1).and_then(|n| n.parse::<u64>().ok());
                if number.is_some_and(|n| refused.contains(&n)) {
                    // Echoes the token, as a careless gateway might: it must not reach an error.
                    let body =
                        format!(r#"{{"error_code":"SCM.0401","error_msg":"{token} refused"}}"#);
                    (StatusCode::UNAUTHORIZED, body).into_response()
                } else {
                    (StatusCode::OK, r#"{"request info":"success"}"#).into_response()
                }
            }
        });
    tokio::spawn(async move { axum::serve(listener, router).await });
    FakeHuawei {
        base: format!("http://{addr}"),
        logins,
        calls,
    }
}

fn fake_huawei_upstream(fake: &FakeHuawei) -> Upstream {
    let mut settings = huawei_token(&fake.base, IAM_PASSWORD);
    settings.base_url = format!("{}/scm", fake.base);
    if let Some(HuaweiSettings::Token { iam_url, .. }) = settings.huawei.as_mut() {
        *iam_url = format!("{}/iam", fake.base);
    }
    Upstream::from_settings(&settings).unwrap()
}

#[tokio::test]
async fn a_token_scm_refuses_is_renewed_once_and_the_call_sent_again() {
    let fake = fake_huawei(&[1]).await;
    let upstream = fake_huawei_upstream(&fake);
    let order = order_of(Provider::Huawei);
    let reply = upstream
        .send(order_request(&upstream, &order))
        .await
        .unwrap();
    assert_eq!(reply.status, 200);
    assert_eq!(fake.logins.load(Ordering::SeqCst), 2);
    assert_eq!(fake.calls.load(Ordering::SeqCst), 2);
    // The new token is kept: the next call needs no login.
    upstream
        .send(order_request(&upstream, &order))
        .await
        .unwrap();
    assert_eq!(fake.logins.load(Ordering::SeqCst), 2);
}

#[tokio::test]
async fn a_renewed_token_refused_again_is_a_credentials_error_after_one_retry() {
    let fake = fake_huawei(&[1, 2]).await;
    let upstream = fake_huawei_upstream(&fake);
    let order = order_of(Provider::Huawei);
    let error = upstream
        .send(order_request(&upstream, &order))
        .await
        .unwrap_err();
    assert!(matches!(error, SendError::Credentials { .. }), "{error:?}");
    assert!(!error.to_string().contains("long-enough"), "{error}");
    assert_eq!(fake.logins.load(Ordering::SeqCst), 2);
    assert_eq!(fake.calls.load(Ordering::SeqCst), 2);
}

#[tokio::test]
async fn a_gogetssl_key_refused_is_replaced_once_and_the_call_sent_again() {
    use axum::extract::RawQuery;
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (logins, calls) = (Arc::new(AtomicU64::new(0)), Arc::new(AtomicU64::new(0)));
    let (l, c) = (logins.clone(), calls.clone());
    let router = axum::Router::new()
        .route(
            "/api/auth/",
            axum::routing::post(move || {
                let n = l.fetch_add(1, Ordering::SeqCst) + 1;
                async move { format!(r#"{{"key":"key{n}-0123456789","success":true}}"#) }
            }),
        )
        .fallback(move |RawQuery(query): RawQuery| {
            c.fetch_add(1, Ordering::SeqCst);
            async move {
                let query = query.unwrap_or_default();
                // GoGetSSL's own shape for a key it no longer takes, with HTTP 200.
                if query.contains("auth_key=key1-") {
                    r#"{"error":true,"message":"Auth error","description":"auth_key expired"}"#
                } else {
                    r#"{"order_id":"1234","success":true}"#
                }
            }
        });
    tokio::spawn(async move { axum::serve(listener, router).await });
    let upstream = Upstream::from_settings(&UpstreamSettings {
        base_url: format!("http://{addr}/api"),
        ..gogetssl_settings("unused", GOGETSSL_PASSWORD)
    })
    .unwrap();
    let order = order_of(Provider::GoGetSsl);
    let reply = upstream
        .send(order_request(&upstream, &order))
        .await
        .unwrap();
    assert!(reply.body.contains("1234"), "{}", reply.body);
    assert_eq!(logins.load(Ordering::SeqCst), 2);
    assert_eq!(calls.load(Ordering::SeqCst), 2);
}

#[tokio::test]
async fn a_login_at_the_wrong_address_is_not_sent_and_says_which_setting() {
    // The sandbox has no GoGetSSL API at its root: /auth/ there is a 404.
    let base = sandbox().await;
    let upstream = Upstream::from_settings(&UpstreamSettings {
        base_url: format!("{base}/nowhere"),
        ..gogetssl_settings("unused", GOGETSSL_PASSWORD)
    })
    .unwrap();
    let order = order_of(Provider::GoGetSsl);
    let error = upstream
        .send(order_request(&upstream, &order))
        .await
        .unwrap_err();
    assert!(matches!(error, SendError::NotSent { .. }), "{error:?}");
    assert!(error.to_string().contains("upstream.base_url"), "{error}");
}

#[tokio::test]
async fn a_token_the_proxy_forbids_comes_back_as_its_refusal() {
    // The generic sandbox takes any bearer token but one containing "forbidden": a 403 in
    // the generic error shape, which the caller reads as the proxy's answer.
    let base = sandbox().await;
    let upstream = Upstream::from_settings(&UpstreamSettings {
        generic: Some(GenericSettings {
            token_file: Some(secret_file("forbidden-token-0001")),
            token_env: None,
        }),
        ..settings(ApiName::Generic, format!("{base}/sandbox/generic"))
    })
    .unwrap();
    let order = order_of(Provider::GoGetSsl);
    let reply = upstream
        .send(order_request(&upstream, &order))
        .await
        .unwrap();
    assert_eq!(reply.status, 403, "{}", reply.body);
    assert!(generic::parse_order(reply.status, &reply.body).is_err());
}
