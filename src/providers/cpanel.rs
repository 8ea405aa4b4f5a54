//! cPanel UAPI `Market::request_ssl_certificates`, then `get_certificate_status_details`.
//!
//! One GET whose query carries `certificate` and `identity_verification` as JSON strings,
//! answered in the UAPI envelope (`shared/reference/providers.md` §3).

use super::{
    parse_json, unexpected, Endpoint, Instruction, Method, Placed, PreparedRequest, ProviderError,
    StatusReport,
};
use crate::order::{Dcv, ValidatedOrder};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

/// How `subject_names` are written: the documents show three forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SubjectNames {
    /// `[{"dNSName":"example.com"}]`, as in the seed's example.
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

// Fields in alphabetical order, as in the seed's example, so the JSON reads the same.
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
                _ => "http",
            };
            json!({ "type": "dNSName", "name": name, "dcv_method": method })
        }
    }
}

/// A price in cents as the JSON number cPanel takes: `6`, or `3.5` when there are cents.
fn price_value(cents: u64) -> Value {
    if cents % 100 == 0 {
        json!(cents / 100)
    } else {
        // Below 2^53 every cent amount is exact as an f64.
        json!(cents as f64 / 100.0)
    }
}

/// The `certificate` JSON for the order.
pub fn certificate_json(order: &ValidatedOrder, encoding: SubjectNames) -> String {
    let names: Vec<_> = order.names().collect();
    let wildcards = names.iter().filter(|n| n.name.is_wildcard()).count();
    let price = order.product.unit_price.map_or(Value::Null, |unit| {
        price_value(unit.total(names.len() - wildcards, wildcards))
    });
    let years = order.product.validity.months() / 12;
    let vhost = order.primary.name.host().to_string();
    let certificate = Certificate {
        csr: &order.csr.pem,
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
            "cPanel reported a failure without saying why".into()
        } else {
            errors.join(" ")
        },
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
    let order_id = text_of(data.get("order_id")).ok_or_else(|| ProviderError {
        status,
        code: None,
        message: format!("The answer holds no order ID: {}", super::excerpt(body)),
    })?;
    let cert_id = data
        .get("order_item_ids")
        .and_then(Value::as_array)
        .and_then(|ids| text_of(ids.first()));
    let instructions = order
        .names()
        .map(|n| Instruction::Automatic {
            domain: n.name.to_string(),
            how: match n.dcv {
                Dcv::Dns => "cPanel adds the DNS record itself if the domain's DNS is on this server; otherwise create the record the status page shows.".into(),
                _ => "cPanel places the validation file in the site's document root itself.".into(),
            },
        })
        .collect();
    Ok(Placed {
        order_id,
        cert_id,
        checkout_url: text_of(data.get("checkout_url")),
        amount: None,
        instructions,
    })
}

/// The checks `get_certificate_status_details` reports, with names a person understands.
const CHECKS: [(&str, &str); 5] = [
    ("csrStatus", "Certificate request"),
    ("dcvStatus", "Domain control"),
    ("brandValStatus", "Brand review"),
    ("ovCallbackStatus", "Organisation call-back"),
    ("evClickThroughStatus", "EV agreement"),
];

pub fn parse_status(status: u16, body: &str) -> Result<StatusReport, ProviderError> {
    let data = data_of(status, body)?;
    let mut checks = Vec::new();
    let mut open = false;
    for (key, label) in CHECKS {
        let Some(state) = data.get(key).and_then(Value::as_str) else {
            continue;
        };
        let words = match state {
            "completed" => "done".to_string(),
            "not-completed" => "not yet done".to_string(),
            "in-progress" => "in progress".to_string(),
            "not-applicable" => continue,
            other => other.to_string(),
        };
        open |= state != "completed";
        checks.push((label.to_string(), words));
    }
    let text = if checks.is_empty() {
        "Status not reported yet".to_string()
    } else if open {
        "Being validated: see each check below".to_string()
    } else {
        "Validated: the certificate is issued and cPanel installs it".to_string()
    };
    Ok(StatusReport {
        text,
        pending: open || checks.is_empty(),
        checks,
        instructions: Vec::new(),
        not_after: None,
    })
}
