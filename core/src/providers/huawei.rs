//! Huawei Cloud SSL Certificate Manager (SCM) v3: buy, then apply, then read details.
//!
//! Paths and field names as in Huawei Cloud's SCM API reference.

use super::{
    AutoProof, Endpoint, Excerpt, Header, Instruction, Message, Method, PreparedRequest,
    ProviderError, Status, StatusReport,
};
use crate::order::{CertName, Coverage, Dcv, Product, ValidatedOrder};
use serde::Serialize;
use serde_json::Value;
use std::fmt;

/// The wizard buys one certificate per order and applies for it.
const ORDER_NUMBER: u8 = 1;

/// A certificate ID as Huawei issues it: 16 letters and digits (e.g. `scs1481110651012`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertId(String);

impl CertId {
    /// Accepts only what is safe to put in a URL path and has the documented length.
    pub fn parse(raw: &str) -> Option<CertId> {
        let raw = raw.trim();
        (raw.len() == 16 && raw.bytes().all(|b| b.is_ascii_alphanumeric()))
            .then(|| CertId(raw.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for CertId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What a successful buy returns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bought {
    pub order_id: String,
    pub cert_ids: Vec<CertId>,
}

/// A certificate's status. Unknown values are kept as they came, never refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CertStatus {
    Paid,
    Issued,
    Checking,
    CancelChecking,
    Unpassed,
    Expired,
    Revoking,
    Revoked,
    Upload,
    SupplementChecking,
    CancelSupplementing,
    CheckingOrg,
    Issuing,
    /// Huawei's SDK spells it `CANCLEREVOKING`.
    CancelRevoking,
    Other(String),
}

impl CertStatus {
    pub fn parse(raw: &str) -> CertStatus {
        match raw {
            "PAID" => CertStatus::Paid,
            "ISSUED" => CertStatus::Issued,
            "CHECKING" => CertStatus::Checking,
            "CANCELCHECKING" => CertStatus::CancelChecking,
            "UNPASSED" => CertStatus::Unpassed,
            "EXPIRED" => CertStatus::Expired,
            "REVOKING" => CertStatus::Revoking,
            "REVOKED" => CertStatus::Revoked,
            "UPLOAD" => CertStatus::Upload,
            "SUPPLEMENTCHECKING" => CertStatus::SupplementChecking,
            "CANCELSUPPLEMENTING" => CertStatus::CancelSupplementing,
            "CHECKING_ORG" => CertStatus::CheckingOrg,
            "ISSUING" => CertStatus::Issuing,
            "CANCLEREVOKING" => CertStatus::CancelRevoking,
            other => CertStatus::Other(other.to_string()),
        }
    }

    /// Whether the status can still change without the person doing anything more.
    pub fn is_pending(&self) -> bool {
        match self {
            CertStatus::Checking
            | CertStatus::CancelChecking
            | CertStatus::Revoking
            | CertStatus::SupplementChecking
            | CertStatus::CancelSupplementing
            | CertStatus::CheckingOrg
            | CertStatus::Issuing
            | CertStatus::CancelRevoking => true,
            // Unknown values such as the documentation's CHECKING_DOMAIN read as "still checking".
            CertStatus::Other(raw) => raw.contains("CHECKING"),
            CertStatus::Paid
            | CertStatus::Issued
            | CertStatus::Unpassed
            | CertStatus::Expired
            | CertStatus::Revoked
            | CertStatus::Upload => false,
        }
    }
}

/// A DNS record the person must create to prove control of a name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DnsRecord {
    pub name: String,
    pub kind: String,
    pub value: String,
    pub domain: String,
}

/// The parts of a certificate's details the result page shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Details {
    pub id: String,
    pub status: CertStatus,
    pub order_id: Option<String>,
    pub domain: Option<String>,
    pub validation_method: Option<String>,
    pub not_after: Option<String>,
    pub records: Vec<DnsRecord>,
}

impl Details {
    /// The details as the result page shows them, for every provider alike. When Huawei
    /// adds the records to its Cloud DNS (`auto_dns_auth`), they are nothing to do by hand.
    pub fn report(&self, huawei_adds_records: bool) -> StatusReport {
        StatusReport {
            status: Status::Huawei(self.status.clone()),
            // PAID right after apply only means the CA has not picked it up yet.
            pending: self.status.is_pending() || self.status == CertStatus::Paid,
            issued: self.status == CertStatus::Issued,
            checks: Vec::new(),
            instructions: self
                .records
                .iter()
                .map(|r| match huawei_adds_records {
                    true => Instruction::Automatic {
                        domain: r.domain.clone(),
                        how: AutoProof::HuaweiDns,
                    },
                    false => Instruction::Dns {
                        domain: r.domain.clone(),
                        name: r.name.clone(),
                        record_type: r.kind.clone(),
                        value: r.value.clone(),
                    },
                })
                .collect(),
            not_after: self.not_after.clone(),
        }
    }
}

#[derive(Serialize)]
struct BuyBody<'a> {
    cert_brand: &'a str,
    cert_type: &'a str,
    domain_type: &'static str,
    effective_time: u8,
    domain_numbers: usize,
    order_number: u8,
    agree_privacy_protection: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    primary_domain_type: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    single_domain_number: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    wildcard_domain_number: Option<usize>,
}

