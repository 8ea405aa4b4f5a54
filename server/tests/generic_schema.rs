//! The generic format's schema file, `public/schema/order-v1.schema.json`, against the
//! generic sandbox's hand-written validation: both must take the documented example, refuse
//! the same broken bodies, and describe the answers the sandbox gives.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::*;
use jsonschema::Validator;
use serde_json::{json, Value};

const SCHEMA: &str = include_str!("../../public/schema/order-v1.schema.json");
const EXAMPLE: &str = include_str!("fixtures/generic-order.json");
const ORDERS: &str = "/sandbox/generic/orders";

fn schema() -> Value {
    serde_json::from_str(SCHEMA).unwrap()
}

fn order_validator() -> Validator {
    jsonschema::draft202012::new(&schema()).unwrap()
}

/// A validator of one of the schema's `$defs`, such as `OrderAnswer`.
fn def_validator(name: &str) -> Validator {
    let mut schema = schema();
    let defs = schema["$defs"].take();
    let wrapper = json!({
        "$schema": schema["$schema"],
        "$id": schema["$id"],
        "$defs": defs,
        "$ref": format!("#/$defs/{name}"),
    });
    jsonschema::draft202012::new(&wrapper).unwrap()
}

fn example() -> Value {
    serde_json::from_str(EXAMPLE).unwrap()
}

/// The example with the value at `pointer` replaced, or removed when `value` is `None`.
fn changed(pointer: &str, value: Option<Value>) -> Value {
    let mut body = example();
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    let target = body.pointer_mut(parent).unwrap();
    match (target, value) {
        (Value::Object(map), Some(value)) => {
            map.insert(key.to_string(), value);
        }
        (Value::Object(map), None) => {
            map.remove(key);
        }
        (Value::Array(items), Some(value)) => items[key.parse::<usize>().unwrap()] = value,
        (other, _) => panic!("cannot change {pointer} in {other}"),
    }
    body
}

/// The example with several changes, applied in order.
fn changes(list: &[(&str, Value)]) -> Value {
    let mut body = example();
    for (pointer, value) in list {
        *body.pointer_mut(pointer).unwrap() = value.clone();
    }
    body
}

/// Posts `body` as an order with a fresh idempotency key.
async fn place(app: &axum::Router, body: &Value) -> Answer {
    let key = format!("key-{:016x}", next_key());
    let request = Request::post(ORDERS)
        .header("content-type", "application/json")
        .header("idempotency-key", key)
        .body(Body::from(body.to_string()))
        .unwrap();
    send(app, request).await
}

/// Keys differ between calls, so every call places a new order.
fn next_key() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

fn assert_valid(validator: &Validator, body: &Value) {
    let errors: Vec<String> = validator
        .iter_errors(body)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn the_schema_is_a_valid_2020_12_schema_with_the_agreed_id() {
    let schema = schema();
    jsonschema::meta::validate(&schema).unwrap();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert_eq!(schema["$id"], "ssl-order/order-v1");
    for name in ["OrderAnswer", "ErrorAnswer", "Instruction"] {
        assert!(schema["$defs"].get(name).is_some(), "$defs/{name}");
    }
}

/// Walks every subschema: objects allow nothing undeclared, and every property says what it is.
fn check_subschema(at: &str, schema: &Value, problems: &mut Vec<String>) {
    let Value::Object(map) = schema else { return };
    if let Some(Value::Object(properties)) = map.get("properties") {
        if map.get("additionalProperties") != Some(&json!(false)) {
            problems.push(format!("{at} allows additional properties"));
        }
        for (name, property) in properties {
            if property
                .get("description")
                .and_then(Value::as_str)
                .is_none()
            {
                problems.push(format!("{at}/properties/{name} has no description"));
            }
        }
    }
    for (key, value) in map {
        match value {
            Value::Object(_) => check_subschema(&format!("{at}/{key}"), value, problems),
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    check_subschema(&format!("{at}/{key}/{i}"), item, problems);
                }
            }
            _ => {}
        }
    }
}

#[test]
fn every_object_is_closed_and_every_property_is_described() {
    let mut problems = Vec::new();
    check_subschema("#", &schema(), &mut problems);
    assert!(problems.is_empty(), "{problems:#?}");
}

#[tokio::test]
async fn the_documented_example_satisfies_the_schema_and_is_placed() {
    assert_valid(&order_validator(), &example());
    let answer = place(&test_app(), &example()).await;
    assert_eq!(answer.status, StatusCode::CREATED, "{}", answer.text());
}

