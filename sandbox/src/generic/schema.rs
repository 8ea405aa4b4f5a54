//! The request body checked as `public/schema/order-v1.schema.json` says, by hand.
//!
//! A schema library would add over a minute to every release build, so the schema is mirrored
//! here instead; `server/tests/generic_schema.rs` runs the same bodies through the schema file
//! and through the sandbox to keep the two in agreement. Each error points at the property.

use axum::http::StatusCode;
use serde_json::Value;

use super::error::{ApiError, MALFORMED_JSON};
use super::json::{item, Object};
use super::model::{Coverage, Level, Method};
use crate::checks::{check_email, check_name};

/// The value of `format`.
const FORMAT: &str = "ssl-order/1";
const MAX_NAMES: usize = 1000;
const MAX_NAME: usize = 253;
const MAX_TEXT: usize = 255;
const MAX_EMAIL: usize = 256;
const MAX_MONTHS: f64 = 120.0;
const CSR_START: &str = "-----BEGIN CERTIFICATE REQUEST-----";

const PROVIDERS: &[(&str, ())] = &[("huawei", ()), ("gogetssl", ()), ("cpanel", ())];
const LEVELS: &[(&str, Level)] = &[("DV", Level::Dv), ("OV", Level::Ov), ("EV", Level::Ev)];
const COVERAGES: &[(&str, Coverage)] = &[
    ("single", Coverage::Single),
    ("wildcard", Coverage::Wildcard),
    ("multi", Coverage::Multi),
];
const METHODS: &[(&str, Method)] = &[
    ("dns", Method::Dns),
    ("http", Method::Http),
    ("https", Method::Https),
    ("email", Method::Email),
];

/// A body that satisfies the schema; the rules beyond it are checked by the caller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Body {
    pub level: Level,
    pub coverage: Coverage,
    pub names: Vec<NameItem>,
    pub csr: String,
    pub has_organisation: bool,
}

/// One item of `names`, as sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameItem {
    pub name: String,
    pub unicode: Option<String>,
    pub primary: bool,
    pub method: Method,
    pub approver: Option<String>,
}

/// The body as JSON, or a 400 `malformed_json`.
pub fn read(body: &[u8]) -> Result<Value, ApiError> {
    serde_json::from_slice(body).map_err(|e| {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            MALFORMED_JSON,
            format!("The body is not valid JSON: {e}."),
        )
    })
}

/// Checks the body against the schema.
pub fn parse(value: &Value) -> Result<Body, ApiError> {
    let root = Object::root(value)?;
    root.only(&[
        "format",
        "product",
        "names",
        "csr",
        "contacts",
        "organisation",
        "agree_privacy",
    ])?;
    let format = root.string("format")?;
    if format != FORMAT {
        return Err(ApiError::invalid(
            "/format",
            format!("/format must be {FORMAT:?}, got {format:?}."),
        ));
    }
    let (level, coverage) = product(&root.object("product")?)?;
    let names = names(&root)?;
    let csr = root.string("csr")?;
    if !csr.starts_with(CSR_START) {
        return Err(ApiError::invalid(
            "/csr",
            format!("/csr must be a PEM block starting with {CSR_START}."),
        ));
    }
    if let Some(contacts) = root.nullable_object("contacts")? {
        contacts.only(&["applicant", "technical"])?;
        contact(&contacts.object("applicant")?)?;
        if let Some(technical) = contacts.nullable_object("technical")? {
            contact(&technical)?;
        }
    }
    let organisation = root.nullable_object("organisation")?;
    if let Some(organisation) = &organisation {
        check_organisation(organisation)?;
    }
    if !root.boolean("agree_privacy")? {
        return Err(ApiError::invalid(
            "/agree_privacy",
            "/agree_privacy must be true: the privacy statement has to be accepted.",
        ));
    }
    Ok(Body {
        level,
        coverage,
        names,
        csr: csr.to_string(),
        has_organisation: organisation.is_some(),
    })
}

