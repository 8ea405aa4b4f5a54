//! Who can reach the sandbox: nobody unless the server is started with it, only same-origin
//! pages and non-browser clients for its control endpoints, and its log never holds a
//! credential as sent.

mod common;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use common::*;
use ssl_order_server::{app, Config};

const CONTROL: [(&str, &str); 5] = [
    ("GET", "/sandbox/_log"),
    ("POST", "/sandbox/_reset"),
    ("GET", "/sandbox/_faults"),
    ("POST", "/sandbox/_faults"),
    ("DELETE", "/sandbox/_faults"),
];

const ORIGIN: &str = "https://elsewhere.example";

fn request(method: &str, path: &str) -> Request<Body> {
    Request::builder()
        .method(method)
        .uri(path)
        .header("origin", ORIGIN)
        .header("x-auth-token", TOKEN)
        .body(Body::empty())
        .unwrap()
}

fn preflight(path: &str, method: &str) -> Request<Body> {
    Request::builder()
        .method(Method::OPTIONS)
        .uri(path)
        .header("origin", ORIGIN)
        .header("access-control-request-method", method)
        .header("access-control-request-headers", "content-type")
        .body(Body::empty())
        .unwrap()
}

#[tokio::test]
async fn without_the_sandbox_every_sandbox_path_is_an_unknown_path() {
    // The same path the binary takes: the defaults of the command line.
    let router = app(&Config::new(dist_dir()));
    let paths = CONTROL.into_iter().chain([
        ("POST", BUY),
        ("GET", "/sandbox/gogetssl/products/ssl/"),
        ("GET", "/sandbox/cpanel/execute/Market/get_all_products"),
        ("POST", "/sandbox/generic/orders"),
    ]);
    for (method, path) in paths {
        let answer = send(&router, request(method, path)).await;
        assert!(
            matches!(
                answer.status,
                StatusCode::NOT_FOUND | StatusCode::METHOD_NOT_ALLOWED
            ),
            "{method} {path}: {}",
            answer.status
        );
        assert_eq!(answer.header("access-control-allow-origin"), None);
    }
    // GETs are the static files' 404, as for any other missing file.
    for path in ["/sandbox/_log", "/sandbox/_faults", "/no-such-file"] {
        assert_eq!(get(&router, path).await.status, StatusCode::NOT_FOUND);
    }
    // The app itself is still served.
    assert_eq!(get(&router, "/").await.status, StatusCode::OK);
}

#[tokio::test]
async fn the_control_endpoints_send_no_cors_headers() {
    let app = test_app();
    for (method, path) in CONTROL {
        let answer = send(&app, request(method, path)).await;
        assert!(
            answer.status.is_success() || answer.status == StatusCode::BAD_REQUEST,
            "{method} {path}: {}",
            answer.status
        );
        assert_eq!(
            answer.header("access-control-allow-origin"),
            None,
            "{method} {path}"
        );
        let answer = send(&app, preflight(path, method)).await;
        assert_eq!(
            answer.header("access-control-allow-origin"),
            None,
            "preflight of {method} {path}"
        );
    }
}

#[tokio::test]
async fn the_providers_keep_their_cors_headers() {
    let app = test_app();
    for path in [
        BUY,
        "/sandbox/gogetssl/orders/add_ssl_order/",
        "/sandbox/generic/orders",
    ] {
        let answer = send(&app, preflight(path, "POST")).await;
        assert_eq!(
            answer.header("access-control-allow-origin"),
            Some("*"),
            "{path}"
        );
    }
    let answer = send(&app, request("GET", &details_path("scs0000000000000"))).await;
    assert_eq!(answer.header("access-control-allow-origin"), Some("*"));
}

/// The log as text, and its entries.
async fn log(app: &axum::Router) -> (String, serde_json::Value) {
    let answer = get(app, "/sandbox/_log").await;
    (answer.text(), answer.json())
}

#[tokio::test]
async fn the_log_names_credentials_only_by_their_hash() {
    let app = test_app();
    let huawei = send(&app, request("GET", &details_path("scs0000000000000"))).await;
    assert_eq!(huawei.status, StatusCode::NOT_FOUND);
    let bearer = "9f1c3f7d1d2a9e10-generic";
    let generic = Request::get("/sandbox/generic/orders/none")
        .header("authorization", format!("Bearer {bearer}"))
        .header("cookie", "session=abc123")
        .body(Body::empty())
        .unwrap();
    send(&app, generic).await;
    let cpanel = Request::get("/sandbox/cpanel/execute/Market/get_all_products")
        .header(
            "authorization",
            format!("cpanel {CPANEL_USER}:{CPANEL_API_TOKEN}"),
        )
        .body(Body::empty())
        .unwrap();
    assert_eq!(send(&app, cpanel).await.status, StatusCode::OK);
    // The password as sent has an escape; the log hashes it decoded, as the sandbox read it.
    let sent_password = GOGETSSL_PASSWORD.replacen('-', "%2D", 1);
    let auth = post_form(
        &app,
        "/sandbox/gogetssl/auth/",
        &format!("user={GOGETSSL_USER}&pass={sent_password}"),
    )
    .await;
    assert_eq!(auth.status, StatusCode::OK);
    let gogetssl = gogetssl_path("/products/ssl/");
    get(&app, &gogetssl).await;

    let (text, entries) = log(&app).await;
    for secret in [
        TOKEN,
        bearer,
        "abc123",
        CPANEL_API_TOKEN,
        GOGETSSL_PASSWORD,
        &sent_password,
        GOGETSSL_KEY,
    ] {
        assert!(!text.contains(secret), "{secret} is in the log: {text}");
    }
    assert_eq!(entries[0]["headers"]["x-auth-token"], redacted(TOKEN));
    assert_eq!(
        entries[1]["headers"]["authorization"],
        format!("Bearer {}", redacted(bearer))
    );
    assert_eq!(entries[1]["headers"]["cookie"], redacted("session=abc123"));
    assert_eq!(
        entries[2]["headers"]["authorization"],
        format!("cpanel {CPANEL_USER}:{}", redacted(CPANEL_API_TOKEN))
    );
    // The user stays as sent; the password is hashed as the sandbox read it, decoded.
    assert_eq!(
        entries[3]["body"],
        format!("user={GOGETSSL_USER}&pass={}", redacted(GOGETSSL_PASSWORD))
    );
    assert_eq!(
        entries[4]["query"],
        format!("auth_key={}", redacted(GOGETSSL_KEY))
    );
    assert_eq!(entries.as_array().unwrap().len(), 5);
}
