//! `POST /sandbox/huawei/v3/scm/certificates/{id}/apply`: one test per documented rule.

mod common;

use axum::http::{Method, StatusCode};
use common::*;
use serde_json::{json, Value};

/// Buys `buy`, then applies with `apply` after `change`.
async fn apply_with(buy: Value, mut apply: Value, change: impl FnOnce(&mut Value)) -> Answer {
    let app = test_app();
    let id = bought(&app, &buy).await;
    change(&mut apply);
    post_json(&app, &apply_path(&id), &apply).await
}

/// The documentation's OV multi-domain certificate (5 names), with a changed OV application.
async fn ov_apply_with(change: impl FnOnce(&mut Value)) -> Answer {
    apply_with(seed_buy_body(), ov_apply_body(), change).await
}

/// A DV single-domain certificate for www.example.com, with a changed application.
async fn dv_apply_with(change: impl FnOnce(&mut Value)) -> Answer {
    let buy = buy_body("DV_SSL_CERT", "SINGLE_DOMAIN", 1);
    apply_with(buy, dv_apply_body(), change).await
}

/// A DV wildcard certificate, applied for `*.example.com` with a changed application.
async fn wildcard_apply_with(change: impl FnOnce(&mut Value)) -> Answer {
    let buy = buy_body("DV_SSL_CERT", "WILDCARD", 1);
    let mut body = dv_apply_body();
    body["domain"] = json!("*.example.com");
    body["csr"] = json!(CSR_WILDCARD_EXAMPLE_COM);
    apply_with(buy, body, change).await
}

fn assert_success(answer: &Answer) {
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.text());
    assert_eq!(answer.json(), json!({"request info": "success"}));
}

fn remove(body: &mut Value, field: &str) {
    body.as_object_mut().unwrap().remove(field);
}

#[tokio::test]
async fn apply_accepts_a_complete_ov_application_and_answers_as_the_seed() {
    let answer = ov_apply_with(|_| {}).await;
    assert_success(&answer);
    assert!(answer.text().contains("\"request info\""));
}

#[tokio::test]
async fn apply_accepts_a_minimal_dv_application() {
    assert_success(&dv_apply_with(|_| {}).await);
}

#[tokio::test]
async fn apply_to_an_unknown_certificate_is_404() {
    let answer = post_json(
        &test_app(),
        &apply_path("scs0000000000000"),
        &dv_apply_body(),
    )
    .await;
    assert_refused(
        &answer,
        StatusCode::NOT_FOUND,
        "SCM.0404",
        &["scs0000000000000"],
    );
}

#[tokio::test]
async fn apply_twice_is_refused_as_already_applied() {
    let app = test_app();
    let id = bought(&app, &seed_buy_body()).await;
    assert_success(&post_json(&app, &apply_path(&id), &ov_apply_body()).await);
    let again = post_json(&app, &apply_path(&id), &ov_apply_body()).await;
    assert_refused(
        &again,
        StatusCode::BAD_REQUEST,
        "SCM.1005",
        &["CHECKING", "not PAID", "already"],
    );
}

#[tokio::test]
async fn apply_leaves_a_refused_certificate_paid() {
    let app = test_app();
    let id = bought(&app, &seed_buy_body()).await;
    let mut body = ov_apply_body();
    body["agree_privacy_protection"] = json!(false);
    let refused = post_json(&app, &apply_path(&id), &body).await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
    let details = call(&app, Method::GET, &details_path(&id), None)
        .await
        .json();
    assert_eq!(details["status"], "PAID");
    assert_success(&post_json(&app, &apply_path(&id), &ov_apply_body()).await);
}

#[tokio::test]
async fn apply_refuses_a_body_that_is_not_json() {
    let app = test_app();
    let id = bought(&app, &seed_buy_body()).await;
    let answer = call(&app, Method::POST, &apply_path(&id), Some("domain=x")).await;
    assert_refused(&answer, StatusCode::BAD_REQUEST, "SCM.0400", &["JSON"]);
}

#[tokio::test]
async fn apply_refuses_an_unknown_field_and_names_it() {
    let answer = ov_apply_with(|b| b["dns_names"] = json!("a.example.org")).await;
    assert_refused(&answer, StatusCode::BAD_REQUEST, "SCM.1001", &["dns_names"]);
}

