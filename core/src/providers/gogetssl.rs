//! GoGetSSL reseller API v1: `add_ssl_order`, then `orders/status`.
//!
//! Bodies are form-urlencoded and the credential is `auth_key` in the query, as
//! GoGetSSL's API reference documents. Errors come back as HTTP 200 with `"error": true`.

use super::{
    parse_json, unexpected, CheckState, CheckSubject, Endpoint, Excerpt, GoGetSslStatus, Header,
    Instruction, Message, Method, Placed, PreparedRequest, ProviderError, Status, StatusReport,
};
use crate::order::{Contact, ContactName, Dcv, Organisation, ValidatedOrder};
use serde::Deserialize;
use serde_json::Value;
use std::collections::BTreeMap;

/// Settings of the GoGetSSL adapter that are not part of an order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// `webserver_type`, an ID from `GET /tools/webservers/`; 18 is "Other".
    pub webserver_type: u16,
    /// `server_count`: server licences; -1 is unlimited.
    pub server_count: i32,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            webserver_type: 18,
            server_count: -1,
        }
    }
}

/// What `approver_emails` holds for one name: its approver address, or its method.
fn approver_entry(dcv: &Dcv) -> String {
    match dcv {
        Dcv::Email(Some(address)) => address.as_str().to_string(),
        // GoGetSSL's method names are the wizard's own slugs.
        other => other.method().slug().to_string(),
    }
}

fn names_of(contact: &Contact) -> (&str, &str) {
    match &contact.name {
        ContactName::Split { first, last } => (first.as_str(), last.as_str()),
        // Validation splits names for GoGetSSL; a full name is sent whole as the first name.
        ContactName::Full(full) => (full.as_str(), ""),
    }
}

