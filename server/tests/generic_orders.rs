//! The generic sandbox over HTTP: placing orders, idempotency, headers, status, log and reset.

mod common;

use std::time::Duration;

use axum::body::Body;
use axum::http::{HeaderValue, Method, Request, StatusCode};
use axum::Router;
use common::*;
use serde_json::{json, Value};

const EXAMPLE: &str = include_str!("fixtures/generic-order.json");
const ORDERS: &str = "/sandbox/generic/orders";
const KEY: &str = "0b6f1c1e-6a47-4b1e-9f1c-3f7d1d2a9e10";

fn example() -> Value {
    serde_json::from_str(EXAMPLE).unwrap()
}

/// A `POST /orders` with the given headers (name, value) and raw body.
async fn post_order(app: &Router, headers: &[(&str, &str)], body: &str) -> Answer {
    let mut builder = Request::post(ORDERS);
    for (name, value) in headers {
        builder = builder.header(*name, *value);
    }
    send(app, builder.body(Body::from(body.to_string())).unwrap()).await
}

/// A `POST /orders` of `body` with JSON content and the idempotency key `key`.
async fn place_with_key(app: &Router, key: &str, body: &Value) -> Answer {
    let headers = [
        ("content-type", "application/json"),
        ("idempotency-key", key),
    ];
    post_order(app, &headers, &body.to_string()).await
}

async fn status_of(app: &Router, order_id: &str) -> Answer {
    get(app, &format!("{ORDERS}/{order_id}")).await
}

fn assert_error(answer: &Answer, status: StatusCode, code: &str, needles: &[&str]) {
    let body = answer.json();
    assert_eq!(answer.status, status, "{body}");
    assert_eq!(body["error"]["code"], code, "{body}");
    let message = body["error"]["message"].as_str().unwrap();
    for needle in needles {
        assert!(message.contains(needle), "{message:?} lacks {needle:?}");
    }
}