#[tokio::test]
async fn apply_refuses_a_field_of_the_wrong_type() {
    let answer = ov_apply_with(|b| b["sans"] = json!(["api.example.org"])).await;
    assert_refused(
        &answer,
        StatusCode::BAD_REQUEST,
        "SCM.1002",
        &["sans", "string"],
    );
}

#[tokio::test]
async fn apply_requires_domain() {
    let answer = ov_apply_with(|b| remove(b, "domain")).await;
    assert_refused(&answer, StatusCode::BAD_REQUEST, "SCM.1003", &["domain"]);
}

#[tokio::test]
async fn apply_refuses_an_empty_domain() {
    let answer = ov_apply_with(|b| b["domain"] = json!("")).await;
    assert_refused(&answer, StatusCode::BAD_REQUEST, "SCM.1003", &["domain"]);
}

#[tokio::test]
async fn apply_refuses_a_domain_longer_than_255_characters() {
    let long = format!("{}.example.org", vec!["a".repeat(60); 5].join("."));
    let answer = ov_apply_with(|b| b["domain"] = json!(long)).await;
    assert_invalid(&answer, "domain", &["at most 255"]);
}

#[tokio::test]
async fn apply_refuses_a_domain_that_is_not_a_host_name() {
    for bad in [
        "shop example.org",
        "shop_1.example.org",
        "-shop.example.org",
        "shop.example.org.",
        "localhost",
        "192.168.0.1",
        "https://shop.example.org",
        "shop..example.org",
    ] {
        let answer = ov_apply_with(|b| b["domain"] = json!(bad)).await;
        assert_invalid(&answer, "domain", &["not a valid host name"]);
    }
}

#[tokio::test]
async fn apply_refuses_an_international_name_not_in_punycode() {
    let answer = ov_apply_with(|b| b["domain"] = json!("商店.example.org")).await;
    assert_invalid(&answer, "domain", &["punycode"]);
}

#[tokio::test]
async fn apply_refuses_a_wildcard_for_a_single_domain_certificate() {
    let answer = dv_apply_with(|b| b["domain"] = json!("*.example.com")).await;
    assert_invalid(&answer, "domain", &["single name"]);
}

#[tokio::test]
async fn apply_requires_a_wildcard_for_a_wildcard_certificate() {
    let answer = wildcard_apply_with(|b| b["domain"] = json!("example.com")).await;
    assert_invalid(&answer, "domain", &["*.example.com"]);
}

#[tokio::test]
async fn apply_accepts_a_wildcard_for_a_wildcard_certificate() {
    assert_success(&wildcard_apply_with(|_| {}).await);
}

#[tokio::test]
async fn apply_refuses_a_star_that_is_not_the_whole_left_label() {
    let answer = wildcard_apply_with(|b| b["domain"] = json!("*a.example.com")).await;
    assert_invalid(&answer, "domain", &["left-most label"]);
}

#[tokio::test]
async fn apply_refuses_a_multi_domain_primary_of_the_wrong_kind() {
    let mut buy = seed_buy_body();
    buy["primary_domain_type"] = json!("WILDCARD_DOMAIN");
    let answer = apply_with(buy, ov_apply_body(), |_| {}).await;
    assert_invalid(&answer, "domain", &["wildcard"]);

    let mut buy = seed_buy_body();
    buy["primary_domain_type"] = json!("SINGLE_DOMAIN");
    let answer = apply_with(buy, ov_apply_body(), |b| {
        b["domain"] = json!("*.example.com");
        b["csr"] = json!(CSR_WILDCARD_EXAMPLE_COM);
        b["sans"] = json!("");
    })
    .await;
    assert_invalid(&answer, "domain", &["single name"]);
}

#[tokio::test]
async fn apply_refuses_sans_for_a_single_domain_certificate() {
    let answer = dv_apply_with(|b| b["sans"] = json!("api.example.com")).await;
    assert_invalid(&answer, "sans", &["MULTI_DOMAIN", "SINGLE_DOMAIN"]);
}

#[tokio::test]
async fn apply_refuses_sans_for_a_wildcard_certificate() {
    let answer = wildcard_apply_with(|b| b["sans"] = json!("example.com")).await;
    assert_invalid(&answer, "sans", &["MULTI_DOMAIN"]);
}

#[tokio::test]
async fn apply_accepts_empty_sans_as_none_like_the_seed_example() {
    assert_success(&dv_apply_with(|b| b["sans"] = json!("")).await);
}

