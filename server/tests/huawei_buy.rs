//! `POST /sandbox/huawei/v3/scm/certificates/buy`: one test per documented rule.

mod common;

use axum::http::{Method, StatusCode};
use common::*;
use serde_json::{json, Value};

async fn buy_with(change: impl FnOnce(&mut Value)) -> Answer {
    let mut body = seed_buy_body();
    change(&mut body);
    post_json(&test_app(), BUY, &body).await
}

#[tokio::test]
async fn buy_accepts_the_seed_example_and_answers_in_its_shape() {
    let answer = post_json(&test_app(), BUY, &seed_buy_body()).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.text());
    let body = answer.json();
    let mut keys: Vec<&String> = body.as_object().unwrap().keys().collect();
    keys.sort();
    assert_eq!(keys, ["cert", "order_id"]);
    let order_id = body["order_id"].as_str().unwrap();
    assert_eq!(order_id.len(), 17, "{order_id}");
    assert!(order_id.starts_with("CS"));
    assert!(order_id[2..]
        .bytes()
        .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()));
    let certs = body["cert"].as_array().unwrap();
    assert_eq!(certs.len(), 1);
    let cert_id = certs[0]["cert_id"].as_str().unwrap();
    assert_eq!(cert_id.len(), 16, "{cert_id}");
    assert!(cert_id.starts_with("scs") && cert_id[3..].bytes().all(|b| b.is_ascii_digit()));
    assert_eq!(certs[0].as_object().unwrap().len(), 1);
}