#[tokio::test]
async fn variants_the_schema_allows_are_placed_too() {
    let dv_single = json!({
        "format": "ssl-order/1",
        "product": {"id": "positivessl", "provider": "gogetssl", "code": "45", "brand": "SECTIGO",
                    "level": "DV", "coverage": "single", "validity_months": 12},
        "names": [{"name": "www.example.com", "primary": true, "method": "http"}],
        "csr": CSR_WWW_EXAMPLE_COM,
        "contacts": null,
        "organisation": null,
        "agree_privacy": true
    });
    let mut dv_wildcard = dv_single.clone();
    dv_wildcard["product"]["coverage"] = json!("wildcard");
    dv_wildcard["names"] = json!([{"name": "*.example.com", "primary": true, "method": "email"}]);
    dv_wildcard["csr"] = json!(CSR_WILDCARD_EXAMPLE_COM);
    let mut idn = example();
    idn["names"].as_array_mut().unwrap().push(json!({
        "name": "xn--bcher-kva.example.org", "unicode": "bücher.example.org",
        "primary": false, "method": "dns"
    }));
    let variants = [
        ("DV single, no contacts, no organisation", dv_single),
        ("DV wildcard by email without an approver", dv_wildcard),
        ("an internationalised name with its unicode form", idn),
        (
            "no technical contact",
            changed("/contacts/technical", Some(Value::Null)),
        ),
        (
            "months as 12.0",
            changed("/product/validity_months", Some(json!(12.0))),
        ),
        (
            "a minimal organisation",
            changed(
                "/organisation",
                Some(json!({"name": "Example Ltd", "city": "Chengdu", "country": "CN"})),
            ),
        ),
        (
            "a wildcard name by DNS in a multi-domain OV order",
            changed(
                "/names/1",
                Some(json!({"name": "*.example.org", "primary": false, "method": "dns"})),
            ),
        ),
    ];
    let validator = order_validator();
    let app = test_app();
    for (what, body) in variants {
        assert!(validator.is_valid(&body), "schema refused {what}");
        let answer = place(&app, &body).await;
        assert_eq!(
            answer.status,
            StatusCode::CREATED,
            "{what}: {}",
            answer.text()
        );
    }
}

