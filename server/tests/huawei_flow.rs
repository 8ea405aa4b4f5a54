//! The whole Huawei flow, the details shape, authentication, the request log and CORS.

mod common;

use std::time::Duration;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use common::*;
use serde_json::{json, Value};

#[tokio::test]
async fn buy_apply_details_shows_checking_with_dns_records_then_issued() {
    let delay = Duration::from_secs(60);
    let (app, clock) = test_app_with_clock(delay);
    let bought = post_json(&app, BUY, &seed_buy_body()).await.json();
    let id = bought["cert"][0]["cert_id"].as_str().unwrap().to_string();

    let paid = call(&app, Method::GET, &details_path(&id), None).await;
    assert_eq!(paid.status, StatusCode::OK);
    let paid = paid.json();
    assert_eq!(paid["status"], "PAID");
    assert_eq!(paid["authentification"], json!([]));

    let applied = post_json(&app, &apply_path(&id), &ov_apply_body()).await;
    assert_eq!(applied.json(), json!({"request info": "success"}));

    let checking = call(&app, Method::GET, &details_path(&id), None)
        .await
        .json();
    assert_eq!(checking["status"], "CHECKING", "{checking}");
    assert_eq!(checking["id"], id.as_str());
    assert_eq!(checking["order_id"], bought["order_id"]);
    assert_eq!(checking["validation_method"], "DNS");
    assert_eq!(checking["domain"], "shop.example.org");
    assert_eq!(checking["sans"], "api.example.org;www.example.org");
    assert_eq!(checking["multi_domain_type"], "primary_single");
    assert!(checking["fingerprint"].is_null());
    assert!(checking["issue_time"].is_null());
    let records = checking["authentification"].as_array().unwrap();
    let names: Vec<(&str, &str)> = records
        .iter()
        .map(|r| {
            (
                r["record_name"].as_str().unwrap(),
                r["domain"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        names,
        [
            ("_dnsauth.shop.example.org", "shop.example.org"),
            ("_dnsauth.api.example.org", "api.example.org"),
            ("_dnsauth.www.example.org", "www.example.org"),
        ]
    );
    for record in records {
        assert_eq!(record["record_type"], "TXT");
        let value = record["record_value"].as_str().unwrap();
        assert_eq!(value.len(), 48);
        assert!(value
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()));
    }
    let again = call(&app, Method::GET, &details_path(&id), None)
        .await
        .json();
    assert_eq!(again["authentification"], checking["authentification"]);

    clock.advance(delay);
    let issued = call(&app, Method::GET, &details_path(&id), None)
        .await
        .json();
    assert_eq!(issued["status"], "ISSUED", "{issued}");
    for field in [
        "issue_time",
        "not_before",
        "not_after",
        "signature_algorithm",
    ] {
        assert!(issued[field].is_string(), "{field}: {issued}");
    }
    assert_eq!(issued["signature_algorithm"], "SHA256withECDSA");
    assert_eq!(issued["fingerprint"].as_str().unwrap().len(), 40);
    assert_eq!(issued["authentification"], checking["authentification"]);
}

#[tokio::test]
async fn details_have_every_field_of_the_seed_example() {
    let app = test_app();
    let id = bought(&app, &buy_body("DV_SSL_CERT", "SINGLE_DOMAIN", 1)).await;
    let details = call(&app, Method::GET, &details_path(&id), None).await;
    assert_eq!(details.status, StatusCode::OK);
    assert_eq!(details.header("content-type"), Some("application/json"));
    let details = details.json();
    let seed_fields = [
        "id",
        "order_id",
        "name",
        "type",
        "brand",
        "push_support",
        "revoke_reason",
        "status",
        "signature_algorithm",
        "issue_time",
        "not_before",
        "not_after",
        "validity_period",
        "validation_method",
        "domain_type",
        "multi_domain_type",
        "domain",
        "sans",
        "domain_count",
        "wildcard_count",
        "fingerprint",
        "enterprise_project_id",
        "authentification",
    ];
    for field in seed_fields
        .iter()
        .chain(&["application_info", "description", "shared"])
    {
        assert!(details.get(*field).is_some(), "{field} missing: {details}");
    }
    assert_eq!(details["type"], "DV_SSL_CERT");
    assert_eq!(details["brand"], "GLOBALSIGN");
    assert_eq!(details["push_support"], "OFF");
    assert_eq!(details["validity_period"], 12);
    assert_eq!(details["domain_type"], "SINGLE_DOMAIN");
    assert_eq!(details["domain_count"], 1);
    assert_eq!(details["wildcard_count"], 0);
    assert_eq!(details["enterprise_project_id"], "0");
    let info = details["application_info"].as_object().unwrap();
    let mut keys: Vec<&String> = info.keys().collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "applicant_email",
            "applicant_name",
            "applicant_phone",
            "company_city",
            "company_name",
            "company_province",
            "contact_email",
            "contact_name",
            "contact_phone",
            "country",
        ]
    );
}

