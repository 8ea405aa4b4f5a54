//! The GoGetSSL sandbox around the order: login, auth keys, catalogue and tools, the status
//! of an order over time, the request log, reset, unknown paths and CORS.

mod common;

use std::time::Duration;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use common::*;
use serde_json::{json, Value};

const ORDER: &str = "/orders/add_ssl_order/";

async fn gogetssl_get(app: &axum::Router, path: &str) -> Answer {
    get(app, &gogetssl_path(path)).await
}

/// Places `form` and returns the answer's body.
async fn placed(app: &axum::Router, form: &FormBody) -> Value {
    let answer = post_form(app, &gogetssl_path(ORDER), &form.encode()).await;
    let body = answer.json();
    assert_eq!(body["success"], true, "{body}");
    body
}

fn status_path(order_id: &Value) -> String {
    format!("/orders/status/{order_id}/")
}

#[tokio::test]
async fn auth_answers_a_32_hex_key() {
    let answer = post_form(&test_app(), "/sandbox/gogetssl/auth/", &sandbox_login()).await;
    assert_eq!(answer.status, StatusCode::OK);
    let body = answer.json();
    let key = body["key"].as_str().unwrap();
    assert!(
        key.len() == 32 && key.bytes().all(|b| b.is_ascii_hexdigit()),
        "{key}"
    );
    assert_eq!(body["success"], true);
    assert_eq!(body.as_object().unwrap().len(), 2, "{body}");
}

#[tokio::test]
async fn the_key_from_auth_opens_the_other_calls() {
    let app = test_app();
    let login = post_form(&app, "/sandbox/gogetssl/auth", &sandbox_login())
        .await
        .json();
    let key = login["key"].as_str().unwrap();
    let products = get(
        &app,
        &format!("/sandbox/gogetssl/products/ssl/?auth_key={key}"),
    )
    .await;
    assert_eq!(products.status, StatusCode::OK);
    assert_eq!(products.json()["success"], true);
}

/// The form body that logs in with the sandbox's API user and password.
fn sandbox_login() -> String {
    format!("user={GOGETSSL_USER}&pass={GOGETSSL_PASSWORD}")
}

#[tokio::test]
async fn auth_refuses_a_wrong_password_or_user_with_401() {
    for (body, needles) in [
        (
            format!("user={GOGETSSL_USER}&pass=wrong"),
            ["Invalid pass", GOGETSSL_USER],
        ),
        (
            format!("user=reseller&pass={GOGETSSL_PASSWORD}"),
            ["Invalid user", "reseller"],
        ),
    ] {
        let answer = post_form(&test_app(), "/sandbox/gogetssl/auth/", &body).await;
        assert_gogetssl_error(
            &answer,
            StatusCode::UNAUTHORIZED,
            "Authentication failed",
            &needles,
        );
        assert!(!answer.text().contains(GOGETSSL_PASSWORD));
    }
}

#[tokio::test]
async fn auth_requires_user_and_pass() {
    let no_user = format!("pass={GOGETSSL_PASSWORD}");
    let no_pass = format!("user={GOGETSSL_USER}&pass=");
    for (body, field) in [(no_user.as_str(), "user"), (no_pass.as_str(), "pass")] {
        let answer = post_form(&test_app(), "/sandbox/gogetssl/auth/", body).await;
        assert_gogetssl_missing(&answer, field);
    }
}

#[tokio::test]
async fn calls_without_a_valid_auth_key_are_401() {
    let app = test_app();
    let with = |query: &str| format!("/sandbox/gogetssl/products/ssl/{query}");
    for (path, needle) in [
        (with(""), "Missing auth_key"),
        (with("?auth_key="), "Missing auth_key"),
        (with("?auth_key=1234567"), "at least 8"),
        (with("?auth_key=forbidden-0123456789"), "refused"),
    ] {
        let answer = get(&app, &path).await;
        assert_gogetssl_error(
            &answer,
            StatusCode::UNAUTHORIZED,
            "Authentication failed",
            &["auth_key", needle],
        );
    }
}