#[derive(Serialize)]
struct ApplyBody<'a> {
    domain: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    sans: Option<String>,
    /// Left out when Huawei makes the key pair (`key_algorithm` instead).
    #[serde(skip_serializing_if = "Option::is_none")]
    csr: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    company_name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    company_unit: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    company_province: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    company_city: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    country: Option<&'a str>,
    applicant_name: String,
    applicant_phone: &'a str,
    applicant_email: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    contact_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    contact_phone: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    contact_email: Option<&'a str>,
    /// Sent only when true: Huawei pushes the DNS records to its Cloud DNS.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    auto_dns_auth: bool,
    domain_method: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    key_algorithm: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    ca_hash_algorithm: Option<&'static str>,
    agree_privacy_protection: bool,
}

fn domain_type(coverage: Coverage) -> &'static str {
    match coverage {
        Coverage::Single => "SINGLE_DOMAIN",
        Coverage::Wildcard => "WILDCARD",
        Coverage::Multi { .. } => "MULTI_DOMAIN",
    }
}

/// Huawei takes one method per certificate. Its FILE is for bare IP addresses only, so a
/// validated Huawei order never holds a file method (`Provider::validates_names_by_file`).
fn domain_method(dcv: &Dcv) -> &'static str {
    match dcv {
        Dcv::Dns => "DNS",
        Dcv::Http | Dcv::Https => "FILE",
        Dcv::Email(_) => "EMAIL",
    }
}

fn headers(endpoint: &Endpoint, json: bool) -> Vec<Header> {
    let mut headers = Vec::new();
    if json {
        headers.push(Header {
            name: "Content-Type",
            value: "application/json;charset=utf-8".into(),
            secret: false,
        });
    }
    if let Some(token) = &endpoint.token {
        headers.push(Header {
            name: "X-Auth-Token",
            value: token.clone(),
            secret: true,
        });
    }
    headers
}

/// Bodies are sent indented, so the review page can show them byte for byte as sent.
fn to_json<T: Serialize>(body: &T) -> String {
    // Serialising these plain structs of strings, numbers and booleans cannot fail.
    serde_json::to_string_pretty(body).unwrap_or_default()
}

/// `POST /v3/scm/certificates/buy` for one certificate covering the order's names.
pub fn buy_request(order: &ValidatedOrder, endpoint: &Endpoint) -> PreparedRequest {
    let names: Vec<&CertName> = order.names().map(|n| &n.name).collect();
    buy_for_names(&order.product, &names, endpoint)
}

