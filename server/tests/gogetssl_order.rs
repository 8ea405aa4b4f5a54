//! `POST /sandbox/gogetssl/orders/add_ssl_order/`: what is accepted, and one test per rule.

mod common;

use axum::http::StatusCode;
use common::*;
use serde_json::{json, Value};

const ORDER: &str = "/orders/add_ssl_order/";

async fn order(form: &FormBody) -> Answer {
    post_form(&test_app(), &gogetssl_path(ORDER), &form.encode()).await
}

/// Orders `product_id` validated by `dcv_method` after `change`.
async fn order_with(
    product_id: u32,
    dcv_method: &str,
    change: impl FnOnce(&mut FormBody),
) -> Answer {
    let mut form = gogetssl_order(product_id, dcv_method);
    change(&mut form);
    order(&form).await
}

/// A DV PositiveSSL order for www.example.com by DNS, changed.
async fn dv_with(change: impl FnOnce(&mut FormBody)) -> Answer {
    let mut form = gogetssl_dv_order(45, "dns");
    change(&mut form);
    order(&form).await
}

/// A DV multi-domain order (shop, api and www.example.org) by DNS, changed.
async fn multi_with(change: impl FnOnce(&mut FormBody)) -> Answer {
    let mut form = gogetssl_dv_order(47, "dns");
    change(&mut form);
    order(&form).await
}

fn assert_placed(answer: &Answer) -> Value {
    let body = answer.json();
    assert_eq!(answer.status, StatusCode::OK, "{body}");
    assert_eq!(body["success"], true, "{body}");
    assert!(body.get("error").is_none(), "{body}");
    body
}

fn is_hex(text: &str, len: usize) -> bool {
    text.len() == len && text.bytes().all(|b| b.is_ascii_hexdigit())
}

/// The product table's methods and prices, as `server/src/sandbox/gogetssl/products.rs` fixes them.
const PRODUCTS: [(u32, &[&str], f64); 8] = [
    (45, &["email", "http", "https", "dns"], 8.0),
    (46, &["email", "dns"], 75.0),
    (47, &["email", "http", "https", "dns"], 25.0),
    (60, &["email", "http", "https", "dns"], 45.0),
    (61, &["email", "dns"], 160.0),
    (62, &["email", "http", "https", "dns"], 190.0),
    (70, &["email", "http", "https", "dns"], 95.0),
    (71, &["email", "http", "https", "dns"], 210.0),
];

#[tokio::test]
async fn every_product_is_accepted_with_every_method_it_offers() {
    let app = test_app();
    for (product_id, methods, price) in PRODUCTS {
        for method in methods {
            let form = gogetssl_order(product_id, method);
            let answer = post_form(&app, &gogetssl_path(ORDER), &form.encode()).await;
            let body = assert_placed(&answer);
            let case = format!("product {product_id} by {method}: {body}");
            assert!(
                body["order_id"].as_u64().is_some_and(|id| id >= 1_000_000),
                "{case}"
            );
            assert!(body["invoice_id"].as_u64().is_some(), "{case}");
            assert_eq!(body["order_status"], "processing", "{case}");
            assert_eq!(body["order_amount"], price, "{case}");
            assert_eq!(body["currency"], "EUR", "{case}");
            assert_eq!(body["tax"], "0.00", "{case}");
            assert_eq!(body["tax_rate"], "0%", "{case}");
            let approver = body["approver_method"].as_object().unwrap();
            let keys: Vec<&str> = approver.keys().map(String::as_str).collect();
            assert_eq!(keys, [*method], "{case}");
            if GOGETSSL_MULTI.contains(&product_id) {
                let sans = body["san"].as_array().unwrap();
                let names: Vec<&str> = sans
                    .iter()
                    .map(|s| s["san_name"].as_str().unwrap())
                    .collect();
                assert_eq!(names, ["api.example.org", "www.example.org"], "{case}");
                for san in sans {
                    assert_eq!(san["validation_method"], *method, "{case}");
                    assert_eq!(san["status"], "1", "{case}");
                    assert_eq!(san["status_description"], "processing", "{case}");
                    assert!(san["validation"].get(*method).is_some(), "{case}");
                }
            } else {
                assert!(body.get("san").is_none(), "{case}");
            }
        }
    }
}