#[tokio::test]
async fn bodies_the_schema_refuses_the_sandbox_refuses_at_the_same_property() {
    let long_name = format!("{}.example.org", vec!["a".repeat(60); 4].join("."));
    let cases: Vec<(Value, &str, StatusCode, &str)> = vec![
        (
            changed("/format", None),
            "/format",
            StatusCode::UNPROCESSABLE_ENTITY,
            "missing_field",
        ),
        (
            changed("/format", Some(json!("ssl-order/2"))),
            "/format",
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_value",
        ),
        (
            changed("/colour", Some(json!("blue"))),
            "/colour",
            StatusCode::UNPROCESSABLE_ENTITY,
            "unknown_field",
        ),
        (
            changed("/product/level", Some(json!("XV"))),
            "/product/level",
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_value",
        ),
        (
            changed("/product/provider", Some(json!("digicert"))),
            "/product/provider",
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_value",
        ),
        (
            changed("/product/coverage", Some(json!("san"))),
            "/product/coverage",
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_value",
        ),
        (
            changed("/product/validity_months", Some(json!(0))),
            "/product/validity_months",
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_value",
        ),
        (
            changed("/product/validity_months", Some(json!(121))),
            "/product/validity_months",
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_value",
        ),
        (
            changed("/product/validity_months", Some(json!(12.5))),
            "/product/validity_months",
            StatusCode::UNPROCESSABLE_ENTITY,
            "wrong_type",
        ),
        (
            changed("/product/validity_months", Some(json!("12"))),
            "/product/validity_months",
            StatusCode::UNPROCESSABLE_ENTITY,
            "wrong_type",
        ),
        (
            changed("/product/id", Some(json!(""))),
            "/product/id",
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_value",
        ),
        (
            changed("/product/brand", Some(json!("   "))),
            "/product/brand",
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_value",
        ),
        (
            changed("/product/code", Some(json!("x".repeat(256)))),
            "/product/code",
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_value",
        ),
        (
            changed("/product/extra", Some(json!(1))),
            "/product/extra",
            StatusCode::UNPROCESSABLE_ENTITY,
            "unknown_field",
        ),
        (
            changed("/names", Some(json!([]))),
            "/names",
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_value",
        ),
        (
            changed("/names", Some(json!({"name": "shop.example.org"}))),
            "/names",
            StatusCode::UNPROCESSABLE_ENTITY,
            "wrong_type",
        ),
        (
            changed("/names/1", Some(json!("api.example.org"))),
            "/names/1",
            StatusCode::UNPROCESSABLE_ENTITY,
            "wrong_type",
        ),
        (
            changed("/names/1/name", Some(json!("api..example.org"))),
            "/names/1/name",
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_value",
        ),
        (
            changed("/names/1/name", Some(json!("api.example.org."))),
            "/names/1/name",
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_value",
        ),
        (
            changed("/names/1/name", Some(json!("bücher.example.org"))),
            "/names/1/name",
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_value",
        ),
        (
            changed("/names/1/name", Some(json!("*.*.example.org"))),
            "/names/1/name",
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_value",
        ),
        (
            changed("/names/1/name", Some(json!("a_b.example.org"))),
            "/names/1/name",
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_value",
        ),
        (
            changed("/names/1/name", Some(json!("-api.example.org"))),
            "/names/1/name",
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_value",
        ),
        (
            changed("/names/1/name", Some(json!("10.0.0.1"))),
            "/names/1/name",
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_value",
        ),
        (
            changed("/names/1/name", Some(json!("localhost"))),
            "/names/1/name",
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_value",
        ),
        (
            changed("/names/1/name", Some(json!(long_name))),
            "/names/1/name",
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_value",
        ),
        (
            changed(
                "/names/1/name",
                Some(json!(format!("{}.org", "a".repeat(64)))),
            ),
            "/names/1/name",
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_value",
        ),
        (
            changed("/names/1/unicode", Some(json!(""))),
            "/names/1/unicode",
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_value",
        ),
        (
            changed("/names/1/primary", Some(json!("no"))),
            "/names/1/primary",
            StatusCode::UNPROCESSABLE_ENTITY,
            "wrong_type",
        ),
        (
            changed("/names/1/primary", None),
            "/names/1/primary",
            StatusCode::UNPROCESSABLE_ENTITY,
            "missing_field",
        ),
        (
            changed("/names/1/method", Some(json!("ftp"))),
            "/names/1/method",
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_value",
        ),
        (
            changed("/names/1/method", Some(json!("DNS"))),
            "/names/1/method",
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_value",
        ),
        (
            changed("/names/2/approver", Some(json!("hostmaster"))),
            "/names/2/approver",
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_value",
        ),
        (
            changed("/names/2/approver", Some(Value::Null)),
            "/names/2/approver",
            StatusCode::UNPROCESSABLE_ENTITY,
            "wrong_type",
        ),
        (
            changed("/names/0/port", Some(json!(443))),
            "/names/0/port",
            StatusCode::UNPROCESSABLE_ENTITY,
            "unknown_field",
        ),
        (
            changed(
                "/csr",
                Some(json!(
                    "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"
                )),
            ),
            "/csr",
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_value",
        ),
        (
            changed("/csr", Some(json!(42))),
            "/csr",
            StatusCode::UNPROCESSABLE_ENTITY,
            "wrong_type",
        ),
        (
            changed("/contacts", Some(json!([]))),
            "/contacts",
            StatusCode::UNPROCESSABLE_ENTITY,
            "wrong_type",
        ),
        (
            changed("/contacts", None),
            "/contacts",
            StatusCode::UNPROCESSABLE_ENTITY,
            "missing_field",
        ),
        (
            changed("/contacts/technical", None),
            "/contacts/technical",
            StatusCode::UNPROCESSABLE_ENTITY,
            "missing_field",
        ),
        (
            changed("/contacts/applicant", Some(Value::Null)),
            "/contacts/applicant",
            StatusCode::UNPROCESSABLE_ENTITY,
            "wrong_type",
        ),
        (
            changed("/contacts/applicant/full_name", None),
            "/contacts/applicant/full_name",
            StatusCode::UNPROCESSABLE_ENTITY,
            "missing_field",
        ),
        (
            changed("/contacts/applicant/title", Some(Value::Null)),
            "/contacts/applicant/title",
            StatusCode::UNPROCESSABLE_ENTITY,
            "wrong_type",
        ),
        (
            changed("/contacts/applicant/email", Some(json!("jane.doe@example"))),
            "/contacts/applicant/email",
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_value",
        ),
        (
            changed(
                "/contacts/applicant/email",
                Some(json!("jane doe@example.org")),
            ),
            "/contacts/applicant/email",
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_value",
        ),
        (
            changed("/contacts/applicant/phone", Some(json!("1321-234-5678"))),
            "/contacts/applicant/phone",
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_value",
        ),
        (
            changed(
                "/contacts/applicant/phone",
                Some(json!("+86 132 1234 5678")),
            ),
            "/contacts/applicant/phone",
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_value",
        ),
        (
            changed("/contacts/technical/phone", Some(json!("+12345"))),
            "/contacts/technical/phone",
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_value",
        ),
        (
            changed("/contacts/technical/mobile", Some(json!("+8613512345679"))),
            "/contacts/technical/mobile",
            StatusCode::UNPROCESSABLE_ENTITY,
            "unknown_field",
        ),
        (
            changed("/contacts/technical/fax", Some(json!("fax me"))),
            "/contacts/technical/fax",
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_value",
        ),
        (
            changed("/organisation", None),
            "/organisation",
            StatusCode::UNPROCESSABLE_ENTITY,
            "missing_field",
        ),
        (
            changed("/organisation", Some(json!("Example Ltd"))),
            "/organisation",
            StatusCode::UNPROCESSABLE_ENTITY,
            "wrong_type",
        ),
        (
            changed("/organisation/city", None),
            "/organisation/city",
            StatusCode::UNPROCESSABLE_ENTITY,
            "missing_field",
        ),
        (
            changed("/organisation/country", Some(json!("cn"))),
            "/organisation/country",
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_value",
        ),
        (
            changed("/organisation/country", Some(json!("CHN"))),
            "/organisation/country",
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_value",
        ),
        (
            changed("/organisation/duns", Some(json!("12345678"))),
            "/organisation/duns",
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_value",
        ),
        (
            changed("/organisation/lei", Some(json!("5493001KJTIIGC8Y1R1X"))),
            "/organisation/lei",
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_value",
        ),
        (
            changed("/organisation/lei", Some(json!("5493001kjtiigc8y1r12"))),
            "/organisation/lei",
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_value",
        ),
        (
            changed("/organisation/unit", Some(json!(""))),
            "/organisation/unit",
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_value",
        ),
        (
            changed("/agree_privacy", Some(json!(false))),
            "/agree_privacy",
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_value",
        ),
        (
            changed("/agree_privacy", Some(json!("true"))),
            "/agree_privacy",
            StatusCode::UNPROCESSABLE_ENTITY,
            "wrong_type",
        ),
    ];
    let validator = order_validator();
    let app = test_app();
    for (body, field, status, code) in cases {
        assert!(
            !validator.is_valid(&body),
            "the schema took a body broken at {field}"
        );
        let answer = place(&app, &body).await;
        let error = answer.json();
        assert_eq!(answer.status, status, "{field}: {error}");
        assert_eq!(error["error"]["code"], code, "{field}: {error}");
        assert_eq!(error["error"]["field"], field, "{error}");
        let message = error["error"]["message"].as_str().unwrap();
        assert!(message.contains(field), "{message:?} does not name {field}");
    }
}