#[tokio::test]
async fn apply_refuses_sans_longer_than_4096_characters() {
    let names: Vec<String> = (0..80)
        .map(|i| format!("{}{i}.example.org", "a".repeat(50)))
        .collect();
    let mut buy = seed_buy_body();
    buy["domain_numbers"] = json!(100);
    let answer = apply_with(buy, ov_apply_body(), |b| b["sans"] = json!(names.join(";"))).await;
    assert_invalid(&answer, "sans", &["at most 4096"]);
}

#[tokio::test]
async fn apply_refuses_more_names_than_bought() {
    let answer = ov_apply_with(|b| {
        b["sans"] = json!("a.example.org;b.example.org;c.example.org;d.example.org;e.example.org")
    })
    .await;
    assert_invalid(&answer, "sans", &["6 names", "bought for 5"]);
}

#[tokio::test]
async fn apply_accepts_exactly_as_many_names_as_bought() {
    let answer = ov_apply_with(|b| {
        b["sans"] = json!("a.example.org;b.example.org;c.example.org;d.example.org")
    })
    .await;
    assert_success(&answer);
}

#[tokio::test]
async fn apply_refuses_sans_repeating_the_domain() {
    let answer = ov_apply_with(|b| b["sans"] = json!("api.example.org;SHOP.example.org")).await;
    assert_invalid(&answer, "sans", &["repeats the domain"]);
}

#[tokio::test]
async fn apply_refuses_a_name_listed_twice_in_sans() {
    let answer = ov_apply_with(|b| b["sans"] = json!("api.example.org;api.example.org")).await;
    assert_invalid(&answer, "sans", &["listed twice"]);
}

#[tokio::test]
async fn apply_refuses_sans_joined_by_commas() {
    let answer = ov_apply_with(|b| b["sans"] = json!("api.example.org,www.example.org")).await;
    assert_invalid(&answer, "sans", &["not a valid host name"]);
}

#[tokio::test]
async fn apply_refuses_an_empty_name_in_sans() {
    let answer = ov_apply_with(|b| b["sans"] = json!("api.example.org;")).await;
    assert_invalid(&answer, "sans", &["empty name"]);
}

#[tokio::test]
async fn apply_refuses_more_wildcard_sans_than_bought() {
    let mut buy = seed_buy_body();
    buy["wildcard_domain_number"] = json!(1);
    let answer = apply_with(buy, ov_apply_body(), |b| {
        b["sans"] = json!("*.api.example.org;*.www.example.org")
    })
    .await;
    assert_invalid(&answer, "sans", &["wildcard_domain_number"]);
}

#[tokio::test]
async fn apply_refuses_a_csr_longer_than_5120_characters() {
    let answer = ov_apply_with(|b| b["csr"] = json!("A".repeat(5121))).await;
    assert_invalid(&answer, "csr", &["at most 5120"]);
}

#[tokio::test]
async fn apply_refuses_a_csr_that_is_not_pem() {
    let answer = ov_apply_with(|b| b["csr"] = json!("MIIB shop.example.org")).await;
    assert_invalid(&answer, "csr", &["BEGIN CERTIFICATE REQUEST"]);
}

#[tokio::test]
async fn apply_refuses_a_certificate_in_place_of_a_csr() {
    let pem = CSR_SHOP_EXAMPLE_ORG.replace("CERTIFICATE REQUEST", "CERTIFICATE");
    let answer = ov_apply_with(|b| b["csr"] = json!(pem)).await;
    assert_invalid(&answer, "csr", &["BEGIN CERTIFICATE REQUEST"]);
}

#[tokio::test]
async fn apply_refuses_a_private_key_in_place_of_a_csr() {
    let pem = CSR_SHOP_EXAMPLE_ORG.replace("CERTIFICATE REQUEST", "PRIVATE KEY");
    let answer = ov_apply_with(|b| b["csr"] = json!(pem)).await;
    assert_invalid(&answer, "csr", &["private key"]);
}

#[tokio::test]
async fn apply_refuses_a_csr_whose_base64_does_not_decode() {
    let pem = "-----BEGIN CERTIFICATE REQUEST-----\nshop.example.org!!\n-----END CERTIFICATE REQUEST-----";
    let answer = ov_apply_with(|b| b["csr"] = json!(pem)).await;
    assert_invalid(&answer, "csr", &["base64"]);
}

