//! Who may call the cPanel sandbox, which calls exist, and what the rest is answered with.

mod common;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use common::*;
use serde_json::json;

const PRODUCTS: &str = "get_all_products";

fn assert_unauthorized_html(answer: &Answer) {
    assert_eq!(answer.status, StatusCode::UNAUTHORIZED, "{}", answer.text());
    assert_eq!(
        answer.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    let text = answer.text();
    assert!(text.starts_with("<!DOCTYPE html>"), "{text}");
    assert!(text.contains("cpanel USER:TOKEN"), "{text}");
}

async fn get_with(app: &axum::Router, path: &str, authorization: Option<&str>) -> Answer {
    let mut builder = Request::get(path);
    if let Some(value) = authorization {
        builder = builder.header("authorization", value);
    }
    send(app, builder.body(Body::empty()).unwrap()).await
}

#[tokio::test]
async fn execute_without_a_session_or_credentials_is_a_401_html_page() {
    let app = test_app();
    let cases = [
        (format!("{CPANEL_EXECUTE}/{PRODUCTS}"), None),
        (format!("{CPANEL_EXECUTE}/{PRODUCTS}"), Some("Bearer abc")),
        (format!("{CPANEL_EXECUTE}/{PRODUCTS}"), Some("cpanel alice")),
        (
            format!("{CPANEL_EXECUTE}/{PRODUCTS}"),
            Some("Basic YWxpY2U="),
        ),
        (
            "/sandbox/cpanel/cpsess12345/execute/Market/get_all_products".to_string(),
            None,
        ),
        (
            "/sandbox/cpanel/session/execute/Market/get_all_products".to_string(),
            None,
        ),
    ];
    for (path, authorization) in cases {
        assert_unauthorized_html(&get_with(&app, &path, authorization).await);
    }
}

#[tokio::test]
async fn the_sandbox_api_token_or_basic_credentials_open_execute() {
    let app = test_app();
    let path = format!("{CPANEL_EXECUTE}/{PRODUCTS}");
    // Basic YWxpY2U6c2VjcmV0 is alice:secret.
    for authorization in [
        format!("cpanel {CPANEL_USER}:{CPANEL_API_TOKEN}"),
        "Basic YWxpY2U6c2VjcmV0".to_string(),
    ] {
        let answer = get_with(&app, &path, Some(&authorization)).await;
        assert_eq!(uapi_data(&answer, PRODUCTS).as_array().unwrap().len(), 3);
    }
}

#[tokio::test]
async fn another_api_token_or_user_is_a_401_html_page() {
    let app = test_app();
    let path = format!("{CPANEL_EXECUTE}/{PRODUCTS}");
    for authorization in [
        "cpanel alice:U7HMR63FHY282DQZ4H5BIH16JLYSO01M".to_string(),
        format!("cpanel alice:{CPANEL_API_TOKEN}"),
        format!("cpanel {CPANEL_USER}:U7HMR63FHY282DQZ4H5BIH16JLYSO01M"),
    ] {
        let answer = get_with(&app, &path, Some(&authorization)).await;
        assert_unauthorized_html(&answer);
        assert!(!answer.text().contains(CPANEL_API_TOKEN));
    }
}

#[tokio::test]
async fn a_session_path_needs_no_header() {
    let answer = uapi(&test_app(), PRODUCTS, &[]).await;
    assert!(uapi_data(&answer, PRODUCTS).is_array());
}

#[tokio::test]
async fn an_unknown_function_fails_inside_the_envelope() {
    let answer = uapi(&test_app(), "request_ssl_certificate", &[]).await;
    assert_uapi_refused(
        &answer,
        "request_ssl_certificate",
        &[
            "Failed to load function “request_ssl_certificate”",
            "request_ssl_certificates",
        ],
    );
}

#[tokio::test]
async fn an_unknown_module_fails_inside_the_envelope() {
    let path = "/sandbox/cpanel/cpsess0123456789/execute/SSL/install_ssl";
    let answer = get(&test_app(), path).await;
    let body = answer.json();
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(body["module"], "SSL");
    assert_eq!(body["func"], "install_ssl");
    assert_eq!(body["result"]["status"], 0);
    let error = body["result"]["errors"][0].as_str().unwrap();
    assert!(error.contains("Failed to load module “SSL”"), "{error}");
}

#[tokio::test]
async fn execute_answers_only_get() {
    let request = Request::post(format!("{CPANEL_SESSION}/{PRODUCTS}"))
        .body(Body::empty())
        .unwrap();
    let answer = send(&test_app(), request).await;
    assert_eq!(answer.status, StatusCode::METHOD_NOT_ALLOWED);
    assert!(
        answer.text().contains("Method POST is not allowed"),
        "{}",
        answer.text()
    );
}

#[tokio::test]
async fn unknown_paths_are_a_404_html_page() {
    let answer = get(&test_app(), "/sandbox/cpanel/json-api/listaccts").await;
    assert_eq!(answer.status, StatusCode::NOT_FOUND);
    assert_eq!(
        answer.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    assert!(answer.text().contains("/sandbox/cpanel/json-api/listaccts"));
}

#[tokio::test]
async fn get_all_products_lists_the_catalogue_with_the_documented_attributes() {
    let answer = uapi(&test_app(), PRODUCTS, &[("provider", "cPStore")]).await;
    let data = uapi_data(&answer, PRODUCTS);
    let products = data.as_array().unwrap();
    let ids: Vec<&str> = products
        .iter()
        .map(|p| p["product_id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["143", "144", "145"]);
    let types: Vec<&str> = products
        .iter()
        .map(|p| p["x_validation_type"].as_str().unwrap())
        .collect();
    assert_eq!(types, ["dv", "ov", "ev"]);
    for product in products {
        assert_eq!(product["product_group"], "ssl_certificate");
        assert_eq!(product["provider_name"], "cPStore");
        assert_eq!(product["x_certificate_term"], json!([1, "year"]));
        assert_eq!(product["x_supports_dns_dcv"], 1);
        assert_eq!(product["x_max_names"], 100);
    }
    assert_eq!(products[0]["x_price_per_domain"], 3);
    assert_eq!(products[0]["x_price_per_wildcard_domain"], 50);
    assert!(products[0]["x_identity_verification"].is_null());
    assert_eq!(products[1]["x_price_per_domain"], 40);
    assert_eq!(products[1]["x_price_per_wildcard_domain"], 150);
    assert_eq!(products[2]["x_price_per_domain"], 120);
    assert!(products[2].get("x_price_per_wildcard_domain").is_none());
    let identity = products[1]["x_identity_verification"].as_array().unwrap();
    let optional: Vec<&str> = identity
        .iter()
        .filter(|field| field["is_optional"] == 1)
        .map(|field| field["name"].as_str().unwrap())
        .collect();
    assert_eq!(identity.len(), 12);
    assert_eq!(optional, ["duns_number", "organizationalUnitName"]);
}

#[tokio::test]
async fn get_all_products_refuses_another_provider() {
    let answer = uapi(&test_app(), PRODUCTS, &[("provider", "Sectigo")]).await;
    assert_uapi_refused(&answer, PRODUCTS, &["provider", "Sectigo"]);
}

#[tokio::test]
async fn uapi_sorting_parameters_are_ignored_but_others_refused() {
    let app = test_app();
    let sorted = uapi(&app, PRODUCTS, &[("api.sort_column", "x_price_per_domain")]).await;
    assert!(uapi_data(&sorted, PRODUCTS).is_array());
    let unknown = uapi(&app, PRODUCTS, &[("product_group", "ssl_certificate")]).await;
    assert_uapi_refused(&unknown, PRODUCTS, &["product_group", "unknown parameter"]);
}

#[tokio::test]
async fn cors_preflight_admits_the_authorization_header() {
    let request = Request::builder()
        .method(Method::OPTIONS)
        .uri(format!("{CPANEL_EXECUTE}/{PRODUCTS}"))
        .header("origin", "https://shop.example.net")
        .header("access-control-request-method", "GET")
        .header("access-control-request-headers", "authorization")
        .body(Body::empty())
        .unwrap();
    let answer = send(&test_app(), request).await;
    assert!(answer.status.is_success(), "{}", answer.status);
    assert_eq!(answer.header("access-control-allow-origin"), Some("*"));
    let allowed = answer
        .header("access-control-allow-headers")
        .unwrap()
        .to_ascii_lowercase();
    assert!(allowed.contains("authorization"), "{allowed}");
}

#[tokio::test]
async fn a_401_carries_cors_headers_so_a_browser_can_read_it() {
    let request = Request::get(format!("{CPANEL_EXECUTE}/{PRODUCTS}"))
        .header("origin", "https://shop.example.net")
        .body(Body::empty())
        .unwrap();
    let answer = send(&test_app(), request).await;
    assert_eq!(answer.status, StatusCode::UNAUTHORIZED);
    assert_eq!(answer.header("access-control-allow-origin"), Some("*"));
}

#[tokio::test]
async fn error_response_is_a_status_0_envelope_for_the_fault_injector() {
    use ssl_order_server::sandbox::cpanel::error_response;
    let response = error_response(
        "request_ssl_certificates",
        &["The cPanel Store is down.".to_string()],
    );
    let (parts, body) = response.into_parts();
    let bytes = http_body_util::BodyExt::collect(body)
        .await
        .unwrap()
        .to_bytes();
    let answer = Answer {
        status: parts.status,
        headers: parts.headers,
        body: bytes.to_vec(),
    };
    assert_uapi_refused(
        &answer,
        "request_ssl_certificates",
        &["The cPanel Store is down."],
    );
    assert_eq!(answer.json()["module"], "Market");
}
