//! `Market::request_ssl_certificates`: what it accepts, and one refusal per documented rule.

mod common;

use common::*;
use serde_json::{json, Value};

const FUNC: &str = "request_ssl_certificates";

/// Query parameters, and the words their refusal must contain.
type RefusalCase<'a> = (&'a [(&'a str, &'a str)], &'a [&'a str]);

/// The documented example `certificate`, byte for byte.
const SEED_CERTIFICATE: &str = r#"{"price":6,"product_id":"143","subject_names":[{"dNSName":"example.com"},{"dNSName":"example.org"}],"validity_period":["1, \"year\""],"vhost_names":["example.com"]}"#;

/// The documentation's certificate with the CSR added as the last key, the rest untouched.
fn seed_certificate_with_csr() -> String {
    let open = SEED_CERTIFICATE.strip_suffix('}').unwrap();
    format!("{open},\"csr\":{}}}", json!(CSR_EXAMPLE_COM_AND_ORG))
}

/// Orders `certificate` (plus the identity parameter for OV and EV) and returns the answer.
async fn order(certificate: &Value) -> Answer {
    let app = test_app();
    let text = certificate.to_string();
    let identity = cpanel_identity().to_string();
    let mut pairs = vec![("certificate", text.as_str())];
    if certificate["product_id"] != "143" {
        pairs.push(("identity_verification", identity.as_str()));
    }
    cpanel_order(&app, &pairs).await
}

/// Orders the valid certificate of `product_id` after `change`.
async fn order_changed(product_id: &str, change: impl FnOnce(&mut Value)) -> Answer {
    let mut certificate = cpanel_certificate(product_id);
    change(&mut certificate);
    order(&certificate).await
}

fn assert_ordered(answer: &Answer, items: usize) -> Value {
    let data = uapi_data(answer, FUNC);
    let order_id = data["order_id"].as_str().unwrap();
    assert!(is_eight_digits(order_id), "{data}");
    let ids = data["order_item_ids"].as_array().unwrap();
    assert_eq!(ids.len(), items, "{data}");
    let certificates = data["certificates"].as_array().unwrap();
    assert_eq!(certificates.len(), items, "{data}");
    for (id, certificate) in ids.iter().zip(certificates) {
        assert!(is_eight_digits(id.as_str().unwrap()), "{data}");
        assert_eq!(certificate["order_item_id"], *id, "{data}");
        assert!(certificate["key_id"].is_string(), "{data}");
    }
    assert_eq!(
        data["checkout_url"],
        format!("http://{CPANEL_HOST}/sandbox/cpanel/checkout/{order_id}")
    );
    data
}

fn is_eight_digits(id: &str) -> bool {
    id.len() == 8 && id.bytes().all(|b| b.is_ascii_digit())
}

fn wizard(name: &str, dcv_method: &str) -> Value {
    json!({"type": "dNSName", "name": name, "dcv_method": dcv_method})
}

fn remove(certificate: &mut Value, key: &str) {
    certificate.as_object_mut().unwrap().remove(key);
}

#[tokio::test]
async fn the_seed_example_certificate_is_accepted_with_a_csr_added() {
    let app = test_app();
    let certificate = seed_certificate_with_csr();
    assert!(certificate.starts_with(&SEED_CERTIFICATE[..SEED_CERTIFICATE.len() - 1]));
    let answer = cpanel_order(&app, &[("certificate", &certificate)]).await;
    let body = answer.json();
    assert_ordered(&answer, 1);
    assert_eq!(answer.header("content-type"), Some("application/json"));
    // The documentation's response sample: these keys, in this order.
    let keys: Vec<&String> = body["result"].as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        ["data", "errors", "messages", "metadata", "status", "warnings"]
    );
}

#[tokio::test]
async fn the_seed_command_line_price_as_a_string_is_accepted() {
    assert_ordered(&order_changed("143", |c| c["price"] = json!("6")).await, 1);
}

#[tokio::test]
async fn every_product_is_accepted_in_every_subject_name_encoding() {
    let encodings = [
        json!([{"dNSName": "example.com"}, {"dNSName": "example.org"}]),
        json!([["dNSName", "example.com"], ["dNSName", "example.org"]]),
        json!([wizard("example.com", "http"), wizard("example.org", "dns")]),
    ];
    for product_id in ["143", "144", "145"] {
        for names in &encodings {
            let answer = order_changed(product_id, |c| c["subject_names"] = names.clone()).await;
            assert_ordered(&answer, 1);
        }
    }
}

