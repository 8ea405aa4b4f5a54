//! The parameters of `request_ssl_certificates`, checked as cPanel's documentation and
//! its own validation state them. The first broken rule is answered, as cPanel does.

use serde_json::{Map, Value};

use super::identity;
use super::params::Params;
use super::products::{self, format_dollars, Product, Validation};
use super::subject_names::{self, wildcard_covers, SubjectName};
use crate::checks::check_csr;

/// A validated order, ready to be stored.
#[derive(Debug, Clone)]
pub struct OrderRequest {
    pub certificates: Vec<CertificateRequest>,
    pub url_after_checkout: Option<String>,
}

#[derive(Debug, Clone)]
pub struct CertificateRequest {
    pub product: &'static Product,
    pub names: Vec<SubjectName>,
    pub price_cents: u64,
    pub vhost_names: Vec<String>,
    pub identity: Option<Map<String, Value>>,
}

const PARAMS: [&str; 5] = [
    "provider",
    "access_token",
    "certificate",
    "identity_verification",
    "url_after_checkout",
];

const CERTIFICATE_KEYS: [&str; 7] = [
    "product_id",
    "price",
    "subject_names",
    "validity_period",
    "vhost_names",
    "csr",
    "identity_verification",
];

const REQUIRED_KEYS: [&str; 6] = [
    "product_id",
    "price",
    "subject_names",
    "validity_period",
    "vhost_names",
    "csr",
];

/// The all-zero UUID stands for an access token that has expired: no real token is all zero.
const EXPIRED_TOKEN: &str = "00000000-0000-0000-0000-000000000000";

/// Half a cent: prices are compared in dollars, as floating-point numbers arrive.
const PRICE_TOLERANCE: f64 = 0.005;

pub fn parse(params: &Params) -> Result<OrderRequest, String> {
    params.only(&PARAMS, Some("certificate"))?;
    products::check_provider(params.required("provider")?)?;
    check_access_token(params.required("access_token")?)?;
    let url_after_checkout = params
        .optional("url_after_checkout")?
        .map(|url| check_url_after_checkout(url).map(|()| url.to_string()))
        .transpose()?;
    let shared_identity = params
        .optional("identity_verification")?
        .map(|raw| parse_json("identity_verification", raw))
        .transpose()?;
    let raw_certificates = params.numbered("certificate")?;
    if raw_certificates.is_empty() {
        return Err(
            "certificate: the parameter is required: one JSON object per certificate, as certificate, or certificate-1, certificate-2, ..."
                .into(),
        );
    }
    let certificates = raw_certificates
        .iter()
        .map(|raw| certificate(&raw.label, raw.value, shared_identity.as_ref()))
        .collect::<Result<Vec<_>, _>>()?;
    let only_dv = certificates.iter().all(|c| c.product.identity.is_empty());
    if let (Some(_), true, Some(first)) = (&shared_identity, only_dv, certificates.first()) {
        return Err(format!(
            "identity_verification: this order has only DV certificates ({}), which take no identity verification; leave the parameter out",
            first.product.describe()
        ));
    }
    Ok(OrderRequest {
        certificates,
        url_after_checkout,
    })
}

fn check_access_token(token: &str) -> Result<(), String> {
    if !is_uuid(token) {
        return Err(format!(
            "access_token: “{token}” is not a cPanel Store access token, which is a UUID such as 725431a1-d5bc-11e5-a28b-8b0e09a93f05 (from Market::validate_login_token)"
        ));
    }
    if token == EXPIRED_TOKEN {
        return Err(
            "access_token: the cPanel Store session has expired; log in to the cPanel Store again for a new access token (the sandbox treats the all-zero UUID as expired)"
                .into(),
        );
    }
    Ok(())
}