#[tokio::test]
async fn the_answer_has_the_fields_of_the_seed_example() {
    let body = assert_placed(&order_with(45, "http", |_| {}).await);
    let mut keys: Vec<&String> = body.as_object().unwrap().keys().collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "approver_method",
            "currency",
            "invoice_id",
            "order_amount",
            "order_id",
            "order_status",
            "success",
            "tax",
            "tax_rate"
        ]
    );
}

#[tokio::test]
async fn http_validation_names_a_file_under_pki_validation_of_the_primary() {
    for scheme in ["http", "https"] {
        let body = assert_placed(&order_with(45, scheme, |_| {}).await);
        let file = &body["approver_method"][scheme];
        let filename = file["filename"].as_str().unwrap();
        let stem = filename.strip_suffix(".txt").unwrap();
        assert!(
            is_hex(stem, 32) && stem == stem.to_ascii_uppercase(),
            "{filename}"
        );
        assert_eq!(
            file["link"],
            format!("{scheme}://www.example.com/.well-known/pki-validation/{filename}")
        );
        let content = file["content"].as_str().unwrap();
        let lines: Vec<&str> = content.split("\r\n").collect();
        assert_eq!(lines.len(), 3, "{content:?}");
        assert!(is_hex(lines[0], 64) && lines[0] == lines[0].to_ascii_uppercase());
        assert_eq!(lines[1], "sectigo.com");
        assert!(lines[2].starts_with('t'), "{content:?}");
    }
}

#[tokio::test]
async fn dns_validation_is_a_sectigo_cname_for_the_base_of_a_wildcard() {
    let body = assert_placed(&order_with(46, "dns", |_| {}).await);
    let record = body["approver_method"]["dns"]["record"].as_str().unwrap();
    let fields: Vec<&str> = record.split(' ').collect();
    assert_eq!(fields.len(), 3, "{record}");
    let (label, zone) = fields[0].split_once('.').unwrap();
    assert!(
        label.starts_with('_') && is_hex(&label[1..], 32),
        "{record}"
    );
    assert_eq!(zone, "example.com.");
    assert_eq!(fields[1], "CNAME");
    let target: Vec<&str> = fields[2].split('.').collect();
    assert!(is_hex(target[0], 32) && is_hex(target[1], 32), "{record}");
    assert!(fields[2].ends_with(".sectigo.com."), "{record}");
}

#[tokio::test]
async fn email_validation_answers_the_chosen_approver() {
    let body = assert_placed(&order_with(61, "email", |_| {}).await);
    assert_eq!(
        body["approver_method"],
        json!({"email": "admin@example.com"})
    );
}

