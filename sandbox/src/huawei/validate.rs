//! The rules of the buy and apply bodies, as Huawei's SCM API reference states them.
//! The first broken rule is answered, as a 400 naming the field and the rule.

use super::error::ApiError;
use super::fields::Fields;
use super::model::{
    Application, Brand, BuyOrder, CaHashAlgorithm, CertType, DomainMethod, DomainType,
    KeyAlgorithm, PrimaryDomainType, Product, WireEnum,
};
use crate::checks::{check_csr, check_email, check_name, split_wildcard};

const BUY_FIELDS: &[&str] = &[
    "cert_brand",
    "cert_type",
    "domain_type",
    "effective_time",
    "domain_numbers",
    "order_number",
    "agree_privacy_protection",
    "primary_domain_type",
    "single_domain_number",
    "wildcard_domain_number",
    "is_auto_pay",
    "enterprise_project_id",
    "order_id",
    "tags",
];

const APPLY_FIELDS: &[&str] = &[
    "domain",
    "sans",
    "csr",
    "company_name",
    "company_unit",
    "company_province",
    "company_city",
    "country",
    "applicant_name",
    "applicant_phone",
    "applicant_email",
    "contact_name",
    "contact_phone",
    "contact_email",
    "auto_dns_auth",
    "agree_privacy_protection",
    "domain_method",
    "key_algorithm",
    "ca_hash_algorithm",
];

/// Validity the sandbox sells, in years (multi-year orders are subscriptions).
const MAX_YEARS: i64 = 5;
/// `domain_count` is documented as 1..=100, so a multi-domain certificate has 2..=100 names.
const MAX_DOMAIN_NUMBERS: i64 = 100;
const MAX_ORDER_NUMBER: i64 = 100;
/// `wildcard_count` is documented as 0..=99: extras never exceed 99.
const MAX_EXTRA_NAMES: i64 = 99;

pub fn buy(body: &[u8]) -> Result<BuyOrder, ApiError> {
    let f = Fields::parse(body, BUY_FIELDS)?;
    let brand: Brand = req_enum(&f, "cert_brand")?;
    let cert_type: CertType = req_enum(&f, "cert_type")?;
    let domain_type: DomainType = req_enum(&f, "domain_type")?;
    let years = int_in(&f, "effective_time", 1, MAX_YEARS)?;

    let domain_numbers = f.req_int("domain_numbers")?;
    match domain_type {
        DomainType::Single | DomainType::Wildcard if domain_numbers != 1 => {
            return Err(ApiError::invalid(
                "domain_numbers",
                format!(
                    "must be exactly 1 for {}, got {domain_numbers}",
                    domain_type.wire()
                ),
            ));
        }
        DomainType::Multi if !(2..=MAX_DOMAIN_NUMBERS).contains(&domain_numbers) => {
            return Err(ApiError::invalid(
                "domain_numbers",
                format!("must be 2 to {MAX_DOMAIN_NUMBERS} for MULTI_DOMAIN, got {domain_numbers}"),
            ));
        }
        _ => {}
    }

    let order_number = int_in(&f, "order_number", 1, MAX_ORDER_NUMBER)?;
    require_true(&f, "agree_privacy_protection")?;

    let primary_domain_type: Option<PrimaryDomainType> = opt_enum(&f, "primary_domain_type")?;
    let single_domain_number = opt_int_in(&f, "single_domain_number", 0, MAX_EXTRA_NAMES)?;
    let wildcard_domain_number = opt_int_in(&f, "wildcard_domain_number", 0, MAX_EXTRA_NAMES)?;
    if domain_type != DomainType::Multi {
        for (name, present) in [
            ("primary_domain_type", primary_domain_type.is_some()),
            ("single_domain_number", single_domain_number.is_some()),
            ("wildcard_domain_number", wildcard_domain_number.is_some()),
        ] {
            if present {
                return Err(ApiError::invalid(
                    name,
                    format!(
                        "only allowed with domain_type MULTI_DOMAIN, not {}",
                        domain_type.wire()
                    ),
                ));
            }
        }
    }

    f.opt_bool("is_auto_pay")?;
    let enterprise_project_id = f.opt_str("enterprise_project_id")?.map(str::to_string);
    f.opt_str("order_id")?;
    f.opt_array("tags")?;

    // Baseline Requirements: an EV certificate can never cover a wildcard name.
    if cert_type.is_ev() {
        if domain_type == DomainType::Wildcard {
            return Err(ApiError::invalid(
                "domain_type",
                format!(
                    "an EV certificate ({}) cannot be WILDCARD",
                    cert_type.wire()
                ),
            ));
        }
        if primary_domain_type == Some(PrimaryDomainType::Wildcard) {
            return Err(ApiError::invalid(
                "primary_domain_type",
                "an EV certificate cannot have a WILDCARD_DOMAIN primary",
            ));
        }
        if wildcard_domain_number.is_some_and(|n| n > 0) {
            return Err(ApiError::invalid(
                "wildcard_domain_number",
                "an EV certificate cannot hold wildcard names",
            ));
        }
    }

    Ok(BuyOrder {
        product: Product {
            brand,
            cert_type,
            domain_type,
            years,
            domain_numbers: small(domain_numbers),
            primary_domain_type,
            single_domain_number,
            wildcard_domain_number,
            enterprise_project_id,
        },
        order_number,
    })
}