#[tokio::test]
async fn a_wildcard_validated_by_dns_is_priced_per_wildcard_name() {
    for (product_id, price) in [("143", 53), ("144", 190)] {
        let answer = order_changed(product_id, |c| {
            c["subject_names"] = json!([
                wizard("*.example.com", "dns"),
                wizard("example.com", "http")
            ]);
            c["price"] = json!(price);
            c["csr"] = json!(CSR_WILDCARD_EXAMPLE_COM);
        })
        .await;
        assert_ordered(&answer, 1);
    }
}

#[tokio::test]
async fn several_certificates_give_one_order_item_each() {
    let app = test_app();
    let dv = cpanel_certificate("143").to_string();
    let ov = cpanel_certificate("144").to_string();
    let identity = cpanel_identity().to_string();
    let repeated = cpanel_order(
        &app,
        &[
            ("certificate", &dv),
            ("certificate", &ov),
            ("identity_verification", &identity),
        ],
    )
    .await;
    let data = assert_ordered(&repeated, 2);
    assert_ne!(data["order_item_ids"][0], data["order_item_ids"][1]);
    let numbered = cpanel_order(
        &app,
        &[
            ("certificate-1", &dv),
            ("certificate-2", &dv),
            ("certificate-3", &dv),
        ],
    )
    .await;
    assert_ordered(&numbered, 3);
}

#[tokio::test]
async fn identity_inside_the_certificate_is_accepted_as_cpanels_wizard_sends_it() {
    let app = test_app();
    let mut certificate = cpanel_certificate("145");
    certificate["identity_verification"] = cpanel_identity();
    let answer = cpanel_order(&app, &[("certificate", &certificate.to_string())]).await;
    assert_ordered(&answer, 1);
}

#[tokio::test]
async fn optional_identity_fields_may_be_left_out() {
    let app = test_app();
    let mut identity = cpanel_identity();
    let map = identity.as_object_mut().unwrap();
    map.remove("duns_number");
    map.remove("organizationalUnitName");
    let certificate = cpanel_certificate("144").to_string();
    let answer = cpanel_order(
        &app,
        &[
            ("certificate", &certificate),
            ("identity_verification", &identity.to_string()),
        ],
    )
    .await;
    assert_ordered(&answer, 1);
}

#[tokio::test]
async fn url_after_checkout_without_a_query_is_accepted() {
    let app = test_app();
    let certificate = cpanel_certificate("143").to_string();
    let answer = cpanel_order(
        &app,
        &[
            ("certificate", &certificate),
            ("url_after_checkout", "http://checkout.example.com"),
        ],
    )
    .await;
    assert_ordered(&answer, 1);
}

#[tokio::test]
async fn the_checkout_url_is_relative_without_a_host_header() {
    let app = test_app();
    let certificate = cpanel_certificate("143").to_string();
    let path = format!(
        "{CPANEL_SESSION}/{FUNC}?{}",
        query(&[
            ("provider", "cPStore"),
            ("access_token", CPANEL_ACCESS_TOKEN),
            ("certificate", &certificate),
        ])
    );
    let data = uapi_data(&get(&app, &path).await, FUNC);
    let order_id = data["order_id"].as_str().unwrap();
    assert_eq!(
        data["checkout_url"],
        format!("/sandbox/cpanel/checkout/{order_id}")
    );
}

// The request's own parameters.

