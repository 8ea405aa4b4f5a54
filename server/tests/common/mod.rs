//! Helpers shared by the integration tests: an app over the fixture directory, requests
//! through `tower::ServiceExt::oneshot`, and valid bodies to break one field at a time.
#![allow(dead_code)] // Each test binary uses a different part of this module.

use std::path::PathBuf;
use std::time::Duration;

use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use serde_json::{json, Value};
use ssl_order_server::{app, Config};
use tower::ServiceExt;

/// Exactly the minimum length of an `X-Auth-Token`.
pub const TOKEN: &str = "tok-0123456789abcdef0123456789ab";

pub const BUY: &str = "/sandbox/huawei/v3/scm/certificates/buy";

pub const CSR_WWW_EXAMPLE_COM: &str = include_str!("../fixtures/www.example.com.csr");
pub const CSR_WILDCARD_EXAMPLE_COM: &str = include_str!("../fixtures/wildcard.example.com.csr");
/// CN shop.example.org, SANs api.example.org and www.example.org; an EC P-256 key.
pub const CSR_SHOP_EXAMPLE_ORG: &str = include_str!("../fixtures/shop.example.org.csr");

pub fn dist_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/dist")
}

pub fn test_app() -> Router {
    test_app_with_delay(Duration::from_secs(30))
}

pub fn test_app_with_delay(issue_delay: Duration) -> Router {
    app(&Config {
        issue_delay,
        ..Config::new(dist_dir())
    })
}

pub struct Answer {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl Answer {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).map(|v| v.to_str().unwrap())
    }
}

pub async fn send(app: &Router, request: Request<Body>) -> Answer {
    let response = app.clone().oneshot(request).await.unwrap();
    let (parts, body) = response.into_parts();
    Answer {
        status: parts.status,
        headers: parts.headers,
        body: body.collect().await.unwrap().to_bytes().to_vec(),
    }
}

pub async fn get(app: &Router, path: &str) -> Answer {
    let request = Request::get(path).body(Body::empty()).unwrap();
    send(app, request).await
}

/// A sandbox call with the test token and, if given, a raw body.
pub async fn call(app: &Router, method: Method, path: &str, body: Option<&str>) -> Answer {
    let mut builder = Request::builder()
        .method(method)
        .uri(path)
        .header("x-auth-token", TOKEN);
    if body.is_some() {
        builder = builder.header("content-type", "application/json");
    }
    let body = body.map_or_else(Body::empty, |b| Body::from(b.to_string()));
    send(app, builder.body(body).unwrap()).await
}

pub async fn post_json(app: &Router, path: &str, body: &Value) -> Answer {
    call(app, Method::POST, path, Some(&body.to_string())).await
}

pub fn apply_path(id: &str) -> String {
    format!("/sandbox/huawei/v3/scm/certificates/{id}/apply")
}

pub fn details_path(id: &str) -> String {
    format!("/sandbox/huawei/v3/scm/certificates/{id}")
}

/// The seed's example buy request: an OV multi-domain GlobalSign certificate for 5 names.
pub fn seed_buy_body() -> Value {
    json!({
        "cert_brand": "GLOBALSIGN",
        "cert_type": "OV_SSL_CERT",
        "domain_type": "MULTI_DOMAIN",
        "effective_time": 1,
        "domain_numbers": 5,
        "order_number": 1,
        "agree_privacy_protection": true
    })
}

pub fn buy_body(cert_type: &str, domain_type: &str, domain_numbers: u32) -> Value {
    json!({
        "cert_brand": "GLOBALSIGN",
        "cert_type": cert_type,
        "domain_type": domain_type,
        "effective_time": 1,
        "domain_numbers": domain_numbers,
        "order_number": 1,
        "agree_privacy_protection": true
    })
}

/// Buys with `body` and returns the first certificate ID.
pub async fn bought(app: &Router, body: &Value) -> String {
    let answer = post_json(app, BUY, body).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.text());
    answer.json()["cert"][0]["cert_id"]
        .as_str()
        .unwrap()
        .to_string()
}

/// A complete OV application for the seed's multi-domain certificate.
pub fn ov_apply_body() -> Value {
    json!({
        "domain": "shop.example.org",
        "sans": "api.example.org;www.example.org",
        "csr": CSR_SHOP_EXAMPLE_ORG,
        "company_name": "Example Chengdu branch",
        "company_unit": "IT",
        "company_province": "Sichuan",
        "company_city": "Chengdu",
        "country": "CN",
        "applicant_name": "Tom",
        "applicant_phone": "13212345678",
        "applicant_email": "tom@example.org",
        "contact_name": "Jacky",
        "contact_phone": "13512345678",
        "contact_email": "jk@example.org",
        "auto_dns_auth": false,
        "agree_privacy_protection": true,
        "domain_method": "DNS",
        "key_algorithm": "EC_P256",
        "ca_hash_algorithm": "DEFAULT"
    })
}

/// A minimal DV application for a single-domain certificate for www.example.com.
pub fn dv_apply_body() -> Value {
    json!({
        "domain": "www.example.com",
        "csr": CSR_WWW_EXAMPLE_COM,
        "applicant_name": "Tom",
        "applicant_phone": "13212345678",
        "applicant_email": "tom@example.com",
        "agree_privacy_protection": true,
        "domain_method": "DNS"
    })
}

/// Asserts a 4xx in Huawei's shape whose message mentions every one of `needles`.
pub fn assert_refused(answer: &Answer, status: StatusCode, code: &str, needles: &[&str]) {
    let body = answer.json();
    assert_eq!(answer.status, status, "{body}");
    assert_eq!(body["error_code"], code, "{body}");
    let msg = body["error_msg"].as_str().unwrap();
    for needle in needles {
        assert!(msg.contains(needle), "{msg:?} does not mention {needle:?}");
    }
    let mut keys: Vec<&String> = body.as_object().unwrap().keys().collect();
    keys.sort();
    assert_eq!(keys, ["error_code", "error_msg"], "{body}");
}

/// A 400 `SCM.1004` naming `field`.
pub fn assert_invalid(answer: &Answer, field: &str, needles: &[&str]) {
    let mut all = vec![field];
    all.extend_from_slice(needles);
    assert_refused(answer, StatusCode::BAD_REQUEST, "SCM.1004", &all);
}
