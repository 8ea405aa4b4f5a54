//! The cPanel order's life: order, checkout, validation, issue; the log and the reset.

mod common;

use std::time::Duration;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use axum::Router;
use common::*;
use serde_json::{json, Value};

const STATUS: &str = "get_certificate_status_details";
const CERTIFICATE: &str = "get_ssl_certificate_if_available";

/// Query parameters, and the words their refusal must contain.
type RefusalCase<'a> = (&'a [(&'a str, &'a str)], &'a [&'a str]);

/// Places an order for `product_id`, returning (order ID, order item ID).
async fn ordered(
    app: &Router,
    product_id: &str,
    url_after_checkout: Option<&str>,
) -> (String, String) {
    let certificate = cpanel_certificate(product_id).to_string();
    let identity = cpanel_identity().to_string();
    let mut pairs = vec![("certificate", certificate.as_str())];
    if product_id != "143" {
        pairs.push(("identity_verification", identity.as_str()));
    }
    if let Some(url) = url_after_checkout {
        pairs.push(("url_after_checkout", url));
    }
    let data = uapi_data(&cpanel_order(app, &pairs).await, "request_ssl_certificates");
    (
        data["order_id"].as_str().unwrap().to_string(),
        data["order_item_ids"][0].as_str().unwrap().to_string(),
    )
}

/// The status details' data and messages of `item`.
async fn status_of(app: &Router, item: &str) -> (Value, Value) {
    let answer = uapi(
        app,
        STATUS,
        &[("order_item_id", item), ("provider", "cPStore")],
    )
    .await;
    let data = uapi_data(&answer, STATUS);
    (data, answer.json()["result"]["messages"].clone())
}

async fn certificate_of(app: &Router, item: &str) -> Value {
    let answer = uapi(
        app,
        CERTIFICATE,
        &[("order_item_id", item), ("provider", "cPStore")],
    )
    .await;
    uapi_data(&answer, CERTIFICATE)
}

fn checkout_path(order_id: &str) -> String {
    format!("/sandbox/cpanel/checkout/{order_id}")
}

async fn pay(app: &Router, order_id: &str) -> Answer {
    let request = Request::post(checkout_path(order_id))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(Body::empty())
        .unwrap();
    send(app, request).await
}

#[tokio::test]
async fn an_order_goes_from_unpaid_through_validation_to_issued() {
    let delay = Duration::from_secs(60);
    let (app, clock) = test_app_with_clock(delay);
    let (order_id, item) = ordered(&app, "144", Some("https://shop.example.com/done")).await;

    let (unpaid, messages) = status_of(&app, &item).await;
    let details = &unpaid["status_details"];
    assert_eq!(details["csrStatus"], "completed", "{unpaid}");
    for check in [
        "dcvStatus",
        "brandValStatus",
        "ovCallbackStatus",
        "organizationValidationStatus",
        "certificateStatus",
    ] {
        assert_eq!(details[check], "not-completed", "{check}: {unpaid}");
    }
    assert_eq!(details["evClickThroughStatus"], "not applicable");
    assert_eq!(unpaid["actionUrls"], json!({}));
    assert_eq!(
        unpaid["domain_details"],
        json!([
            {"domain": "example.com", "status": "NOTVALIDATED"},
            {"domain": "example.org", "status": "NOTVALIDATED"}
        ])
    );
    assert!(
        messages[0].as_str().unwrap().contains("not been paid"),
        "{messages}"
    );
    assert!(certificate_of(&app, &item).await["certificate_pem"].is_null());

    let paid = pay(&app, &order_id).await;
    assert_eq!(paid.status, StatusCode::SEE_OTHER);
    // The store appends the order ID, which is why cPanel refuses a URL with a query.
    let location = format!("https://shop.example.com/done?order_id={order_id}");
    assert_eq!(paid.header("location"), Some(location.as_str()));

    let (validating, messages) = status_of(&app, &item).await;
    let details = &validating["status_details"];
    assert_eq!(details["dcvStatus"], "in-progress", "{validating}");
    assert_eq!(details["ovCallbackStatus"], "not-completed", "{validating}");
    let action = format!("http://{CPANEL_HOST}/sandbox/cpanel/action/{item}/ovCallbackStatus");
    assert_eq!(
        validating["actionUrls"],
        json!({ "ovCallbackStatus": action })
    );
    assert_eq!(
        messages,
        json!(["Certificate request is still being processed."])
    );
    let pending = certificate_of(&app, &item).await;
    assert!(pending["certificate_pem"].is_null(), "{pending}");
    assert_eq!(pending["encrypted_action_urls"], validating["actionUrls"]);

    clock.advance(delay);
    let (issued, messages) = status_of(&app, &item).await;
    for (check, state) in issued["status_details"].as_object().unwrap() {
        assert!(
            state == "completed" || state == "not applicable",
            "{check}: {issued}"
        );
    }
    assert_eq!(issued["actionUrls"], json!({}));
    assert_eq!(issued["domain_details"][1]["status"], "VALIDATED");
    assert!(messages.is_null(), "{messages}");
    let certificate = certificate_of(&app, &item).await;
    let pem = certificate["certificate_pem"].as_str().unwrap();
    assert!(pem.starts_with("-----BEGIN CERTIFICATE-----\n"), "{pem}");
    assert!(pem.ends_with("-----END CERTIFICATE-----\n"), "{pem}");
    assert!(certificate["encrypted_action_urls"].is_null());
}