#[tokio::test]
async fn each_parameter_rule_is_refused_naming_the_parameter() {
    let certificate = cpanel_certificate("143").to_string();
    let cases: [RefusalCase; 11] = [
        (
            &[
                ("access_token", CPANEL_ACCESS_TOKEN),
                ("certificate", &certificate),
            ],
            &["provider", "required"],
        ),
        (
            &[
                ("provider", "GoGetSSL"),
                ("access_token", CPANEL_ACCESS_TOKEN),
                ("certificate", &certificate),
            ],
            &["provider", "GoGetSSL", "cPStore"],
        ),
        (
            &[
                ("provider", "cPStore"),
                ("provider", "cPStore"),
                ("access_token", CPANEL_ACCESS_TOKEN),
                ("certificate", &certificate),
            ],
            &["provider", "2 times"],
        ),
        (
            &[("provider", "cPStore"), ("certificate", &certificate)],
            &["access_token", "required"],
        ),
        (
            &[
                ("provider", "cPStore"),
                ("access_token", "secret-token"),
                ("certificate", &certificate),
            ],
            &["access_token", "UUID"],
        ),
        (
            &[
                ("provider", "cPStore"),
                ("access_token", "00000000-0000-0000-0000-000000000000"),
                ("certificate", &certificate),
            ],
            &["access_token", "expired"],
        ),
        (
            &[
                ("provider", "cPStore"),
                ("access_token", CPANEL_ACCESS_TOKEN),
            ],
            &["certificate", "required"],
        ),
        (
            &[
                ("provider", "cPStore"),
                ("access_token", CPANEL_ACCESS_TOKEN),
                ("certificate", "{price:6}"),
            ],
            &["certificate", "JSON"],
        ),
        (
            &[
                ("provider", "cPStore"),
                ("access_token", CPANEL_ACCESS_TOKEN),
                ("certificate", "[1]"),
            ],
            &["certificate", "JSON object"],
        ),
        (
            &[
                ("provider", "cPStore"),
                ("access_token", CPANEL_ACCESS_TOKEN),
                ("certificates", &certificate),
            ],
            &["certificates", "unknown parameter"],
        ),
        (
            &[
                ("provider", "cPStore"),
                ("access_token", CPANEL_ACCESS_TOKEN),
                ("certificate-1", &certificate),
                ("certificate-1", &certificate),
            ],
            &["certificate-1", "more than once"],
        ),
    ];
    let app = test_app();
    for (pairs, needles) in cases {
        let answer = uapi(&app, FUNC, pairs).await;
        assert_uapi_refused(&answer, FUNC, needles);
    }
}

#[tokio::test]
async fn url_after_checkout_with_a_query_string_is_refused() {
    let app = test_app();
    let certificate = cpanel_certificate("143").to_string();
    let url = "https://shop.example.com/done?step=3";
    let answer = cpanel_order(
        &app,
        &[("certificate", &certificate), ("url_after_checkout", url)],
    )
    .await;
    assert_uapi_refused(&answer, FUNC, &["url_after_checkout", url, "query string"]);
}

#[tokio::test]
async fn url_after_checkout_must_be_an_absolute_http_url() {
    let app = test_app();
    let certificate = cpanel_certificate("143").to_string();
    for url in ["/done", "javascript:alert(1)", "ftp://example.com/"] {
        let answer = cpanel_order(
            &app,
            &[("certificate", &certificate), ("url_after_checkout", url)],
        )
        .await;
        assert_uapi_refused(&answer, FUNC, &["url_after_checkout", "absolute"]);
    }
}

// The certificate object.

#[tokio::test]
async fn each_required_certificate_key_is_named_when_missing() {
    for key in [
        "product_id",
        "price",
        "subject_names",
        "validity_period",
        "vhost_names",
        "csr",
    ] {
        let answer = order_changed("143", |c| remove(c, key)).await;
        assert_uapi_refused(&answer, FUNC, &["certificate", "lacks", key]);
    }
}

#[tokio::test]
async fn an_unknown_certificate_key_is_refused() {
    let answer = order_changed("143", |c| c["dcv_method"] = json!("http")).await;
    assert_uapi_refused(&answer, FUNC, &["certificate", "unknown key “dcv_method”"]);
}

#[tokio::test]
async fn an_unknown_product_is_refused_with_the_products_sold() {
    let answer = order_changed("143", |c| c["product_id"] = json!("999")).await;
    assert_uapi_refused(&answer, FUNC, &["product_id", "“999”", "143, 144 and 145"]);
}

#[tokio::test]
async fn a_numeric_product_id_is_refused() {
    let answer = order_changed("143", |c| c["product_id"] = json!(143)).await;
    assert_uapi_refused(&answer, FUNC, &["product_id", "string"]);
}

#[tokio::test]
async fn a_validity_period_other_than_the_products_term_is_refused() {
    let answer = order_changed("143", |c| c["validity_period"] = json!([2, "year"])).await;
    assert_uapi_refused(
        &answer,
        FUNC,
        &["validity_period", "[1,\"year\"]", "[2,\"year\"]"],
    );
}

#[tokio::test]
async fn a_malformed_validity_period_is_refused() {
    let answer = order_changed("143", |c| c["validity_period"] = json!("1 year")).await;
    assert_uapi_refused(&answer, FUNC, &["validity_period", "must be"]);
}

#[tokio::test]
async fn a_wrong_price_is_refused_with_the_right_one() {
    let answer = order_changed("143", |c| c["price"] = json!(5)).await;
    assert_uapi_refused(&answer, FUNC, &["price", "$6.00", "2 name(s) at $3.00"]);
}