#[tokio::test]
async fn details_validity_period_is_twelve_months_per_year() {
    let app = test_app();
    let mut body = seed_buy_body();
    body["effective_time"] = json!(3);
    let id = bought(&app, &body).await;
    let details = call(&app, Method::GET, &details_path(&id), None)
        .await
        .json();
    assert_eq!(details["validity_period"], 36);
}

#[tokio::test]
async fn details_of_an_unknown_certificate_is_404() {
    let answer = call(
        &test_app(),
        Method::GET,
        &details_path("scs9999999999999"),
        None,
    )
    .await;
    assert_refused(
        &answer,
        StatusCode::NOT_FOUND,
        "SCM.0404",
        &["scs9999999999999", "does not exist"],
    );
}

#[tokio::test]
async fn a_call_without_a_token_is_401() {
    let request = Request::post(BUY)
        .header("content-type", "application/json")
        .body(Body::from(seed_buy_body().to_string()))
        .unwrap();
    let answer = send(&test_app(), request).await;
    assert_eq!(answer.status, StatusCode::UNAUTHORIZED);
    assert_eq!(
        answer.json(),
        json!({
            "error_code": "SCM.0401",
            "error_msg": "Authentication failed: X-Auth-Token must be 32 to 2097152 characters."
        })
    );
}

#[tokio::test]
async fn a_token_shorter_than_32_characters_is_401() {
    let request = Request::get(details_path("scs1481110651012"))
        .header("x-auth-token", &TOKEN[..31])
        .body(Body::empty())
        .unwrap();
    let answer = send(&test_app(), request).await;
    assert_refused(
        &answer,
        StatusCode::UNAUTHORIZED,
        "SCM.0401",
        &["X-Auth-Token"],
    );
}

#[tokio::test]
async fn a_token_longer_than_2097152_characters_is_401() {
    let request = Request::get(details_path("scs1481110651012"))
        .header("x-auth-token", "t".repeat(2_097_153))
        .body(Body::empty())
        .unwrap();
    let answer = send(&test_app(), request).await;
    assert_refused(&answer, StatusCode::UNAUTHORIZED, "SCM.0401", &["2097152"]);
}

#[tokio::test]
async fn a_token_containing_forbidden_is_403() {
    let request = Request::get(details_path("scs1481110651012"))
        .header("x-auth-token", "forbidden-0123456789abcdef0123456789")
        .body(Body::empty())
        .unwrap();
    let answer = send(&test_app(), request).await;
    assert_refused(
        &answer,
        StatusCode::FORBIDDEN,
        "SCM.0403",
        &["Access denied"],
    );
}

#[tokio::test]
async fn an_unknown_sandbox_path_is_404_in_the_error_shape() {
    let answer = call(
        &test_app(),
        Method::GET,
        "/sandbox/huawei/v3/scm/orders",
        None,
    )
    .await;
    assert_refused(
        &answer,
        StatusCode::NOT_FOUND,
        "SCM.0404",
        &["/sandbox/huawei/v3/scm/orders"],
    );
}

#[tokio::test]
async fn a_wrong_method_is_405_in_the_error_shape() {
    let answer = call(&test_app(), Method::GET, BUY, None).await;
    assert_refused(
        &answer,
        StatusCode::METHOD_NOT_ALLOWED,
        "SCM.0405",
        &["GET"],
    );
}

#[tokio::test]
async fn a_body_over_one_mebibyte_is_413() {
    let big = format!("{{\"tags\":[\"{}\"]}}", "x".repeat(1024 * 1024));
    let answer = call(&test_app(), Method::POST, BUY, Some(&big)).await;
    assert_refused(
        &answer,
        StatusCode::PAYLOAD_TOO_LARGE,
        "SCM.0413",
        &["1 MiB"],
    );
}