fn contact_fields(form: &mut Vec<(&'static str, String)>, role: Role, contact: &Contact) {
    let (first, last) = names_of(contact);
    let title = contact
        .title
        .as_ref()
        .map(|t| t.as_str())
        .unwrap_or_default();
    let fields = match role {
        Role::Admin => [
            "admin_firstname",
            "admin_lastname",
            "admin_phone",
            "admin_title",
            "admin_email",
        ],
        Role::Tech => [
            "tech_firstname",
            "tech_lastname",
            "tech_phone",
            "tech_title",
            "tech_email",
        ],
    };
    let values = [
        first,
        last,
        contact.phone.as_str(),
        title,
        contact.email.as_str(),
    ];
    for (name, value) in fields.into_iter().zip(values) {
        form.push((name, value.to_string()));
    }
    // Asked of the administrative contact for OV orders only (validation sees to it).
    if let (Role::Admin, Some(fax)) = (role, &contact.fax) {
        form.push(("admin_fax", fax.as_str().to_string()));
    }
}

#[derive(Clone, Copy)]
enum Role {
    Admin,
    Tech,
}

/// The `admin_*`, `tech_*` and `org_*` organisation fields of OV and EV orders (as
/// GoGetSSL's reference lists them); `admin_fax`, which OV needs, is the contact's own answer (`contact_fields`).
fn organisation_fields(form: &mut Vec<(&'static str, String)>, org: &Organisation) {
    let mut push = |name: &'static str, value: Option<&str>| {
        if let Some(value) = value.filter(|v| !v.is_empty()) {
            form.push((name, value.to_string()));
        }
    };
    let phone = org.phone.as_ref().map(|p| p.as_str());
    push("admin_organization", Some(&org.name));
    push("admin_addressline1", org.street.as_deref());
    push("admin_city", Some(&org.city));
    push("admin_country", Some(org.country.as_str()));
    push("admin_postalcode", org.postal_code.as_deref());
    push("admin_region", org.state.as_deref());
    push("tech_organization", Some(&org.name));
    push("tech_addressline1", org.street.as_deref());
    push("tech_city", Some(&org.city));
    push("tech_country", Some(org.country.as_str()));
    push("tech_postalcode", org.postal_code.as_deref());
    push("tech_region", org.state.as_deref());
    push("org_name", Some(&org.name));
    push("org_division", org.unit.as_deref());
    push("org_duns", org.duns.as_ref().map(|d| d.as_str()));
    push("org_addressline1", org.street.as_deref());
    push("org_city", Some(&org.city));
    push("org_country", Some(org.country.as_str()));
    push("org_phone", phone);
    push("org_postalcode", org.postal_code.as_deref());
    push("org_region", org.state.as_deref());
    push("org_lei", org.lei.as_ref().map(|l| l.as_str()));
}

/// The form fields of `add_ssl_order` for the order, in the order the documents list them.
pub fn order_fields(order: &ValidatedOrder, options: Options) -> Vec<(&'static str, String)> {
    let mut form: Vec<(&'static str, String)> = vec![
        ("product_id", order.product.type_code.clone()),
        ("period", order.product.validity.months().to_string()),
        ("csr", order.csr.pem().to_string()),
        ("server_count", options.server_count.to_string()),
        ("webserver_type", options.webserver_type.to_string()),
        ("dcv_method", order.primary.dcv.method().slug().to_string()),
    ];
    if let Dcv::Email(Some(address)) = &order.primary.dcv {
        form.push(("approver_email", address.as_str().to_string()));
    }
    if !order.others.is_empty() {
        let names: Vec<String> = order.others.iter().map(|n| n.name.to_string()).collect();
        let approvers: Vec<String> = order
            .others
            .iter()
            .map(|n| approver_entry(&n.dcv))
            .collect();
        form.push(("dns_names", names.join(",")));
        form.push(("approver_emails", approvers.join(",")));
    }
    if let Some(contacts) = &order.contacts {
        contact_fields(&mut form, Role::Admin, &contacts.applicant);
        contact_fields(&mut form, Role::Tech, &contacts.tech);
    }
    if let Some(org) = order.validation.organisation() {
        organisation_fields(&mut form, org);
    }
    form.push(("signature_hash", "SHA2".into()));
    form
}

fn encode(fields: &[(&str, String)]) -> String {
    let mut serializer = form_urlencoded::Serializer::new(String::new());
    for (name, value) in fields {
        serializer.append_pair(name, value);
    }
    serializer.finish()
}

/// The URL of `path` with `auth_key` in the query, when a key is configured (a proxy adds
/// its own otherwise).
fn url_with_key(endpoint: &Endpoint, path: &str) -> (String, Vec<String>) {
    let url = endpoint.url(path);
    match &endpoint.token {
        Some(key) => {
            let encoded = encode(&[("auth_key", key.clone())]);
            let secret = encoded.trim_start_matches("auth_key=").to_string();
            (format!("{url}?{encoded}"), vec![secret])
        }
        None => (url, Vec::new()),
    }
}

fn form_request(endpoint: &Endpoint, path: &str, fields: &[(&str, String)]) -> PreparedRequest {
    let (url, url_secrets) = url_with_key(endpoint, path);
    PreparedRequest {
        method: Method::Post,
        url,
        headers: vec![Header {
            name: "Content-Type",
            value: "application/x-www-form-urlencoded".into(),
            secret: false,
        }],
        body: Some(encode(fields)),
        url_secrets,
    }
}

/// `POST /orders/add_ssl_order/`: places the order.
pub fn order_request(
    order: &ValidatedOrder,
    endpoint: &Endpoint,
    options: Options,
) -> PreparedRequest {
    form_request(
        endpoint,
        "orders/add_ssl_order/",
        &order_fields(order, options),
    )
}

/// The same call with `test=Y`: GoGetSSL checks every field and orders nothing.
pub fn check_request(
    order: &ValidatedOrder,
    endpoint: &Endpoint,
    options: Options,
) -> PreparedRequest {
    let mut fields = order_fields(order, options);
    fields.push(("test", "Y".into()));
    form_request(endpoint, "orders/add_ssl_order/", &fields)
}

/// `GET /orders/status/{order_id}/`.
pub fn status_request(order_id: &str, endpoint: &Endpoint) -> PreparedRequest {
    let id: String = form_urlencoded::byte_serialize(order_id.as_bytes()).collect();
    let (url, url_secrets) = url_with_key(endpoint, &format!("orders/status/{id}/"));
    PreparedRequest {
        method: Method::Get,
        url,
        headers: Vec::new(),
        body: None,
        url_secrets,
    }
}

/// GoGetSSL's error shape; `error` may also come as the string "true" from its PHP.
fn error_of(status: u16, value: &Value) -> Option<ProviderError> {
    let flagged = match value.get("error") {
        Some(Value::Bool(flag)) => *flag,
        Some(Value::String(flag)) => flag == "true" || flag == "1",
        Some(Value::Number(n)) => n.as_u64() == Some(1),
        _ => false,
    };
    if !flagged {
        return None;
    }
    let text = |key: &str| match value.get(key) {
        Some(Value::String(s)) if !s.is_empty() => Some(s.clone()),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let code = text("message");
    let message = text("description")
        .or_else(|| code.clone())
        .map_or(Message::NoMessage, Message::Provider);
    Some(ProviderError {
        status,
        code,
        message,
        unreadable: false,
    })
}

/// Reads any answer: `error: true` is a failure whatever the HTTP status, and a non-200
/// without it is one too.
fn answer(status: u16, body: &str) -> Result<Value, ProviderError> {
    let value: Value = parse_json(status, body)?;
    if let Some(err) = error_of(status, &value) {
        return Err(err);
    }
    if status != 200 || !value.is_object() {
        return Err(unexpected(status, body));
    }
    Ok(value)
}

/// IDs come as numbers in the provider's documentation and as strings from some accounts.
fn id_text(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) if !s.is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

#[derive(Deserialize)]
struct FileMethod {
    link: String,
    #[serde(default)]
    content: String,
}

#[derive(Deserialize)]
struct DnsMethod {
    record: String,
}

/// A zone-file-like line (`name. [ttl] [IN] CNAME value.`) split into name, type and value.
fn dns_instruction(domain: &str, record: &str) -> Instruction {
    let parts: Vec<&str> = record.split_whitespace().collect();
    let kind_at = parts
        .iter()
        .position(|p| matches!(p.to_ascii_uppercase().as_str(), "CNAME" | "TXT"));
    match (parts.first(), kind_at) {
        (Some(name), Some(at)) if at > 0 => Instruction::Dns {
            domain: domain.to_string(),
            name: (*name).to_string(),
            record_type: parts[at].to_ascii_uppercase(),
            value: parts[at + 1..].join(" ").trim_matches('"').to_string(),
        },
        _ => Instruction::Dns {
            domain: domain.to_string(),
            name: String::new(),
            record_type: String::new(),
            value: record.to_string(),
        },
    }
}

/// Reads an `approver_method` (or a SAN's `validation`) object into instructions.
fn instructions_of(domain: &str, method: &Value) -> Vec<Instruction> {
    let mut found = Vec::new();
    let Some(map) = method.as_object() else {
        if let Some(address) = method.as_str().filter(|s| s.contains('@')) {
            found.push(Instruction::Email {
                domain: domain.into(),
                address: address.into(),
            });
        }
        return found;
    };
    for (kind, detail) in map {
        match kind.as_str() {
            "http" | "https" => {
                if let Ok(file) = serde_json::from_value::<FileMethod>(detail.clone()) {
                    found.push(Instruction::File {
                        domain: domain.into(),
                        url: file.link,
                        content: file.content,
                    });
                }
            }
            "dns" => {
                if let Ok(dns) = serde_json::from_value::<DnsMethod>(detail.clone()) {
                    found.push(dns_instruction(domain, &dns.record));
                }
            }
            "email" => {
                if let Some(address) = detail.as_str() {
                    found.push(Instruction::Email {
                        domain: domain.into(),
                        address: address.into(),
                    });
                }
            }
            _ => {}
        }
    }
    found
}

/// The instructions for the primary and for every `san[]` entry of an answer.
fn all_instructions(primary: &str, value: &Value) -> Vec<Instruction> {
    let mut found = value
        .get("approver_method")
        .map(|m| instructions_of(primary, m))
        .unwrap_or_default();
    for san in value
        .get("san")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let Some(name) = san.get("san_name").and_then(Value::as_str) else {
            continue;
        };
        if let Some(validation) = san.get("validation") {
            found.extend(instructions_of(name, validation));
        }
    }
    found
}

/// The approvals the order asked for that the answer does not name: GoGetSSL's answer may
/// give only the primary's `approver_method`, yet every name's approver must approve.
fn approvals_sent(order: &ValidatedOrder, answered: &[Instruction]) -> Vec<Instruction> {
    order
        .names()
        .filter_map(|name| {
            let domain = name.name.to_string();
            let covered = answered.iter().any(|i| i.domain() == domain);
            match &name.dcv {
                Dcv::Email(Some(address)) if !covered => Some(Instruction::Email {
                    domain,
                    address: address.as_str().to_string(),
                }),
                Dcv::Email(_) | Dcv::Dns | Dcv::Http | Dcv::Https => None,
            }
        })
        .collect()
}

/// Reads the answer to `add_ssl_order` for `order` (GoGetSSL does not repeat the primary's
/// name, and may leave out the other names' approvals: those come from what was sent).
pub fn parse_order(
    status: u16,
    body: &str,
    order: &ValidatedOrder,
) -> Result<Placed, ProviderError> {
    let primary = order.primary.name.to_string();
    let value = answer(status, body)?;
    let order_id = id_text(value.get("order_id")).ok_or_else(|| ProviderError {
        status,
        code: None,
        message: Message::NoOrderId(Excerpt::of(body)),
        unreadable: true,
    })?;
    let amount = id_text(value.get("order_amount")).map(|amount| {
        match value.get("currency").and_then(Value::as_str) {
            Some(currency) => format!("{amount} {currency}"),
            None => amount,
        }
    });
    Ok(Placed {
        order_id,
        cert_id: None,
        checkout_url: None,
        checkout_unsafe: false,
        amount,
        instructions: {
            let mut found = all_instructions(&primary, &value);
            found.extend(approvals_sent(order, &found));
            found
        },
    })
}

/// Reads the answer to a `test=Y` check: the amount the order would cost, if given.
pub fn parse_check(status: u16, body: &str) -> Result<Option<String>, ProviderError> {
    let value = answer(status, body)?;
    Ok(id_text(value.get("order_amount")))
}

/// The status values of `GET /orders/status/{id}`, and whether each can still change.
fn read_status(status: &str) -> (Status, bool) {
    let (known, pending) = match status {
        "active" => (GoGetSslStatus::Active, false),
        "processing" => (GoGetSslStatus::Processing, true),
        "pending" => (GoGetSslStatus::Pending, true),
        "new_order" => (GoGetSslStatus::NewOrder, true),
        "reissue" => (GoGetSslStatus::Reissue, true),
        "incomplete" => (GoGetSslStatus::Incomplete, false),
        "unpaid" => (GoGetSslStatus::Unpaid, false),
        "cancelled" => (GoGetSslStatus::Cancelled, false),
        "expired" => (GoGetSslStatus::Expired, false),
        "rejected" => (GoGetSslStatus::Rejected, false),
        other => return (Status::Unknown(other.to_string()), false),
    };
    (Status::GoGetSsl(known), pending)
}

/// A SAN's `status`: "0" not set, "1" processing, "2" validated.
fn san_state(status: &Value) -> CheckState {
    match id_text(Some(status)).as_deref() {
        Some("2") => CheckState::SanValidated,
        Some("1") => CheckState::SanBeingValidated,
        Some("0") => CheckState::SanNotStarted,
        Some(other) => CheckState::Other(other.into()),
        None => CheckState::SanUnknown,
    }
}

pub fn parse_status(status: u16, body: &str) -> Result<StatusReport, ProviderError> {
    let value = answer(status, body)?;
    let raw = value
        .get("status")
        .and_then(Value::as_str)
        .unwrap_or("unknown");
    let (read, pending) = read_status(raw);
    let primary = value
        .get("domain")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let checks = value
        .get("san")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|san| {
            let name = san.get("san_name")?.as_str()?;
            Some(super::Check {
                subject: CheckSubject::Name(name.to_string()),
                state: san_state(san.get("status")?),
            })
        })
        .collect();
    // Once issued there is nothing left to do; old instructions would only confuse.
    let instructions = if raw == "active" {
        Vec::new()
    } else {
        all_instructions(primary, &value)
    };
    let not_after = value
        .get("valid_till")
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty() && *s != "0000-00-00")
        .map(str::to_string);
    Ok(StatusReport {
        status: read,
        pending,
        issued: raw == "active",
        checks,
        instructions,
        not_after,
    })
}