fn is_uuid(text: &str) -> bool {
    let groups: Vec<&str> = text.split('-').collect();
    groups.len() == 5
        && groups
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(group, len)| group.len() == len && group.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// An absolute http(s) URL; cPanel refuses any `?`, since the store appends its own query.
fn check_url_after_checkout(url: &str) -> Result<(), String> {
    let refuse = |rule: &str| Err(format!("url_after_checkout: “{url}” {rule}"));
    let Some((scheme, rest)) = url.split_once("://") else {
        return refuse("must be an absolute http:// or https:// URL");
    };
    if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
        return refuse("must be an absolute http:// or https:// URL");
    }
    if url.contains('?') {
        return refuse("cannot include a query string");
    }
    if rest.split(['/', '#']).next().unwrap_or_default().is_empty() {
        return refuse("has no host");
    }
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return refuse("must not contain spaces or control characters");
    }
    Ok(())
}

fn parse_json(label: &str, raw: &str) -> Result<Value, String> {
    serde_json::from_str(raw)
        .map_err(|e| format!("{label}: is not valid JSON ({e}); send it JSON-encoded"))
}

fn certificate(
    label: &str,
    raw: &str,
    shared_identity: Option<&Value>,
) -> Result<CertificateRequest, String> {
    let value = parse_json(label, raw)?;
    let Value::Object(map) = value else {
        return Err(format!(
            "{label}: must be a JSON object with {}, got {value}",
            REQUIRED_KEYS.join(", ")
        ));
    };
    if let Some(unknown) = map
        .keys()
        .find(|key| !CERTIFICATE_KEYS.contains(&key.as_str()))
    {
        return Err(format!(
            "{label}: unknown key “{unknown}”; a certificate has {}",
            CERTIFICATE_KEYS.join(", ")
        ));
    }
    let present = |key: &str| map.get(key).filter(|value| !value.is_null());
    let missing: Vec<&str> = REQUIRED_KEYS
        .iter()
        .copied()
        .filter(|key| present(key).is_none())
        .collect();
    if !missing.is_empty() {
        return Err(format!(
            "{label}: lacks the required key(s) {}",
            missing.join(", ")
        ));
    }
    let field = |key: &str| present(key).unwrap_or(&Value::Null);
    let at = |rule: String| format!("{label}: {rule}");

    let product = read_product(field("product_id")).map_err(at)?;
    check_term(field("validity_period"), product).map_err(at)?;
    let names = subject_names::parse(field("subject_names"), product).map_err(at)?;
    let price_cents = check_price(field("price"), product, &names, label).map_err(at)?;
    let vhost_names = read_vhost_names(field("vhost_names"), &names).map_err(at)?;
    check_csr_names(field("csr"), &names).map_err(at)?;
    let identity = identity_for(
        label,
        product,
        present("identity_verification"),
        shared_identity,
    )?;
    Ok(CertificateRequest {
        product,
        names,
        price_cents,
        vhost_names,
        identity,
    })
}

fn read_product(value: &Value) -> Result<&'static Product, String> {
    let Value::String(id) = value else {
        return Err(format!(
            "product_id: must be a string such as \"143\", got {value}"
        ));
    };
    products::find(id).ok_or_else(|| {
        format!(
            "product_id: cPStore does not have a product with product ID “{id}”; it sells {}",
            products::listing()
        )
    })
}

/// `[1,"year"]`, or the documentation's `["1, \"year\""]`, equal to the product's term.
fn check_term(value: &Value, product: &Product) -> Result<(), String> {
    let (count, unit) = read_term(value).ok_or_else(|| {
        format!("validity_period: must be [1,\"year\"] (or the seed's [\"1, \\\"year\\\"\"]), got {value}")
    })?;
    if count == product.term.count && unit == product.term.unit {
        Ok(())
    } else {
        Err(format!(
            "validity_period: {} is sold for {}, not [{count},\"{unit}\"]",
            product.describe(),
            product.term.json()
        ))
    }
}

fn read_term(value: &Value) -> Option<(u64, String)> {
    match value.as_array()?.as_slice() {
        [count, Value::String(unit)] => {
            let count = match count {
                Value::Number(n) => n.as_u64()?,
                Value::String(text) => digits(text)?,
                _ => return None,
            };
            Some((count, unit.clone()))
        }
        [Value::String(text)] => {
            let (count, unit) = text.split_once(',')?;
            let unit = unit.trim().strip_prefix('"')?.strip_suffix('"')?;
            Some((digits(count.trim())?, unit.to_string()))
        }
        _ => None,
    }
}

