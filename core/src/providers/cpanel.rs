//! cPanel UAPI `Market::request_ssl_certificates`, then `get_certificate_status_details`.
//!
//! One GET whose query carries `certificate` and `identity_verification` as JSON strings,
//! answered in the UAPI envelope (`result.status`, `errors`, `data`).

use super::{
    parse_json, unexpected, AutoProof, Check, CheckState, CheckSubject, CpanelCheck, CpanelStatus,
    Endpoint, Instruction, Message, Method, Placed, PreparedRequest, ProviderError, Status,
    StatusReport,
};
use crate::order::{Dcv, ValidatedOrder};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

/// How `subject_names` are written: the documents show three forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SubjectNames {
    /// `[{"dNSName":"example.com"}]`, as in the documented example.
    #[default]
    Seed,
    /// `[["dNSName","example.com"]]`, as in older documents.
    Pairs,
    /// `[{"type":"dNSName","name":"example.com","dcv_method":"http"}]`, as cPanel's own
    /// SSL/TLS Wizard sends it: the only form that carries a validation method per name.
    Wizard,
}

impl SubjectNames {
    pub fn from_slug(slug: &str) -> Option<SubjectNames> {
        match slug {
            "seed" => Some(SubjectNames::Seed),
            "pairs" => Some(SubjectNames::Pairs),
            "wizard" => Some(SubjectNames::Wizard),
            _ => None,
        }
    }
}

/// Settings of the cPanel adapter that are not part of an order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// The Market provider, e.g. `cPStore`.
    pub market: String,
    pub subject_names: SubjectNames,
    /// Where the provider's checkout sends the browser back to (no query string).
    pub url_after_checkout: Option<String>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            market: "cPStore".into(),
            subject_names: SubjectNames::default(),
            url_after_checkout: None,
        }
    }
}

// Fields in alphabetical order, as in the documented example, so the JSON reads the same.
#[derive(Serialize)]
struct Certificate<'a> {
    csr: &'a str,
    price: Value,
    product_id: &'a str,
    subject_names: Vec<Value>,
    validity_period: (u16, &'static str),
    vhost_names: Vec<String>,
}

#[derive(Serialize)]
struct IdentityVerification<'a> {
    #[serde(rename = "countryName")]
    country_name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    duns_number: Option<&'a str>,
    #[serde(rename = "localityName")]
    locality_name: &'a str,
    #[serde(rename = "organizationName")]
    organization_name: &'a str,
    #[serde(
        rename = "organizationalUnitName",
        skip_serializing_if = "Option::is_none"
    )]
    organizational_unit_name: Option<&'a str>,
    #[serde(rename = "postalCode")]
    postal_code: &'a str,
    rep_email_address: &'a str,
    rep_forename: &'a str,
    rep_surname: &'a str,
    rep_telephone: &'a str,
    #[serde(rename = "stateOrProvinceName")]
    state_or_province_name: &'a str,
    #[serde(rename = "streetAddress")]
    street_address: &'a str,
}

fn subject_name(encoding: SubjectNames, name: &str, dcv: &Dcv) -> Value {
    match encoding {
        SubjectNames::Seed => json!({ "dNSName": name }),
        SubjectNames::Pairs => json!(["dNSName", name]),
        SubjectNames::Wizard => {
            let method = match dcv {
                Dcv::Dns => "dns",
                Dcv::Http | Dcv::Https | Dcv::Email(_) => "http",
            };
            json!({ "type": "dNSName", "name": name, "dcv_method": method })
        }
    }
}

/// A price in cents as the JSON number cPanel takes: `6`, or `3.5` when there are cents.
fn price_value(cents: u64) -> Value {
    if cents.is_multiple_of(100) {
        json!(cents / 100)
    } else {
        // Below 2^53 every cent amount is exact as an f64.
        json!(cents as f64 / 100.0)
    }
}

/// The encoding actually used: only cPanel's wizard form carries a method per name, and the
/// others mean HTTP validation, so an order with any name validated by DNS (every wildcard
/// name is) is written in the wizard form whatever the setting.
pub fn encoding_for(order: &ValidatedOrder, setting: SubjectNames) -> SubjectNames {
    if order.names().any(|n| n.dcv == Dcv::Dns) {
        SubjectNames::Wizard
    } else {
        setting
    }
}

