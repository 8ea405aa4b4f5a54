//! The rules a body that satisfies the schema must still follow, as a CA would apply them.

use super::error::ApiError;
use super::model::{Coverage, Level, Method, Name, Order};
use super::schema::{Body, NameItem};
use crate::checks::{check_csr, split_wildcard};

/// Checks `body` name by name, then as a whole; the first broken rule is the answer.
pub fn check(body: Body) -> Result<Order, ApiError> {
    for (index, item) in body.names.iter().enumerate() {
        check_name_item(index, item, body.level)?;
    }
    check_duplicates(&body.names)?;
    check_coverage(&body)?;
    if body.level != Level::Dv && !body.has_organisation {
        return Err(ApiError::invalid(
            "/organisation",
            "/organisation is required for OV and EV certificates: the CA validates the organisation.",
        ));
    }
    let primary = &body.names[0].name;
    check_csr(&body.csr, primary)
        .map_err(|rule| ApiError::invalid("/csr", format!("/csr: {rule}.")))?;
    Ok(Order {
        names: body
            .names
            .into_iter()
            .map(|item| Name {
                name: item.name,
                method: item.method,
                approver: item.approver,
            })
            .collect(),
    })
}

fn check_name_item(index: usize, item: &NameItem, level: Level) -> Result<(), ApiError> {
    let at = |key: &str| format!("/names/{index}/{key}");
    match (index, item.primary) {
        (0, false) => {
            return Err(ApiError::invalid(
                at("primary"),
                "/names/0/primary must be true: the primary name comes first.",
            ))
        }
        (1.., true) => {
            return Err(ApiError::invalid(
                at("primary"),
                format!(
                    "{} must be false: only the first name is the primary.",
                    at("primary")
                ),
            ))
        }
        _ => {}
    }
    let wildcard = split_wildcard(&item.name).0;
    if wildcard && level == Level::Ev {
        return Err(ApiError::invalid(
            at("name"),
            format!(
                "{}: {:?} is a wildcard name, and EV certificates cannot cover wildcards.",
                at("name"),
                item.name
            ),
        ));
    }
    if wildcard && matches!(item.method, Method::Http | Method::Https) {
        return Err(ApiError::invalid(
            at("method"),
            format!(
                "{}: {:?} is a wildcard name, which cannot be validated by a file over {}; use dns or email.",
                at("method"),
                item.name,
                item.method.wire()
            ),
        ));
    }
    if item.approver.is_some() && item.method != Method::Email {
        return Err(ApiError::invalid(
            at("approver"),
            format!(
                "{} is only allowed with method email, this name uses {}.",
                at("approver"),
                item.method.wire()
            ),
        ));
    }
    if item.unicode.is_some() && !has_idn_label(&item.name) {
        return Err(ApiError::invalid(
            at("unicode"),
            format!(
                "{} is only sent for internationalised names, and {:?} has no xn-- label.",
                at("unicode"),
                item.name
            ),
        ));
    }
    Ok(())
}

fn has_idn_label(name: &str) -> bool {
    name.split('.')
        .any(|label| label.len() > 4 && label[..4].eq_ignore_ascii_case("xn--"))
}

/// Host names are case-insensitive, so `WWW.example.com` repeats `www.example.com`.
fn check_duplicates(names: &[NameItem]) -> Result<(), ApiError> {
    for (index, item) in names.iter().enumerate() {
        if let Some(first) = names[..index]
            .iter()
            .position(|earlier| earlier.name.eq_ignore_ascii_case(&item.name))
        {
            return Err(ApiError::invalid(
                format!("/names/{index}/name"),
                format!(
                    "/names/{index}/name: {:?} is already listed at /names/{first}.",
                    item.name
                ),
            ));
        }
    }
    Ok(())
}

fn check_coverage(body: &Body) -> Result<(), ApiError> {
    let (expected, wildcard) = match body.coverage {
        Coverage::Multi => return Ok(()),
        Coverage::Single => ("single", false),
        Coverage::Wildcard => ("wildcard", true),
    };
    if body.names.len() != 1 {
        return Err(ApiError::invalid(
            "/names",
            format!(
                "/names must hold exactly one name for a {expected} certificate, got {}.",
                body.names.len()
            ),
        ));
    }
    let name = &body.names[0].name;
    if split_wildcard(name).0 != wildcard {
        let rule = if wildcard {
            format!("{name:?} must be a *. name for a wildcard certificate")
        } else {
            format!("{name:?} is a wildcard name; a single certificate covers one exact name")
        };
        return Err(ApiError::invalid(
            "/names/0/name",
            format!("/names/0/name: {rule}."),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn idn_labels_start_with_xn_dash_dash() {
        assert!(has_idn_label("xn--bcher-kva.example"));
        assert!(has_idn_label("shop.XN--fiqs8s"));
        assert!(!has_idn_label("xn--.example.com"));
        assert!(!has_idn_label("www.example.com"));
    }
}