#[tokio::test]
async fn more_than_a_thousand_names_are_refused_by_both() {
    let names: Vec<Value> = (0..1001)
        .map(|i| json!({"name": format!("n{i}.example.org"), "primary": i == 0, "method": "dns"}))
        .collect();
    let body = changed("/names", Some(Value::Array(names)));
    assert!(!order_validator().is_valid(&body));
    let answer = place(&test_app(), &body).await;
    assert_eq!(answer.json()["error"]["field"], "/names");
    assert!(answer.text().contains("1001"), "{}", answer.text());
}

#[tokio::test]
async fn bodies_that_are_not_json_objects_are_400_malformed_json() {
    let app = test_app();
    for body in ["{\"format\":", "[]", "null", ""] {
        let request = Request::post(ORDERS)
            .header("content-type", "application/json")
            .header("idempotency-key", "0b6f1c1e-6a47-4b1e-9f1c-3f7d1d2a9e10")
            .body(Body::from(body))
            .unwrap();
        let answer = send(&app, request).await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{body:?}");
        assert_eq!(answer.json()["error"]["code"], "malformed_json", "{body:?}");
    }
}

#[tokio::test]
async fn bodies_that_satisfy_the_schema_but_break_a_rule_are_refused_by_the_sandbox() {
    let ev_wildcard = changes(&[
        ("/product/level", json!("EV")),
        (
            "/names/1",
            json!({"name": "*.example.org", "primary": false, "method": "dns"}),
        ),
    ]);
    let cases: Vec<(&str, Value, &str, &str)> = vec![
        ("the first name is not the primary", changed("/names/0/primary", Some(json!(false))), "/names/0/primary", "primary"),
        ("a second primary", changed("/names/1/primary", Some(json!(true))), "/names/1/primary", "only the first"),
        ("the same name twice, in other case", changed("/names/1/name", Some(json!("SHOP.example.org"))), "/names/1/name", "already listed at /names/0"),
        (
            "a wildcard validated over http",
            changed("/names/1", Some(json!({"name": "*.example.org", "primary": false, "method": "http"}))),
            "/names/1/method",
            "wildcard",
        ),
        (
            "a wildcard validated over https",
            changed("/names/1", Some(json!({"name": "*.example.org", "primary": false, "method": "https"}))),
            "/names/1/method",
            "wildcard",
        ),
        ("an approver with dns", changed("/names/0/approver", Some(json!("hostmaster@example.org"))), "/names/0/approver", "only allowed with method email"),
        ("unicode for an ASCII name", changed("/names/1/unicode", Some(json!("api.example.org"))), "/names/1/unicode", "xn--"),
        ("three names for a single certificate", changed("/product/coverage", Some(json!("single"))), "/names", "exactly one name"),
        (
            "an exact name for a wildcard certificate",
            changes(&[
                ("/product/coverage", json!("wildcard")),
                ("/names", json!([{"name": "shop.example.org", "primary": true, "method": "dns"}])),
            ]),
            "/names/0/name",
            "*.",
        ),
        ("a wildcard in an EV order", ev_wildcard, "/names/1/name", "EV"),
        ("an OV order without an organisation", changed("/organisation", Some(Value::Null)), "/organisation", "OV and EV"),
        ("a CSR made for another name", changed("/names/0/name", Some(json!("shop.example.net"))), "/csr", "does not match"),
        (
            "a CSR whose base64 does not decode",
            changed("/csr", Some(json!("-----BEGIN CERTIFICATE REQUEST-----\nnot base64!\n-----END CERTIFICATE REQUEST-----\n"))),
            "/csr",
            "base64",
        ),
    ];
    let validator = order_validator();
    let app = test_app();
    for (what, body, field, needle) in cases {
        assert!(validator.is_valid(&body), "the schema refused {what}");
        let answer = place(&app, &body).await;
        let error = answer.json();
        assert_eq!(
            answer.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{what}: {error}"
        );
        assert_eq!(error["error"]["code"], "invalid_value", "{what}: {error}");
        assert_eq!(error["error"]["field"], field, "{what}: {error}");
        let message = error["error"]["message"].as_str().unwrap();
        assert!(
            message.contains(needle),
            "{what}: {message:?} lacks {needle:?}"
        );
    }
}