#[tokio::test]
async fn each_additional_name_is_validated_as_its_approver_emails_entry_says() {
    let body = assert_placed(
        &multi_with(|f| {
            f.set("dns_names", "api.example.org,www.example.org,example.org");
            f.set("approver_emails", "https,hostmaster@www.example.org,dns");
        })
        .await,
    );
    let methods: Vec<(&str, &str)> = body["san"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["san_name"].as_str().unwrap(),
                s["validation_method"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        methods,
        [
            ("api.example.org", "https"),
            ("www.example.org", "email"),
            ("example.org", "dns")
        ]
    );
    assert_eq!(
        body["san"][0]["validation"]["https"]["link"]
            .as_str()
            .unwrap()
            .split('/')
            .nth(2),
        Some("api.example.org")
    );
    assert_eq!(
        body["san"][1]["validation"],
        json!({"email": "hostmaster@www.example.org"})
    );
    assert!(body["san"][2]["validation"]["dns"]["record"]
        .as_str()
        .unwrap()
        .contains(".example.org. CNAME "));
}

#[tokio::test]
async fn a_dv_order_needs_no_organisation_fields() {
    for product_id in [45, 46, 47] {
        assert_placed(&order(&gogetssl_dv_order(product_id, "dns")).await);
    }
}

#[tokio::test]
async fn unknown_fields_are_ignored() {
    let answer = dv_with(|f| {
        f.set("partner_order_id", "A-1001");
        f.set("foo", "bar");
    })
    .await;
    assert_placed(&answer);
}

#[tokio::test]
async fn test_y_validates_and_answers_only_the_amount() {
    let app = test_app();
    let form = gogetssl_order(60, "dns");
    let in_query = format!("{}&test=Y", gogetssl_path(ORDER));
    let mut in_body = form.clone();
    in_body.set("test", "Y");
    for (path, body) in [
        (in_query, form.encode()),
        (gogetssl_path(ORDER), in_body.encode()),
    ] {
        let answer = post_form(&app, &path, &body).await;
        assert_eq!(answer.status, StatusCode::OK);
        assert_eq!(
            answer.json(),
            json!({"success": true, "test": true, "order_amount": 45.0, "currency": "EUR"})
        );
    }
}

#[tokio::test]
async fn test_y_still_refuses_an_invalid_order() {
    let app = test_app();
    let mut form = gogetssl_order(60, "dns");
    form.remove("org_region");
    let path = format!("{}&test=Y", gogetssl_path(ORDER));
    let answer = post_form(&app, &path, &form.encode()).await;
    assert_gogetssl_missing(&answer, "org_region");
}

#[tokio::test]
async fn test_must_be_y_or_n() {
    for value in ["1", "yes", "true"] {
        let answer = dv_with(|f| {
            f.set("test", value);
        })
        .await;
        assert_gogetssl_invalid(&answer, "test", &["Y"]);
    }
    assert_placed(
        &dv_with(|f| {
            f.set("test", "N");
        })
        .await,
    );
}

#[tokio::test]
async fn the_body_must_be_form_encoded() {
    let form = gogetssl_dv_order(45, "dns");
    let request = axum::http::Request::post(gogetssl_path(ORDER))
        .header("content-type", "application/json")
        .body(axum::body::Body::from(form.encode()))
        .unwrap();
    let answer = send(&test_app(), request).await;
    assert_gogetssl_error(
        &answer,
        StatusCode::OK,
        "Unsupported content type",
        &[
            "Content-Type",
            "application/x-www-form-urlencoded",
            "application/json",
        ],
    );
}

#[tokio::test]
async fn a_blank_required_field_counts_as_missing() {
    let answer = dv_with(|f| {
        f.set("admin_firstname", "   ");
    })
    .await;
    assert_gogetssl_missing(&answer, "admin_firstname");
}

#[tokio::test]
async fn product_id_is_required() {
    assert_gogetssl_missing(
        &dv_with(|f| {
            f.remove("product_id");
        })
        .await,
        "product_id",
    );
}

#[tokio::test]
async fn product_id_must_be_a_listed_product() {
    for (value, needle) in [
        ("44", "no product 44"),
        ("-1", "no product -1"),
        ("ssl", "whole number"),
    ] {
        let answer = dv_with(|f| {
            f.set("product_id", value);
        })
        .await;
        assert_gogetssl_invalid(&answer, "product_id", &[needle]);
    }
}

#[tokio::test]
async fn period_is_required() {
    assert_gogetssl_missing(
        &dv_with(|f| {
            f.remove("period");
        })
        .await,
        "period",
    );
}

#[tokio::test]
async fn period_must_be_one_the_product_is_sold_for() {
    for (value, needle) in [("24", "got 24"), ("1", "got 1"), ("twelve", "whole number")] {
        let answer = dv_with(|f| {
            f.set("period", value);
        })
        .await;
        assert_gogetssl_invalid(&answer, "period", &[needle]);
    }
}

#[tokio::test]
async fn csr_is_required() {
    assert_gogetssl_missing(
        &dv_with(|f| {
            f.remove("csr");
        })
        .await,
        "csr",
    );
}

#[tokio::test]
async fn csr_may_have_at_most_4000_characters() {
    let long = format!(
        "{CSR_WWW_EXAMPLE_COM}{}",
        " ".repeat(4001 - CSR_WWW_EXAMPLE_COM.len())
    );
    let answer = dv_with(|f| {
        f.set("csr", &long);
    })
    .await;
    assert_gogetssl_invalid(&answer, "csr", &["at most 4000", "4001"]);
}

#[tokio::test]
async fn a_4096_bit_csr_well_under_the_limit_is_accepted() {
    let csr = include_str!("fixtures/rsa4096-full-subject.csr");
    assert_placed(
        &dv_with(|f| {
            f.set("csr", csr);
        })
        .await,
    );
}

#[tokio::test]
async fn csr_must_be_a_pem_certificate_request() {
    let key = CSR_WWW_EXAMPLE_COM.replace("CERTIFICATE REQUEST", "PRIVATE KEY");
    for (value, needle) in [("www.example.com", "PEM"), (key.as_str(), "private key")] {
        let answer = dv_with(|f| {
            f.set("csr", value);
        })
        .await;
        assert_gogetssl_invalid(&answer, "csr", &[needle]);
    }
}

#[tokio::test]
async fn csr_must_have_a_common_name_since_it_is_the_primary_domain() {
    let csr = include_str!("fixtures/no-common-name.csr");
    let answer = dv_with(|f| {
        f.set("csr", csr);
    })
    .await;
    assert_gogetssl_invalid(&answer, "csr", &["no Common Name", "primary domain"]);
}

#[tokio::test]
async fn a_wildcard_product_needs_an_asterisk_in_the_common_name() {
    for product_id in GOGETSSL_WILDCARD {
        let answer = order_with(product_id, "dns", |f| {
            f.set("csr", CSR_WWW_EXAMPLE_COM);
        })
        .await;
        assert_gogetssl_error(
            &answer,
            StatusCode::OK,
            "115",
            &[
                "csr",
                "asterisk",
                "www.example.com",
                &format!("product {product_id}"),
            ],
        );
    }
}

#[tokio::test]
async fn a_product_without_wildcards_refuses_an_asterisk_in_the_common_name() {
    for product_id in [45, 47, 60, 70, 71] {
        let answer = order_with(product_id, "dns", |f| {
            f.set("csr", CSR_WILDCARD_EXAMPLE_COM);
        })
        .await;
        assert_gogetssl_error(
            &answer,
            StatusCode::OK,
            "115",
            &[
                "csr",
                "asterisk",
                "*.example.com",
                "takes no wildcard names",
            ],
        );
    }
}

#[tokio::test]
async fn a_multi_domain_product_with_wildcard_sans_takes_a_wildcard_primary() {
    let answer = order_with(62, "dns", |f| {
        f.set("csr", CSR_WILDCARD_EXAMPLE_COM);
        f.set("dns_names", "example.com,*.example.org");
        f.set("approver_emails", "dns,admin@example.org");
    })
    .await;
    let body = assert_placed(&answer);
    assert_eq!(body["san"][1]["san_name"], "*.example.org");
}

#[tokio::test]
async fn server_count_is_required() {
    assert_gogetssl_missing(
        &dv_with(|f| {
            f.remove("server_count");
        })
        .await,
        "server_count",
    );
}

#[tokio::test]
async fn server_count_is_minus_one_or_at_least_one() {
    for value in ["-1", "1", "25"] {
        assert_placed(
            &dv_with(|f| {
                f.set("server_count", value);
            })
            .await,
        );
    }
    for (value, needle) in [("0", "got 0"), ("-2", "got -2"), ("many", "whole number")] {
        let answer = dv_with(|f| {
            f.set("server_count", value);
        })
        .await;
        assert_gogetssl_invalid(&answer, "server_count", &[needle]);
    }
}

#[tokio::test]
async fn webserver_type_is_required() {
    assert_gogetssl_missing(
        &dv_with(|f| {
            f.remove("webserver_type");
        })
        .await,
        "webserver_type",
    );
}

#[tokio::test]
async fn webserver_type_must_be_listed_by_tools_webservers() {
    assert_placed(
        &dv_with(|f| {
            f.set("webserver_type", "1");
        })
        .await,
    );
    for (value, needle) in [
        ("0", "type 0"),
        ("19", "type 19"),
        ("apache", "whole number"),
    ] {
        let answer = dv_with(|f| {
            f.set("webserver_type", value);
        })
        .await;
        assert_gogetssl_invalid(&answer, "webserver_type", &[needle]);
    }
}

#[tokio::test]
async fn dcv_method_is_required() {
    assert_gogetssl_missing(
        &dv_with(|f| {
            f.remove("dcv_method");
        })
        .await,
        "dcv_method",
    );
}

#[tokio::test]
async fn dcv_method_must_be_email_http_https_or_dns() {
    for value in ["DNS", "file", "cname", "http-01"] {
        let answer = dv_with(|f| {
            f.set("dcv_method", value);
        })
        .await;
        assert_gogetssl_invalid(&answer, "dcv_method", &["email, http, https or dns", value]);
    }
}

#[tokio::test]
async fn dcv_method_cannot_be_a_file_for_a_wildcard_common_name() {
    for (product_id, method) in [(46, "http"), (61, "https"), (62, "http")] {
        let answer = order_with(product_id, "dns", |f| {
            f.set("csr", CSR_WILDCARD_EXAMPLE_COM);
            f.set("dcv_method", method);
            if product_id == 62 {
                f.set("dns_names", "example.com");
                f.set("approver_emails", "dns");
            }
        })
        .await;
        assert_gogetssl_invalid(
            &answer,
            "dcv_method",
            &[method, "wildcard", "*.example.com"],
        );
    }
}

#[tokio::test]
async fn approver_email_is_required_for_email_validation() {
    let answer = order_with(45, "email", |f| {
        f.remove("approver_email");
    })
    .await;
    assert_gogetssl_error(
        &answer,
        StatusCode::OK,
        "Missing required parameter",
        &["approver_email", "dcv_method is email"],
    );
}

#[tokio::test]
async fn approver_email_must_be_a_constructed_address_of_the_primary() {
    for email in [
        "info@example.com",
        "admin@example.net",
        "admin@com",
        "admin@shop.www.example.com",
        "anna.schmidt@example.com",
    ] {
        let answer = order_with(45, "email", |f| {
            f.set("approver_email", email);
        })
        .await;
        assert_gogetssl_invalid(&answer, "approver_email", &[email, "admin@www.example.com"]);
    }
    for email in ["postmaster@www.example.com", "Hostmaster@Example.com"] {
        assert_placed(
            &order_with(45, "email", |f| {
                f.set("approver_email", email);
            })
            .await,
        );
    }
}

#[tokio::test]
async fn approver_email_is_refused_with_another_dcv_method() {
    let answer = dv_with(|f| {
        f.set("approver_email", "admin@example.com");
    })
    .await;
    assert_gogetssl_invalid(
        &answer,
        "approver_email",
        &["only when dcv_method is email", "dns"],
    );
}

#[tokio::test]
async fn dns_names_are_refused_for_a_product_that_is_not_multi_domain() {
    for product_id in [45, 46, 60, 61, 70] {
        let answer = order_with(product_id, "dns", |f| {
            f.set("dns_names", "mail.example.com");
            f.set("approver_emails", "dns");
        })
        .await;
        assert_gogetssl_invalid(
            &answer,
            "dns_names",
            &["not a multi-domain", &product_id.to_string()],
        );
    }
}

#[tokio::test]
async fn approver_emails_are_refused_without_dns_names() {
    let answer = dv_with(|f| {
        f.set("approver_emails", "dns");
    })
    .await;
    assert_gogetssl_invalid(&answer, "approver_emails", &["only with dns_names"]);
}

#[tokio::test]
async fn dns_names_are_required_for_a_multi_domain_product() {
    for product_id in GOGETSSL_MULTI {
        let answer = order_with(product_id, "dns", |f| {
            f.remove("dns_names").remove("approver_emails");
        })
        .await;
        assert_gogetssl_error(
            &answer,
            StatusCode::OK,
            "Missing required parameter",
            &["dns_names", "multi-domain"],
        );
    }
}

#[tokio::test]
async fn dns_names_never_contain_the_primary_domain() {
    let answer = multi_with(|f| {
        f.set("dns_names", "api.example.org,Shop.Example.org");
        f.set("approver_emails", "dns,dns");
    })
    .await;
    assert_gogetssl_invalid(
        &answer,
        "dns_names",
        &["Shop.Example.org", "primary domain"],
    );
}

#[tokio::test]
async fn dns_names_hold_each_name_once() {
    let answer = multi_with(|f| {
        f.set(
            "dns_names",
            "api.example.org,www.example.org,API.example.org",
        );
        f.set("approver_emails", "dns,dns,dns");
    })
    .await;
    assert_gogetssl_invalid(&answer, "dns_names", &["API.example.org", "twice"]);
}

#[tokio::test]
async fn dns_names_have_no_empty_entries() {
    for list in [
        "api.example.org,",
        ",api.example.org",
        "api.example.org,,www.example.org",
    ] {
        let answer = multi_with(|f| {
            f.set("dns_names", list);
        })
        .await;
        assert_gogetssl_invalid(&answer, "dns_names", &["empty name"]);
    }
}

#[tokio::test]
async fn dns_names_must_be_host_names() {
    for name in [
        "api_1.example.org",
        "localhost",
        "api.example.org.",
        "10.0.0.1",
        "b\u{fc}cher.example.org",
    ] {
        let answer = multi_with(|f| {
            f.set("dns_names", name);
            f.set("approver_emails", "dns");
        })
        .await;
        assert_gogetssl_invalid(&answer, "dns_names", &["not a valid host name"]);
    }
}

#[tokio::test]
async fn dns_names_take_wildcards_only_when_the_product_allows_wildcard_sans() {
    for product_id in [47, 71] {
        let answer = order_with(product_id, "dns", |f| {
            f.set("dns_names", "*.example.org");
            f.set("approver_emails", "dns");
        })
        .await;
        assert_gogetssl_invalid(
            &answer,
            "dns_names",
            &["*.example.org", "no wildcard names"],
        );
    }
    let answer = order_with(62, "dns", |f| {
        f.set("dns_names", "*.example.org");
        f.set("approver_emails", "dns");
    })
    .await;
    assert_placed(&answer);
}

#[tokio::test]
async fn dns_names_and_the_primary_fit_within_the_product_maximum() {
    let names = |count: usize| -> (String, String) {
        let names: Vec<String> = (0..count).map(|i| format!("n{i}.example.org")).collect();
        (names.join(","), vec!["dns"; count].join(","))
    };
    let (at_limit, methods) = names(249);
    assert_placed(
        &multi_with(|f| {
            f.set("dns_names", &at_limit);
            f.set("approver_emails", &methods);
        })
        .await,
    );
    let (over, methods) = names(250);
    let answer = multi_with(|f| {
        f.set("dns_names", &over);
        f.set("approver_emails", &methods);
    })
    .await;
    assert_gogetssl_invalid(&answer, "dns_names", &["251 names", "at most 250"]);
}

#[tokio::test]
async fn approver_emails_are_required_with_dns_names() {
    let answer = multi_with(|f| {
        f.remove("approver_emails");
    })
    .await;
    assert_gogetssl_error(
        &answer,
        StatusCode::OK,
        "Missing required parameter",
        &["approver_emails", "one entry", "per name"],
    );
}

#[tokio::test]
async fn approver_emails_have_exactly_one_entry_per_dns_name() {
    for (entries, needle) in [
        ("dns", "1 entries for 2"),
        ("dns,dns,dns", "3 entries for 2"),
    ] {
        let answer = multi_with(|f| {
            f.set("approver_emails", entries);
        })
        .await;
        assert_gogetssl_invalid(
            &answer,
            "approver_emails",
            &[needle, "exactly one per name"],
        );
    }
}

#[tokio::test]
async fn approver_emails_entries_are_approvers_of_their_own_name() {
    for entries in [
        // Right addresses, wrong order: www's approver is not api's.
        "admin@www.example.org,admin@api.example.org",
        "info@example.org,dns",
        "dns,admin@example.com",
        "dns,DNS",
        "dns,",
    ] {
        let answer = multi_with(|f| {
            f.set("approver_emails", entries);
        })
        .await;
        assert_gogetssl_invalid(&answer, "approver_emails", &[]);
    }
    assert_placed(
        &multi_with(|f| {
            f.set("approver_emails", "admin@example.org,http");
        })
        .await,
    );
}

#[tokio::test]
async fn approver_emails_cannot_choose_a_file_for_a_wildcard_name() {
    let answer = order_with(62, "dns", |f| {
        f.set("dns_names", "api.example.org,*.example.org");
        f.set("approver_emails", "http,https");
    })
    .await;
    assert_gogetssl_invalid(
        &answer,
        "approver_emails",
        &["https", "wildcard", "*.example.org"],
    );
}

const ALWAYS_REQUIRED: [&str; 10] = [
    "admin_firstname",
    "admin_lastname",
    "admin_phone",
    "admin_title",
    "admin_email",
    "tech_firstname",
    "tech_lastname",
    "tech_phone",
    "tech_title",
    "tech_email",
];

const OV_AND_EV_REQUIRED: [&str; 11] = [
    "admin_organization",
    "admin_addressline1",
    "tech_city",
    "tech_country",
    "org_name",
    "org_division",
    "org_addressline1",
    "org_city",
    "org_country",
    "org_phone",
    "org_postalcode",
];

/// Required for OV by the provider's documentation, but not for EV.
const OV_ONLY_REQUIRED: [&str; 5] = [
    "admin_city",
    "admin_country",
    "admin_fax",
    "tech_organization",
    "org_region",
];

#[tokio::test]
async fn every_order_needs_the_admin_and_tech_contacts() {
    for product_id in [45, 60, 70] {
        for field in ALWAYS_REQUIRED {
            let answer = order_with(product_id, "dns", |f| {
                f.remove(field);
            })
            .await;
            assert_gogetssl_missing(&answer, field);
        }
    }
}

#[tokio::test]
async fn ov_and_ev_orders_need_the_organisation() {
    for product_id in [60, 61, 62, 70, 71] {
        for field in OV_AND_EV_REQUIRED {
            let answer = order_with(product_id, "dns", |f| {
                f.remove(field);
            })
            .await;
            assert_gogetssl_missing(&answer, field);
            let description = answer.json()["description"].as_str().unwrap().to_string();
            assert!(description.contains("OV and EV"), "{description}");
        }
    }
}

#[tokio::test]
async fn ov_orders_need_admin_fax_and_the_other_ov_only_fields() {
    for product_id in [60, 61, 62] {
        for field in OV_ONLY_REQUIRED {
            let answer = order_with(product_id, "dns", |f| {
                f.remove(field);
            })
            .await;
            assert_gogetssl_missing(&answer, field);
            let description = answer.json()["description"].as_str().unwrap().to_string();
            assert!(description.contains("for OV certificates"), "{description}");
        }
    }
}

#[tokio::test]
async fn ev_orders_do_not_need_the_ov_only_fields() {
    for product_id in [70, 71] {
        let answer = order_with(product_id, "dns", |f| {
            for field in OV_ONLY_REQUIRED {
                f.remove(field);
            }
        })
        .await;
        assert_placed(&answer);
    }
}

#[tokio::test]
async fn contact_emails_must_be_addresses() {
    for field in ["admin_email", "tech_email"] {
        let answer = dv_with(|f| {
            f.set(field, "anna.example.com");
        })
        .await;
        assert_gogetssl_invalid(&answer, field, &["not an email address"]);
    }
}

#[tokio::test]
async fn countries_are_two_letters() {
    for field in ["admin_country", "tech_country", "org_country"] {
        for value in ["DEU", "Germany", "D", "1A"] {
            let answer = order_with(60, "dns", |f| {
                f.set(field, value);
            })
            .await;
            assert_gogetssl_invalid(&answer, field, &["two-letter", value]);
        }
    }
}

#[tokio::test]
async fn org_lei_has_at_most_20_characters() {
    let lei = "529900T8BM49AURSDO55";
    assert_placed(
        &order_with(60, "dns", |f| {
            f.set("org_lei", lei);
        })
        .await,
    );
    let answer = order_with(60, "dns", |f| {
        f.set("org_lei", &format!("{lei}X"));
    })
    .await;
    assert_gogetssl_invalid(&answer, "org_lei", &["at most 20", "got 21"]);
}

#[tokio::test]
async fn signature_hash_if_sent_must_be_sha2() {
    for value in ["SHA1", "sha2", "SHA256"] {
        let answer = dv_with(|f| {
            f.set("signature_hash", value);
        })
        .await;
        assert_gogetssl_invalid(&answer, "signature_hash", &["SHA2", value]);
    }
    assert_placed(
        &dv_with(|f| {
            f.remove("signature_hash");
        })
        .await,
    );
}