/// The buy request for `product` and these names (the primary first). A multi-domain
/// certificate is bought for exactly as many names as were entered, wildcards counted apart.
fn buy_for_names(product: &Product, names: &[&CertName], endpoint: &Endpoint) -> PreparedRequest {
    let multi = product.is_multi();
    let others = names.get(1..).unwrap_or_default();
    let wildcards = others.iter().filter(|n| n.is_wildcard()).count();
    let primary_wildcard = names.first().is_some_and(|n| n.is_wildcard());
    let body = BuyBody {
        cert_brand: &product.brand,
        cert_type: &product.type_code,
        domain_type: domain_type(product.coverage),
        effective_time: u8::try_from(product.validity.months() / 12).unwrap_or(1),
        domain_numbers: names.len(),
        order_number: ORDER_NUMBER,
        agree_privacy_protection: true,
        primary_domain_type: multi.then_some(if primary_wildcard {
            "WILDCARD_DOMAIN"
        } else {
            "SINGLE_DOMAIN"
        }),
        single_domain_number: multi.then_some(others.len() - wildcards),
        wildcard_domain_number: multi.then_some(wildcards),
    };
    PreparedRequest {
        method: Method::Post,
        url: endpoint.url("v3/scm/certificates/buy"),
        headers: headers(endpoint, true),
        body: Some(to_json(&body)),
        url_secrets: Vec::new(),
    }
}

/// `POST /v3/scm/certificates/{certificate_id}/apply` for the bought certificate.
pub fn apply_request(
    order: &ValidatedOrder,
    cert: &CertId,
    endpoint: &Endpoint,
) -> PreparedRequest {
    apply_to_path(order, cert.as_str(), endpoint)
}

/// The apply request as it will be sent once the buy has returned a certificate ID.
pub fn apply_preview(order: &ValidatedOrder, endpoint: &Endpoint) -> PreparedRequest {
    apply_to_path(order, "{certificate_id}", endpoint)
}

fn apply_to_path(order: &ValidatedOrder, cert: &str, endpoint: &Endpoint) -> PreparedRequest {
    let sans: Vec<String> = order.others.iter().map(|n| n.name.to_string()).collect();
    let org = order.validation.organisation();
    // Huawei always takes contacts; `contacts` is None only for providers that do not.
    let contacts = order.contacts.as_ref();
    let applicant = contacts.map(|c| &c.applicant);
    let tech = contacts.filter(|c| c.tech_given).map(|c| &c.tech);
    let body = ApplyBody {
        domain: order.primary.name.to_string(),
        sans: (!sans.is_empty()).then(|| sans.join(";")),
        csr: order.csr.csr().map(|csr| csr.pem.as_str()),
        company_name: org.map(|o| o.name.as_str()),
        company_unit: org.and_then(|o| o.unit.as_deref()),
        company_province: org.and_then(|o| o.state.as_deref()),
        company_city: org.map(|o| o.city.as_str()),
        country: org.map(|o| o.country.as_str()),
        applicant_name: applicant.map(|a| a.name.full()).unwrap_or_default(),
        applicant_phone: applicant.map(|a| a.phone.as_str()).unwrap_or_default(),
        applicant_email: applicant.map(|a| a.email.as_str()).unwrap_or_default(),
        contact_name: tech.map(|t| t.name.full()),
        contact_phone: tech.map(|t| t.phone.as_str()),
        contact_email: tech.map(|t| t.email.as_str()),
        auto_dns_auth: order.auto_dns_auth,
        domain_method: domain_method(&order.primary.dcv),
        key_algorithm: order.csr.key_algorithm().map(|k| k.wire()),
        ca_hash_algorithm: order.product.ca_hash_algorithm(),
        agree_privacy_protection: true,
    };
    PreparedRequest {
        method: Method::Post,
        url: endpoint.url(&format!("v3/scm/certificates/{cert}/apply")),
        headers: headers(endpoint, true),
        body: Some(to_json(&body)),
        url_secrets: Vec::new(),
    }
}

/// `GET /v3/scm/certificates/{certificate_id}`.
pub fn details_request(cert: &CertId, endpoint: &Endpoint) -> PreparedRequest {
    PreparedRequest {
        method: Method::Get,
        url: endpoint.url(&format!("v3/scm/certificates/{cert}")),
        headers: headers(endpoint, false),
        body: None,
        url_secrets: Vec::new(),
    }
}