fn digits(text: &str) -> Option<u64> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// The price must be what the store charges for these names: per exact name plus per
/// wildcard name. Otherwise cPanel answers with the correct price, as here.
fn check_price(
    value: &Value,
    product: &Product,
    names: &[SubjectName],
    label: &str,
) -> Result<u64, String> {
    let given = read_price(value)?;
    let wildcards = names.iter().filter(|name| name.is_wildcard()).count();
    let exact = names.len() - wildcards;
    // Wildcards on a product without wildcards were refused with the subject names.
    let expected = product
        .price_cents(exact, wildcards)
        .ok_or_else(|| format!("price: {} has no wildcard price", product.describe()))?;
    if (given - cents_to_dollars(expected)).abs() <= PRICE_TOLERANCE {
        return Ok(expected);
    }
    let mut breakdown = format!(
        "{exact} name(s) at {} each",
        format_dollars(product.cents_per_domain)
    );
    if let (true, Some(each)) = (wildcards > 0, product.cents_per_wildcard) {
        breakdown.push_str(&format!(
            " and {wildcards} wildcard name(s) at {} each",
            format_dollars(each)
        ));
    }
    Err(format!(
        "price: is {value}, but the vendor has reported the correct price for {label} as {} (USD): {breakdown} of {}",
        format_dollars(expected),
        product.describe()
    ))
}

fn read_price(value: &Value) -> Result<f64, String> {
    let price = match value {
        Value::Number(n) => n.as_f64(),
        Value::String(text) if is_decimal(text) => text.parse().ok(),
        _ => None,
    };
    match price {
        Some(price) if price.is_finite() && price >= 0.0 => Ok(price),
        _ => Err(format!(
            "price: must be a number of US dollars such as 6, or a numeric string such as \"6\", got {value}"
        )),
    }
}

/// `6`, `6.5` or `6.00`: digits with at most one decimal point, nothing else.
fn is_decimal(text: &str) -> bool {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, "0"));
    !whole.is_empty()
        && !fraction.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && fraction.bytes().all(|b| b.is_ascii_digit())
}

fn cents_to_dollars(cents: u64) -> f64 {
    // Prices in the sandbox stay far below 2^53 cents, so the conversion is exact.
    cents as f64 / 100.0
}

/// The sites to install the certificate on: each must be one of the subject names, or a
/// name a wildcard subject name covers; `*` stands for every matching site.
fn read_vhost_names(value: &Value, names: &[SubjectName]) -> Result<Vec<String>, String> {
    let Value::Array(items) = value else {
        return Err(format!(
            "vhost_names: must be an array of site names such as [\"example.com\"], got {value}"
        ));
    };
    if items.is_empty() {
        return Err(
            "vhost_names: is empty; name at least one site to install the certificate on".into(),
        );
    }
    items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let at = format!("vhost_names[{i}]");
            let vhost = match item {
                Value::String(vhost) if !vhost.is_empty() => vhost,
                other => return Err(format!("{at}: must be a non-empty string, got {other}")),
            };
            let covered = vhost == "*"
                || names.iter().any(|name| {
                    name.name.eq_ignore_ascii_case(vhost) || wildcard_covers(&name.name, vhost)
                });
            if covered {
                Ok(vhost.clone())
            } else {
                let listed: Vec<&str> = names.iter().map(|name| name.name.as_str()).collect();
                Err(format!(
                    "{at}: “{vhost}” matches none of the subject names ({}); name a site the certificate covers, or * for all of them",
                    listed.join(", ")
                ))
            }
        })
        .collect()
}

/// The sandbox keeps no CSR: it only checks that it is one, made for every subject name.
fn check_csr_names(value: &Value, names: &[SubjectName]) -> Result<(), String> {
    let Value::String(csr) = value else {
        return Err(format!("csr: must be a PEM string, got {value}"));
    };
    names
        .iter()
        .try_for_each(|name| check_csr(csr, &name.name).map_err(|rule| format!("csr: {rule}")))
}