/// The `certificate` JSON for the order.
pub fn certificate_json(order: &ValidatedOrder, setting: SubjectNames) -> String {
    let encoding = encoding_for(order, setting);
    let names: Vec<_> = order.names().collect();
    let wildcards = names.iter().filter(|n| n.name.is_wildcard()).count();
    let price = order.product.unit_price.map_or(Value::Null, |unit| {
        price_value(unit.total(names.len() - wildcards, wildcards))
    });
    let years = order.product.validity.months() / 12;
    let vhost = order.primary.name.host().to_string();
    let certificate = Certificate {
        csr: order.csr.pem(),
        price,
        product_id: &order.product.type_code,
        subject_names: names
            .iter()
            .map(|n| subject_name(encoding, &n.name.to_string(), &n.dcv))
            .collect(),
        validity_period: (years.max(1), "year"),
        vhost_names: vec![vhost],
    };
    serde_json::to_string(&certificate).unwrap_or_default()
}

/// The `identity_verification` JSON of an OV or EV order; `None` for DV.
pub fn identity_json(order: &ValidatedOrder) -> Option<String> {
    let org = order.validation.organisation()?;
    let rep = &order.contacts.as_ref()?.applicant;
    let (forename, surname) = match &rep.name {
        crate::order::ContactName::Split { first, last } => (first.as_str(), last.as_str()),
        crate::order::ContactName::Full(full) => (full.as_str(), ""),
    };
    let identity = IdentityVerification {
        country_name: org.country.as_str(),
        duns_number: org.duns.as_ref().map(|d| d.as_str()),
        locality_name: &org.city,
        organization_name: &org.name,
        organizational_unit_name: org.unit.as_deref(),
        postal_code: org.postal_code.as_deref().unwrap_or_default(),
        rep_email_address: rep.email.as_str(),
        rep_forename: forename,
        rep_surname: surname,
        rep_telephone: rep.phone.as_str(),
        state_or_province_name: org.state.as_deref().unwrap_or_default(),
        street_address: org.street.as_deref().unwrap_or_default(),
    };
    serde_json::to_string(&identity).ok()
}

fn get(endpoint: &Endpoint, func: &str, params: &[(&str, String)]) -> PreparedRequest {
    let mut query = form_urlencoded::Serializer::new(String::new());
    let mut url_secrets = Vec::new();
    if let Some(token) = &endpoint.token {
        query.append_pair("access_token", token);
        url_secrets.push(form_urlencoded::byte_serialize(token.as_bytes()).collect());
    }
    for (name, value) in params {
        query.append_pair(name, value);
    }
    PreparedRequest {
        method: Method::Get,
        url: format!(
            "{}?{}",
            endpoint.url(&format!("Market/{func}")),
            query.finish()
        ),
        headers: Vec::new(),
        body: None,
        url_secrets,
    }
}

/// `GET .../Market/request_ssl_certificates`. The endpoint is the UAPI base, e.g.
/// `/cpsess0123456789/execute` inside a cPanel session.
pub fn order_request(
    order: &ValidatedOrder,
    endpoint: &Endpoint,
    options: &Options,
) -> PreparedRequest {
    let mut params = vec![
        ("provider", options.market.clone()),
        (
            "certificate",
            certificate_json(order, options.subject_names),
        ),
    ];
    if let Some(identity) = identity_json(order) {
        params.push(("identity_verification", identity));
    }
    if let Some(url) = &options.url_after_checkout {
        params.push(("url_after_checkout", url.clone()));
    }
    get(endpoint, "request_ssl_certificates", &params)
}

/// `GET .../Market/get_certificate_status_details` for one order item.
pub fn status_request(
    order_item_id: &str,
    endpoint: &Endpoint,
    options: &Options,
) -> PreparedRequest {
    let params = [
        ("order_item_id", order_item_id.to_string()),
        ("provider", options.market.clone()),
    ];
    // The access token belongs to the purchase only; the status call does not take it.
    let without_token = Endpoint {
        base_url: endpoint.base_url.clone(),
        token: None,
    };
    get(&without_token, "get_certificate_status_details", &params)
}

#[derive(Deserialize)]
struct Envelope {
    result: UapiResult,
}

#[derive(Deserialize)]
struct UapiResult {
    status: Value,
    #[serde(default)]
    errors: Option<Vec<Value>>,
    #[serde(default)]
    data: Value,
}

fn texts(list: &Option<Vec<Value>>) -> Vec<String> {
    list.iter()
        .flatten()
        .map(|v| match v {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        })
        .collect()
}

