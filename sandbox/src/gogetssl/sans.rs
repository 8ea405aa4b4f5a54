//! `dns_names` and `approver_emails`: the additional names of a multi-domain order, and one
//! validation choice per name, position by position.

use super::dcv::DcvChoice;
use super::error::ApiError;
use super::form::Form;
use super::model::San;
use super::products::Product;
use super::validate::{check_approver, check_method_for};
use crate::checks::{check_name, split_wildcard};

pub fn check(form: &Form, product: &Product, domain: &str) -> Result<Vec<San>, ApiError> {
    let dns_names = form.value("dns_names");
    let approver_emails = form.value("approver_emails");
    if !product.multi_domain {
        if dns_names.is_some() {
            return Err(ApiError::invalid(
                "dns_names",
                format!(
                    "{} is not a multi-domain certificate, so dns_names must not be sent (the primary domain comes from the CSR)",
                    product.label()
                ),
            ));
        }
        if approver_emails.is_some() {
            return Err(ApiError::invalid(
                "approver_emails",
                "may be sent only with dns_names",
            ));
        }
        return Ok(Vec::new());
    }
    let dns_names = dns_names.ok_or_else(|| {
        ApiError::missing_when(
            "dns_names",
            &format!("for {}, a multi-domain certificate", product.label()),
        )
    })?;
    let names = names(dns_names, product, domain)?;
    let approver_emails = approver_emails.ok_or_else(|| {
        ApiError::missing_when(
            "approver_emails",
            "with dns_names: one entry (an approver address, http, https or dns) per name",
        )
    })?;
    let entries: Vec<&str> = approver_emails.split(',').map(str::trim).collect();
    if entries.len() != names.len() {
        return Err(ApiError::invalid(
            "approver_emails",
            format!(
                "has {} entries for {} dns_names; send exactly one per name, in the same order",
                entries.len(),
                names.len()
            ),
        ));
    }
    names
        .into_iter()
        .zip(entries)
        .map(|(name, entry)| {
            let dcv = choice_for(entry, &name, product)?;
            Ok(San { name, dcv })
        })
        .collect()
}

/// The comma list of additional names: valid host names, none twice, not the primary, and no
/// more than the product holds.
fn names(list: &str, product: &Product, domain: &str) -> Result<Vec<String>, ApiError> {
    let names: Vec<&str> = list.split(',').map(str::trim).collect();
    let total = names.len() + 1;
    let maximum = product.multidomains_maximum;
    if u32::try_from(total).map_or(true, |total| total > maximum) {
        return Err(ApiError::invalid(
            "dns_names",
            format!(
                "{total} names with the primary domain, but {} holds at most {maximum}",
                product.label()
            ),
        ));
    }
    let primary = domain.to_ascii_lowercase();
    let mut seen: Vec<String> = Vec::with_capacity(names.len());
    let mut accepted = Vec::with_capacity(names.len());
    for name in names {
        if name.is_empty() {
            return Err(ApiError::invalid(
                "dns_names",
                "holds an empty name (names are separated by single commas, none at the ends)",
            ));
        }
        if split_wildcard(name).0 && !product.wildcard_san_enabled {
            return Err(ApiError::invalid(
                "dns_names",
                format!(
                    "{name:?} is a wildcard, and {} takes no wildcard names",
                    product.label()
                ),
            ));
        }
        check_name(name, true).map_err(|rule| ApiError::invalid("dns_names", rule))?;
        let lower = name.to_ascii_lowercase();
        if lower == primary {
            return Err(ApiError::invalid(
                "dns_names",
                format!(
                    "{name:?} is the primary domain (the CSR's Common Name); list only the additional names"
                ),
            ));
        }
        if seen.contains(&lower) {
            return Err(ApiError::invalid(
                "dns_names",
                format!("{name:?} is listed twice"),
            ));
        }
        seen.push(lower);
        accepted.push(name.to_string());
    }
    Ok(accepted)
}

/// One `approver_emails` entry: `http`, `https`, `dns`, or an approver address of `name`.
fn choice_for(entry: &str, name: &str, product: &Product) -> Result<DcvChoice, ApiError> {
    let field = "approver_emails";
    let choice = match entry {
        "" => {
            return Err(ApiError::invalid(
                field,
                format!("the entry for {name} is empty"),
            ))
        }
        "http" => DcvChoice::Http,
        "https" => DcvChoice::Https,
        "dns" => DcvChoice::Dns,
        email => {
            check_approver(field, name, email)?;
            DcvChoice::Email(email.to_string())
        }
    };
    check_method_for(field, choice.method(), product, name)?;
    Ok(choice)
}