pub fn apply(body: &[u8], product: &Product) -> Result<Application, ApiError> {
    let f = Fields::parse(body, APPLY_FIELDS)?;
    let ev = product.cert_type.is_ev();

    let domain = f.req_str("domain")?;
    max_chars("domain", domain, 255)?;
    let primary_wildcard = split_wildcard(domain).0;
    let primary_kind = match product.domain_type {
        DomainType::Single => Some(PrimaryDomainType::Single),
        DomainType::Wildcard => Some(PrimaryDomainType::Wildcard),
        DomainType::Multi => product.primary_domain_type,
    };
    check_name(domain, !ev).map_err(|rule| ApiError::invalid("domain", rule))?;
    match primary_kind {
        Some(PrimaryDomainType::Wildcard) if !primary_wildcard => {
            return Err(ApiError::invalid(
                "domain",
                format!("this certificate is for a wildcard name: send *.{domain}"),
            ));
        }
        Some(PrimaryDomainType::Single) if primary_wildcard => {
            return Err(ApiError::invalid(
                "domain",
                "this certificate is for a single name, not a wildcard",
            ));
        }
        _ => {}
    }

    let sans = sans(&f, domain, product)?;

    // Optional: left out or empty, Huawei makes the key pair (`key_algorithm`).
    let csr = f.opt_str("csr")?.unwrap_or_default();
    if !csr.is_empty() {
        max_chars("csr", csr, 5120)?;
        check_csr(csr, domain).map_err(|rule| ApiError::invalid("csr", rule))?;
    }

    // OV and EV certificates name the organisation; DV may still send these fields.
    let organisation = !product.cert_type.is_dv();
    let company_name = text(&f, "company_name", organisation, 63)?;
    let company_unit = text(&f, "company_unit", false, 63)?;
    let company_province = text(&f, "company_province", organisation, 63)?;
    let company_city = text(&f, "company_city", organisation, 63)?;
    // The length limit is the pattern's: `[A-Za-z]{2}`.
    let country = text(&f, "country", organisation, usize::MAX)?;
    if let Some(country) = &country {
        if country.len() != 2 || !country.bytes().all(|b| b.is_ascii_alphabetic()) {
            return Err(ApiError::invalid(
                "country",
                format!("must be a two-letter country code, got {country:?}"),
            ));
        }
    }

    let applicant_name = required_text(&f, "applicant_name", 63)?;
    let applicant_phone = required_text(&f, "applicant_phone", 63)?;
    let applicant_email = required_text(&f, "applicant_email", 256)?;
    check_email(&applicant_email).map_err(|rule| ApiError::invalid("applicant_email", rule))?;
    let contact_name = text(&f, "contact_name", false, 63)?;
    let contact_phone = text(&f, "contact_phone", false, 63)?;
    let contact_email = text(&f, "contact_email", false, 256)?;
    if let Some(email) = &contact_email {
        check_email(email).map_err(|rule| ApiError::invalid("contact_email", rule))?;
    }

    let auto_dns_auth = f.opt_bool("auto_dns_auth")?.unwrap_or(false);
    require_true(&f, "agree_privacy_protection")?;

    let domain_method: DomainMethod = req_enum(&f, "domain_method")?;
    let any_wildcard = primary_wildcard || sans.iter().any(|name| split_wildcard(name).0);
    if domain_method == DomainMethod::File && any_wildcard {
        return Err(ApiError::invalid(
            "domain_method",
            "FILE validation cannot prove control of a wildcard name: use DNS or EMAIL",
        ));
    }
    // Huawei: FILE is supported only for certificates of a bare public IP address, and the
    // sandbox (like the form) takes host names only.
    if domain_method == DomainMethod::File {
        return Err(ApiError::invalid(
            "domain_method",
            format!(
                "FILE validation is only for certificates of a bare public IP address, and {domain} is a domain name: use DNS or EMAIL"
            ),
        ));
    }
    // Pushing the records to Huawei Cloud DNS needs records to push.
    if auto_dns_auth && domain_method != DomainMethod::Dns {
        return Err(ApiError::invalid(
            "auto_dns_auth",
            "may be true only with domain_method DNS",
        ));
    }

    let key_algorithm = match f.opt_str("key_algorithm")? {
        Some("") | None => KeyAlgorithm::Rsa2048,
        Some(value) => KeyAlgorithm::from_wire(value)
            .ok_or_else(|| not_one_of::<KeyAlgorithm>("key_algorithm", value))?,
    };
    let ca_hash_algorithm = match opt_enum(&f, "ca_hash_algorithm")? {
        Some(value) => value,
        // Huawei's SDK: required for GeoTrust OV.
        None if product.brand == Brand::GeoTrust && product.cert_type.is_ov() => {
            return Err(ApiError::invalid(
                "ca_hash_algorithm",
                format!(
                    "is required for a GeoTrust OV certificate: send {}",
                    CaHashAlgorithm::listing()
                ),
            ));
        }
        None => CaHashAlgorithm::Default,
    };

    Ok(Application {
        domain: domain.to_string(),
        sans,
        csr: csr.to_string(),
        company_name,
        company_unit,
        company_province,
        company_city,
        country,
        applicant_name,
        applicant_phone,
        applicant_email,
        contact_name,
        contact_phone,
        contact_email,
        auto_dns_auth,
        domain_method,
        key_algorithm,
        ca_hash_algorithm,
    })
}