fn is_id(id: &Value, prefix: &str) -> bool {
    id.as_str().is_some_and(|id| {
        id.strip_prefix(prefix).is_some_and(|rest| {
            rest.len() == 20
                && rest
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
    })
}

#[tokio::test]
async fn a_new_order_is_201_pending_validation_with_one_instruction_per_name() {
    let answer = place_with_key(&test_app(), KEY, &example()).await;
    assert_eq!(answer.status, StatusCode::CREATED, "{}", answer.text());
    assert_eq!(answer.header("content-type"), Some("application/json"));
    let order = answer.json();
    assert!(is_id(&order["order_id"], "ord_"), "{order}");
    assert!(is_id(&order["certificate_id"], "crt_"), "{order}");
    assert_eq!(order["status"], "pending_validation");
    assert_eq!(
        order["status_text"],
        "Waiting for domain control validation of 3 names."
    );
    assert!(order.get("checkout_url").is_none());
    let instructions = order["instructions"].as_array().unwrap();
    let shape: Vec<(&str, &str)> = instructions
        .iter()
        .map(|i| (i["name"].as_str().unwrap(), i["method"].as_str().unwrap()))
        .collect();
    assert_eq!(
        shape,
        [
            ("shop.example.org", "dns"),
            ("api.example.org", "http"),
            ("www.example.org", "email")
        ]
    );
    assert_eq!(
        instructions[0]["record"]["name"],
        "_dnsauth.shop.example.org"
    );
    assert_eq!(instructions[0]["record"]["type"], "TXT");
    let url = instructions[1]["file"]["url"].as_str().unwrap();
    assert!(
        url.starts_with("http://api.example.org/.well-known/pki-validation/")
            && url.ends_with(".txt"),
        "{url}"
    );
    assert_eq!(instructions[2]["email"], "hostmaster@example.org");
}

#[tokio::test]
async fn a_repeat_with_the_same_key_and_body_is_200_with_the_first_answer() {
    let app = test_app();
    let first = place_with_key(&app, KEY, &example()).await;
    assert_eq!(first.status, StatusCode::CREATED);
    let again = place_with_key(&app, KEY, &example()).await;
    assert_eq!(again.status, StatusCode::OK);
    assert_eq!(again.json(), first.json());
}

#[tokio::test]
async fn a_repeat_is_the_same_body_whatever_its_spacing_and_key_order() {
    let app = test_app();
    // serde_json sorts the keys and drops the spacing; the file has neither.
    let first = place_with_key(&app, KEY, &example()).await.json();
    assert_ne!(example().to_string(), EXAMPLE);
    let text = EXAMPLE;
    let headers = [
        ("content-type", "application/json"),
        ("idempotency-key", KEY),
    ];
    let again = post_order(&app, &headers, text).await;
    assert_eq!(again.status, StatusCode::OK, "{}", again.text());
    assert_eq!(again.json()["order_id"], first["order_id"]);
}

#[tokio::test]
async fn a_new_key_places_a_new_order_for_the_same_body() {
    let app = test_app();
    let first = place_with_key(&app, KEY, &example()).await.json();
    let second = place_with_key(&app, "second-order-key", &example()).await;
    assert_eq!(second.status, StatusCode::CREATED);
    assert_ne!(second.json()["order_id"], first["order_id"]);
}

#[tokio::test]
async fn the_same_key_with_another_body_is_422_idempotency_mismatch() {
    let app = test_app();
    let first = place_with_key(&app, KEY, &example()).await.json();
    let mut other = example();
    other["product"]["validity_months"] = json!(24);
    let order_id = first["order_id"].as_str().unwrap();
    for body in [other.to_string(), "not json".to_string()] {
        let headers = [
            ("content-type", "application/json"),
            ("idempotency-key", KEY),
        ];
        let answer = post_order(&app, &headers, &body).await;
        assert_error(
            &answer,
            StatusCode::UNPROCESSABLE_ENTITY,
            "idempotency_mismatch",
            &[KEY, order_id, "different body"],
        );
    }
}

#[tokio::test]
async fn a_refused_order_does_not_use_up_its_key() {
    let app = test_app();
    let mut broken = example();
    broken["agree_privacy"] = json!(false);
    let refused = place_with_key(&app, KEY, &broken).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let placed = place_with_key(&app, KEY, &example()).await;
    assert_eq!(placed.status, StatusCode::CREATED, "{}", placed.text());
}

#[tokio::test]
async fn keys_belong_to_the_bearer_token_that_used_them() {
    let app = test_app();
    let body = example().to_string();
    let as_token = |token: &'static str| {
        [
            ("content-type", "application/json"),
            ("idempotency-key", KEY),
            ("authorization", token),
        ]
    };
    let alice = post_order(&app, &as_token("Bearer alice-token"), &body).await;
    let bob = post_order(&app, &as_token("Bearer bob-token"), &body).await;
    let alice_again = post_order(&app, &as_token("Bearer alice-token"), &body).await;
    assert_eq!(alice.status, StatusCode::CREATED);
    assert_eq!(bob.status, StatusCode::CREATED);
    assert_ne!(bob.json()["order_id"], alice.json()["order_id"]);
    assert_eq!(alice_again.status, StatusCode::OK);
    assert_eq!(alice_again.json()["order_id"], alice.json()["order_id"]);
}

#[tokio::test]
async fn a_missing_or_malformed_key_is_400_idempotency_key_required() {
    let app = test_app();
    let body = example().to_string();
    let cases = [
        (None, "is missing"),
        (Some("short-7"), "7 characters long"),
        (Some(&*"k".repeat(256)), "256 characters long"),
        (Some("has space-123"), "other than letters"),
        (Some("under_score-123"), "other than letters"),
        (Some("slash/key/1234"), "other than letters"),
    ];
    for (key, needle) in cases {
        let mut headers = vec![("content-type", "application/json")];
        if let Some(key) = key {
            headers.push(("idempotency-key", key));
        }
        let answer = post_order(&app, &headers, &body).await;
        assert_error(
            &answer,
            StatusCode::BAD_REQUEST,
            "idempotency_key_required",
            &["Idempotency-Key", needle],
        );
    }
}

#[tokio::test]
async fn a_key_that_is_not_ascii_is_400_idempotency_key_required() {
    let request = Request::post(ORDERS)
        .header("content-type", "application/json")
        .header(
            "idempotency-key",
            HeaderValue::from_bytes("schlüssel-1234".as_bytes()).unwrap(),
        )
        .body(Body::from(example().to_string()))
        .unwrap();
    let answer = send(&test_app(), request).await;
    assert_error(
        &answer,
        StatusCode::BAD_REQUEST,
        "idempotency_key_required",
        &["letters, digits"],
    );
}

#[tokio::test]
async fn keys_of_8_and_of_255_characters_are_accepted() {
    let app = test_app();
    for key in ["k".repeat(8), "K-".repeat(127) + "K"] {
        let answer = place_with_key(&app, &key, &example()).await;
        assert_eq!(answer.status, StatusCode::CREATED, "{}", key.len());
    }
}

#[tokio::test]
async fn a_body_that_is_not_declared_json_is_415() {
    let app = test_app();
    let body = example().to_string();
    for content_type in [
        None,
        Some("text/plain"),
        Some("application/x-www-form-urlencoded"),
    ] {
        let mut headers = vec![("idempotency-key", KEY)];
        if let Some(content_type) = content_type {
            headers.push(("content-type", content_type));
        }
        let answer = post_order(&app, &headers, &body).await;
        assert_error(
            &answer,
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            &["application/json"],
        );
    }
    let headers = [
        ("idempotency-key", KEY),
        ("content-type", "application/json; charset=utf-8"),
    ];
    let answer = post_order(&app, &headers, &body).await;
    assert_eq!(answer.status, StatusCode::CREATED);
}

#[tokio::test]
async fn a_bearer_token_is_optional() {
    let app = test_app();
    let with = [
        ("content-type", "application/json"),
        ("idempotency-key", KEY),
        ("authorization", "Bearer 9f1c3f7d1d2a9e10"),
    ];
    let answer = post_order(&app, &with, &example().to_string()).await;
    assert_eq!(answer.status, StatusCode::CREATED);
    let without = place_with_key(&app, "another-key", &example()).await;
    assert_eq!(without.status, StatusCode::CREATED);
}

#[tokio::test]
async fn the_bearer_scheme_is_case_insensitive() {
    let headers = [
        ("content-type", "application/json"),
        ("idempotency-key", KEY),
        ("authorization", "bearer 9f1c3f7d1d2a9e10"),
    ];
    let answer = post_order(&test_app(), &headers, &example().to_string()).await;
    assert_eq!(answer.status, StatusCode::CREATED, "{}", answer.text());
}

#[tokio::test]
async fn a_token_containing_forbidden_is_403_on_every_route() {
    let app = test_app();
    for (method, path) in [
        (Method::POST, ORDERS),
        (Method::GET, "/sandbox/generic/orders/ord_1"),
    ] {
        let request = Request::builder()
            .method(method)
            .uri(path)
            .header("authorization", "Bearer forbidden-0123456789")
            .header("content-type", "application/json")
            .header("idempotency-key", KEY)
            .body(Body::from(example().to_string()))
            .unwrap();
        let answer = send(&app, request).await;
        assert_error(&answer, StatusCode::FORBIDDEN, "forbidden", &["forbidden"]);
    }
}

#[tokio::test]
async fn an_authorization_that_is_not_bearer_is_401() {
    let app = test_app();
    for authorization in ["Basic dXNlcjpwYXNz", "Bearer ", "Token abc"] {
        let headers = [
            ("content-type", "application/json"),
            ("idempotency-key", KEY),
            ("authorization", authorization),
        ];
        let answer = post_order(&app, &headers, &example().to_string()).await;
        assert_error(
            &answer,
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            &["Bearer <token>"],
        );
        assert_eq!(answer.header("www-authenticate"), Some("Bearer"));
    }
}

#[tokio::test]
async fn status_is_pending_validation_until_the_issue_delay_then_issued() {
    let delay = Duration::from_secs(60);
    let (app, clock) = test_app_with_clock(delay);
    let placed = place_with_key(&app, KEY, &example()).await.json();
    let id = placed["order_id"].as_str().unwrap();
    let pending = status_of(&app, id).await;
    assert_eq!(pending.status, StatusCode::OK);
    assert_eq!(
        pending.json(),
        placed,
        "a read before the delay repeats the order answer"
    );

    clock.advance(delay);
    let issued = status_of(&app, id).await.json();
    assert_eq!(issued["status"], "issued", "{issued}");
    assert_eq!(issued["status_text"], "Issued: the certificate is ready.");
    for stable in ["order_id", "certificate_id", "instructions"] {
        assert_eq!(issued[stable], placed[stable], "{stable}");
    }
}

#[tokio::test]
async fn with_no_issue_delay_an_order_is_issued_at_once() {
    let app = test_app_with_delay(Duration::ZERO);
    let placed = place_with_key(&app, KEY, &example()).await.json();
    assert_eq!(placed["status"], "issued");
}

#[tokio::test]
async fn a_replay_after_issuance_repeats_the_first_answer() {
    let delay = Duration::from_secs(60);
    let (app, clock) = test_app_with_clock(delay);
    let first = place_with_key(&app, KEY, &example()).await.json();
    clock.advance(delay);
    let id = first["order_id"].as_str().unwrap();
    assert_eq!(status_of(&app, id).await.json()["status"], "issued");
    let again = place_with_key(&app, KEY, &example()).await.json();
    assert_eq!(again, first);
    assert_eq!(again["status"], "pending_validation");
}

#[tokio::test]
async fn the_status_of_an_unknown_order_is_404() {
    let answer = status_of(&test_app(), "ord_00000000000000000000").await;
    assert_error(
        &answer,
        StatusCode::NOT_FOUND,
        "not_found",
        &["ord_00000000000000000000", "does not exist"],
    );
}

#[tokio::test]
async fn unknown_paths_and_methods_answer_in_the_error_shape() {
    let app = test_app();
    let unknown = get(&app, "/sandbox/generic/certificates").await;
    assert_error(
        &unknown,
        StatusCode::NOT_FOUND,
        "not_found",
        &["/sandbox/generic/certificates", "POST /orders"],
    );
    let wrong = get(&app, ORDERS).await;
    assert_error(
        &wrong,
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        &["GET", ORDERS],
    );
}

#[tokio::test]
async fn a_body_over_one_mebibyte_is_413() {
    let big = format!("{{\"csr\":\"{}\"}}", "x".repeat(1024 * 1024));
    let headers = [
        ("content-type", "application/json"),
        ("idempotency-key", KEY),
    ];
    let answer = post_order(&test_app(), &headers, &big).await;
    assert_error(
        &answer,
        StatusCode::PAYLOAD_TOO_LARGE,
        "body_too_large",
        &["1 MiB"],
    );
}

#[tokio::test]
async fn orders_are_logged_with_their_headers_body_and_status() {
    let app = test_app();
    let body = example().to_string();
    let headers = [
        ("content-type", "application/json"),
        ("idempotency-key", KEY),
    ];
    post_order(&app, &headers, &body).await;
    let log = get(&app, "/sandbox/_log").await.json();
    let entry = &log[0];
    assert_eq!(entry["method"], "POST");
    assert_eq!(entry["path"], ORDERS);
    assert_eq!(entry["headers"]["idempotency-key"], KEY);
    assert_eq!(entry["body"], body.as_str());
    assert_eq!(entry["status"], 201);
}

#[tokio::test]
async fn reset_forgets_orders_and_keys() {
    let app = test_app();
    let first = place_with_key(&app, KEY, &example()).await.json();
    let request = Request::post("/sandbox/_reset")
        .body(Body::empty())
        .unwrap();
    assert_eq!(send(&app, request).await.status, StatusCode::NO_CONTENT);
    let id = first["order_id"].as_str().unwrap();
    assert_eq!(status_of(&app, id).await.status, StatusCode::NOT_FOUND);
    let again = place_with_key(&app, KEY, &example()).await;
    assert_eq!(again.status, StatusCode::CREATED);
    assert_ne!(again.json()["order_id"], first["order_id"]);
}

#[tokio::test]
async fn cors_preflight_admits_the_headers_of_the_format() {
    let request = Request::builder()
        .method(Method::OPTIONS)
        .uri(ORDERS)
        .header("origin", "https://shop.example.net")
        .header("access-control-request-method", "POST")
        .header(
            "access-control-request-headers",
            "authorization,content-type,idempotency-key",
        )
        .body(Body::empty())
        .unwrap();
    let answer = send(&test_app(), request).await;
    assert!(answer.status.is_success(), "{}", answer.status);
    assert_eq!(answer.header("access-control-allow-origin"), Some("*"));
    let allowed = answer.header("access-control-allow-headers").unwrap();
    for header in ["authorization", "content-type", "idempotency-key"] {
        assert!(allowed.contains(header), "{allowed}");
    }
}