/// The envelope's `data` when `result.status` is 1; its `errors` as a failure otherwise.
fn data_of(status: u16, body: &str) -> Result<Value, ProviderError> {
    let envelope: Envelope = parse_json(status, body)?;
    let ok = match &envelope.result.status {
        Value::Number(n) => n.as_u64() == Some(1),
        Value::String(s) => s == "1",
        Value::Bool(b) => *b,
        _ => false,
    };
    if ok && status == 200 {
        return Ok(envelope.result.data);
    }
    let errors = texts(&envelope.result.errors);
    if errors.is_empty() && ok {
        return Err(unexpected(status, body));
    }
    Err(ProviderError {
        status,
        code: None,
        message: if errors.is_empty() {
            Message::FailedSilently
        } else {
            Message::Provider(errors.join(" "))
        },
        unreadable: false,
    })
}

fn text_of(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) if !s.is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Reads the answer to `request_ssl_certificates`. cPanel proves control of names on its
/// own server itself, so the instructions say so for each name.
pub fn parse_order(
    status: u16,
    body: &str,
    order: &ValidatedOrder,
) -> Result<Placed, ProviderError> {
    let data = data_of(status, body)?;
    // The documentation's own example answers `"data": {}`: accepted, with no ID to show.
    let order_id = text_of(data.get("order_id")).unwrap_or_default();
    // cPanel documents `certificates: [{order_item_id, key_id}]`; some answers list the IDs.
    let cert_id = data
        .get("certificates")
        .and_then(Value::as_array)
        .and_then(|list| text_of(list.first()?.get("order_item_id")))
        .or_else(|| {
            data.get("order_item_ids")
                .and_then(Value::as_array)
                .and_then(|ids| text_of(ids.first()))
        });
    let instructions = order
        .names()
        .map(|n| Instruction::Automatic {
            domain: n.name.to_string(),
            how: match n.dcv {
                Dcv::Dns => AutoProof::CpanelDns,
                Dcv::Http | Dcv::Https | Dcv::Email(_) => AutoProof::CpanelFile,
            },
        })
        .collect();
    let (checkout_url, checkout_unsafe) = super::link::checkout(text_of(data.get("checkout_url")));
    Ok(Placed {
        order_id,
        cert_id,
        checkout_url,
        checkout_unsafe,
        amount: None,
        instructions,
    })
}

/// The checks `get_certificate_status_details` reports, by their keys.
const CHECKS: [(&str, CpanelCheck); 7] = [
    ("csrStatus", CpanelCheck::Csr),
    ("dcvStatus", CpanelCheck::Dcv),
    ("validationStatus", CpanelCheck::Validation),
    ("organizationValidationStatus", CpanelCheck::Organisation),
    ("brandValStatus", CpanelCheck::Brand),
    ("ovCallbackStatus", CpanelCheck::Callback),
    ("evClickThroughStatus", CpanelCheck::EvAgreement),
];

/// A check's state; None for one that does not apply to this order.
fn check_state(state: &str) -> Option<CheckState> {
    match state {
        "completed" => Some(CheckState::Done),
        "not-completed" => Some(CheckState::NotDone),
        "in-progress" => Some(CheckState::InProgress),
        "not-applicable" | "not applicable" => None,
        other => Some(CheckState::Other(other.to_string())),
    }
}