#[tokio::test]
async fn a_price_within_half_a_cent_is_accepted() {
    assert_ordered(
        &order_changed("143", |c| c["price"] = json!(6.004)).await,
        1,
    );
    let answer = order_changed("143", |c| c["price"] = json!(6.01)).await;
    assert_uapi_refused(&answer, FUNC, &["price", "$6.00"]);
}

#[tokio::test]
async fn a_price_that_is_not_a_number_is_refused() {
    let answer = order_changed("143", |c| c["price"] = json!("six")).await;
    assert_uapi_refused(&answer, FUNC, &["price", "number"]);
}

#[tokio::test]
async fn each_subject_name_rule_is_refused_naming_the_name() {
    let too_many: Vec<Value> = (0..101)
        .map(|i| json!({"dNSName": format!("site{i}.example.com")}))
        .collect();
    let cases: [(Value, &[&str]); 11] = [
        (json!([]), &["subject_names", "empty"]),
        (
            json!(too_many),
            &["subject_names", "101 names", "at most 100"],
        ),
        (
            json!([{"dNSName": "example.com"}, ["dNSName", "example.org"]]),
            &["subject_names[1]", "one encoding per certificate"],
        ),
        (
            json!([{"dNSName": "example.com"}, {"dNSName": "Example.COM"}]),
            &["subject_names[1]", "listed twice"],
        ),
        (
            json!([{"dNSName": "exa_mple.com"}, {"dNSName": "example.org"}]),
            &["subject_names[0]", "exa_mple.com", "not a valid host name"],
        ),
        (
            json!([{"dNSName": "*.example.com"}, {"dNSName": "example.org"}]),
            &[
                "subject_names[0]",
                "HTTP-based DCV",
                "\"dcv_method\":\"dns\"",
            ],
        ),
        (
            json!([
                wizard("*.example.com", "http"),
                wizard("example.org", "http")
            ]),
            &["subject_names[0]", "HTTP-based DCV", "wildcard"],
        ),
        (
            json!([
                wizard("example.com", "email"),
                wizard("example.org", "http")
            ]),
            &["subject_names[0]", "invalid “dcv_method”"],
        ),
        (
            json!([{"type": "dNSName", "name": "example.com"}]),
            &["subject_names[0]", "no “dcv_method”", "example.com"],
        ),
        (
            json!([["iPAddress", "192.0.2.1"]]),
            &["subject_names[0]", "type “iPAddress”"],
        ),
        (
            json!([
                wizard("*.example.com", "dns"),
                wizard("www.example.com", "http")
            ]),
            &["subject_names[1]", "redundant with “*.example.com”"],
        ),
    ];
    for (names, needles) in cases {
        let answer = order_changed("143", |c| c["subject_names"] = names.clone()).await;
        assert_uapi_refused(&answer, FUNC, needles);
    }
}

#[tokio::test]
async fn an_ev_certificate_never_holds_a_wildcard_name() {
    let answer = order_changed("145", |c| {
        c["subject_names"] = json!([
            wizard("*.example.com", "dns"),
            wizard("example.com", "http")
        ]);
    })
    .await;
    assert_uapi_refused(&answer, FUNC, &["subject_names[0]", "*.example.com", "EV"]);
}

#[tokio::test]
async fn each_vhost_names_rule_is_refused() {
    let cases: [(Value, &[&str]); 4] = [
        (json!([]), &["vhost_names", "empty"]),
        (json!("example.com"), &["vhost_names", "array"]),
        (
            json!(["example.com", ""]),
            &["vhost_names[1]", "non-empty string"],
        ),
        (
            json!(["example.net"]),
            &[
                "vhost_names[0]",
                "example.net",
                "matches none of the subject names",
            ],
        ),
    ];
    for (vhosts, needles) in cases {
        let answer = order_changed("143", |c| c["vhost_names"] = vhosts.clone()).await;
        assert_uapi_refused(&answer, FUNC, needles);
    }
}

#[tokio::test]
async fn vhost_names_may_be_a_wildcards_base_or_every_site() {
    let answer = order_changed("143", |c| {
        c["subject_names"] = json!([
            wizard("*.example.com", "dns"),
            wizard("example.com", "http")
        ]);
        c["price"] = json!(53);
        c["csr"] = json!(CSR_WILDCARD_EXAMPLE_COM);
        c["vhost_names"] = json!(["shop.example.com", "*"]);
    })
    .await;
    assert_ordered(&answer, 1);
}