#[tokio::test]
async fn an_order_without_an_auth_key_is_401_before_its_body_is_read() {
    let form = gogetssl_order(45, "dns");
    let answer = post_form(
        &test_app(),
        "/sandbox/gogetssl/orders/add_ssl_order/",
        &form.encode(),
    )
    .await;
    assert_gogetssl_error(
        &answer,
        StatusCode::UNAUTHORIZED,
        "Authentication failed",
        &["auth_key"],
    );
}

#[tokio::test]
async fn products_lists_the_catalogue_with_its_flags() {
    let answer = gogetssl_get(&test_app(), "/products/ssl/").await;
    assert_eq!(answer.status, StatusCode::OK);
    let body = answer.json();
    assert_eq!(body["success"], true);
    let products = body["products"].as_array().unwrap();
    let ids: Vec<u64> = products.iter().map(|p| p["id"].as_u64().unwrap()).collect();
    assert_eq!(ids, [45, 46, 47, 60, 61, 62, 70, 71]);
    let fields = [
        "id",
        "name",
        "brand",
        "product_type",
        "organization",
        "wildcard",
        "wildcard_san_enabled",
        "multidomains_included",
        "multidomains_maximum",
        "dcv_email",
        "dcv_dns",
        "dcv_http",
        "dcv_https",
        "periods",
        "prices",
    ];
    for product in products {
        for field in fields {
            assert!(product.get(field).is_some(), "{field} missing: {product}");
        }
    }
    let ov_multi = &products[5];
    assert_eq!(ov_multi["name"], "Sectigo OV Multi-Domain Wildcard");
    assert_eq!(ov_multi["product_type"], "OV");
    assert_eq!(ov_multi["organization"], true);
    assert_eq!(ov_multi["wildcard"], false);
    assert_eq!(ov_multi["wildcard_san_enabled"], true);
    assert_eq!(ov_multi["multidomains_included"], 3);
    assert_eq!(ov_multi["multidomains_maximum"], 250);
    assert_eq!(ov_multi["periods"], json!([12]));
    assert_eq!(ov_multi["prices"], json!({"12": 190.0}));
}

#[tokio::test]
async fn webservers_lists_ids_one_to_eighteen_ending_with_other() {
    for path in ["/tools/webservers/1", "/tools/webservers/2/"] {
        let answer = gogetssl_get(&test_app(), path).await;
        assert_eq!(answer.status, StatusCode::OK);
        let list = answer.json();
        let list = list.as_array().unwrap();
        let ids: Vec<u64> = list.iter().map(|w| w["id"].as_u64().unwrap()).collect();
        assert_eq!(ids, (1..=18).collect::<Vec<u64>>());
        assert_eq!(list[17], json!({"id": 18, "software": "Other"}));
    }
}

#[tokio::test]
async fn webservers_knows_only_list_types_one_and_two() {
    let answer = gogetssl_get(&test_app(), "/tools/webservers/3").await;
    assert_gogetssl_invalid(&answer, "type", &["1 or 2", "3"]);
}

#[tokio::test]
async fn domain_emails_lists_the_constructed_approver_addresses() {
    let answer = post_form(
        &test_app(),
        &gogetssl_path("/tools/domain/emails/"),
        "domain=www.example.com",
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK);
    let body = answer.json();
    let expected: Vec<String> = ["www.example.com", "example.com"]
        .iter()
        .flat_map(|domain| {
            [
                "admin",
                "administrator",
                "webmaster",
                "hostmaster",
                "postmaster",
            ]
            .map(|mailbox| format!("{mailbox}@{domain}"))
        })
        .collect();
    assert_eq!(body["ComodoApprovalEmails"], json!(expected));
    assert_eq!(body["GeotrustApprovalEmails"], json!(expected));
    assert_eq!(body["success"], true);
}

#[tokio::test]
async fn domain_emails_of_a_wildcard_are_those_of_its_base() {
    let app = test_app();
    let path = gogetssl_path("/tools/domain/emails/");
    let wildcard = post_form(&app, &path, "domain=%2A.example.com")
        .await
        .json();
    let base = post_form(&app, &path, "domain=example.com").await.json();
    assert_eq!(wildcard, base);
    assert_eq!(base["ComodoApprovalEmails"].as_array().unwrap().len(), 5);
}