pub fn parse_status(status: u16, body: &str) -> Result<StatusReport, ProviderError> {
    let data = data_of(status, body)?;
    // Current cPanel nests the checks in `status_details`; older answers put them in `data`.
    let details = data.get("status_details").unwrap_or(&data);
    let mut checks = Vec::new();
    let mut open = false;
    for (key, check) in CHECKS {
        let Some(state) = details.get(key).and_then(Value::as_str) else {
            continue;
        };
        if let Some(state) = check_state(state) {
            open |= state != CheckState::Done;
            checks.push(Check {
                subject: CheckSubject::Cpanel(check),
                state,
            });
        }
    }
    for domain in data
        .get("domain_details")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        if let (Some(name), Some(state)) = (
            domain.get("domain").and_then(Value::as_str),
            domain.get("status").and_then(Value::as_str),
        ) {
            checks.push(Check {
                subject: CheckSubject::Name(name.to_string()),
                state: CheckState::Other(state.to_ascii_lowercase().replace('_', " ")),
            });
        }
    }
    let certificate = details.get("certificateStatus").and_then(Value::as_str);
    let issued = match certificate {
        Some(state) => state == "completed",
        None => !open && !checks.is_empty(),
    };
    let status = if issued {
        CpanelStatus::Issued
    } else if checks.is_empty() {
        CpanelStatus::NotReported
    } else {
        CpanelStatus::Validating
    };
    Ok(StatusReport {
        status: Status::Cpanel(status),
        pending: !issued,
        issued,
        checks,
        instructions: Vec::new(),
        not_after: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::order::fixtures::{catalogues, scenario_draft, scenario_order, suffixes, TODAY};
    use crate::order::{validate, DcvMethod, Provider, Rules};

    /// The documented example response, byte for byte.
    const SEED_ANSWER: &str = r#"{
  "apiversion": 3,
  "func": "request_ssl_certificates",
  "module": "Market",
  "result": {
    "data": {},
    "errors": null,
    "messages": null,
    "metadata": { },
    "status": 1,
    "warnings": null
    }
}"#;

    fn endpoint() -> Endpoint {
        Endpoint {
            base_url: "/cpsess0123456789/execute".into(),
            token: Some("725431a1-d5bc-11e5-a28b-8b0e09a93f05".into()),
        }
    }

    fn order(product_id: &str, method: DcvMethod) -> ValidatedOrder {
        scenario_order(Provider::Cpanel, product_id, method)
    }

    fn certificate(request: &PreparedRequest) -> Value {
        serde_json::from_str(&request.query_param("certificate").expect("certificate"))
            .expect("JSON")
    }

    #[test]
    fn the_seed_answer_is_a_success_without_ids() {
        let placed = parse_order(
            200,
            SEED_ANSWER,
            &order("cpanel-dv-single", DcvMethod::Http),
        )
        .expect("success");
        assert_eq!(placed.order_id, "");
        assert_eq!(placed.checkout_url, None);
    }

    #[test]
    fn the_certificate_for_the_seeds_names_is_the_seeds_example() {
        // The documented example: product 143, example.com and example.org, price 6.
        let catalogue = catalogues()
            .into_iter()
            .find(|c| c.provider == Provider::Cpanel)
            .expect("shipped");
        let product = catalogue.find("cpanel-dv-multi").expect("product");
        let mut draft = scenario_draft(product, DcvMethod::Http);
        draft.domain = "example.com".into();
        draft.other_names = "example.org".into();
        draft.csr = include_str!("../../../tests/fixtures/csr/cpanel-seed.csr").into();
        draft.methods.clear();
        let list = suffixes();
        let order =
            validate(&draft, product, &Rules::basic(TODAY).with_suffixes(&list)).expect("valid");
        let json = certificate_json(&order, SubjectNames::Seed);
        let (csr, rest) = json.split_once(r#","price""#).expect("price follows csr");
        assert!(csr.starts_with(r#"{"csr":"-----BEGIN CERTIFICATE REQUEST-----"#));
        // Byte for byte the documentation's, but for `validity_period`, written as the older
        // documents do: the documentation's `["1, \"year\""]` reads as a slip.
        assert_eq!(
            format!(r#"{{"price"{rest}"#),
            r#"{"price":6,"product_id":"143","subject_names":[{"dNSName":"example.com"},{"dNSName":"example.org"}],"validity_period":[1,"year"],"vhost_names":["example.com"]}"#
        );
    }

    #[test]
    fn wildcard_names_cost_their_own_price() {
        let order = order("cpanel-dv-multi", DcvMethod::Http);
        // Three names at 3.00 and *.api.example.com at 50.00.
        assert_eq!(
            certificate(&order_request(&order, &endpoint(), &Options::default()))["price"],
            59
        );
    }

    #[test]
    fn each_subject_name_encoding_is_written_as_documented() {
        let order = order("cpanel-dv-single", DcvMethod::Http);
        let names = |encoding| {
            certificate(&order_request(
                &order,
                &endpoint(),
                &Options {
                    subject_names: encoding,
                    ..Options::default()
                },
            ))["subject_names"]
                .to_string()
        };
        assert_eq!(
            names(SubjectNames::Seed),
            r#"[{"dNSName":"shop.example.com"}]"#
        );
        assert_eq!(
            names(SubjectNames::Pairs),
            r#"[["dNSName","shop.example.com"]]"#
        );
        assert_eq!(
            names(SubjectNames::Wizard),
            r#"[{"dcv_method":"http","name":"shop.example.com","type":"dNSName"}]"#
        );
    }

    #[test]
    fn the_request_is_a_get_with_json_strings_in_the_query_and_the_token_masked() {
        let request = order_request(
            &order("cpanel-ov-single", DcvMethod::Http),
            &endpoint(),
            &Options {
                url_after_checkout: Some("https://panel.example.com/ssl".into()),
                ..Options::default()
            },
        );
        assert_eq!(request.method, Method::Get);
        assert!(request.url.starts_with(
            "/cpsess0123456789/execute/Market/request_ssl_certificates?access_token="
        ));
        assert_eq!(request.query_param("provider").as_deref(), Some("cPStore"));
        assert_eq!(
            request.query_param("url_after_checkout").as_deref(),
            Some("https://panel.example.com/ssl")
        );
        assert_eq!(certificate(&request)["price"], 40);
        let identity: Value =
            serde_json::from_str(&request.query_param("identity_verification").expect("OV"))
                .expect("JSON");
        assert_eq!(identity["organizationName"], "Acme Widgets Ltd");
        assert_eq!(identity["rep_forename"], "Ada");
        assert_eq!(identity["countryName"], "GB");
        assert!(!request.masked("[hidden]").contains("725431a1"));
    }

    #[test]
    fn a_dv_order_sends_no_identity_verification() {
        let request = order_request(
            &order("cpanel-dv-single", DcvMethod::Http),
            &endpoint(),
            &Options::default(),
        );
        assert_eq!(request.query_param("identity_verification"), None);
        assert_eq!(request.query_param("url_after_checkout"), None);
    }

    #[test]
    fn wildcard_names_are_priced_apart_and_cents_are_kept() {
        assert_eq!(price_value(5300), serde_json::json!(53));
        assert_eq!(price_value(350), serde_json::json!(3.5));
        let order = order("cpanel-dv-wildcard", DcvMethod::Dns);
        assert_eq!(
            certificate(&order_request(&order, &endpoint(), &Options::default()))["price"],
            50
        );
    }

    #[test]
    fn an_answer_with_ids_gives_the_order_item_and_checkout() {
        let body = r#"{"apiversion":3,"func":"request_ssl_certificates","module":"Market","result":{"status":1,"errors":null,"messages":null,"warnings":null,"metadata":{},
            "data":{"order_id":"12345678","certificates":[{"order_item_id":"87654321","key_id":"k"}],"checkout_url":"https://store.example/checkout/12345678"}}}"#;
        let placed =
            parse_order(200, body, &order("cpanel-dv-single", DcvMethod::Http)).expect("ok");
        assert_eq!(placed.order_id, "12345678");
        assert_eq!(placed.cert_id.as_deref(), Some("87654321"));
        assert_eq!(
            placed.checkout_url.as_deref(),
            Some("https://store.example/checkout/12345678")
        );
        assert!(matches!(
            placed.instructions[0],
            Instruction::Automatic { .. }
        ));
    }

    #[test]
    fn a_checkout_url_that_is_not_https_is_dropped_and_said_so() {
        let body = |url: &str| {
            format!(
                r#"{{"apiversion":3,"func":"request_ssl_certificates","module":"Market","result":{{"status":1,"errors":null,"messages":null,"warnings":null,"metadata":{{}},
            "data":{{"order_id":"12345678","checkout_url":"{url}"}}}}}}"#
            )
        };
        let order = order("cpanel-dv-single", DcvMethod::Http);
        for url in [
            "javascript:alert(document.domain)",
            "data:text/html,x",
            "http://evil.example/pay",
        ] {
            let placed = parse_order(200, &body(url), &order).expect("ok");
            assert_eq!(placed.order_id, "12345678", "{url}");
            assert_eq!(placed.checkout_url, None, "{url}");
            assert!(placed.checkout_unsafe, "{url}");
        }
        let placed =
            parse_order(200, &body("https://store.example/checkout/1"), &order).expect("ok");
        assert!(!placed.checkout_unsafe);
    }

    #[test]
    fn a_failed_envelope_reports_its_errors() {
        let body = r#"{"apiversion":3,"func":"request_ssl_certificates","module":"Market","result":{"status":0,"errors":["The price is wrong.","Bad CSR."],"data":null}}"#;
        let err = parse_order(200, body, &order("cpanel-dv-single", DcvMethod::Http))
            .expect_err("failed");
        assert_eq!(err.message, "The price is wrong. Bad CSR.".into());
        let login_page = parse_order(
            401,
            "<html>Access denied</html>",
            &order("cpanel-dv-single", DcvMethod::Http),
        );
        assert_eq!(
            login_page.expect_err("html").message,
            Message::Unexpected(super::super::Excerpt::of("<html>Access denied</html>"))
        );
    }

    #[test]
    fn dns_validation_is_written_in_the_only_form_that_can_say_so() {
        let order = order("cpanel-dv-wildcard", DcvMethod::Dns);
        let names = certificate(&order_request(&order, &endpoint(), &Options::default()))
            ["subject_names"]
            .to_string();
        assert_eq!(
            names,
            r#"[{"dcv_method":"dns","name":"*.example.com","type":"dNSName"}]"#
        );
    }

    #[test]
    fn nested_status_details_and_domain_states_are_read() {
        let body = |cert: &str| {
            format!(
                r#"{{"result":{{"status":1,"messages":["Not paid yet."],"data":{{"actionUrls":{{}},
                "domain_details":[{{"domain":"shop.example.com","status":"NOTVALIDATED"}}],
                "status_details":{{"certificateStatus":"{cert}","csrStatus":"completed","dcvStatus":"not-completed","evClickThroughStatus":"not applicable"}}}}}}}}"#
            )
        };
        let open = parse_status(200, &body("not-completed")).expect("ok");
        assert!(open.pending);
        assert!(open.checks.contains(&Check {
            subject: CheckSubject::Name("shop.example.com".into()),
            state: CheckState::Other("notvalidated".into()),
        }));
        assert!(!open
            .checks
            .iter()
            .any(|c| c.subject == CheckSubject::Cpanel(CpanelCheck::EvAgreement)));
        assert!(!parse_status(200, &body("completed")).expect("ok").pending);
    }

    #[test]
    fn a_failure_without_errors_says_so_and_the_status_follows_the_checks() {
        let body =
            r#"{"result":{"status":1,"data":{"csrStatus":"completed","dcvStatus":"in-progress"}}}"#;
        assert_eq!(
            parse_status(200, body).expect("ok").status,
            Status::Cpanel(CpanelStatus::Validating)
        );
        let nothing = r#"{"result":{"status":1,"data":{}}}"#;
        assert_eq!(
            parse_status(200, nothing).expect("ok").status,
            Status::Cpanel(CpanelStatus::NotReported)
        );
        let done = r#"{"result":{"status":1,"data":{"csrStatus":"completed"}}}"#;
        assert_eq!(
            parse_status(200, done).expect("ok").status,
            Status::Cpanel(CpanelStatus::Issued)
        );
        let failed = r#"{"result":{"status":0,"errors":null}}"#;
        let err = parse_order(200, failed, &order("cpanel-dv-single", DcvMethod::Http))
            .expect_err("failed");
        assert_eq!(err.message, Message::FailedSilently);
    }

    #[test]
    fn cpanel_proves_each_name_itself_by_the_method_chosen() {
        let placed = parse_order(
            200,
            SEED_ANSWER,
            &order("cpanel-dv-wildcard", DcvMethod::Dns),
        )
        .expect("placed");
        assert!(placed.instructions.iter().all(|i| matches!(
            i,
            Instruction::Automatic {
                how: AutoProof::CpanelDns,
                ..
            }
        )));
        let placed = parse_order(
            200,
            SEED_ANSWER,
            &order("cpanel-dv-single", DcvMethod::Http),
        )
        .expect("placed");
        assert!(placed.instructions.iter().all(|i| matches!(
            i,
            Instruction::Automatic {
                how: AutoProof::CpanelFile,
                ..
            }
        )));
    }

    #[test]
    fn status_lists_each_check_and_is_done_when_all_are_completed() {
        let body = |dcv: &str| {
            format!(
                r#"{{"result":{{"status":1,"data":{{"csrStatus":"completed","dcvStatus":"{dcv}","brandValStatus":"not-applicable"}}}}}}"#
            )
        };
        let open = parse_status(200, &body("in-progress")).expect("ok");
        assert!(open.pending);
        assert_eq!(
            open.checks,
            [
                Check {
                    subject: CheckSubject::Cpanel(CpanelCheck::Csr),
                    state: CheckState::Done,
                },
                Check {
                    subject: CheckSubject::Cpanel(CpanelCheck::Dcv),
                    state: CheckState::InProgress,
                },
            ]
        );
        let done = parse_status(200, &body("completed")).expect("ok");
        assert!(!done.pending);
        assert!(status_request("87654321", &endpoint(), &Options::default())
            .query_param("access_token")
            .is_none());
    }
}