/// `sans`: names joined by `;`, only for multi-domain, each name once, within what was bought.
/// An empty string means "none", as in the documented example request.
fn sans(f: &Fields, domain: &str, product: &Product) -> Result<Vec<String>, ApiError> {
    let Some(joined) = f.opt_str("sans")?.filter(|s| !s.is_empty()) else {
        return Ok(Vec::new());
    };
    if product.domain_type != DomainType::Multi {
        return Err(ApiError::invalid(
            "sans",
            format!(
                "only allowed for MULTI_DOMAIN certificates, this one is {}",
                product.domain_type.wire()
            ),
        ));
    }
    max_chars("sans", joined, 4096)?;
    let names: Vec<&str> = joined.split(';').collect();
    let total = names.len() + 1;
    if total > small_usize(product.domain_numbers) {
        return Err(ApiError::invalid(
            "sans",
            format!(
                "{} names with the domain, but the certificate was bought for {}",
                total, product.domain_numbers
            ),
        ));
    }
    let wildcard_allowed = !product.cert_type.is_ev();
    let mut seen = vec![domain.to_ascii_lowercase()];
    let (mut singles, mut wildcards) = (0u32, 0u32);
    for name in &names {
        if name.is_empty() {
            return Err(ApiError::invalid(
                "sans",
                "holds an empty name (names are joined by a single ';', none at the ends)",
            ));
        }
        check_name(name, wildcard_allowed).map_err(|rule| ApiError::invalid("sans", rule))?;
        let lower = name.to_ascii_lowercase();
        if seen.contains(&lower) {
            let rule = if lower == seen[0] {
                format!("{name:?} repeats the domain; list only the additional names")
            } else {
                format!("{name:?} is listed twice")
            };
            return Err(ApiError::invalid("sans", rule));
        }
        seen.push(lower);
        if split_wildcard(name).0 {
            wildcards += 1;
        } else {
            singles += 1;
        }
    }
    for (bought, used, what, field) in [
        (
            product.single_domain_number,
            singles,
            "single",
            "single_domain_number",
        ),
        (
            product.wildcard_domain_number,
            wildcards,
            "wildcard",
            "wildcard_domain_number",
        ),
    ] {
        if let Some(bought) = bought.filter(|bought| used > *bought) {
            return Err(ApiError::invalid(
                "sans",
                format!("{used} additional {what} names, but {field} bought {bought}"),
            ));
        }
    }
    Ok(names.into_iter().map(str::to_string).collect())
}

