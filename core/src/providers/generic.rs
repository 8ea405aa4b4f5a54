//! The generic JSON format: the wizard's canonical order, for a proxy of one's own.
//!
//! Published as a JSON Schema in `public/schema/order-v1.schema.json` and described in the
//! README. `POST {endpoint}/orders` with an `Idempotency-Key`, `GET {endpoint}/orders/{id}`.

use super::{
    parse_json, unexpected, Endpoint, GenericStatus, Header, Instruction, Message, Method, Placed,
    PreparedRequest, ProviderError, Status, StatusReport,
};
use crate::order::{
    Contact, ContactName, Coverage, Dcv, FieldError, FieldErrors, Level, ValidatedOrder,
};
use serde::{Deserialize, Serialize};
use serde_json::Value;

pub const FORMAT: &str = "ssl-order/1";

#[derive(Serialize)]
struct Order<'a> {
    format: &'static str,
    product: ProductJson<'a>,
    names: Vec<NameJson>,
    csr: &'a str,
    contacts: Option<ContactsJson<'a>>,
    organisation: Option<OrganisationJson<'a>>,
    agree_privacy: bool,
}

#[derive(Serialize)]
struct ProductJson<'a> {
    id: &'a str,
    provider: &'static str,
    code: &'a str,
    brand: &'a str,
    level: &'static str,
    coverage: &'static str,
    validity_months: u16,
}

#[derive(Serialize)]
struct NameJson {
    name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    unicode: Option<String>,
    primary: bool,
    method: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    approver: Option<String>,
}

#[derive(Serialize)]
struct ContactsJson<'a> {
    applicant: ContactJson<'a>,
    technical: Option<ContactJson<'a>>,
}

#[derive(Serialize)]
struct ContactJson<'a> {
    full_name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    first_name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    last_name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    email: &'a str,
    phone: &'a str,
    /// Only where the provider requires one (GoGetSSL OV's `admin_fax`).
    #[serde(skip_serializing_if = "Option::is_none")]
    fax: Option<&'a str>,
}

#[derive(Serialize)]
struct OrganisationJson<'a> {
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    unit: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    street: Option<&'a str>,
    city: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    state: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    postal_code: Option<&'a str>,
    country: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    phone: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    duns: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    lei: Option<&'a str>,
}

fn contact(c: &Contact) -> ContactJson<'_> {
    let (first_name, last_name) = match &c.name {
        ContactName::Split { first, last } => (Some(first.as_str()), Some(last.as_str())),
        ContactName::Full(_) => (None, None),
    };
    ContactJson {
        full_name: c.name.full(),
        first_name,
        last_name,
        title: c.title.as_ref().map(|t| t.as_str()),
        email: c.email.as_str(),
        phone: c.phone.as_str(),
        fax: c.fax.as_ref().map(|f| f.as_str()),
    }
}

/// The order as the generic format's JSON, indented so the review page shows it as sent.
pub fn order_json(order: &ValidatedOrder) -> String {
    let product = &order.product;
    let names = order
        .names()
        .enumerate()
        .map(|(i, n)| NameJson {
            name: n.name.to_string(),
            unicode: n.unicode.clone(),
            primary: i == 0,
            // The format's method names are the wizard's own slugs.
            method: n.dcv.method().slug(),
            approver: match &n.dcv {
                Dcv::Email(Some(address)) => Some(address.as_str().to_string()),
                Dcv::Email(None) | Dcv::Dns | Dcv::Http | Dcv::Https => None,
            },
        })
        .collect();
    let org = order.validation.organisation();
    let body = Order {
        format: FORMAT,
        product: ProductJson {
            id: &product.id,
            provider: match product.provider {
                crate::order::Provider::Huawei => "huawei",
                crate::order::Provider::GoGetSsl => "gogetssl",
                crate::order::Provider::Cpanel => "cpanel",
            },
            code: &product.type_code,
            brand: &product.brand,
            level: match product.level {
                Level::Dv => "DV",
                Level::Ov => "OV",
                Level::Ev => "EV",
            },
            coverage: match product.coverage {
                Coverage::Single => "single",
                Coverage::Wildcard => "wildcard",
                Coverage::Multi { .. } => "multi",
            },
            validity_months: product.validity.months(),
        },
        names,
        csr: order.csr.pem(),
        contacts: order.contacts.as_ref().map(|c| ContactsJson {
            applicant: contact(&c.applicant),
            technical: c.tech_given.then(|| contact(&c.tech)),
        }),
        organisation: org.map(|o| OrganisationJson {
            name: &o.name,
            unit: o.unit.as_deref(),
            street: o.street.as_deref(),
            city: &o.city,
            state: o.state.as_deref(),
            postal_code: o.postal_code.as_deref(),
            country: o.country.as_str(),
            phone: o.phone.as_ref().map(|p| p.as_str()),
            duns: o.duns.as_ref().map(|d| d.as_str()),
            lei: o.lei.as_ref().map(|l| l.as_str()),
        }),
        agree_privacy: true,
    };
    serde_json::to_string_pretty(&body).unwrap_or_default()
}