fn product(product: &Object) -> Result<(Level, Coverage), ApiError> {
    product.only(&[
        "id",
        "provider",
        "code",
        "brand",
        "level",
        "coverage",
        "validity_months",
    ])?;
    for key in ["id", "code", "brand"] {
        text(product, key)?;
    }
    choice(product, "provider", PROVIDERS)?;
    let level = choice(product, "level", LEVELS)?;
    let coverage = choice(product, "coverage", COVERAGES)?;
    let months = product.integer("validity_months")?;
    if !(1.0..=MAX_MONTHS).contains(&months) {
        return Err(ApiError::invalid(
            product.pointer("validity_months"),
            format!(
                "{} must be 1 to 120 months, got {months}.",
                product.pointer("validity_months")
            ),
        ));
    }
    Ok((level, coverage))
}

fn names(root: &Object) -> Result<Vec<NameItem>, ApiError> {
    let items = root.array("names")?;
    if items.is_empty() || items.len() > MAX_NAMES {
        return Err(ApiError::invalid(
            "/names",
            format!(
                "/names must hold 1 to {MAX_NAMES} names, got {}.",
                items.len()
            ),
        ));
    }
    items
        .iter()
        .enumerate()
        .map(|(index, value)| name_item(&item(value, "/names", index)?))
        .collect()
}

fn name_item(entry: &Object) -> Result<NameItem, ApiError> {
    entry.only(&["name", "unicode", "primary", "method", "approver"])?;
    let name = entry.string("name")?;
    let refuse = |rule: String| ApiError::invalid(entry.pointer("name"), rule);
    if name.len() > MAX_NAME {
        return Err(refuse(format!(
            "{} must be at most {MAX_NAME} characters, got {}.",
            entry.pointer("name"),
            name.len()
        )));
    }
    check_name(name, true).map_err(|rule| refuse(format!("{}: {rule}.", entry.pointer("name"))))?;
    let unicode = entry.opt_string("unicode")?;
    if let Some(unicode) = unicode {
        let count = unicode.chars().count();
        if count == 0 || count > MAX_NAME || unicode.chars().any(char::is_whitespace) {
            return Err(ApiError::invalid(
                entry.pointer("unicode"),
                format!(
                    "{} must be 1 to {MAX_NAME} characters without spaces.",
                    entry.pointer("unicode")
                ),
            ));
        }
    }
    let primary = entry.boolean("primary")?;
    let method = choice(entry, "method", METHODS)?;
    let approver = entry.opt_string("approver")?;
    if let Some(approver) = approver {
        email(entry.pointer("approver"), approver)?;
    }
    Ok(NameItem {
        name: name.to_string(),
        unicode: unicode.map(str::to_string),
        primary,
        method,
        approver: approver.map(str::to_string),
    })
}

fn contact(contact: &Object) -> Result<(), ApiError> {
    contact.only(&[
        "full_name",
        "first_name",
        "last_name",
        "title",
        "email",
        "phone",
        "fax",
    ])?;
    text(contact, "full_name")?;
    for key in ["first_name", "last_name", "title"] {
        opt_text(contact, key)?;
    }
    email(contact.pointer("email"), contact.string("email")?)?;
    let phone = contact.string("phone")?;
    if !is_phone(phone) {
        return Err(ApiError::invalid(
            contact.pointer("phone"),
            format!(
                "{} must be 6 to 15 digits without spaces, with a leading + for E.164 form (like +442079460958), got {phone:?}.",
                contact.pointer("phone")
            ),
        ));
    }
    if let Some(fax) = contact.opt_string("fax")? {
        if !is_phone(fax) {
            return Err(ApiError::invalid(
                contact.pointer("fax"),
                format!(
                    "{} must be written like phone: 6 to 15 digits, a leading + for E.164 form, got {fax:?}.",
                    contact.pointer("fax")
                ),
            ));
        }
    }
    Ok(())
}