#[tokio::test]
async fn apply_refuses_a_csr_without_its_end_line() {
    let pem = CSR_SHOP_EXAMPLE_ORG.replace("-----END CERTIFICATE REQUEST-----", "");
    let answer = ov_apply_with(|b| b["csr"] = json!(pem)).await;
    assert_invalid(&answer, "csr", &["END"]);
}

#[tokio::test]
async fn apply_refuses_a_csr_for_another_domain() {
    let answer = ov_apply_with(|b| b["csr"] = json!(CSR_WWW_EXAMPLE_COM)).await;
    assert_invalid(&answer, "csr", &["does not match", "shop.example.org"]);
}

#[tokio::test]
async fn apply_accepts_the_older_new_certificate_request_label() {
    let pem = CSR_SHOP_EXAMPLE_ORG.replace("CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST");
    assert_success(&ov_apply_with(|b| b["csr"] = json!(pem)).await);
}

#[tokio::test]
async fn apply_accepts_a_csr_with_crlf_line_ends() {
    let pem = CSR_SHOP_EXAMPLE_ORG.replace('\n', "\r\n");
    assert_success(&ov_apply_with(|b| b["csr"] = json!(pem)).await);
}

#[tokio::test]
async fn apply_requires_company_fields_for_ov_and_ev() {
    for field in ["company_name", "company_province", "company_city"] {
        let answer = ov_apply_with(|b| remove(b, field)).await;
        assert_refused(&answer, StatusCode::BAD_REQUEST, "SCM.1003", &[field]);
    }
    let buy = buy_body("EV_SSL_CERT", "SINGLE_DOMAIN", 1);
    let mut body = ov_apply_body();
    remove(&mut body, "sans");
    let answer = apply_with(buy, body, |b| remove(b, "company_name")).await;
    assert_refused(
        &answer,
        StatusCode::BAD_REQUEST,
        "SCM.1003",
        &["company_name"],
    );
}

#[tokio::test]
async fn apply_accepts_dv_without_company_fields() {
    assert_success(&dv_apply_with(|_| {}).await);
}

#[tokio::test]
async fn apply_refuses_company_fields_longer_than_63_characters() {
    for field in [
        "company_name",
        "company_unit",
        "company_province",
        "company_city",
    ] {
        let answer = ov_apply_with(|b| b[field] = json!("x".repeat(64))).await;
        assert_invalid(&answer, field, &["at most 63"]);
    }
}

#[tokio::test]
async fn apply_accepts_company_fields_of_63_characters() {
    assert_success(&ov_apply_with(|b| b["company_name"] = json!("é".repeat(63))).await);
}

#[tokio::test]
async fn apply_requires_country_for_ov() {
    let answer = ov_apply_with(|b| remove(b, "country")).await;
    assert_refused(&answer, StatusCode::BAD_REQUEST, "SCM.1003", &["country"]);
}

#[tokio::test]
async fn apply_refuses_a_country_that_is_not_two_letters() {
    for bad in ["CHN", "C", "C1", "中国"] {
        let answer = ov_apply_with(|b| b["country"] = json!(bad)).await;
        assert_invalid(&answer, "country", &["two-letter"]);
    }
}

#[tokio::test]
async fn apply_accepts_a_lower_case_country() {
    assert_success(&ov_apply_with(|b| b["country"] = json!("cn")).await);
}

#[tokio::test]
async fn apply_requires_the_applicant_fields() {
    for field in ["applicant_name", "applicant_phone", "applicant_email"] {
        let answer = dv_apply_with(|b| remove(b, field)).await;
        assert_refused(&answer, StatusCode::BAD_REQUEST, "SCM.1003", &[field]);
    }
}

#[tokio::test]
async fn apply_refuses_a_blank_applicant_name() {
    let answer = dv_apply_with(|b| b["applicant_name"] = json!("   ")).await;
    assert_invalid(&answer, "applicant_name", &["blank"]);
}

#[tokio::test]
async fn apply_refuses_applicant_name_and_phone_longer_than_63_characters() {
    for field in ["applicant_name", "applicant_phone"] {
        let answer = dv_apply_with(|b| b[field] = json!("1".repeat(64))).await;
        assert_invalid(&answer, field, &["at most 63"]);
    }
}

#[tokio::test]
async fn apply_refuses_an_applicant_email_longer_than_256_characters() {
    let email = format!("{}@example.com", "a".repeat(245));
    let answer = dv_apply_with(|b| b["applicant_email"] = json!(email)).await;
    assert_invalid(&answer, "applicant_email", &["at most 256"]);
}