/// The identity for one certificate: its own `identity_verification` (where cPanel's code
/// reads it) or the request's `identity_verification` parameter (where the provider's documentation puts it).
fn identity_for(
    label: &str,
    product: &Product,
    own: Option<&Value>,
    shared: Option<&Value>,
) -> Result<Option<Map<String, Value>>, String> {
    if product.identity.is_empty() {
        return match own {
            Some(_) => Err(format!(
                "{label}: identity_verification: {} is DV and takes no identity verification; send it only for OV or EV products",
                product.describe()
            )),
            None => Ok(None),
        };
    }
    match (own, shared) {
        (Some(_), Some(_)) => Err(format!(
            "{label}: identity_verification is given both inside the certificate and as the identity_verification parameter; give it once"
        )),
        (Some(own), None) => {
            identity::check(product.identity, own, &format!("{label}: identity_verification"))
                .map(Some)
        }
        (None, Some(shared)) => identity::check(product.identity, shared, "identity_verification").map(Some),
        (None, None) => {
            let required: Vec<&str> = product
                .identity
                .iter()
                .filter(|field| !field.optional)
                .map(|field| field.name)
                .collect();
            let level = if product.validation == Validation::Ev { "EV" } else { "OV" };
            Err(format!(
                "identity_verification: {} is {level} and needs the parameter identity_verification, a JSON object with {}",
                product.describe(),
                required.join(", ")
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn access_tokens_are_uuids_and_the_zero_one_has_expired() {
        assert!(check_access_token("725431a1-d5bc-11e5-a28b-8b0e09a93f05").is_ok());
        assert!(check_access_token("725431A1-D5BC-11E5-A28B-8B0E09A93F05").is_ok());
        assert!(check_access_token("725431a1d5bc11e5a28b8b0e09a93f05")
            .unwrap_err()
            .contains("UUID"));
        assert!(check_access_token("725431a1-d5bc-11e5-a28b-8b0e09a93f0g").is_err());
        assert!(check_access_token(EXPIRED_TOKEN)
            .unwrap_err()
            .contains("expired"));
    }

    #[test]
    fn url_after_checkout_is_an_absolute_http_url_without_a_query() {
        assert!(check_url_after_checkout("http://checkout.example.com").is_ok());
        assert!(check_url_after_checkout("https://shop.example.com/done#top").is_ok());
        for (url, needle) in [
            ("/relative/path", "absolute"),
            ("ftp://example.com/", "absolute"),
            ("https://example.com/done?order=1", "query string"),
            ("https:///done", "no host"),
            ("https://example.com/a b", "spaces"),
        ] {
            let error = check_url_after_checkout(url).unwrap_err();
            assert!(
                error.starts_with("url_after_checkout:") && error.contains(needle),
                "{url}: {error}"
            );
        }
    }

    #[test]
    fn both_documented_validity_periods_read_alike() {
        assert_eq!(read_term(&json!([1, "year"])), Some((1, "year".into())));
        assert_eq!(read_term(&json!(["1", "year"])), Some((1, "year".into())));
        assert_eq!(read_term(&json!(["1, \"year\""])), Some((1, "year".into())));
        assert_eq!(read_term(&json!(["1,\"year\""])), Some((1, "year".into())));
        assert_eq!(read_term(&json!("1 year")), None);
        assert_eq!(read_term(&json!([1.5, "year"])), None);
        assert_eq!(read_term(&json!(["1, year"])), None);
    }

    #[test]
    fn prices_are_numbers_or_numeric_strings() {
        assert_eq!(read_price(&json!(6)), Ok(6.0));
        assert_eq!(read_price(&json!("6.00")), Ok(6.0));
        for bad in [
            json!("6 USD"),
            json!("-1"),
            json!(-1),
            json!(""),
            json!("."),
            json!(null),
            json!("1e3"),
        ] {
            assert!(read_price(&bad).is_err(), "{bad}");
        }
    }
}