fn check_organisation(organisation: &Object) -> Result<(), ApiError> {
    organisation.only(&[
        "name",
        "unit",
        "street",
        "city",
        "state",
        "postal_code",
        "country",
        "phone",
        "duns",
        "lei",
    ])?;
    text(organisation, "name")?;
    text(organisation, "city")?;
    for key in ["unit", "street", "state", "postal_code", "phone"] {
        opt_text(organisation, key)?;
    }
    let country = organisation.string("country")?;
    if !(country.len() == 2 && country.bytes().all(|b| b.is_ascii_uppercase())) {
        return Err(ApiError::invalid(
            organisation.pointer("country"),
            format!(
                "{} must be an ISO 3166-1 code of two capital letters, like GB, got {country:?}.",
                organisation.pointer("country")
            ),
        ));
    }
    if let Some(duns) = organisation.opt_string("duns")? {
        if !(duns.len() == 9 && duns.bytes().all(|b| b.is_ascii_digit())) {
            return Err(ApiError::invalid(
                organisation.pointer("duns"),
                format!(
                    "{} must be a D-U-N-S number of 9 digits, got {duns:?}.",
                    organisation.pointer("duns")
                ),
            ));
        }
    }
    if let Some(lei) = organisation.opt_string("lei")? {
        let shaped = lei.len() == 20
            && lei[..18]
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
            && lei[18..].bytes().all(|b| b.is_ascii_digit());
        if !shaped {
            return Err(ApiError::invalid(
                organisation.pointer("lei"),
                format!(
                    "{} must be an LEI: 18 capital letters or digits, then 2 check digits, got {lei:?}.",
                    organisation.pointer("lei")
                ),
            ));
        }
    }
    Ok(())
}

/// An optional `+` (E.164), then 6 to 15 digits: the app sends a national number as typed
/// when the person gave no country code.
fn is_phone(phone: &str) -> bool {
    let digits = phone.strip_prefix('+').unwrap_or(phone);
    (6..=15).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit())
}

fn email(at: String, address: &str) -> Result<(), ApiError> {
    if address.chars().count() > MAX_EMAIL {
        return Err(ApiError::invalid(
            at.clone(),
            format!("{at} must be at most {MAX_EMAIL} characters."),
        ));
    }
    check_email(address).map_err(|rule| ApiError::invalid(at.clone(), format!("{at}: {rule}.")))
}

/// A required string of 1 to 255 characters that is not blank.
fn text<'a>(object: &Object<'a>, key: &str) -> Result<&'a str, ApiError> {
    let value = object.string(key)?;
    check_text(object, key, value)?;
    Ok(value)
}

fn opt_text(object: &Object, key: &str) -> Result<(), ApiError> {
    match object.opt_string(key)? {
        Some(value) => check_text(object, key, value),
        None => Ok(()),
    }
}

fn check_text(object: &Object, key: &str, value: &str) -> Result<(), ApiError> {
    let count = value.chars().count();
    if count == 0 || count > MAX_TEXT || value.chars().all(char::is_whitespace) {
        let at = object.pointer(key);
        return Err(ApiError::invalid(
            at.clone(),
            format!(
                "{at} must be 1 to {MAX_TEXT} characters and not blank, got {count} characters."
            ),
        ));
    }
    Ok(())
}

/// A string that must be one of the `allowed` wire values; says which it stands for.
fn choice<T: Copy>(object: &Object, key: &str, allowed: &[(&str, T)]) -> Result<T, ApiError> {
    let value = object.string(key)?;
    match allowed.iter().find(|(wire, _)| *wire == value) {
        Some((_, meaning)) => Ok(*meaning),
        None => {
            let at = object.pointer(key);
            let wires: Vec<&str> = allowed.iter().map(|(wire, _)| *wire).collect();
            Err(ApiError::invalid(
                at.clone(),
                format!("{at} must be one of {}, got {value:?}.", wires.join(", ")),
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones_are_6_to_15_digits_with_an_optional_plus() {
        assert!(is_phone("+442079460958"));
        assert!(is_phone("+123456"));
        assert!(is_phone("02079460958"));
        assert!(!is_phone("+12345"));
        assert!(!is_phone("+1234567890123456"));
        assert!(!is_phone("+44 20 7946 0958"));
        assert!(!is_phone("+"));
    }
}