#[tokio::test]
async fn the_checkout_page_is_one_form_with_the_amount_and_no_scripts() {
    let app = test_app();
    let (order_id, item) = ordered(&app, "143", None).await;
    let page = get(&app, &checkout_path(&order_id)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(
        page.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    assert!(page
        .header("content-security-policy")
        .unwrap()
        .starts_with("default-src 'none'"));
    let html = page.text();
    assert_eq!(html.matches("<form").count(), 1, "{html}");
    assert!(html.contains("<form method=\"post\">"), "{html}");
    assert!(
        html.contains("<button type=\"submit\" aria-describedby=\"amount\">Pay (sandbox)</button>"),
        "{html}"
    );
    assert!(
        html.contains("<p id=\"amount\">Total: $6.00 USD</p>"),
        "{html}"
    );
    assert!(
        html.contains(&item) && html.contains("example.com, example.org"),
        "{html}"
    );
    assert!(!has_script(&html), "{html}");
}

/// A `<script>` element, an event-handler attribute (`on...=`) or a `javascript:` URL.
fn has_script(html: &str) -> bool {
    let lower = html.to_ascii_lowercase();
    let handler = lower.split('<').skip(1).any(|tag| {
        let inside = tag.split('>').next().unwrap_or_default();
        inside
            .split_whitespace()
            .skip(1)
            .any(|attribute| attribute.starts_with("on"))
    });
    handler || lower.contains("<script") || lower.contains("javascript:")
}

#[tokio::test]
async fn the_checkout_page_names_the_organisation_being_validated() {
    let app = test_app();
    let (order_id, _) = ordered(&app, "144", None).await;
    let html = get(&app, &checkout_path(&order_id)).await.text();
    assert!(html.contains("<td>Company, Inc.</td>"), "{html}");
    assert!(html.contains("Total: $80.00 USD"), "{html}");
}

#[tokio::test]
async fn paying_without_url_after_checkout_shows_a_paid_page() {
    let app = test_app();
    let (order_id, _) = ordered(&app, "143", None).await;
    let paid = pay(&app, &order_id).await;
    assert_eq!(paid.status, StatusCode::OK);
    assert!(paid.text().contains("<h1>Paid</h1>"), "{}", paid.text());
    let again = get(&app, &checkout_path(&order_id)).await;
    assert!(again.text().contains("<h1>Paid</h1>"), "{}", again.text());
    assert!(!again.text().contains("<form"), "{}", again.text());
}

#[tokio::test]
async fn a_paid_page_links_back_with_the_order_id() {
    let app = test_app();
    let (order_id, _) = ordered(&app, "143", Some("https://shop.example.com/done")).await;
    pay(&app, &order_id).await;
    let page = get(&app, &checkout_path(&order_id)).await.text();
    let link = format!("<a href=\"https://shop.example.com/done?order_id={order_id}\">");
    assert!(page.contains(&link), "{page}");
}

#[tokio::test]
async fn checkout_of_an_unknown_order_is_a_404_html_page() {
    let app = test_app();
    let page = get(&app, &checkout_path("12345678")).await;
    assert_eq!(page.status, StatusCode::NOT_FOUND);
    assert_eq!(
        page.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    assert!(page.text().contains("12345678"));
    assert_eq!(pay(&app, "12345678").await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn status_calls_refuse_missing_malformed_and_unknown_order_items() {
    let app = test_app();
    let cases: [RefusalCase; 4] = [
        (&[("provider", "cPStore")], &["order_item_id", "required"]),
        (&[("order_item_id", "12345678")], &["provider", "required"]),
        (
            &[("order_item_id", "OI-1"), ("provider", "cPStore")],
            &["order_item_id", "“OI-1”", "not a valid order item ID"],
        ),
        (
            &[("order_item_id", "12345678"), ("provider", "cPStore")],
            &["order_item_id", "“12345678”"],
        ),
    ];
    for func in [STATUS, CERTIFICATE] {
        for (pairs, needles) in cases {
            assert_uapi_refused(&uapi(&app, func, pairs).await, func, needles);
        }
    }
}

#[tokio::test]
async fn action_pages_explain_the_check_and_refuse_unknown_ones() {
    let app = test_app();
    let (_, item) = ordered(&app, "145", None).await;
    let page = get(
        &app,
        &format!("/sandbox/cpanel/action/{item}/evClickThroughStatus"),
    )
    .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.text().contains("EV subscriber agreement"),
        "{}",
        page.text()
    );
    let unknown = get(&app, &format!("/sandbox/cpanel/action/{item}/dcvStatus")).await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    let no_item = get(&app, "/sandbox/cpanel/action/12345678/ovCallbackStatus").await;
    assert_eq!(no_item.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_order_request_is_in_the_log_verbatim() {
    let app = test_app();
    let certificate = cpanel_certificate("143").to_string();
    let pairs = [
        ("provider", "cPStore"),
        ("access_token", CPANEL_ACCESS_TOKEN),
        ("certificate", certificate.as_str()),
    ];
    uapi(&app, "request_ssl_certificates", &pairs).await;
    let log = get(&app, "/sandbox/_log").await.json();
    let entry = &log[0];
    assert_eq!(entry["method"], "GET");
    assert_eq!(
        entry["path"],
        format!("{CPANEL_SESSION}/request_ssl_certificates")
    );
    // The access token is a credential: the log names it only by its hash.
    let sent = format!("access_token={CPANEL_ACCESS_TOKEN}");
    assert!(query(&pairs).contains(&sent));
    let logged = format!("access_token={}", redacted(CPANEL_ACCESS_TOKEN));
    assert_eq!(entry["query"], query(&pairs).replace(&sent, &logged));
    assert_eq!(entry["status"], 200);
    assert_eq!(entry["headers"]["host"], CPANEL_HOST);
}

#[tokio::test]
async fn the_checkout_and_refusals_are_logged_with_their_status() {
    let app = test_app();
    let (order_id, _) = ordered(&app, "143", None).await;
    pay(&app, &order_id).await;
    get(&app, &format!("{CPANEL_EXECUTE}/get_all_products")).await;
    let log = get(&app, "/sandbox/_log").await.json();
    let entries: Vec<(&str, i64)> = log
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["method"].as_str().unwrap(), e["status"].as_i64().unwrap()))
        .collect();
    assert_eq!(entries, [("GET", 200), ("POST", 200), ("GET", 401)]);
}

#[tokio::test]
async fn reset_forgets_the_orders() {
    let app = test_app();
    let (order_id, item) = ordered(&app, "143", None).await;
    let request = Request::post("/sandbox/_reset")
        .body(Body::empty())
        .unwrap();
    assert_eq!(send(&app, request).await.status, StatusCode::NO_CONTENT);
    let status = uapi(
        &app,
        STATUS,
        &[("order_item_id", &item), ("provider", "cPStore")],
    )
    .await;
    assert_uapi_refused(&status, STATUS, &["order_item_id", &item]);
    assert_eq!(
        get(&app, &checkout_path(&order_id)).await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn each_app_has_its_own_orders() {
    let first = test_app();
    let (_, item) = ordered(&first, "143", None).await;
    let second = test_app();
    let status = uapi(
        &second,
        STATUS,
        &[("order_item_id", &item), ("provider", "cPStore")],
    )
    .await;
    assert_uapi_refused(&status, STATUS, &["order_item_id"]);
}