#[tokio::test]
async fn a_csr_made_for_other_names_is_refused_naming_the_missing_one() {
    // That CSR is for www.example.com, which holds "example.com" but not "example.org".
    let answer = order_changed("143", |c| c["csr"] = json!(CSR_WWW_EXAMPLE_COM)).await;
    assert_uapi_refused(&answer, FUNC, &["csr", "does not match", "example.org"]);
}

#[tokio::test]
async fn a_private_key_in_place_of_the_csr_is_refused() {
    let key = "-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n";
    let answer = order_changed("143", |c| c["csr"] = json!(key)).await;
    assert_uapi_refused(&answer, FUNC, &["csr", "private key"]);
}

// identity_verification.

#[tokio::test]
async fn ov_and_ev_need_identity_verification() {
    let app = test_app();
    for product_id in ["144", "145"] {
        let certificate = cpanel_certificate(product_id).to_string();
        let answer = cpanel_order(&app, &[("certificate", &certificate)]).await;
        assert_uapi_refused(
            &answer,
            FUNC,
            &["identity_verification", product_id, "countryName"],
        );
    }
}

#[tokio::test]
async fn dv_refuses_identity_verification_as_a_parameter() {
    let app = test_app();
    let certificate = cpanel_certificate("143").to_string();
    let identity = cpanel_identity().to_string();
    let answer = cpanel_order(
        &app,
        &[
            ("certificate", &certificate),
            ("identity_verification", &identity),
        ],
    )
    .await;
    assert_uapi_refused(&answer, FUNC, &["identity_verification", "only DV", "143"]);
}

#[tokio::test]
async fn dv_refuses_identity_verification_inside_the_certificate() {
    let answer = order_changed("143", |c| c["identity_verification"] = cpanel_identity()).await;
    assert_uapi_refused(&answer, FUNC, &["certificate: identity_verification", "DV"]);
}

#[tokio::test]
async fn identity_verification_given_twice_is_refused() {
    let answer = order_changed("144", |c| c["identity_verification"] = cpanel_identity()).await;
    assert_uapi_refused(&answer, FUNC, &["identity_verification", "both", "once"]);
}

#[tokio::test]
async fn each_identity_rule_is_refused_naming_the_field() {
    let cases: [(&str, Option<Value>, &[&str]); 8] = [
        ("countryName", None, &["“countryName”"]),
        ("streetAddress", None, &["“streetAddress”"]),
        (
            "countryName",
            Some(json!("USA")),
            &["countryName", "ISO 3166-1"],
        ),
        (
            "duns_number",
            Some(json!("12-34")),
            &["duns_number", "DUNS"],
        ),
        (
            "rep_email_address",
            Some(json!("username.example.com")),
            &["rep_email_address", "email"],
        ),
        (
            "localityName",
            Some(json!(" City Name")),
            &["localityName", "leading or trailing"],
        ),
        (
            "postalCode",
            Some(json!(true)),
            &["postalCode", "whole number"],
        ),
        (
            "country",
            Some(json!("US")),
            &["does not recognize", "“country”"],
        ),
    ];
    let app = test_app();
    let certificate = cpanel_certificate("144").to_string();
    for (field, value, needles) in cases {
        let mut identity = cpanel_identity();
        let map = identity.as_object_mut().unwrap();
        match value {
            None => {
                map.remove(field);
            }
            Some(value) => {
                map.insert(field.to_string(), value);
            }
        }
        let answer = cpanel_order(
            &app,
            &[
                ("certificate", &certificate),
                ("identity_verification", &identity.to_string()),
            ],
        )
        .await;
        assert_uapi_refused(
            &answer,
            FUNC,
            &[&["identity_verification"], needles].concat(),
        );
    }
}

#[tokio::test]
async fn identity_verification_that_is_not_json_is_refused() {
    let app = test_app();
    let certificate = cpanel_certificate("144").to_string();
    let answer = cpanel_order(
        &app,
        &[
            ("certificate", &certificate),
            ("identity_verification", "countryName=US"),
        ],
    )
    .await;
    assert_uapi_refused(&answer, FUNC, &["identity_verification", "JSON"]);
}

#[tokio::test]
async fn the_failing_certificate_is_named_among_several() {
    let app = test_app();
    let good = cpanel_certificate("143").to_string();
    let mut bad = cpanel_certificate("143");
    bad["price"] = json!(1);
    let answer = cpanel_order(
        &app,
        &[
            ("certificate-1", &good),
            ("certificate-2", &bad.to_string()),
        ],
    )
    .await;
    assert_uapi_refused(
        &answer,
        FUNC,
        &["certificate-2: price", "certificate-2 as $6.00"],
    );
}