/// The form body of a request as name/value pairs, for tests and the review page.
pub fn form_pairs(body: &str) -> BTreeMap<String, String> {
    form_urlencoded::parse(body.as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::order::fixtures::scenario_order;
    use crate::order::{DcvMethod, Provider};

    const SEED_ANSWER: &str = r#"{
  "approver_method": {
    "http": {
      "link": "http:\/\/demo.gogetssl.com\/.well-known\/pki-validation\/37D0C93EE263FF9EEEA799215A9C3225.txt",
      "filename": "37D0C93EE263FF9EEEA799215A9C3225.txt",
      "content": "D30C576BF9EB30A75211CB799848EE5CABFCE3D8EE13212A57C9B7E42EF9BAA2\r\nCOMODOCA.COM\r\nt0827792001533920169"
     }
  },
  "order_id": 783956,
  "invoice_id": 574941,
  "order_status": "active",
  "success": true,
  "order_amount": 0,
  "currency": "EUR",
  "tax": "0.00",
  "tax_rate": "21%"
}"#;

    fn endpoint() -> Endpoint {
        Endpoint {
            base_url: "https://my.gogetssl.com/api".into(),
            token: Some("k3y&with=odd/chars".into()),
        }
    }

    fn order(product_id: &str, method: DcvMethod) -> ValidatedOrder {
        scenario_order(Provider::GoGetSsl, product_id, method)
    }

    fn fields(request: &PreparedRequest) -> BTreeMap<String, String> {
        form_pairs(request.body.as_deref().unwrap_or_default())
    }

    #[test]
    fn the_seed_answer_parses_to_its_order_amount_and_validation_file() {
        let order = order("positivessl", DcvMethod::Http);
        let placed = parse_order(200, SEED_ANSWER, &order).expect("success");
        assert_eq!(placed.order_id, "783956");
        assert_eq!(placed.amount.as_deref(), Some("0 EUR"));
        assert_eq!(
            placed.instructions,
            [Instruction::File {
                domain: order.primary.name.to_string(),
                url: "http://demo.gogetssl.com/.well-known/pki-validation/37D0C93EE263FF9EEEA799215A9C3225.txt".into(),
                content: "D30C576BF9EB30A75211CB799848EE5CABFCE3D8EE13212A57C9B7E42EF9BAA2\r\nCOMODOCA.COM\r\nt0827792001533920169".into(),
            }]
        );
    }

    #[test]
    fn an_error_in_an_http_200_is_a_failure_with_its_code_and_description() {
        let body = r#"{"error":true,"message":"115","description":"Wildcard CSR must have an asterisk in its common name"}"#;
        let order = order("positivessl", DcvMethod::Dns);
        let err = parse_order(200, body, &order).expect_err("error");
        assert_eq!(err.code.as_deref(), Some("115"));
        assert_eq!(
            err.message,
            "Wildcard CSR must have an asterisk in its common name".into()
        );
        assert!(parse_status(200, body).is_err());
        assert!(parse_check(200, body).is_err());
    }

    #[test]
    fn a_gateway_page_is_reported_not_parsed() {
        let order = order("positivessl", DcvMethod::Dns);
        let err = parse_order(502, "<html>Bad gateway</html>", &order).expect_err("html");
        assert_eq!(
            err.message,
            Message::Unexpected(Excerpt::of("<html>Bad gateway</html>"))
        );
        assert!(parse_order(500, r#"{"success":true}"#, &order).is_err());
    }

    #[test]
    fn the_order_is_a_form_post_with_the_key_in_the_query_and_masked_when_shown() {
        let request = order_request(
            &order("positivessl", DcvMethod::Dns),
            &endpoint(),
            Options::default(),
        );
        assert_eq!(request.method, Method::Post);
        assert!(request
            .url
            .starts_with("https://my.gogetssl.com/api/orders/add_ssl_order/?auth_key="));
        assert_eq!(
            request.query_param("auth_key").as_deref(),
            Some("k3y&with=odd/chars")
        );
        assert_eq!(
            request.headers[0].value,
            "application/x-www-form-urlencoded"
        );
        let shown = request.masked("[hidden]");
        assert!(
            !shown.contains("k3y") && !shown.contains("odd%2Fchars"),
            "{shown}"
        );
    }

    #[test]
    fn a_proxy_without_a_key_gets_no_auth_key() {
        let proxy = Endpoint {
            base_url: "/proxy".into(),
            token: None,
        };
        let request = order_request(
            &order("positivessl", DcvMethod::Dns),
            &proxy,
            Options::default(),
        );
        assert_eq!(request.url, "/proxy/orders/add_ssl_order/");
    }

    #[test]
    fn a_dv_single_order_sends_exactly_the_documented_dv_fields() {
        let request = order_request(
            &order("positivessl", DcvMethod::Http),
            &endpoint(),
            Options::default(),
        );
        let sent = fields(&request);
        let keys: Vec<&str> = sent.keys().map(String::as_str).collect();
        let mut expected = vec![
            "product_id",
            "period",
            "csr",
            "server_count",
            "webserver_type",
            "dcv_method",
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
            "signature_hash",
        ];
        expected.sort_unstable();
        assert_eq!(keys, expected);
        assert_eq!(sent["product_id"], "45");
        assert_eq!(sent["period"], "12");
        assert_eq!(sent["server_count"], "-1");
        assert_eq!(sent["dcv_method"], "http");
        assert_eq!(sent["admin_firstname"], "Ada");
        assert_eq!(sent["tech_email"], "charles@example.com");
        assert_eq!(sent["signature_hash"], "SHA2");
    }

    #[test]
    fn email_validation_names_the_primarys_approver() {
        let sent = fields(&order_request(
            &order("positivessl", DcvMethod::Email),
            &endpoint(),
            Options::default(),
        ));
        assert_eq!(sent["dcv_method"], "email");
        assert_eq!(sent["approver_email"], "admin@example.com");
    }

    #[test]
    fn every_names_approver_is_listed_where_the_answer_names_only_the_primarys() {
        let order = order("positivessl-multi", DcvMethod::Email);
        assert!(!order.others.is_empty());
        // The documentation's shape: `approver_method` for the primary, no `san[]`.
        let body =
            r#"{"order_id":"901","success":true,"approver_method":{"email":"admin@example.com"}}"#;
        let placed = parse_order(200, body, &order).expect("placed");
        let listed: Vec<(String, String)> = placed
            .instructions
            .iter()
            .map(|i| match i {
                Instruction::Email { domain, address } => (domain.clone(), address.clone()),
                other => panic!("only approvals: {other:?}"),
            })
            .collect();
        let sent: Vec<(String, String)> = order
            .names()
            .map(|n| match &n.dcv {
                Dcv::Email(Some(address)) => (n.name.to_string(), address.as_str().to_string()),
                other => panic!("email for every name: {other:?}"),
            })
            .collect();
        assert_eq!(listed, sent);
        // Where the answer names a SAN's approver itself, that is the one shown, once.
        let other = order.others[0].name.to_string();
        let body = format!(
            r#"{{"order_id":"902","approver_method":{{"email":"admin@example.com"}},"san":[{{"san_name":"{other}","validation":{{"email":"hostmaster@x.example"}}}}]}}"#
        );
        let placed = parse_order(200, &body, &order).expect("placed");
        let for_other: Vec<&Instruction> = placed
            .instructions
            .iter()
            .filter(|i| i.domain() == other)
            .collect();
        assert_eq!(
            for_other,
            [&Instruction::Email {
                domain: other.clone(),
                address: "hostmaster@x.example".into()
            }]
        );
        assert_eq!(placed.instructions.len(), order.names().count());
    }

    #[test]
    fn a_multi_domain_order_lists_the_other_names_with_one_approver_entry_each() {
        let sent = fields(&order_request(
            &order("sectigo-ov-multi-wildcard", DcvMethod::Http),
            &endpoint(),
            Options::default(),
        ));
        let names: Vec<&str> = sent["dns_names"].split(',').collect();
        assert_eq!(
            names,
            ["www.example.com", "api.example.com", "*.api.example.com"]
        );
        assert!(!names.contains(&"shop.example.com"), "never the primary");
        // The wildcard cannot be proved by a file, so it is validated by DNS.
        assert_eq!(sent["approver_emails"], "http,http,dns");
    }

    #[test]
    fn ov_orders_carry_the_organisation_and_ev_orders_omit_the_ov_only_fields() {
        let ov = fields(&order_request(
            &order("sectigo-ov", DcvMethod::Dns),
            &endpoint(),
            Options::default(),
        ));
        for key in [
            "admin_organization",
            "admin_addressline1",
            "admin_city",
            "admin_country",
            "admin_fax",
            "tech_organization",
            "tech_city",
            "tech_country",
            "org_name",
            "org_division",
            "org_addressline1",
            "org_city",
            "org_country",
            "org_phone",
            "org_postalcode",
            "org_region",
            "org_duns",
        ] {
            assert!(ov.contains_key(key), "{key}");
        }
        assert_eq!(ov["org_division"], "Web Services");
        assert_eq!(ov["org_country"], "GB");
        // The fax typed, normalised; never the applicant's or the organisation's phone.
        assert_eq!(ov["admin_fax"], "+442079460999");
        assert_ne!(ov["admin_fax"], ov["admin_phone"]);
        assert_ne!(ov["admin_fax"], ov["org_phone"]);
        let ev = fields(&order_request(
            &order("sectigo-ev", DcvMethod::Dns),
            &endpoint(),
            Options::default(),
        ));
        assert!(!ev.contains_key("admin_fax"));
        assert!(ev.contains_key("org_name"));
        let dv = fields(&order_request(
            &order("positivessl", DcvMethod::Dns),
            &endpoint(),
            Options::default(),
        ));
        assert!(!dv.keys().any(|k| k.starts_with("org_")));
    }

    #[test]
    fn the_check_is_the_same_order_with_test_y() {
        let order = order("positivessl", DcvMethod::Dns);
        let check = fields(&check_request(&order, &endpoint(), Options::default()));
        let mut real = fields(&order_request(&order, &endpoint(), Options::default()));
        real.insert("test".into(), "Y".into());
        assert_eq!(check, real);
        assert_eq!(
            parse_check(200, r#"{"success":true,"order_amount":8}"#)
                .expect("ok")
                .as_deref(),
            Some("8")
        );
    }

    #[test]
    fn dns_records_are_split_into_name_type_and_value() {
        assert_eq!(
            dns_instruction(
                "example.com",
                "_abc.example.com. 3600 IN CNAME def.sectigo.com."
            ),
            Instruction::Dns {
                domain: "example.com".into(),
                name: "_abc.example.com.".into(),
                record_type: "CNAME".into(),
                value: "def.sectigo.com.".into(),
            }
        );
    }

    #[test]
    fn status_reads_each_sans_state_and_instructions_until_active() {
        let body = r#"{"order_id":"1","status":"processing","domain":"shop.example.com",
            "approver_method":{"dns":{"record":"_a.shop.example.com. CNAME b.sectigo.com."}},
            "san":[{"san_name":"www.example.com","status":"2","validation":{"email":"admin@example.com"}}]}"#;
        let report = parse_status(200, body).expect("ok");
        assert!(report.pending);
        assert_eq!(
            report.checks,
            [super::super::Check {
                subject: CheckSubject::Name("www.example.com".into()),
                state: CheckState::SanValidated,
            }]
        );
        assert_eq!(report.instructions.len(), 2);
        let issued = parse_status(200, &body.replace("processing", "active")).expect("ok");
        assert!(!issued.pending && issued.instructions.is_empty());
        let odd = parse_status(200, &body.replace("processing", "on_hold")).expect("ok");
        assert_eq!(odd.status, Status::Unknown("on_hold".into()));
    }

    #[test]
    fn an_error_without_words_and_a_success_without_an_id_are_told_apart() {
        let order = order("positivessl", DcvMethod::Dns);
        let err = parse_order(200, r#"{"error":true}"#, &order).expect_err("error");
        assert_eq!(err.message, Message::NoMessage);
        let no_id = parse_order(200, r#"{"success":true}"#, &order).expect_err("no id");
        assert_eq!(
            no_id.message,
            Message::NoOrderId(Excerpt::of(r#"{"success":true}"#))
        );
        assert!(no_id.unreadable);
        for (raw, state) in [
            ("2", CheckState::SanValidated),
            ("1", CheckState::SanBeingValidated),
            ("0", CheckState::SanNotStarted),
            ("7", CheckState::Other("7".into())),
        ] {
            assert_eq!(san_state(&Value::from(raw)), state, "{raw}");
        }
        assert_eq!(san_state(&Value::Null), CheckState::SanUnknown);
    }

    #[test]
    fn every_documented_status_is_known_and_says_whether_it_can_change() {
        for (status, pending) in [
            ("active", false),
            ("cancelled", false),
            ("expired", false),
            ("incomplete", false),
            ("new_order", true),
            ("unpaid", false),
            ("pending", true),
            ("processing", true),
            ("reissue", true),
            ("rejected", false),
        ] {
            let (read, still) = read_status(status);
            assert!(matches!(read, Status::GoGetSsl(_)), "{status}");
            assert_eq!(still, pending, "{status}");
        }
    }
}