#[tokio::test]
async fn apply_refuses_an_applicant_email_that_is_not_an_address() {
    // The documentation's own example value.
    let answer = dv_apply_with(|b| b["applicant_email"] = json!("example.huawei.com")).await;
    assert_invalid(&answer, "applicant_email", &["not an email address"]);
}

#[tokio::test]
async fn apply_refuses_contact_fields_over_their_limits() {
    for (field, value, rule) in [
        ("contact_name", "x".repeat(64), "at most 63"),
        ("contact_phone", "1".repeat(64), "at most 63"),
        (
            "contact_email",
            format!("{}@example.com", "a".repeat(245)),
            "at most 256",
        ),
        (
            "contact_email",
            "jk.example.org".to_string(),
            "not an email address",
        ),
    ] {
        let answer = ov_apply_with(|b| b[field] = json!(value)).await;
        assert_invalid(&answer, field, &[rule]);
    }
}

#[tokio::test]
async fn apply_accepts_no_technical_contact() {
    let answer = ov_apply_with(|b| {
        for field in ["contact_name", "contact_phone", "contact_email"] {
            remove(b, field);
        }
    })
    .await;
    assert_success(&answer);
}

#[tokio::test]
async fn apply_refuses_auto_dns_auth_that_is_not_a_boolean() {
    let answer = dv_apply_with(|b| b["auto_dns_auth"] = json!("false")).await;
    assert_refused(
        &answer,
        StatusCode::BAD_REQUEST,
        "SCM.1002",
        &["auto_dns_auth"],
    );
}

#[tokio::test]
async fn apply_accepts_auto_dns_auth_for_dv_with_dns() {
    assert_success(&dv_apply_with(|b| b["auto_dns_auth"] = json!(true)).await);
}

#[tokio::test]
async fn apply_accepts_auto_dns_auth_for_ov_with_dns_and_still_lists_the_records() {
    let app = test_app();
    let id = bought(&app, &seed_buy_body()).await;
    let mut body = ov_apply_body();
    body["auto_dns_auth"] = json!(true);
    assert_success(&post_json(&app, &apply_path(&id), &body).await);
    let details = call(&app, Method::GET, &details_path(&id), None)
        .await
        .json();
    assert_eq!(details["validation_method"], "DNS");
    // Huawei pushed them to its DNS; the details still say which records prove the names.
    assert_eq!(
        details["authentification"].as_array().map(Vec::len),
        Some(3)
    );
}

#[tokio::test]
async fn apply_refuses_auto_dns_auth_without_dns_validation() {
    let answer = dv_apply_with(|b| {
        b["auto_dns_auth"] = json!(true);
        b["domain_method"] = json!("EMAIL");
    })
    .await;
    assert_invalid(&answer, "auto_dns_auth", &["DNS"]);
}

#[tokio::test]
async fn apply_requires_agree_privacy_protection() {
    let answer = dv_apply_with(|b| remove(b, "agree_privacy_protection")).await;
    assert_refused(
        &answer,
        StatusCode::BAD_REQUEST,
        "SCM.1003",
        &["agree_privacy_protection"],
    );
}

#[tokio::test]
async fn apply_refuses_agree_privacy_protection_false() {
    let answer = dv_apply_with(|b| b["agree_privacy_protection"] = json!(false)).await;
    assert_invalid(&answer, "agree_privacy_protection", &["must be true"]);
}

#[tokio::test]
async fn apply_requires_domain_method() {
    let answer = dv_apply_with(|b| remove(b, "domain_method")).await;
    assert_refused(
        &answer,
        StatusCode::BAD_REQUEST,
        "SCM.1003",
        &["domain_method"],
    );
}

#[tokio::test]
async fn apply_refuses_an_undocumented_domain_method() {
    for bad in ["HTTP", "dns"] {
        let answer = dv_apply_with(|b| b["domain_method"] = json!(bad)).await;
        assert_invalid(&answer, "domain_method", &["DNS, FILE or EMAIL"]);
    }
}

#[tokio::test]
async fn apply_accepts_dns_and_email_validation_for_a_domain_name() {
    for method in ["DNS", "EMAIL"] {
        assert_success(&dv_apply_with(|b| b["domain_method"] = json!(method)).await);
    }
}