#[tokio::test]
async fn domain_emails_needs_a_valid_domain() {
    let app = test_app();
    let path = gogetssl_path("/tools/domain/emails/");
    assert_gogetssl_missing(&post_form(&app, &path, "domain=").await, "domain");
    let answer = post_form(&app, &path, "domain=localhost").await;
    assert_gogetssl_invalid(&answer, "domain", &["localhost"]);
}

#[tokio::test]
async fn status_is_processing_until_the_issue_delay_then_active() {
    let delay = Duration::from_secs(60);
    let (app, clock) = test_app_with_clock(delay);
    let order = placed(&app, &gogetssl_order(62, "email")).await;
    assert_eq!(order["order_status"], "processing");

    let processing = gogetssl_get(&app, &status_path(&order["order_id"])).await;
    assert_eq!(processing.status, StatusCode::OK);
    let processing = processing.json();
    assert_eq!(processing["order_id"], order["order_id"]);
    assert_eq!(processing["status"], "processing", "{processing}");
    assert_eq!(processing["domain"], "shop.example.org");
    assert_eq!(processing["dcv_method"], "email");
    assert_eq!(processing["approver_method"], order["approver_method"]);
    assert_eq!(processing["order_amount"], 190.0);
    assert_eq!(processing["currency"], "EUR");
    assert!(processing["valid_from"].is_null() && processing["valid_till"].is_null());
    assert_eq!(processing["san"], order["san"]);

    clock.advance(delay);
    let active = gogetssl_get(&app, &status_path(&order["order_id"]))
        .await
        .json();
    assert_eq!(active["status"], "active", "{active}");
    for date in ["valid_from", "valid_till"] {
        let date = active[date].as_str().unwrap();
        assert!(date.len() == 10 && date.as_bytes()[4] == b'-', "{date}");
    }
    assert!(active["valid_from"].as_str() < active["valid_till"].as_str());
    assert_eq!(active["approver_method"], order["approver_method"]);
    for san in active["san"].as_array().unwrap() {
        assert_eq!(san["status"], "2", "{san}");
        assert_eq!(san["status_description"], "validated");
    }
    assert_eq!(
        active["san"][0]["validation"],
        order["san"][0]["validation"]
    );
}

#[tokio::test]
async fn with_no_issue_delay_an_order_is_active_at_once() {
    let app = test_app_with_delay(Duration::ZERO);
    let order = placed(&app, &gogetssl_dv_order(45, "https")).await;
    let status = gogetssl_get(&app, &status_path(&order["order_id"]))
        .await
        .json();
    assert_eq!(status["status"], "active", "{status}");
    assert_eq!(status["dcv_method"], "https");
}

#[tokio::test]
async fn status_answers_with_or_without_the_trailing_slash() {
    let app = test_app();
    let order = placed(&app, &gogetssl_dv_order(45, "dns")).await;
    let bare = format!("/orders/status/{}", order["order_id"]);
    let with_slash = gogetssl_get(&app, &format!("{bare}/")).await.json();
    let without = gogetssl_get(&app, &bare).await.json();
    assert_eq!(with_slash, without);
    assert_eq!(without["domain"], "www.example.com");
}

#[tokio::test]
async fn status_of_an_unknown_order_is_the_error_shape() {
    let app = test_app();
    for id in ["1234567", "abc"] {
        let answer = gogetssl_get(&app, &format!("/orders/status/{id}/")).await;
        assert_gogetssl_error(
            &answer,
            StatusCode::OK,
            "Order not found",
            &["order_id", id],
        );
    }
}

#[tokio::test]
async fn a_dry_run_leaves_no_order_to_look_up() {
    let app = test_app();
    let path = format!("{}&test=Y", gogetssl_path(ORDER));
    let answer = post_form(&app, &path, &gogetssl_dv_order(45, "dns").encode())
        .await
        .json();
    assert_eq!(answer["test"], true);
    assert!(answer.get("order_id").is_none(), "{answer}");
}