fn auth(endpoint: &Endpoint, headers: &mut Vec<Header>) {
    if let Some(token) = &endpoint.token {
        headers.push(Header {
            name: "Authorization",
            value: format!("Bearer {token}"),
            secret: true,
        });
    }
}

/// An `Idempotency-Key` that can be trusted to be this order's alone: a well-formed, random
/// (version 4) UUID that is not all zeros. Only `parse` makes one, so an empty key, or the
/// zeros a failed random source leaves behind, can never be sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderKey(String);

impl OrderKey {
    pub fn parse(text: &str) -> Option<OrderKey> {
        is_random_uuid(text).then(|| OrderKey(text.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// `xxxxxxxx-xxxx-4xxx-Vxxx-xxxxxxxxxxxx` (V one of 8, 9, a, b) with some random bit set.
pub fn is_random_uuid(text: &str) -> bool {
    let bytes = text.as_bytes();
    let shaped = bytes.len() == 36
        && bytes.iter().enumerate().all(|(i, b)| match i {
            8 | 13 | 18 | 23 => *b == b'-',
            _ => b.is_ascii_hexdigit(),
        });
    if !shaped {
        return false;
    }
    let version = bytes[14] == b'4';
    let variant = matches!(bytes[19].to_ascii_lowercase(), b'8' | b'9' | b'a' | b'b');
    // The random bits are all but the version and the variant's top two bits.
    let random_bits_set = bytes.iter().enumerate().any(|(i, b)| match i {
        8 | 13 | 14 | 18 | 23 => false,
        19 => matches!(b.to_ascii_lowercase(), b'9' | b'a' | b'b'),
        _ => *b != b'0',
    });
    version && variant && random_bits_set
}

/// `POST {endpoint}/orders`. `key` must be the same on every attempt to place this order:
/// the proxy answers a repeat with the first order instead of placing a second.
pub fn order_request(order: &ValidatedOrder, endpoint: &Endpoint, key: &str) -> PreparedRequest {
    let mut headers = vec![
        Header {
            name: "Content-Type",
            value: "application/json".into(),
            secret: false,
        },
        Header {
            name: "Idempotency-Key",
            value: key.to_string(),
            secret: false,
        },
    ];
    auth(endpoint, &mut headers);
    PreparedRequest {
        method: Method::Post,
        url: endpoint.url("orders"),
        headers,
        body: Some(order_json(order)),
        url_secrets: Vec::new(),
    }
}

/// `GET {endpoint}/orders/{order_id}`.
pub fn status_request(order_id: &str, endpoint: &Endpoint) -> PreparedRequest {
    let id: String = form_urlencoded::byte_serialize(order_id.as_bytes()).collect();
    let mut headers = Vec::new();
    auth(endpoint, &mut headers);
    PreparedRequest {
        method: Method::Get,
        url: endpoint.url(&format!("orders/{id}")),
        headers,
        body: None,
        url_secrets: Vec::new(),
    }
}

/// The answer's fields read here. Read through `Value`, whose parser the other adapters
/// share, rather than derived structs: each derived parser costs wasm of its own.
struct Answer {
    order_id: String,
    status: String,
    status_text: Option<String>,
    certificate_id: Option<String>,
    checkout_url: Option<String>,
    instructions: Vec<Instruction>,
}

fn text(value: &Value, key: &str) -> Option<String> {
    value.get(key)?.as_str().map(str::to_string)
}

fn instruction(found: &Value) -> Option<Instruction> {
    let domain = text(found, "name")?;
    match found.get("method")?.as_str()? {
        "dns" => {
            let record = found.get("record")?;
            Some(Instruction::Dns {
                domain,
                name: text(record, "name")?,
                record_type: text(record, "type")?,
                value: text(record, "value")?,
            })
        }
        "http" | "https" => {
            let file = found.get("file")?;
            Some(Instruction::File {
                domain,
                url: text(file, "url")?,
                content: text(file, "content").unwrap_or_default(),
            })
        }
        "email" => Some(Instruction::Email {
            domain,
            address: text(found, "email")?,
        }),
        _ => None,
    }
}

/// The order server's `problems`: the core's own `FieldError`s as serde writes them. One
/// the wizard cannot read (a newer server's) is left out; the message still says it. None
/// when there are none to show.
fn problems(value: &Value) -> Option<FieldErrors> {
    let mut found = FieldErrors::new();
    for problem in value.get("problems")?.as_array()? {
        if let Ok(FieldError { field, problem }) = FieldError::deserialize(problem) {
            found.push(field, problem);
        }
    }
    found.sort_by_page_order();
    (!found.is_empty()).then_some(found)
}

fn answer_of(status: u16, body: &str) -> Result<Answer, ProviderError> {
    let value: Value = parse_json(status, body)?;
    if !(200..300).contains(&status) {
        let error = value.get("error");
        return Err(
            match error.and_then(|e| Some((text(e, "code")?, text(e, "message")?))) {
                Some((code, message)) => ProviderError {
                    status,
                    code: Some(code),
                    message: match (problems(&value), error.and_then(|e| text(e, "field"))) {
                        (Some(problems), _) => Message::Problems { message, problems },
                        (None, Some(field)) => Message::AtField { message, field },
                        (None, None) => Message::Provider(message),
                    },
                    unreadable: false,
                },
                None => unexpected(status, body),
            },
        );
    }
    let (Some(order_id), Some(order_status)) = (text(&value, "order_id"), text(&value, "status"))
    else {
        return Err(unexpected(status, body));
    };
    Ok(Answer {
        order_id,
        status: order_status,
        status_text: text(&value, "status_text"),
        certificate_id: text(&value, "certificate_id"),
        checkout_url: text(&value, "checkout_url"),
        instructions: value
            .get("instructions")
            .and_then(Value::as_array)
            .map(|list| list.iter().filter_map(instruction).collect())
            .unwrap_or_default(),
    })
}

pub fn parse_order(status: u16, body: &str) -> Result<Placed, ProviderError> {
    let answer = answer_of(status, body)?;
    let (checkout_url, checkout_unsafe) = super::link::checkout(answer.checkout_url);
    Ok(Placed {
        order_id: answer.order_id,
        cert_id: answer.certificate_id,
        checkout_url,
        checkout_unsafe,
        amount: None,
        instructions: answer.instructions,
    })
}

pub fn parse_status(status: u16, body: &str) -> Result<StatusReport, ProviderError> {
    let answer = answer_of(status, body)?;
    let known = match answer.status.as_str() {
        "pending_validation" => Some(GenericStatus::PendingValidation),
        "processing" => Some(GenericStatus::Processing),
        "issued" => Some(GenericStatus::Issued),
        "rejected" => Some(GenericStatus::Rejected),
        "cancelled" => Some(GenericStatus::Cancelled),
        "unknown" => Some(GenericStatus::Unknown),
        _ => None,
    };
    // An order whose provider answer was lost may still become anything: checked on.
    let pending = match known {
        Some(
            GenericStatus::PendingValidation | GenericStatus::Processing | GenericStatus::Unknown,
        ) => true,
        Some(GenericStatus::Issued | GenericStatus::Rejected | GenericStatus::Cancelled) | None => {
            false
        }
    };
    // The proxy's own words win; else the wizard's for a known value, else the value. Not
    // for `unknown`: the wizard's words, in the person's language, say not to order again.
    let status = match (answer.status_text.clone(), known) {
        (_, Some(GenericStatus::Unknown)) => Status::Generic(GenericStatus::Unknown),
        (Some(words), _) => Status::Stated(words),
        (None, Some(known)) => Status::Generic(known),
        (None, None) => Status::Unknown(answer.status.clone()),
    };
    Ok(StatusReport {
        status,
        pending,
        issued: answer.status == "issued",
        checks: Vec::new(),
        instructions: if answer.status == "issued" {
            Vec::new()
        } else {
            answer.instructions
        },
        not_after: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::order::fixtures::scenarios;
    use serde_json::Value;

    fn endpoint() -> Endpoint {
        Endpoint {
            base_url: "https://proxy.example/api/".into(),
            token: Some("secret-token".into()),
        }
    }

    #[test]
    fn only_a_random_v4_uuid_is_an_order_key() {
        for good in [
            "0b6f1c1e-6a47-4b1e-9f1c-3f7d1d2a9e10",
            "00000000-0000-4000-8000-000000000001",
            "00000000-0000-4000-9000-000000000000",
            "F47AC10B-58CC-4372-A567-0E02B2C3D479",
        ] {
            assert!(OrderKey::parse(good).is_some(), "{good}");
        }
        for bad in [
            "",
            // What a failed getRandomValues left: zeros with the version and variant set.
            "00000000-0000-4000-8000-000000000000",
            "00000000-0000-0000-0000-000000000000",
            // Version 1, and a wrong variant.
            "0b6f1c1e-6a47-1b1e-9f1c-3f7d1d2a9e10",
            "0b6f1c1e-6a47-4b1e-cf1c-3f7d1d2a9e10",
            "0b6f1c1e6a474b1e9f1c3f7d1d2a9e10",
            "0b6f1c1e-6a47-4b1e-9f1c-3f7d1d2a9e1g",
            " 0b6f1c1e-6a47-4b1e-9f1c-3f7d1d2a9e10",
            "new random key",
        ] {
            assert!(OrderKey::parse(bad).is_none(), "{bad:?}");
        }
    }

    #[test]
    fn every_scenario_is_one_json_order_with_the_primary_first() {
        for order in scenarios() {
            let body: Value = serde_json::from_str(&order_json(&order)).expect("JSON");
            assert_eq!(body["format"], FORMAT);
            let names = body["names"].as_array().expect("names");
            assert_eq!(names.len(), order.names().count());
            assert_eq!(names[0]["primary"], true);
            assert_eq!(names[0]["name"], order.primary.name.to_string());
            assert!(names[1..].iter().all(|n| n["primary"] == false));
            assert_eq!(
                body["organisation"].is_null(),
                order.validation.organisation().is_none()
            );
            assert!(body.get("contacts").is_some(), "always present");
        }
    }

    #[test]
    fn the_order_carries_its_idempotency_key_and_a_masked_bearer_token() {
        let order = scenarios().remove(0);
        let request = order_request(&order, &endpoint(), "0b6f1c1e-6a47-4b1e-9f1c-3f7d1d2a9e10");
        assert_eq!(request.url, "https://proxy.example/api/orders");
        let header = |name: &str| {
            request
                .headers
                .iter()
                .find(|h| h.name == name)
                .map(|h| h.value.clone())
        };
        assert_eq!(
            header("Idempotency-Key").as_deref(),
            Some("0b6f1c1e-6a47-4b1e-9f1c-3f7d1d2a9e10")
        );
        assert_eq!(
            header("Authorization").as_deref(),
            Some("Bearer secret-token")
        );
        assert!(!request.masked("[hidden]").contains("secret-token"));
    }

    #[test]
    fn a_javascript_checkout_url_is_dropped_and_said_so() {
        let body = r#"{"order_id":"G-1","status":"pending_validation","checkout_url":"javascript:alert(1)"}"#;
        let placed = parse_order(201, body).expect("placed");
        assert_eq!(placed.order_id, "G-1");
        assert_eq!(placed.checkout_url, None);
        assert!(placed.checkout_unsafe);
    }

    #[test]
    fn an_answer_gives_ids_checkout_and_every_kind_of_instruction() {
        let body = r#"{"order_id":"G-1","status":"pending_validation","certificate_id":"C-9","checkout_url":"https://pay.example/1",
            "instructions":[{"name":"a.example.com","method":"dns","record":{"name":"_dnsauth.a.example.com","type":"TXT","value":"v"}},
            {"name":"b.example.com","method":"http","file":{"url":"http://b.example.com/.well-known/pki-validation/x.txt","content":"c"}},
            {"name":"c.example.com","method":"email","email":"admin@example.com"}]}"#;
        let placed = parse_order(201, body).expect("placed");
        assert_eq!(placed.order_id, "G-1");
        assert_eq!(placed.cert_id.as_deref(), Some("C-9"));
        assert_eq!(
            placed.checkout_url.as_deref(),
            Some("https://pay.example/1")
        );
        assert_eq!(placed.instructions.len(), 3);
        let report = parse_status(200, body).expect("status");
        assert!(report.pending);
        let issued =
            parse_status(200, &body.replace("pending_validation", "issued")).expect("status");
        assert!(!issued.pending && issued.instructions.is_empty());
        let odd =
            parse_status(200, &body.replace("pending_validation", "on_hold")).expect("status");
        assert_eq!(odd.status, Status::Unknown("on_hold".into()));
    }

    #[test]
    fn a_status_is_the_proxys_own_words_else_the_known_value() {
        let report =
            parse_status(200, r#"{"order_id":"G-1","status":"processing"}"#).expect("status");
        assert_eq!(report.status, Status::Generic(GenericStatus::Processing));
        assert!(report.pending);
        let stated = parse_status(
            200,
            r#"{"order_id":"G-1","status":"processing","status_text":"With the CA"}"#,
        )
        .expect("status");
        assert_eq!(stated.status, Status::Stated("With the CA".into()));
        let err = parse_order(422, r#"{"error":{"code":"invalid_value","message":"Bad"}}"#)
            .expect_err("error");
        assert_eq!(err.message, Message::Provider("Bad".into()));
    }

    #[test]
    fn an_answer_lost_after_the_order_went_out_is_placed_but_not_issued_and_checked_on() {
        let body = r#"{"order_id":"ord_9","status":"unknown","status_text":"Provider answer lost","instructions":[]}"#;
        // The order exists under its ID: the wizard shows it and never sends it again.
        let placed = parse_order(201, body).expect("placed");
        assert_eq!(placed.order_id, "ord_9");
        let report = parse_status(200, body).expect("status");
        assert_eq!(report.status, Status::Generic(GenericStatus::Unknown));
        assert!(!report.issued);
        assert!(report.pending, "the server may still learn the outcome");
    }

    #[test]
    fn an_invalid_order_brings_its_problems_as_data_in_page_order() {
        use crate::order::{ContactPart, Field, FieldProblem, NameError, Role};
        let body = r#"{"error":{"code":"invalid_order","message":"The order has problems: see each field"},
            "problems":[
              {"field":{"Contact":["Applicant","Email"]},"problem":{"EnterContact":["Applicant","Email"]}},
              {"field":"Domain","problem":{"Name":"Empty"}},
              {"field":"Domain","problem":{"SomethingNewer":1}}]}"#;
        let err = parse_order(422, body).expect_err("refused");
        assert_eq!(err.code.as_deref(), Some("invalid_order"));
        assert!(!err.maybe_acted() && !err.unreadable);
        let Message::Problems { message, problems } = err.message else {
            panic!("{:?}", err.message)
        };
        assert_eq!(message, "The order has problems: see each field");
        let fields: Vec<Field> = problems.iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            [
                Field::Domain,
                Field::Contact(Role::Applicant, ContactPart::Email)
            ],
            "the unreadable one left out, the rest in page order"
        );
        assert_eq!(
            problems.for_field(Field::Domain),
            Some(&FieldProblem::Name(NameError::Empty))
        );
        // Nothing readable among them: the message alone, as before.
        let none =
            r#"{"error":{"code":"invalid_order","message":"Bad"},"problems":[{"field":"Nope"}]}"#;
        assert_eq!(
            parse_order(422, none).expect_err("refused").message,
            Message::Provider("Bad".into())
        );
    }

    #[test]
    fn an_error_answer_gives_its_code_message_and_field() {
        let err = parse_order(422, r#"{"error":{"code":"idempotency_mismatch","message":"Key reused","field":"/names/0"}}"#)
            .expect_err("error");
        assert_eq!(err.code.as_deref(), Some("idempotency_mismatch"));
        assert_eq!(
            err.message,
            Message::AtField {
                message: "Key reused".into(),
                field: "/names/0".into()
            }
        );
        assert_eq!(
            parse_order(502, "<html>Bad gateway</html>")
                .expect_err("html")
                .message,
            Message::Unexpected(super::super::Excerpt::of("<html>Bad gateway</html>"))
        );
    }
}
