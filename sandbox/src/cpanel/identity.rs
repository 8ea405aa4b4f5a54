//! `identity_verification`, the organisation and its representative behind an OV or EV
//! certificate. Checked as cPanel's `validate_identity_verification` does: every required
//! field present, no field the product does not list, no surrounding spaces or control
//! characters, and the typed fields (country code, email, DUNS number) well-formed.

use serde_json::{json, Map, Value};

use crate::checks::check_email;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    /// ISO 3166-1 alpha-2, in capitals.
    CountryCode,
    Email,
    /// Nine digits, optionally grouped as `12-345-6789`.
    Duns,
    /// Text, or a number (the documented example sends `55555`).
    PostalCode,
}

impl Kind {
    /// The `type` cPanel's product list gives the field.
    fn wire(self) -> &'static str {
        match self {
            Self::Text | Self::PostalCode => "text",
            Self::CountryCode => "country_code",
            Self::Email => "email",
            Self::Duns => "duns_number",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IdentityField {
    pub name: &'static str,
    pub label: &'static str,
    pub kind: Kind,
    pub optional: bool,
}

const fn field(name: &'static str, label: &'static str, kind: Kind) -> IdentityField {
    IdentityField {
        name,
        label,
        kind,
        optional: false,
    }
}

const fn optional(name: &'static str, label: &'static str, kind: Kind) -> IdentityField {
    IdentityField {
        name,
        label,
        kind,
        optional: true,
    }
}

/// The fields the OV and EV products ask for, in the documentation's order.
pub const ORGANISATION: [IdentityField; 12] = [
    field("countryName", "Country", Kind::CountryCode),
    optional("duns_number", "DUNS number", Kind::Duns),
    field("localityName", "City", Kind::Text),
    field("organizationName", "Organization", Kind::Text),
    optional("organizationalUnitName", "Department", Kind::Text),
    field("postalCode", "Postal code", Kind::PostalCode),
    field("rep_email_address", "Representative's email", Kind::Email),
    field("rep_forename", "Representative's first name", Kind::Text),
    field("rep_surname", "Representative's last name", Kind::Text),
    field("rep_telephone", "Representative's telephone", Kind::Text),
    field("stateOrProvinceName", "State or province", Kind::Text),
    field("streetAddress", "Street address", Kind::Text),
];

impl IdentityField {
    /// One item of a product's `x_identity_verification`.
    pub fn catalogue_entry(&self) -> Value {
        json!({
            "name": self.name,
            "label": self.label,
            "type": self.kind.wire(),
            "is_optional": u8::from(self.optional),
        })
    }
}

/// Checks the identity object `value` against `fields`. `at` names where it came from
/// (`identity_verification` or `certificate #2: identity_verification`) in every message.
pub fn check(
    fields: &[IdentityField],
    value: &Value,
    at: &str,
) -> Result<Map<String, Value>, String> {
    let Value::Object(map) = value else {
        return Err(format!(
            "{at}: must be a JSON object such as {{\"countryName\":\"US\",...}}"
        ));
    };
    // Unknown names first: a misspelt field would otherwise be reported as a missing one.
    if let Some(unknown) = map
        .keys()
        .find(|key| !fields.iter().any(|field| field.name == key.as_str()))
    {
        let known: Vec<&str> = fields.iter().map(|field| field.name).collect();
        return Err(format!(
            "{at}: cPStore does not recognize the identity verification argument “{unknown}” (known: {})",
            known.join(", ")
        ));
    }
    for field in fields {
        // `null` counts as absent, as cPanel's `defined` test does.
        match map.get(field.name).filter(|value| !value.is_null()) {
            None if field.optional => {}
            None => {
                return Err(format!(
                    "{at}: provide the identity verification argument “{}” ({})",
                    field.name, field.label
                ))
            }
            Some(value) => {
                check_value(field, value)
                    .map_err(|rule| format!("{at}: {}: {rule}", field.name))?;
            }
        }
    }
    Ok(map.clone())
}

fn check_value(field: &IdentityField, value: &Value) -> Result<(), String> {
    let text = match value {
        Value::String(text) => text.clone(),
        Value::Number(number) if field.kind == Kind::PostalCode && number.is_u64() => {
            number.to_string()
        }
        other => {
            let expected = if field.kind == Kind::PostalCode {
                "a string or a whole number"
            } else {
                "a string"
            };
            return Err(format!("must be {expected}, got {other}"));
        }
    };
    if text.is_empty() {
        return Err(if field.optional {
            "must not be empty (leave the field out instead)".to_string()
        } else {
            "is required and must not be empty".to_string()
        });
    }
    if text.starts_with(char::is_whitespace) || text.ends_with(char::is_whitespace) {
        return Err(format!(
            "{text:?} has leading or trailing spaces, which are prohibited"
        ));
    }
    if text.chars().any(char::is_control) {
        return Err(format!(
            "{text:?} contains control characters, which are prohibited"
        ));
    }
    match field.kind {
        Kind::Text | Kind::PostalCode => Ok(()),
        Kind::CountryCode => {
            if text.len() == 2 && text.bytes().all(|b| b.is_ascii_uppercase()) {
                Ok(())
            } else {
                Err(format!(
                    "{text:?} is not an ISO 3166-1 country code: two capital letters, such as US"
                ))
            }
        }
        Kind::Email => check_email(&text),
        Kind::Duns => {
            if is_duns(&text) {
                Ok(())
            } else {
                Err(format!(
                    "{text:?} is not a DUNS number: nine digits, as 123456789 or 12-345-6789"
                ))
            }
        }
    }
}

fn is_duns(text: &str) -> bool {
    let bytes = text.as_bytes();
    let plain = bytes.len() == 9 && bytes.iter().all(u8::is_ascii_digit);
    let grouped = bytes.len() == 11
        && bytes.iter().enumerate().all(|(i, b)| match i {
            2 | 6 => *b == b'-',
            _ => b.is_ascii_digit(),
        });
    plain || grouped
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The documented example `identity_verification`.
    fn seed() -> Value {
        json!({
            "countryName": "US",
            "duns_number": "12-345-6789",
            "localityName": "City Name",
            "organizationName": "Company, Inc.",
            "organizationalUnitName": "Team Company,",
            "postalCode": 55555,
            "rep_email_address": "username@example.com",
            "rep_forename": "First Name",
            "rep_surname": "Last Name",
            "rep_telephone": "123-456-7891",
            "stateOrProvinceName": "ST",
            "streetAddress": "555 Street Name"
        })
    }

    fn check_changed(change: impl FnOnce(&mut Map<String, Value>)) -> Result<(), String> {
        let mut value = seed();
        if let Some(map) = value.as_object_mut() {
            change(map);
        }
        check(&ORGANISATION, &value, "identity_verification").map(|_| ())
    }

    #[test]
    fn the_seed_example_passes() {
        assert_eq!(check_changed(|_| {}), Ok(()));
    }

    #[test]
    fn optional_fields_may_be_left_out_or_null() {
        assert_eq!(
            check_changed(|m| {
                m.remove("duns_number");
                m.insert("organizationalUnitName".into(), Value::Null);
            }),
            Ok(())
        );
    }

    #[test]
    fn each_refusal_names_the_field() {
        let cases: [(&str, Value, &str); 10] = [
            ("countryName", json!("USA"), "country code"),
            ("countryName", json!("us"), "capital"),
            ("duns_number", json!("12345"), "DUNS"),
            ("duns_number", json!(""), "leave the field out"),
            ("localityName", json!(""), "required"),
            ("localityName", json!(" City"), "leading or trailing"),
            ("organizationName", json!("A\u{7}B"), "control"),
            ("postalCode", json!(5.5), "whole number"),
            ("rep_email_address", json!("not-an-email"), "email"),
            ("rep_telephone", json!(1234), "a string"),
        ];
        for (name, value, needle) in cases {
            let error = check_changed(|m| {
                m.insert(name.into(), value.clone());
            })
            .unwrap_err();
            assert!(error.contains(name), "{error}");
            assert!(error.contains(needle), "{name}={value}: {error}");
        }
    }

    #[test]
    fn a_missing_required_field_is_named() {
        let error = check_changed(|m| {
            m.remove("streetAddress");
        })
        .unwrap_err();
        assert!(error.contains("“streetAddress”"), "{error}");
    }

    #[test]
    fn an_unknown_field_is_refused_before_a_missing_one() {
        let error = check_changed(|m| {
            let value = m.remove("countryName").unwrap();
            m.insert("country".into(), value);
        })
        .unwrap_err();
        assert!(
            error.contains("does not recognize") && error.contains("“country”"),
            "{error}"
        );
    }

    #[test]
    fn the_object_must_be_an_object() {
        let error = check(&ORGANISATION, &json!(["US"]), "identity_verification").unwrap_err();
        assert!(
            error.starts_with("identity_verification: must be a JSON object"),
            "{error}"
        );
    }
}
