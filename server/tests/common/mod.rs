//! Helpers shared by the integration tests: an app over the fixture directory, requests
//! through `tower::ServiceExt::oneshot`, and valid bodies to break one field at a time.
#![allow(dead_code)] // Each test binary uses a different part of this module.

pub mod orders;
pub mod postgres;
pub mod process;

use std::path::PathBuf;
use std::time::Duration;

use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use serde_json::{json, Value};
use ssl_order_server::sandbox::clock::Clock;
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
    test_app_with_clock(issue_delay).0
}

/// The app, and the sandbox's clock to move on instead of waiting for `issue_delay`.
pub fn test_app_with_clock(issue_delay: Duration) -> (Router, Clock) {
    let clock = Clock::default();
    let app = app(&Config {
        issue_delay,
        sandbox: true,
        clock: clock.clone(),
        ..Config::new(dist_dir())
    });
    (app, clock)
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

/// The documented example buy request: an OV multi-domain GlobalSign certificate for 5 names.
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

/// A complete OV application for the documentation's multi-domain certificate.
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

// cPanel: UAPI calls in a session, the envelope, and valid certificates to break.

/// CN example.com, SANs example.com and example.org: the names of cPanel's documented example.
pub const CSR_EXAMPLE_COM_AND_ORG: &str = include_str!("../fixtures/example.com-example.org.csr");

/// UAPI `Market` inside a cPanel session: the session in the path is the credential.
pub const CPANEL_SESSION: &str = "/sandbox/cpanel/cpsess0123456789/execute/Market";
/// UAPI `Market` outside a session, which needs an `Authorization` header.
pub const CPANEL_EXECUTE: &str = "/sandbox/cpanel/execute/Market";
/// The sandbox's cPanel user and API token (published in the README; no secret).
pub const CPANEL_USER: &str = "sandbox";
pub const CPANEL_API_TOKEN: &str = "SANDBOXCPANELTOKEN00000000000001";
/// The access token of the documented example.
pub const CPANEL_ACCESS_TOKEN: &str = "725431a1-d5bc-11e5-a28b-8b0e09a93f05";
/// The `Host` cPanel tests send, so the checkout URLs are absolute.
pub const CPANEL_HOST: &str = "sandbox.test:8080";

/// What the sandbox's log shows instead of `secret`: the first 8 hex digits of its SHA-256.
pub fn redacted(secret: &str) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(secret.as_bytes());
    let hex: String = digest[..4].iter().map(|b| format!("{b:02x}")).collect();
    format!("[redacted sha256:{hex}]")
}