fn req_enum<T: WireEnum>(f: &Fields, name: &str) -> Result<T, ApiError> {
    let value = f.req_str(name)?;
    T::from_wire(value).ok_or_else(|| not_one_of::<T>(name, value))
}

fn opt_enum<T: WireEnum>(f: &Fields, name: &str) -> Result<Option<T>, ApiError> {
    f.opt_str(name)?
        .map(|value| T::from_wire(value).ok_or_else(|| not_one_of::<T>(name, value)))
        .transpose()
}

fn not_one_of<T: WireEnum>(name: &str, value: &str) -> ApiError {
    ApiError::invalid(
        name,
        format!("must be one of {}, got {value:?}", T::listing()),
    )
}

fn int_in(f: &Fields, name: &str, min: i64, max: i64) -> Result<u32, ApiError> {
    let value = f.req_int(name)?;
    in_range(name, value, min, max)
}

fn opt_int_in(f: &Fields, name: &str, min: i64, max: i64) -> Result<Option<u32>, ApiError> {
    f.opt_int(name)?
        .map(|value| in_range(name, value, min, max))
        .transpose()
}

fn in_range(name: &str, value: i64, min: i64, max: i64) -> Result<u32, ApiError> {
    if (min..=max).contains(&value) {
        Ok(small(value))
    } else {
        Err(ApiError::invalid(
            name,
            format!("must be {min} to {max}, got {value}"),
        ))
    }
}

/// Converts a value already checked to lie within a small documented range.
fn small(value: i64) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}

fn small_usize(value: u32) -> usize {
    usize::try_from(value).unwrap_or(usize::MAX)
}

fn require_true(f: &Fields, name: &str) -> Result<(), ApiError> {
    if f.req_bool(name)? {
        Ok(())
    } else {
        Err(ApiError::invalid(
            name,
            "must be true (the privacy statement has to be accepted)",
        ))
    }
}

fn max_chars(name: &str, value: &str, max: usize) -> Result<(), ApiError> {
    let count = value.chars().count();
    if count > max {
        Err(ApiError::invalid(
            name,
            format!("must be at most {max} characters, got {count}"),
        ))
    } else {
        Ok(())
    }
}

/// A text field of at most `max` characters; `""` counts as absent.
fn text(f: &Fields, name: &str, required: bool, max: usize) -> Result<Option<String>, ApiError> {
    if required {
        return required_text(f, name, max).map(Some);
    }
    match f.opt_str(name)? {
        Some(value) if !value.is_empty() => {
            max_chars(name, value, max)?;
            Ok(Some(value.to_string()))
        }
        _ => Ok(None),
    }
}

fn required_text(f: &Fields, name: &str, max: usize) -> Result<String, ApiError> {
    let value = f.req_str(name)?;
    if value.trim().is_empty() {
        return Err(ApiError::invalid(name, "must not be blank"));
    }
    max_chars(name, value, max)?;
    Ok(value.to_string())
}