#[tokio::test]
async fn the_sandbox_answers_are_described_by_the_schema() {
    let app = test_app();
    let orders = def_validator("OrderAnswer");
    let errors = def_validator("ErrorAnswer");
    let placed = place(&app, &example()).await;
    assert_eq!(placed.status, StatusCode::CREATED);
    assert_valid(&orders, &placed.json());
    let id = placed.json()["order_id"].as_str().unwrap().to_string();
    let status = get(&app, &format!("{ORDERS}/{id}")).await;
    assert_valid(&orders, &status.json());

    let mut wildcard = changed(
        "/names/1",
        Some(json!({"name": "*.example.org", "primary": false, "method": "dns"})),
    );
    wildcard["names"][2]["method"] = json!("https");
    wildcard["names"][2]
        .as_object_mut()
        .unwrap()
        .remove("approver");
    let every_kind = place(&app, &wildcard).await;
    assert_eq!(
        every_kind.status,
        StatusCode::CREATED,
        "{}",
        every_kind.text()
    );
    assert_valid(&orders, &every_kind.json());

    let refused = [
        place(&app, &changed("/format", None)).await,
        get(&app, &format!("{ORDERS}/ord_unknown")).await,
        get(&app, "/sandbox/generic/certificates").await,
    ];
    for answer in refused {
        assert!(answer.status.is_client_error(), "{}", answer.status);
        assert_valid(&errors, &answer.json());
    }
}