/// Percent-encodes everything but RFC 3986's unreserved characters.
pub fn query_encode(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                char::from(b).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

pub fn query(pairs: &[(&str, &str)]) -> String {
    pairs
        .iter()
        .map(|(name, value)| format!("{}={}", query_encode(name), query_encode(value)))
        .collect::<Vec<_>>()
        .join("&")
}

/// `GET <CPANEL_SESSION>/<func>?<pairs>`, with the test `Host`.
pub async fn uapi(app: &Router, func: &str, pairs: &[(&str, &str)]) -> Answer {
    let request = Request::get(format!("{CPANEL_SESSION}/{func}?{}", query(pairs)))
        .header("host", CPANEL_HOST)
        .body(Body::empty())
        .unwrap();
    send(app, request).await
}

/// `request_ssl_certificates` with the documentation's provider and access token, then `extra`.
pub async fn cpanel_order(app: &Router, extra: &[(&str, &str)]) -> Answer {
    let mut pairs = vec![
        ("provider", "cPStore"),
        ("access_token", CPANEL_ACCESS_TOKEN),
    ];
    pairs.extend_from_slice(extra);
    uapi(app, "request_ssl_certificates", &pairs).await
}

/// The data of a successful UAPI call to `func` (HTTP 200, `status` 1, no errors).
pub fn uapi_data(answer: &Answer, func: &str) -> Value {
    let body = answer.json();
    assert_eq!(answer.status, StatusCode::OK, "{body}");
    assert_eq!(body["result"]["status"], 1, "{body}");
    assert!(body["result"]["errors"].is_null(), "{body}");
    assert_eq!(body["apiversion"], 3, "{body}");
    assert_eq!(body["module"], "Market", "{body}");
    assert_eq!(body["func"], func, "{body}");
    body["result"]["data"].clone()
}

/// The errors of a failed UAPI call: HTTP 200 as cPanel answers, `status` 0, no data.
pub fn uapi_errors(answer: &Answer, func: &str) -> Vec<String> {
    let body = answer.json();
    assert_eq!(answer.status, StatusCode::OK, "{body}");
    assert_eq!(body["result"]["status"], 0, "{body}");
    assert_eq!(body["func"], func, "{body}");
    assert!(body["result"]["data"].is_null(), "{body}");
    assert_eq!(body["result"]["metadata"], json!({}), "{body}");
    body["result"]["errors"]
        .as_array()
        .unwrap_or_else(|| panic!("no errors: {body}"))
        .iter()
        .map(|e| e.as_str().unwrap().to_string())
        .collect()
}

/// A failed `func` with one error that mentions every one of `needles`.
pub fn assert_uapi_refused(answer: &Answer, func: &str, needles: &[&str]) {
    let errors = uapi_errors(answer, func);
    assert_eq!(errors.len(), 1, "{errors:?}");
    for needle in needles {
        assert!(
            errors[0].contains(needle),
            "{:?} does not mention {needle:?}",
            errors[0]
        );
    }
}

/// The documented example `identity_verification`.
pub fn cpanel_identity() -> Value {
    json!({
        "countryName": "US",
        "duns_number": "12-345-6789",
        "localityName": "City Name",
        "organizationName": "Company, Inc.",
        "organizationalUnitName": "Team Company,",
        "postalCode": 55555,
        "rep_email_address": "username@example.com",
        "rep_forename": "First Name",
        "rep_surname": "Last Name",
        "rep_telephone": "123-456-7891",
        "stateOrProvinceName": "ST",
        "streetAddress": "555 Street Name"
    })
}

/// A valid certificate of cPanel product `product_id` ("143" DV, "144" OV, "145" EV) for
/// example.com and example.org, in the documentation's encoding, at the right price.
pub fn cpanel_certificate(product_id: &str) -> Value {
    let price = match product_id {
        "143" => 6,
        "144" => 80,
        "145" => 240,
        other => panic!("no cPanel product {other}"),
    };
    json!({
        "price": price,
        "product_id": product_id,
        "subject_names": [{"dNSName": "example.com"}, {"dNSName": "example.org"}],
        "validity_period": [1, "year"],
        "vhost_names": ["example.com"],
        "csr": CSR_EXAMPLE_COM_AND_ORG
    })
}

// GoGetSSL: form bodies, `?auth_key=` paths and the error shape.

pub const GOGETSSL: &str = "/sandbox/gogetssl";
/// The sandbox's GoGetSSL API user and password (published in the README; no secret).
pub const GOGETSSL_USER: &str = "sandbox-reseller";
pub const GOGETSSL_PASSWORD: &str = "sandbox-password-not-a-secret";
/// A key the sandbox never issued passes with 8+ characters (the direct mode, where an
/// operator pastes one); this one looks like a real one.
pub const GOGETSSL_KEY: &str = "5f2b3c4d5e6f708192a3b4c5d6e7f809";

/// `path` of the GoGetSSL sandbox with the test key in the query.
pub fn gogetssl_path(path: &str) -> String {
    format!("{GOGETSSL}{path}?auth_key={GOGETSSL_KEY}")
}

/// Percent-encodes a form component as PHP's `http_build_query` does (spaces as `+`).
pub fn form_escape(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => {
                char::from(b).to_string()
            }
            b' ' => "+".to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// A form body as ordered pairs, to change or drop one field at a time.
#[derive(Debug, Clone, Default)]
pub struct FormBody(pub Vec<(String, String)>);

impl FormBody {
    pub fn new(pairs: &[(&str, &str)]) -> Self {
        let mut form = Self::default();
        for (name, value) in pairs {
            form.set(name, value);
        }
        form
    }

    /// Replaces the value of `name`, or appends it.
    pub fn set(&mut self, name: &str, value: &str) -> &mut Self {
        match self.0.iter_mut().find(|(key, _)| key == name) {
            Some(pair) => pair.1 = value.to_string(),
            None => self.0.push((name.to_string(), value.to_string())),
        }
        self
    }

    pub fn remove(&mut self, name: &str) -> &mut Self {
        self.0.retain(|(key, _)| key != name);
        self
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }

    pub fn encode(&self) -> String {
        let pairs: Vec<String> = self
            .0
            .iter()
            .map(|(name, value)| format!("{}={}", form_escape(name), form_escape(value)))
            .collect();
        pairs.join("&")
    }
}

/// POSTs `body` as `application/x-www-form-urlencoded` to `path` (query included).
pub async fn post_form(app: &Router, path: &str, body: &str) -> Answer {
    let request = Request::post(path)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(Body::from(body.to_string()))
        .unwrap();
    send(app, request).await
}

/// The GoGetSSL sandbox's product IDs, as `GET /products/ssl/` lists them.
pub const GOGETSSL_SINGLE: [u32; 3] = [45, 60, 70];
pub const GOGETSSL_WILDCARD: [u32; 2] = [46, 61];
pub const GOGETSSL_MULTI: [u32; 3] = [47, 62, 71];

/// A complete order of GoGetSSL product `product_id` validated by `dcv_method` (also used
/// for every additional name): a CSR of the right kind, `dns_names` for multi-domain
/// products, and every contact and organisation field an OV order needs.
pub fn gogetssl_order(product_id: u32, dcv_method: &str) -> FormBody {
    let (csr, approver) = if GOGETSSL_WILDCARD.contains(&product_id) {
        (CSR_WILDCARD_EXAMPLE_COM, "admin@example.com")
    } else if GOGETSSL_MULTI.contains(&product_id) {
        (CSR_SHOP_EXAMPLE_ORG, "webmaster@shop.example.org")
    } else {
        (CSR_WWW_EXAMPLE_COM, "admin@example.com")
    };
    let id = product_id.to_string();
    let mut form = FormBody::new(&[
        ("product_id", &id),
        ("period", "12"),
        ("csr", csr),
        ("server_count", "-1"),
        ("webserver_type", "18"),
        ("dcv_method", dcv_method),
    ]);
    if dcv_method == "email" {
        form.set("approver_email", approver);
    }
    if GOGETSSL_MULTI.contains(&product_id) {
        form.set("dns_names", "api.example.org,www.example.org");
        let entries = if dcv_method == "email" {
            "admin@api.example.org,postmaster@example.org".to_string()
        } else {
            format!("{dcv_method},{dcv_method}")
        };
        form.set("approver_emails", &entries);
    }
    for (name, value) in [
        ("admin_firstname", "Anna"),
        ("admin_lastname", "Schmidt"),
        ("admin_organization", "Example GmbH"),
        ("admin_addressline1", "Hauptstrasse 1"),
        ("admin_phone", "+49 30 1234567"),
        ("admin_title", "CTO"),
        ("admin_email", "anna.schmidt@example.com"),
        ("admin_city", "Berlin"),
        ("admin_country", "DE"),
        ("admin_fax", "+49 30 1234568"),
        ("admin_postalcode", "10115"),
        ("admin_region", "Berlin"),
        ("tech_firstname", "Tom"),
        ("tech_lastname", "Weber"),
        ("tech_organization", "Example GmbH"),
        ("tech_addressline1", "Hauptstrasse 1"),
        ("tech_phone", "+49 30 1234569"),
        ("tech_title", "Administrator"),
        ("tech_email", "tom.weber@example.com"),
        ("tech_city", "Berlin"),
        ("tech_country", "DE"),
        ("org_name", "Example GmbH"),
        ("org_division", "IT"),
        ("org_addressline1", "Hauptstrasse 1"),
        ("org_city", "Berlin"),
        ("org_country", "DE"),
        ("org_phone", "+49 30 1234560"),
        ("org_postalcode", "10115"),
        ("org_region", "Berlin"),
        ("signature_hash", "SHA2"),
    ] {
        form.set(name, value);
    }
    form
}

/// The contact fields only, as a DV order sends them (no organisation at all).
pub fn gogetssl_dv_order(product_id: u32, dcv_method: &str) -> FormBody {
    let mut form = gogetssl_order(product_id, dcv_method);
    form.0.retain(|(name, _)| {
        !name.starts_with("org_")
            && ![
                "admin_organization",
                "admin_addressline1",
                "admin_city",
                "admin_country",
                "admin_fax",
                "admin_postalcode",
                "admin_region",
                "tech_organization",
                "tech_addressline1",
                "tech_city",
                "tech_country",
            ]
            .contains(&name.as_str())
    });
    form
}

/// Asserts GoGetSSL's error shape with `status` and `message`, whose description mentions
/// every one of `needles`.
pub fn assert_gogetssl_error(answer: &Answer, status: StatusCode, message: &str, needles: &[&str]) {
    let body = answer.json();
    assert_eq!(answer.status, status, "{body}");
    assert_eq!(body["error"], true, "{body}");
    assert_eq!(body["message"], message, "{body}");
    let description = body["description"].as_str().unwrap();
    for needle in needles {
        assert!(
            description.contains(needle),
            "{description:?} does not mention {needle:?}"
        );
    }
    let mut keys: Vec<&String> = body.as_object().unwrap().keys().collect();
    keys.sort();
    assert_eq!(keys, ["description", "error", "message"], "{body}");
}

/// A refusal of an invalid value, with HTTP 200 as GoGetSSL answers, naming `field`.
pub fn assert_gogetssl_invalid(answer: &Answer, field: &str, needles: &[&str]) {
    let mut all = vec![field];
    all.extend_from_slice(needles);
    assert_gogetssl_error(answer, StatusCode::OK, "Invalid parameter", &all);
}

/// A refusal of a missing field, with HTTP 200, naming `field`.
pub fn assert_gogetssl_missing(answer: &Answer, field: &str) {
    let needle = format!("Field {field} is required");
    assert_gogetssl_error(
        answer,
        StatusCode::OK,
        "Missing required parameter",
        &[&needle],
    );
}