#[tokio::test]
async fn apply_refuses_file_validation_for_a_domain_name_as_huawei_does() {
    for apply in [
        dv_apply_with(|b| b["domain_method"] = json!("FILE")).await,
        ov_apply_with(|b| b["domain_method"] = json!("FILE")).await,
    ] {
        assert_invalid(
            &apply,
            "domain_method",
            &[
                "FILE",
                "bare public IP address",
                "domain name",
                "DNS or EMAIL",
            ],
        );
    }
}

#[tokio::test]
async fn apply_refuses_file_validation_for_a_wildcard() {
    let answer = wildcard_apply_with(|b| b["domain_method"] = json!("FILE")).await;
    assert_invalid(&answer, "domain_method", &["FILE", "wildcard"]);
}

#[tokio::test]
async fn apply_refuses_file_validation_for_a_wildcard_san() {
    let answer = ov_apply_with(|b| {
        b["sans"] = json!("*.example.org");
        b["domain_method"] = json!("FILE");
    })
    .await;
    assert_invalid(&answer, "domain_method", &["wildcard"]);
}

#[tokio::test]
async fn apply_refuses_a_wildcard_for_an_ev_certificate() {
    let buy = buy_body("EV_SSL_CERT", "MULTI_DOMAIN", 3);
    let answer = apply_with(buy, ov_apply_body(), |b| b["sans"] = json!("*.example.org")).await;
    assert_invalid(&answer, "sans", &["wildcard"]);
}

#[tokio::test]
async fn apply_refuses_an_unknown_key_algorithm() {
    for bad in ["RSA_1024", "rsa_2048", "ED25519"] {
        let answer = dv_apply_with(|b| {
            remove(b, "csr");
            b["key_algorithm"] = json!(bad);
        })
        .await;
        assert_invalid(&answer, "key_algorithm", &["RSA_2048", bad]);
    }
}

#[tokio::test]
async fn apply_without_a_csr_has_huawei_make_the_key_pair() {
    for algorithm in ["RSA_2048", "RSA_3072", "RSA_4096", "EC_P256", "EC_P384"] {
        let answer = dv_apply_with(|b| {
            remove(b, "csr");
            b["key_algorithm"] = json!(algorithm);
        })
        .await;
        assert_success(&answer);
    }
    // The documented example sends an empty CSR; no key_algorithm is Huawei's default.
    assert_success(&dv_apply_with(|b| b["csr"] = json!("")).await);
    assert_success(&ov_apply_with(|b| remove(b, "csr")).await);
}

#[tokio::test]
async fn a_csr_that_is_sent_is_still_checked() {
    let answer = dv_apply_with(|b| b["csr"] = json!("not a csr")).await;
    assert_invalid(&answer, "csr", &[]);
}

/// A GeoTrust OV single-domain certificate, applied for with a changed OV application.
async fn geotrust_ov_apply_with(change: impl FnOnce(&mut Value)) -> Answer {
    let mut buy = buy_body("OV_SSL_CERT", "SINGLE_DOMAIN", 1);
    buy["cert_brand"] = json!("GEOTRUST");
    let mut body = ov_apply_body();
    remove(&mut body, "sans");
    body["domain"] = json!("www.example.com");
    body["csr"] = json!(CSR_WWW_EXAMPLE_COM);
    apply_with(buy, body, change).await
}

#[tokio::test]
async fn apply_requires_ca_hash_algorithm_for_geotrust_ov() {
    let answer = geotrust_ov_apply_with(|b| remove(b, "ca_hash_algorithm")).await;
    assert_invalid(&answer, "ca_hash_algorithm", &["GeoTrust OV", "SHA-256"]);
    for value in ["SHA-256", "DEFAULT"] {
        assert_success(&geotrust_ov_apply_with(|b| b["ca_hash_algorithm"] = json!(value)).await);
    }
    // Other OV certificates may leave it out.
    assert_success(&ov_apply_with(|b| remove(b, "ca_hash_algorithm")).await);
}

#[tokio::test]
async fn apply_refuses_an_undocumented_ca_hash_algorithm() {
    let answer = dv_apply_with(|b| b["ca_hash_algorithm"] = json!("SHA-1")).await;
    assert_invalid(&answer, "ca_hash_algorithm", &["DEFAULT or SHA-256"]);
}

#[tokio::test]
async fn apply_accepts_ca_hash_algorithm_sha_256() {
    assert_success(&dv_apply_with(|b| b["ca_hash_algorithm"] = json!("SHA-256")).await);
}