// Answers are read through `Value`, whose parser every adapter shares, rather than derived
// structs: each derived parser costs wasm of its own.

fn text(value: &Value, key: &str) -> Option<String> {
    value.get(key)?.as_str().map(str::to_string)
}

/// Reads Huawei's error shape, or describes an answer that is not in it.
fn provider_error(status: u16, value: Option<&Value>, body: &str) -> ProviderError {
    match value.and_then(|v| text(v, "error_code")) {
        Some(code) => ProviderError {
            status,
            code: Some(code),
            message: value
                .and_then(|v| text(v, "error_msg"))
                .filter(|m| !m.is_empty())
                .map_or(Message::NoMessage, Message::Provider),
            unreadable: false,
        },
        None => ProviderError {
            status,
            code: None,
            message: Message::Unexpected(Excerpt::of(body)),
            unreadable: true,
        },
    }
}

/// A 200 JSON object whose body does not carry an `error_code`.
fn success(status: u16, body: &str) -> Result<Value, ProviderError> {
    let value = serde_json::from_str::<Value>(body).ok();
    match value {
        Some(value) if status == 200 && value.is_object() && value.get("error_code").is_none() => {
            Ok(value)
        }
        other => Err(provider_error(status, other.as_ref(), body)),
    }
}

pub fn parse_buy(status: u16, body: &str) -> Result<Bought, ProviderError> {
    let answer = success(status, body)?;
    let cert_ids = answer
        .get("cert")
        .and_then(Value::as_array)
        .and_then(|certs| {
            certs
                .iter()
                .map(|c| CertId::parse(c.get("cert_id")?.as_str()?))
                .collect::<Option<Vec<_>>>()
        })
        .filter(|ids| !ids.is_empty());
    match (text(&answer, "order_id"), cert_ids) {
        (Some(order_id), Some(cert_ids)) => Ok(Bought { order_id, cert_ids }),
        _ => Err(ProviderError {
            status,
            code: None,
            message: Message::NoCertificateId(Excerpt::of(body)),
            unreadable: true,
        }),
    }
}

/// Apply answers `{"request info":"success"}` (or `request_info`); any 200 without an
/// error code is taken as accepted.
pub fn parse_apply(status: u16, body: &str) -> Result<(), ProviderError> {
    success(status, body).map(|_| ())
}