#[tokio::test]
async fn the_log_records_requests_in_order_with_their_status() {
    let app = test_app();
    let buy_text = seed_buy_body().to_string();
    let bought = call(&app, Method::POST, BUY, Some(&buy_text)).await.json();
    let id = bought["cert"][0]["cert_id"].as_str().unwrap().to_string();
    call(
        &app,
        Method::GET,
        &format!("{}?lang=en", details_path(&id)),
        None,
    )
    .await;
    let request = Request::get(details_path(&id)).body(Body::empty()).unwrap();
    send(&app, request).await;

    let log = get(&app, "/sandbox/_log").await;
    assert_eq!(log.status, StatusCode::OK);
    let log = log.json();
    let entries = log.as_array().unwrap();
    assert_eq!(entries.len(), 3, "{log}");

    let first = &entries[0];
    let mut keys: Vec<&String> = first.as_object().unwrap().keys().collect();
    keys.sort();
    assert_eq!(
        keys,
        ["body", "headers", "method", "path", "query", "status"]
    );
    assert_eq!(first["method"], "POST");
    assert_eq!(first["path"], BUY);
    assert_eq!(first["query"], "");
    assert_eq!(first["body"], buy_text.as_str());
    assert_eq!(first["status"], 200);
    assert_eq!(first["headers"]["x-auth-token"], redacted(TOKEN));
    assert_eq!(first["headers"]["content-type"], "application/json");

    assert_eq!(entries[1]["method"], "GET");
    assert_eq!(entries[1]["path"], details_path(&id).as_str());
    assert_eq!(entries[1]["query"], "lang=en");
    assert_eq!(entries[1]["body"], "");
    assert_eq!(entries[1]["status"], 200);

    assert_eq!(entries[2]["status"], 401);
    assert!(entries[2]["headers"].get("x-auth-token").is_none());
}

#[tokio::test]
async fn the_log_records_refused_bodies_verbatim() {
    let app = test_app();
    call(&app, Method::POST, BUY, Some("not json")).await;
    let log = get(&app, "/sandbox/_log").await.json();
    assert_eq!(log[0]["body"], "not json");
    assert_eq!(log[0]["status"], 400);
}

#[tokio::test]
async fn the_control_endpoints_and_static_files_are_not_logged() {
    let app = test_app();
    get(&app, "/sandbox/_log").await;
    get(&app, "/index.html").await;
    let request = Request::post("/sandbox/_reset")
        .body(Body::empty())
        .unwrap();
    send(&app, request).await;
    assert_eq!(get(&app, "/sandbox/_log").await.json(), json!([]));
}

#[tokio::test]
async fn reset_clears_the_log_and_the_certificates() {
    let app = test_app();
    let id = bought(&app, &seed_buy_body()).await;
    let request = Request::post("/sandbox/_reset")
        .body(Body::empty())
        .unwrap();
    let answer = send(&app, request).await;
    assert_eq!(answer.status, StatusCode::NO_CONTENT);
    assert_eq!(get(&app, "/sandbox/_log").await.json(), json!([]));
    let details = call(&app, Method::GET, &details_path(&id), None).await;
    assert_eq!(details.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn each_app_has_its_own_state() {
    let first = test_app();
    let id = bought(&first, &seed_buy_body()).await;
    let second = test_app();
    let details = call(&second, Method::GET, &details_path(&id), None).await;
    assert_eq!(details.status, StatusCode::NOT_FOUND);
    // Each log holds only its own app's request.
    assert_eq!(
        get(&first, "/sandbox/_log").await.json()[0]["method"],
        "POST"
    );
    let second_log = get(&second, "/sandbox/_log").await.json();
    assert_eq!(second_log.as_array().unwrap().len(), 1);
    assert_eq!(second_log[0]["status"], 404);
}

#[tokio::test]
async fn cors_preflight_admits_any_origin_and_the_auth_headers() {
    let app = test_app();
    let request = Request::builder()
        .method(Method::OPTIONS)
        .uri(BUY)
        .header("origin", "https://shop.example.net")
        .header("access-control-request-method", "POST")
        .header(
            "access-control-request-headers",
            "content-type,x-auth-token,idempotency-key",
        )
        .body(Body::empty())
        .unwrap();
    let answer = send(&app, request).await;
    assert!(answer.status.is_success(), "{}", answer.status);
    assert_eq!(answer.header("access-control-allow-origin"), Some("*"));
    let allowed = answer
        .header("access-control-allow-headers")
        .unwrap()
        .to_ascii_lowercase();
    for header in ["x-auth-token", "idempotency-key", "content-type"] {
        assert!(allowed.contains(header), "{allowed}");
    }
    let log: Value = get(&app, "/sandbox/_log").await.json();
    assert_eq!(log[0]["method"], "OPTIONS");
}

#[tokio::test]
async fn cors_headers_come_with_errors_too() {
    let request = Request::get(details_path("scs1481110651012"))
        .header("origin", "https://shop.example.net")
        .body(Body::empty())
        .unwrap();
    let answer = send(&test_app(), request).await;
    assert_eq!(answer.status, StatusCode::UNAUTHORIZED);
    assert_eq!(answer.header("access-control-allow-origin"), Some("*"));
}