#[tokio::test]
async fn buy_answers_one_paid_certificate_per_order_number() {
    let app = test_app();
    let mut body = seed_buy_body();
    body["order_number"] = json!(3);
    let answer = post_json(&app, BUY, &body).await.json();
    let ids: Vec<&str> = answer["cert"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["cert_id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), 3);
    for id in ids {
        let details = call(&app, Method::GET, &details_path(id), None)
            .await
            .json();
        assert_eq!(details["status"], "PAID");
        assert_eq!(details["order_id"], answer["order_id"]);
        assert_eq!(details["domain_count"], 5);
    }
}

#[tokio::test]
async fn buy_refuses_a_body_that_is_not_json() {
    let answer = call(
        &test_app(),
        Method::POST,
        BUY,
        Some("cert_brand=GLOBALSIGN"),
    )
    .await;
    assert_refused(
        &answer,
        StatusCode::BAD_REQUEST,
        "SCM.0400",
        &["not valid JSON"],
    );
}

#[tokio::test]
async fn buy_refuses_an_empty_body() {
    let answer = call(&test_app(), Method::POST, BUY, None).await;
    assert_refused(&answer, StatusCode::BAD_REQUEST, "SCM.0400", &["JSON"]);
}

#[tokio::test]
async fn buy_refuses_json_that_is_not_an_object() {
    let answer = call(&test_app(), Method::POST, BUY, Some("[1,2]")).await;
    assert_refused(&answer, StatusCode::BAD_REQUEST, "SCM.0400", &["object"]);
}

#[tokio::test]
async fn buy_refuses_an_unknown_field_and_names_it() {
    let answer = buy_with(|b| b["period"] = json!(12)).await;
    assert_refused(&answer, StatusCode::BAD_REQUEST, "SCM.1001", &["period"]);
}

#[tokio::test]
async fn buy_requires_every_mandatory_field() {
    for field in [
        "cert_brand",
        "cert_type",
        "domain_type",
        "effective_time",
        "domain_numbers",
        "order_number",
        "agree_privacy_protection",
    ] {
        let answer = buy_with(|b| {
            b.as_object_mut().unwrap().remove(field);
        })
        .await;
        assert_refused(&answer, StatusCode::BAD_REQUEST, "SCM.1003", &[field]);
    }
}

#[tokio::test]
async fn buy_treats_null_as_missing() {
    let answer = buy_with(|b| b["cert_type"] = Value::Null).await;
    assert_refused(&answer, StatusCode::BAD_REQUEST, "SCM.1003", &["cert_type"]);
}

#[tokio::test]
async fn buy_refuses_a_number_sent_as_a_string() {
    let answer = buy_with(|b| b["effective_time"] = json!("1")).await;
    assert_refused(
        &answer,
        StatusCode::BAD_REQUEST,
        "SCM.1002",
        &["effective_time", "integer"],
    );
}

#[tokio::test]
async fn buy_refuses_a_fractional_number() {
    let answer = buy_with(|b| b["domain_numbers"] = json!(5.0)).await;
    assert_refused(
        &answer,
        StatusCode::BAD_REQUEST,
        "SCM.1002",
        &["domain_numbers"],
    );
}

#[tokio::test]
async fn buy_refuses_a_boolean_sent_as_a_string() {
    let answer = buy_with(|b| b["agree_privacy_protection"] = json!("true")).await;
    assert_refused(
        &answer,
        StatusCode::BAD_REQUEST,
        "SCM.1002",
        &["agree_privacy_protection", "boolean"],
    );
}

#[tokio::test]
async fn buy_accepts_every_documented_brand() {
    for brand in [
        "GLOBALSIGN",
        "SYMANTEC",
        "GEOTRUST",
        "CFCA",
        "TRUSTASIA",
        "VTRUS",
    ] {
        let answer = buy_with(|b| b["cert_brand"] = json!(brand)).await;
        assert_eq!(answer.status, StatusCode::OK, "{brand}: {}", answer.text());
    }
}

#[tokio::test]
async fn buy_refuses_an_undocumented_brand() {
    let answer = buy_with(|b| b["cert_brand"] = json!("RAPIDSSL")).await;
    assert_invalid(&answer, "cert_brand", &["RAPIDSSL", "GLOBALSIGN"]);
}

#[tokio::test]
async fn buy_refuses_enum_values_in_lower_case() {
    let answer = buy_with(|b| b["cert_brand"] = json!("globalsign")).await;
    assert_invalid(&answer, "cert_brand", &[]);
}

#[tokio::test]
async fn buy_accepts_every_documented_cert_type() {
    for cert_type in [
        "DV_SSL_CERT",
        "DV_SSL_CERT_BASIC",
        "OV_SSL_CERT",
        "OV_SSL_CERT_PRO",
        "EV_SSL_CERT",
        "EV_SSL_CERT_PRO",
    ] {
        let answer = buy_with(|b| b["cert_type"] = json!(cert_type)).await;
        assert_eq!(
            answer.status,
            StatusCode::OK,
            "{cert_type}: {}",
            answer.text()
        );
    }
}

#[tokio::test]
async fn buy_refuses_an_undocumented_cert_type() {
    let answer = buy_with(|b| b["cert_type"] = json!("DV")).await;
    assert_invalid(&answer, "cert_type", &["DV_SSL_CERT"]);
}

#[tokio::test]
async fn buy_refuses_an_undocumented_domain_type() {
    let answer = buy_with(|b| b["domain_type"] = json!("WILDCARD_DOMAIN")).await;
    assert_invalid(&answer, "domain_type", &["MULTI_DOMAIN"]);
}

#[tokio::test]
async fn buy_refuses_effective_time_below_one_year() {
    let answer = buy_with(|b| b["effective_time"] = json!(0)).await;
    assert_invalid(&answer, "effective_time", &["1 to 5"]);
}

#[tokio::test]
async fn buy_refuses_effective_time_above_five_years() {
    let answer = buy_with(|b| b["effective_time"] = json!(6)).await;
    assert_invalid(&answer, "effective_time", &["1 to 5"]);
}

#[tokio::test]
async fn buy_refuses_effective_time_given_in_months() {
    let answer = buy_with(|b| b["effective_time"] = json!(12)).await;
    assert_invalid(&answer, "effective_time", &[]);
}

#[tokio::test]
async fn buy_refuses_single_domain_with_two_names() {
    let answer = post_json(
        &test_app(),
        BUY,
        &buy_body("DV_SSL_CERT", "SINGLE_DOMAIN", 2),
    )
    .await;
    assert_invalid(&answer, "domain_numbers", &["exactly 1", "SINGLE_DOMAIN"]);
}

#[tokio::test]
async fn buy_refuses_wildcard_with_two_names() {
    let answer = post_json(&test_app(), BUY, &buy_body("DV_SSL_CERT", "WILDCARD", 2)).await;
    assert_invalid(&answer, "domain_numbers", &["exactly 1", "WILDCARD"]);
}

#[tokio::test]
async fn buy_refuses_single_domain_with_zero_names() {
    let answer = post_json(
        &test_app(),
        BUY,
        &buy_body("DV_SSL_CERT", "SINGLE_DOMAIN", 0),
    )
    .await;
    assert_invalid(&answer, "domain_numbers", &["exactly 1"]);
}

#[tokio::test]
async fn buy_accepts_single_domain_and_wildcard_with_one_name() {
    for domain_type in ["SINGLE_DOMAIN", "WILDCARD"] {
        let answer = post_json(&test_app(), BUY, &buy_body("DV_SSL_CERT", domain_type, 1)).await;
        assert_eq!(
            answer.status,
            StatusCode::OK,
            "{domain_type}: {}",
            answer.text()
        );
    }
}

#[tokio::test]
async fn buy_refuses_multi_domain_with_one_name() {
    let answer = buy_with(|b| b["domain_numbers"] = json!(1)).await;
    assert_invalid(&answer, "domain_numbers", &["2 to 100", "MULTI_DOMAIN"]);
}

#[tokio::test]
async fn buy_refuses_multi_domain_with_more_than_100_names() {
    let answer = buy_with(|b| b["domain_numbers"] = json!(101)).await;
    assert_invalid(&answer, "domain_numbers", &["2 to 100"]);
}

#[tokio::test]
async fn buy_accepts_multi_domain_with_2_and_100_names() {
    for n in [2, 100] {
        let answer = buy_with(|b| b["domain_numbers"] = json!(n)).await;
        assert_eq!(answer.status, StatusCode::OK, "{n}: {}", answer.text());
    }
}

#[tokio::test]
async fn buy_refuses_order_number_zero() {
    let answer = buy_with(|b| b["order_number"] = json!(0)).await;
    assert_invalid(&answer, "order_number", &["1 to 100"]);
}

#[tokio::test]
async fn buy_refuses_order_number_above_100() {
    let answer = buy_with(|b| b["order_number"] = json!(101)).await;
    assert_invalid(&answer, "order_number", &["1 to 100"]);
}

#[tokio::test]
async fn buy_refuses_a_huge_order_number() {
    let answer = buy_with(|b| b["order_number"] = json!(u64::MAX)).await;
    assert_invalid(&answer, "order_number", &[]);
}

#[tokio::test]
async fn buy_refuses_agree_privacy_protection_false() {
    let answer = buy_with(|b| b["agree_privacy_protection"] = json!(false)).await;
    assert_invalid(&answer, "agree_privacy_protection", &["must be true"]);
}

#[tokio::test]
async fn buy_accepts_primary_domain_type_for_multi_domain() {
    for kind in ["SINGLE_DOMAIN", "WILDCARD_DOMAIN"] {
        let answer = buy_with(|b| b["primary_domain_type"] = json!(kind)).await;
        assert_eq!(answer.status, StatusCode::OK, "{kind}: {}", answer.text());
    }
}

#[tokio::test]
async fn buy_refuses_an_undocumented_primary_domain_type() {
    let answer = buy_with(|b| b["primary_domain_type"] = json!("WILDCARD")).await;
    assert_invalid(&answer, "primary_domain_type", &["WILDCARD_DOMAIN"]);
}

#[tokio::test]
async fn buy_refuses_primary_domain_type_without_multi_domain() {
    let mut body = buy_body("DV_SSL_CERT", "SINGLE_DOMAIN", 1);
    body["primary_domain_type"] = json!("SINGLE_DOMAIN");
    let answer = post_json(&test_app(), BUY, &body).await;
    assert_invalid(&answer, "primary_domain_type", &["MULTI_DOMAIN"]);
}

#[tokio::test]
async fn buy_refuses_extra_name_counts_without_multi_domain() {
    for field in ["single_domain_number", "wildcard_domain_number"] {
        let mut body = buy_body("DV_SSL_CERT", "WILDCARD", 1);
        body[field] = json!(0);
        let answer = post_json(&test_app(), BUY, &body).await;
        assert_invalid(&answer, field, &["MULTI_DOMAIN"]);
    }
}

#[tokio::test]
async fn buy_refuses_negative_extra_name_counts() {
    for field in ["single_domain_number", "wildcard_domain_number"] {
        let answer = buy_with(|b| b[field] = json!(-1)).await;
        assert_invalid(&answer, field, &["0 to 99"]);
    }
}

#[tokio::test]
async fn buy_accepts_extra_name_counts_for_multi_domain() {
    let answer = buy_with(|b| {
        b["single_domain_number"] = json!(2);
        b["wildcard_domain_number"] = json!(2);
    })
    .await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.text());
}

#[tokio::test]
async fn buy_refuses_ev_wildcard() {
    for ev in ["EV_SSL_CERT", "EV_SSL_CERT_PRO"] {
        let answer = post_json(&test_app(), BUY, &buy_body(ev, "WILDCARD", 1)).await;
        assert_invalid(&answer, "domain_type", &["EV", "WILDCARD"]);
    }
}

#[tokio::test]
async fn buy_refuses_ev_multi_domain_with_a_wildcard_primary() {
    let mut body = buy_body("EV_SSL_CERT", "MULTI_DOMAIN", 3);
    body["primary_domain_type"] = json!("WILDCARD_DOMAIN");
    let answer = post_json(&test_app(), BUY, &body).await;
    assert_invalid(&answer, "primary_domain_type", &["EV"]);
}

#[tokio::test]
async fn buy_refuses_ev_multi_domain_with_wildcard_names() {
    let mut body = buy_body("EV_SSL_CERT_PRO", "MULTI_DOMAIN", 3);
    body["wildcard_domain_number"] = json!(1);
    let answer = post_json(&test_app(), BUY, &body).await;
    assert_invalid(&answer, "wildcard_domain_number", &["EV"]);
}

#[tokio::test]
async fn buy_accepts_every_optional_field() {
    let answer = buy_with(|b| {
        b["primary_domain_type"] = json!("SINGLE_DOMAIN");
        b["single_domain_number"] = json!(3);
        b["wildcard_domain_number"] = json!(1);
        b["is_auto_pay"] = json!(true);
        b["enterprise_project_id"] = json!("0");
        b["order_id"] = json!("CS0000000000000001");
        b["tags"] = json!([{"key": "team", "value": "web"}]);
    })
    .await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.text());
}

#[tokio::test]
async fn buy_treats_null_optional_fields_as_absent() {
    let answer = buy_with(|b| {
        b["primary_domain_type"] = Value::Null;
        b["is_auto_pay"] = Value::Null;
        b["tags"] = Value::Null;
    })
    .await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.text());
}

#[tokio::test]
async fn buy_refuses_optional_fields_of_the_wrong_type() {
    for (field, value, expected) in [
        ("is_auto_pay", json!("yes"), "boolean"),
        ("enterprise_project_id", json!(0), "string"),
        ("order_id", json!(123), "string"),
        ("tags", json!({"team": "web"}), "array"),
        ("single_domain_number", json!("2"), "integer"),
    ] {
        let answer = buy_with(|b| b[field] = value).await;
        assert_refused(
            &answer,
            StatusCode::BAD_REQUEST,
            "SCM.1002",
            &[field, expected],
        );
    }
}