#[tokio::test]
async fn the_log_records_an_order_with_its_query_and_form_body() {
    let app = test_app();
    let form = gogetssl_dv_order(45, "dns");
    let body = form.encode();
    post_form(&app, &gogetssl_path(ORDER), &body).await;
    let log = get(&app, "/sandbox/_log").await.json();
    let entries = log.as_array().unwrap();
    assert_eq!(entries.len(), 1, "{log}");
    let entry = &entries[0];
    assert_eq!(entry["method"], "POST");
    assert_eq!(entry["path"], "/sandbox/gogetssl/orders/add_ssl_order/");
    assert_eq!(
        entry["query"],
        format!("auth_key={}", redacted(GOGETSSL_KEY))
    );
    assert_eq!(entry["body"], body.as_str());
    assert_eq!(
        entry["headers"]["content-type"],
        "application/x-www-form-urlencoded"
    );
    assert_eq!(entry["status"], 200);
}

#[tokio::test]
async fn the_log_records_refusals_with_their_status() {
    let app = test_app();
    get(&app, "/sandbox/gogetssl/products/ssl/").await;
    post_form(&app, &gogetssl_path(ORDER), "product_id=1").await;
    let log = get(&app, "/sandbox/_log").await.json();
    assert_eq!(log[0]["status"], 401);
    assert_eq!(log[1]["body"], "product_id=1");
    // GoGetSSL refuses with HTTP 200; the log shows what was really answered.
    assert_eq!(log[1]["status"], 200);
}

#[tokio::test]
async fn reset_forgets_orders_and_the_log() {
    let app = test_app();
    let order = placed(&app, &gogetssl_dv_order(45, "dns")).await;
    let request = Request::post("/sandbox/_reset")
        .body(Body::empty())
        .unwrap();
    assert_eq!(send(&app, request).await.status, StatusCode::NO_CONTENT);
    assert_eq!(get(&app, "/sandbox/_log").await.json(), json!([]));
    let status = gogetssl_get(&app, &status_path(&order["order_id"])).await;
    assert_gogetssl_error(&status, StatusCode::OK, "Order not found", &["order_id"]);
}

#[tokio::test]
async fn an_unknown_path_is_404_in_the_error_shape() {
    let answer = gogetssl_get(&test_app(), "/orders/list/").await;
    assert_gogetssl_error(
        &answer,
        StatusCode::NOT_FOUND,
        "Unknown API method",
        &["/sandbox/gogetssl/orders/list/"],
    );
}

#[tokio::test]
async fn a_wrong_method_is_405_in_the_error_shape() {
    let answer = gogetssl_get(&test_app(), ORDER).await;
    assert_gogetssl_error(
        &answer,
        StatusCode::METHOD_NOT_ALLOWED,
        "Method not allowed",
        &["GET"],
    );
}

#[tokio::test]
async fn a_body_over_one_mebibyte_is_413_in_the_error_shape() {
    let big = format!("csr={}", "x".repeat(1024 * 1024));
    let answer = post_form(&test_app(), &gogetssl_path(ORDER), &big).await;
    assert_gogetssl_error(
        &answer,
        StatusCode::PAYLOAD_TOO_LARGE,
        "Request too large",
        &["1 MiB"],
    );
}

#[tokio::test]
async fn cors_preflight_admits_any_origin() {
    let app = test_app();
    let request = Request::builder()
        .method(Method::OPTIONS)
        .uri(gogetssl_path(ORDER))
        .header("origin", "https://shop.example.net")
        .header("access-control-request-method", "POST")
        .header("access-control-request-headers", "content-type")
        .body(Body::empty())
        .unwrap();
    let answer = send(&app, request).await;
    assert!(answer.status.is_success(), "{}", answer.status);
    assert_eq!(answer.header("access-control-allow-origin"), Some("*"));
    let log = get(&app, "/sandbox/_log").await.json();
    assert_eq!(log[0]["method"], "OPTIONS");
}
