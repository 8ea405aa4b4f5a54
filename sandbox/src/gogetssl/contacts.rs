//! The administrative, technical and organisation fields of an order: which are required for
//! which validation level (as the provider's documentation lists them), and the formats the sandbox checks.

use super::error::ApiError;
use super::form::Form;
use super::products::{Product, ProductType};
use crate::checks::check_email;

/// For which product types a field is required.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Required {
    Always,
    OvAndEv,
    OvOnly,
}

impl Required {
    fn applies_to(self, product_type: ProductType) -> bool {
        match self {
            Self::Always => true,
            Self::OvAndEv => product_type != ProductType::Dv,
            Self::OvOnly => product_type == ProductType::Ov,
        }
    }

    fn when(self) -> &'static str {
        match self {
            Self::Always => "",
            Self::OvAndEv => "OV and EV",
            Self::OvOnly => "OV",
        }
    }
}

/// The required fields in the documentation's order. Its documentation really does require `admin_fax`,
/// `admin_city`, `admin_country`, `tech_organization` and `org_region` for OV but not for EV.
const REQUIRED_FIELDS: &[(&str, Required)] = &[
    ("admin_firstname", Required::Always),
    ("admin_lastname", Required::Always),
    ("admin_organization", Required::OvAndEv),
    ("admin_addressline1", Required::OvAndEv),
    ("admin_phone", Required::Always),
    ("admin_title", Required::Always),
    ("admin_email", Required::Always),
    ("admin_city", Required::OvOnly),
    ("admin_country", Required::OvOnly),
    ("admin_fax", Required::OvOnly),
    ("tech_firstname", Required::Always),
    ("tech_lastname", Required::Always),
    ("tech_organization", Required::OvOnly),
    ("tech_phone", Required::Always),
    ("tech_title", Required::Always),
    ("tech_email", Required::Always),
    ("tech_city", Required::OvAndEv),
    ("tech_country", Required::OvAndEv),
    ("org_name", Required::OvAndEv),
    ("org_division", Required::OvAndEv),
    ("org_addressline1", Required::OvAndEv),
    ("org_city", Required::OvAndEv),
    ("org_country", Required::OvAndEv),
    ("org_phone", Required::OvAndEv),
    ("org_postalcode", Required::OvAndEv),
    ("org_region", Required::OvOnly),
];

const EMAIL_FIELDS: [&str; 2] = ["admin_email", "tech_email"];
const COUNTRY_FIELDS: [&str; 3] = ["admin_country", "tech_country", "org_country"];
/// A Legal Entity Identifier has 20 characters.
const ORG_LEI_MAX: usize = 20;

/// Checks every contact and organisation field for `product`; fields a DV order does not need
/// may still be sent, and are then checked for format like the others.
pub fn check(form: &Form, product: &Product) -> Result<(), ApiError> {
    let product_type = product.product_type;
    for (field, required) in REQUIRED_FIELDS {
        if required.applies_to(product_type) && form.value(field).is_none() {
            return Err(match required {
                Required::Always => ApiError::missing(field),
                _ => ApiError::missing_when(
                    field,
                    &format!(
                        "for {} certificates, and {} is {}",
                        required.when(),
                        product.label(),
                        product_type.wire()
                    ),
                ),
            });
        }
    }
    for field in EMAIL_FIELDS {
        if let Some(email) = form.value(field) {
            check_email(email).map_err(|rule| ApiError::invalid(field, rule))?;
        }
    }
    for field in COUNTRY_FIELDS {
        if let Some(country) = form.value(field) {
            if country.len() != 2 || !country.bytes().all(|b| b.is_ascii_alphabetic()) {
                return Err(ApiError::invalid(
                    field,
                    format!("must be a two-letter country code such as DE, got {country:?}"),
                ));
            }
        }
    }
    if let Some(lei) = form.value("org_lei") {
        let count = lei.chars().count();
        if count > ORG_LEI_MAX {
            return Err(ApiError::invalid(
                "org_lei",
                format!("must be at most {ORG_LEI_MAX} characters, got {count}"),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gogetssl::products::find;

    fn required_for(product_type: ProductType) -> Vec<&'static str> {
        REQUIRED_FIELDS
            .iter()
            .filter(|(_, required)| required.applies_to(product_type))
            .map(|(field, _)| *field)
            .collect()
    }

    #[test]
    fn dv_needs_only_the_two_contacts() {
        assert_eq!(
            required_for(ProductType::Dv),
            [
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
            ]
        );
    }

    #[test]
    fn ov_needs_more_than_ev_as_the_seed_says() {
        let ov = required_for(ProductType::Ov);
        let ev = required_for(ProductType::Ev);
        let only_ov: Vec<&str> = ov.iter().copied().filter(|f| !ev.contains(f)).collect();
        assert_eq!(
            only_ov,
            [
                "admin_city",
                "admin_country",
                "admin_fax",
                "tech_organization",
                "org_region"
            ]
        );
        assert!(ev.iter().all(|field| ov.contains(field)));
    }

    #[test]
    fn a_missing_conditional_field_says_why_it_is_needed() {
        let product = find(70).unwrap();
        let error = check(&Form::default(), product).unwrap_err();
        assert_eq!(error.description, "Field admin_firstname is required.");
        let mut body = String::new();
        for field in required_for(ProductType::Ev) {
            if field != "org_city" {
                body.push_str(&format!("{field}=x%40example.com&"));
            }
        }
        let error = check(&Form::parse(body.as_bytes()), product).unwrap_err();
        assert_eq!(
            error.description,
            "Field org_city is required for OV and EV certificates, and product 70 (Sectigo EV SSL) is EV."
        );
    }
}