pub fn parse_details(status: u16, body: &str) -> Result<Details, ProviderError> {
    let answer = success(status, body)?;
    let id = text(&answer, "id").ok_or_else(|| provider_error(status, None, body))?;
    let records = answer
        .get("authentification")
        .and_then(Value::as_array)
        .map(|list| {
            list.iter()
                .map(|r| DnsRecord {
                    name: text(r, "record_name").unwrap_or_default(),
                    kind: text(r, "record_type").unwrap_or_default(),
                    value: text(r, "record_value").unwrap_or_default(),
                    domain: text(r, "domain").unwrap_or_default(),
                })
                .collect()
        })
        .unwrap_or_default();
    Ok(Details {
        id,
        status: CertStatus::parse(answer.get("status").and_then(Value::as_str).unwrap_or("")),
        order_id: text(&answer, "order_id"),
        domain: text(&answer, "domain"),
        validation_method: text(&answer, "validation_method"),
        not_after: text(&answer, "not_after").filter(|s| !s.is_empty()),
        records,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::order::{
        validate, ContactDraft, DcvMethod, Level, NameLimits, OrderDraft, OrganisationDraft,
        Provider, Rules, Validity,
    };
    use serde_json::Value;

    const GOLDEN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/golden/huawei/");

    fn golden(name: &str) -> String {
        std::fs::read_to_string(format!("{GOLDEN}{name}")).expect("golden file")
    }

    fn endpoint() -> Endpoint {
        Endpoint {
            base_url: "https://scm.example.test/".into(),
            token: Some("t".repeat(40)),
        }
    }

    use crate::order::fixtures::{dv_draft, TODAY};

    fn product(level: Level, coverage: Coverage, brand: &str, code: &str) -> Product {
        let multi = matches!(coverage, Coverage::Multi { .. });
        Product {
            id: "p".into(),
            name: "P".into(),
            description: Default::default(),
            provider: Provider::Huawei,
            brand: brand.into(),
            type_code: code.into(),
            level,
            coverage,
            validity: Validity::Years(1),
            names: NameLimits {
                included: if multi { 2 } else { 1 },
                min: if multi { 2 } else { 1 },
                max: if multi { 100 } else { 1 },
            },
            methods: vec![DcvMethod::Dns, DcvMethod::Email],
            price: None,
            unit_price: None,
        }
    }

    fn draft() -> OrderDraft {
        OrderDraft {
            product_id: "p".into(),
            ..dv_draft()
        }
    }

    fn order_of(product: &Product, draft: &OrderDraft) -> ValidatedOrder {
        validate(draft, product, &Rules::basic(TODAY)).expect("valid order")
    }

    fn dv_order() -> ValidatedOrder {
        let product = product(Level::Dv, Coverage::Single, "GEOTRUST", "DV_SSL_CERT");
        order_of(&product, &draft())
    }

    fn ov_multi_order() -> ValidatedOrder {
        let product = product(
            Level::Ov,
            Coverage::Multi { wildcards: true },
            "GLOBALSIGN",
            "OV_SSL_CERT",
        );
        let draft = OrderDraft {
            other_names: "www.example.com, *.shop.example.com\napi.example.com".into(),
            method: "dns".into(),
            tech_differs: true,
            tech: ContactDraft {
                name: "Grace Hopper".into(),
                phone: "+1 202 555 0143".into(),
                email: "grace@example.com".into(),
                ..ContactDraft::default()
            },
            organisation: OrganisationDraft {
                name: "Example Ltd".into(),
                unit: "IT".into(),
                city: "Shenzhen".into(),
                state: "Guangdong".into(),
                country: "cn".into(),
                ..OrganisationDraft::default()
            },
            ..draft()
        };
        order_of(&product, &draft)
    }

    fn body_json(request: &PreparedRequest) -> Value {
        serde_json::from_str(request.body.as_deref().expect("has body")).expect("json body")
    }

    #[test]
    fn the_buy_request_for_the_seed_product_equals_the_seed_example() {
        let seed_product = product(
            Level::Ov,
            Coverage::Multi { wildcards: false },
            "GLOBALSIGN",
            "OV_SSL_CERT",
        );
        let names: Vec<CertName> = ["a", "b", "c", "d", "e"]
            .iter()
            .map(|n| CertName::parse(&format!("{n}.example.com")).expect("name"))
            .collect();
        let names: Vec<&CertName> = names.iter().collect();
        let request = buy_for_names(&seed_product, &names, &endpoint());
        let expected: Value = serde_json::from_str(&golden("buy-request.json")).expect("json");
        let mut body = body_json(&request);
        // Every documented field as documented; the optional multi-domain counts besides.
        let extra = body.as_object_mut().expect("object");
        assert_eq!(
            extra.remove("primary_domain_type"),
            Some("SINGLE_DOMAIN".into())
        );
        assert_eq!(extra.remove("single_domain_number"), Some(4.into()));
        assert_eq!(extra.remove("wildcard_domain_number"), Some(0.into()));
        assert_eq!(body, expected);
        assert_eq!(request.method, Method::Post);
        assert_eq!(
            request.url,
            "https://scm.example.test/v3/scm/certificates/buy"
        );
    }

    #[test]
    fn the_buy_request_for_dv_single_names_one_domain() {
        let body = body_json(&buy_request(&dv_order(), &endpoint()));
        assert_eq!(body["domain_type"], "SINGLE_DOMAIN");
        assert_eq!(body["domain_numbers"], 1);
        assert_eq!(body["cert_type"], "DV_SSL_CERT");
        assert_eq!(body["agree_privacy_protection"], true);
    }

    #[test]
    fn every_request_carries_the_token_in_x_auth_token() {
        let request = details_request(&CertId::parse("scs1481110651012").expect("id"), &endpoint());
        let token = request
            .headers
            .iter()
            .find(|h| h.name == "X-Auth-Token")
            .expect("token header");
        assert_eq!(token.value, "t".repeat(40));
        assert!(token.secret);
        assert!(!request.masked("[hidden]").contains(&"t".repeat(40)));
    }

    #[test]
    fn no_token_header_is_sent_when_a_proxy_adds_the_credential() {
        let proxy = Endpoint {
            base_url: "/proxy".into(),
            token: None,
        };
        let request = buy_request(&dv_order(), &proxy);
        assert!(request.headers.iter().all(|h| h.name != "X-Auth-Token"));
        assert_eq!(request.url, "/proxy/v3/scm/certificates/buy");
    }

    #[test]
    fn the_apply_request_holds_exactly_the_dv_fields() {
        let order = dv_order();
        let id = CertId::parse("scs1481110651012").expect("id");
        let request = apply_request(&order, &id, &endpoint());
        assert_eq!(
            request.url,
            "https://scm.example.test/v3/scm/certificates/scs1481110651012/apply"
        );
        let body = body_json(&request);
        let mut keys: Vec<&str> = body
            .as_object()
            .expect("object")
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            vec![
                "agree_privacy_protection",
                "applicant_email",
                "applicant_name",
                "applicant_phone",
                "csr",
                "domain",
                "domain_method"
            ]
        );
        assert_eq!(body["domain"], "shop.example.com");
        assert_eq!(body["domain_method"], "DNS");
        assert_eq!(body["applicant_phone"], "+442079460958");
        assert!(body["csr"]
            .as_str()
            .is_some_and(|c| c.starts_with("-----BEGIN CERTIFICATE REQUEST-----\n")));
    }

    #[test]
    fn a_multi_domain_buy_counts_the_names_entered_with_wildcards_apart() {
        let body = body_json(&buy_request(&ov_multi_order(), &endpoint()));
        assert_eq!(body["domain_type"], "MULTI_DOMAIN");
        assert_eq!(body["domain_numbers"], 4);
        assert_eq!(body["primary_domain_type"], "SINGLE_DOMAIN");
        assert_eq!(body["single_domain_number"], 2);
        assert_eq!(body["wildcard_domain_number"], 1);
    }

    #[test]
    fn an_ov_multi_domain_apply_sends_sans_company_and_technical_contact() {
        let order = ov_multi_order();
        let body = body_json(&apply_preview(&order, &endpoint()));
        assert_eq!(body["domain"], "shop.example.com");
        assert_eq!(
            body["sans"],
            "www.example.com;*.shop.example.com;api.example.com"
        );
        assert_eq!(body["company_name"], "Example Ltd");
        assert_eq!(body["company_unit"], "IT");
        assert_eq!(body["company_province"], "Guangdong");
        assert_eq!(body["company_city"], "Shenzhen");
        assert_eq!(body["country"], "CN");
        assert_eq!(body["contact_name"], "Grace Hopper");
        assert_eq!(body["contact_phone"], "+12025550143");
        assert_eq!(body["domain_method"], "DNS");
    }

    #[test]
    fn auto_dns_auth_is_sent_only_when_ticked_with_dns_validation() {
        let product = product(Level::Dv, Coverage::Single, "GEOTRUST", "DV_SSL_CERT");
        let ticked = OrderDraft {
            auto_dns_auth: true,
            ..draft()
        };
        let body = body_json(&apply_preview(&order_of(&product, &ticked), &endpoint()));
        assert_eq!(body["auto_dns_auth"], true);
        assert_eq!(body["domain_method"], "DNS");
        let body = body_json(&apply_preview(&dv_order(), &endpoint()));
        assert_eq!(body.get("auto_dns_auth"), None);
        // Ticked, then email chosen: Huawei would have no record to push.
        let email = OrderDraft {
            method: "email".into(),
            ..ticked
        };
        let body = body_json(&apply_preview(&order_of(&product, &email), &endpoint()));
        assert_eq!(body.get("auto_dns_auth"), None);
        assert_eq!(body["domain_method"], "EMAIL");
    }

    #[test]
    fn when_huawei_makes_the_key_pair_no_csr_is_sent_but_the_key_algorithm() {
        let product = product(Level::Dv, Coverage::Single, "GEOTRUST", "DV_SSL_CERT");
        let by_huawei = OrderDraft {
            csr: String::new(),
            csr_source: "provider".into(),
            key_algorithm: "EC_P256".into(),
            ..draft()
        };
        let body = body_json(&apply_preview(&order_of(&product, &by_huawei), &endpoint()));
        assert_eq!(body.get("csr"), None);
        assert_eq!(body["key_algorithm"], "EC_P256");
        assert_eq!(body["domain"], "shop.example.com");
        // Nothing chosen: Huawei's default, said out loud.
        let default = OrderDraft {
            key_algorithm: String::new(),
            ..by_huawei
        };
        let body = body_json(&apply_preview(&order_of(&product, &default), &endpoint()));
        assert_eq!(body["key_algorithm"], "RSA_2048");
        // With a CSR: no key_algorithm.
        let body = body_json(&apply_preview(&dv_order(), &endpoint()));
        assert_eq!(body.get("key_algorithm"), None);
        assert!(body["csr"].is_string());
    }

    #[test]
    fn a_geotrust_ov_apply_carries_ca_hash_algorithm_sha_256_and_others_none() {
        let mut geotrust_ov = product(Level::Ov, Coverage::Single, "GEOTRUST", "OV_SSL_CERT");
        geotrust_ov.methods = vec![DcvMethod::Dns];
        let draft = OrderDraft {
            organisation: crate::order::fixtures::acme(),
            ..draft()
        };
        let body = body_json(&apply_preview(&order_of(&geotrust_ov, &draft), &endpoint()));
        assert_eq!(body["ca_hash_algorithm"], "SHA-256");
        let globalsign_ov = product(Level::Ov, Coverage::Single, "GLOBALSIGN", "OV_SSL_CERT");
        let body = body_json(&apply_preview(
            &order_of(&globalsign_ov, &draft),
            &endpoint(),
        ));
        assert_eq!(body.get("ca_hash_algorithm"), None);
        let body = body_json(&apply_preview(&dv_order(), &endpoint()));
        assert_eq!(body.get("ca_hash_algorithm"), None);
    }

    #[test]
    fn records_huawei_adds_itself_are_reported_as_nothing_to_do_by_hand() {
        let details = parse_details(200, &golden("details-response-200.json")).expect("details");
        assert!(matches!(
            details.report(false).instructions[..],
            [Instruction::Dns { .. }]
        ));
        match &details.report(true).instructions[..] {
            [Instruction::Automatic { domain, how }] => {
                assert_eq!(domain, "hosting-*****.test.cn");
                assert_eq!(*how, AutoProof::HuaweiDns);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_apply_preview_shows_where_the_certificate_id_goes() {
        let request = apply_preview(&dv_order(), &endpoint());
        assert!(request
            .url
            .ends_with("/v3/scm/certificates/{certificate_id}/apply"));
    }

    #[test]
    fn the_seed_buy_response_parses_to_its_order_and_certificate() {
        let bought = parse_buy(200, &golden("buy-response-200.json")).expect("success");
        assert_eq!(bought.order_id, "CS1803192259ROA8U");
        assert_eq!(bought.cert_ids, vec![CertId("scs1481110651012".into())]);
    }

    #[test]
    fn the_seed_401_response_parses_to_a_provider_error() {
        let err = parse_buy(401, &golden("error-401.json")).expect_err("401");
        assert_eq!(err.status, 401);
        assert_eq!(err.code.as_deref(), Some("SCM.XXX"));
        assert_eq!(err.message, "XXX".into());
        assert_eq!(err.next_step(), super::super::NextStep::Unauthorised);
    }

    #[test]
    fn an_error_code_in_a_200_answer_is_still_an_error() {
        let err =
            parse_apply(200, r#"{"error_code":"SCM.0001","error_msg":"bad"}"#).expect_err("error");
        assert_eq!(err.code.as_deref(), Some("SCM.0001"));
    }

    #[test]
    fn a_body_that_is_not_json_is_reported_with_an_excerpt() {
        let err = parse_buy(502, "<html>Bad gateway</html>").expect_err("502");
        assert_eq!(err.status, 502);
        assert_eq!(err.code, None);
        assert_eq!(
            err.message,
            Message::Unexpected(Excerpt::of("<html>Bad gateway</html>"))
        );
    }

    #[test]
    fn a_buy_answer_without_a_certificate_id_is_an_error() {
        assert!(parse_buy(200, r#"{"order_id":"CS1","cert":[]}"#).is_err());
        assert!(parse_buy(200, r#"{"order_id":"CS1","cert":[{"cert_id":"../../x"}]}"#).is_err());
    }

    #[test]
    fn the_seed_apply_response_is_success() {
        assert_eq!(parse_apply(200, &golden("apply-response-200.json")), Ok(()));
    }

    #[test]
    fn the_seed_details_response_parses_with_its_dns_record_and_unknown_status() {
        let details = parse_details(200, &golden("details-response-200.json")).expect("details");
        assert_eq!(details.id, "scs1590053258704");
        assert_eq!(details.status, CertStatus::Other("CHECKING_DOMAIN".into()));
        assert!(details.status.is_pending());
        assert_eq!(
            details.records,
            vec![DnsRecord {
                name: "_dnsauth.hosting-****.test.cn".into(),
                kind: "TXT".into(),
                value: "201801040000001ytm4q************cd8p7eg9ktlwfsord".into(),
                domain: "hosting-*****.test.cn".into(),
            }]
        );
    }

    #[test]
    fn every_documented_status_is_known_and_final_ones_stop_polling() {
        for (raw, pending) in [
            ("PAID", false),
            ("ISSUED", false),
            ("CHECKING", true),
            ("CANCELCHECKING", true),
            ("UNPASSED", false),
            ("EXPIRED", false),
            ("REVOKING", true),
            ("REVOKED", false),
            ("UPLOAD", false),
            ("SUPPLEMENTCHECKING", true),
            ("CANCELSUPPLEMENTING", true),
            ("CHECKING_ORG", true),
            ("ISSUING", true),
            ("CANCLEREVOKING", true),
        ] {
            let status = CertStatus::parse(raw);
            assert!(!matches!(status, CertStatus::Other(_)), "{raw}");
            assert_eq!(status.is_pending(), pending, "{raw}");
        }
    }

    #[test]
    fn an_unknown_status_is_kept_as_it_came() {
        let status = CertStatus::parse("SOMETHING_NEW");
        assert_eq!(status, CertStatus::Other("SOMETHING_NEW".into()));
    }

    #[test]
    fn a_buy_answer_without_an_id_and_an_error_without_words_are_told_apart() {
        let err = parse_buy(200, r#"{"order_id":"CS1","cert":[]}"#).expect_err("no id");
        assert_eq!(
            err.message,
            Message::NoCertificateId(Excerpt::of(r#"{"order_id":"CS1","cert":[]}"#))
        );
        assert!(err.unreadable);
        let silent = parse_apply(400, r#"{"error_code":"SCM.0001"}"#).expect_err("error");
        assert_eq!(silent.message, Message::NoMessage);
    }

    #[test]
    fn the_report_carries_the_certificates_status_as_it_came() {
        let details = parse_details(200, &golden("details-response-200.json")).expect("details");
        assert_eq!(
            details.report(true).status,
            Status::Huawei(CertStatus::Other("CHECKING_DOMAIN".into()))
        );
    }

    #[test]
    fn a_certificate_id_must_be_16_letters_or_digits() {
        assert!(CertId::parse("scs1481110651012").is_some());
        assert!(CertId::parse("scs148111065101").is_none());
        assert!(CertId::parse("scs1481110651/12").is_none());
    }
}
