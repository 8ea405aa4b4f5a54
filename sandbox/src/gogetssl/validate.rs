//! The rules of `add_ssl_order`, as GoGetSSL's API documentation states them,
//! checked in its order of fields. The first broken rule is answered; unknown fields are
//! ignored, as a PHP API does.

use super::approvers::{approver_emails, base_name, is_approver_email};
use super::contacts;
use super::dcv::{listing, DcvChoice, DcvMethod};
use super::error::{ApiError, WILDCARD_MISMATCH};
use super::form::Form;
use super::model::OrderRequest;
use super::products::{self, Product};
use super::sans;
use super::webservers::{self, WEBSERVERS};
use crate::checks::{check_name, csr_common_name, split_wildcard};

/// GoGetSSL's CSR decoder takes at most this many characters.
const CSR_MAX_CHARS: usize = 4000;

pub fn add_ssl_order(form: &Form) -> Result<OrderRequest, ApiError> {
    let product = product(form)?;
    let (period, price_cents) = period(form, product)?;
    let domain = primary_domain(form, product)?;
    server_count(form)?;
    webserver_type(form)?;
    let dcv = primary_dcv(form, product, &domain)?;
    let sans = sans::check(form, product, &domain)?;
    contacts::check(form, product)?;
    if let Some(hash) = form.value("signature_hash") {
        if hash != "SHA2" {
            return Err(ApiError::invalid(
                "signature_hash",
                format!("must be SHA2, got {hash:?}"),
            ));
        }
    }
    Ok(OrderRequest {
        product,
        period,
        price_cents,
        domain,
        dcv,
        sans,
    })
}

/// `test=Y` in the query or the body asks for a dry run; `N` or nothing for a real order.
/// Anything else is refused rather than guessed, since a guess could place a real order.
pub fn dry_run(query: &Form, body: &Form) -> Result<bool, ApiError> {
    let mut dry = false;
    for form in [query, body] {
        match form.value("test") {
            None | Some("N") => {}
            Some("Y") => dry = true,
            Some(other) => {
                return Err(ApiError::invalid(
                    "test",
                    format!("must be Y (validate only) or N, got {other:?}"),
                ))
            }
        }
    }
    Ok(dry)
}

fn required<'a>(form: &'a Form, field: &str) -> Result<&'a str, ApiError> {
    form.value(field).ok_or_else(|| ApiError::missing(field))
}

fn whole_number(form: &Form, field: &str) -> Result<i64, ApiError> {
    let value = required(form, field)?;
    value
        .parse()
        .map_err(|_| ApiError::invalid(field, format!("must be a whole number, got {value:?}")))
}

fn product(form: &Form) -> Result<&'static Product, ApiError> {
    let id = whole_number(form, "product_id")?;
    u32::try_from(id)
        .ok()
        .and_then(products::find)
        .ok_or_else(|| {
            ApiError::invalid(
                "product_id",
                format!(
                    "there is no product {id}; GET /products/ssl/ lists {}",
                    products::ids()
                ),
            )
        })
}

fn period(form: &Form, product: &Product) -> Result<(u32, u32), ApiError> {
    let months = whole_number(form, "period")?;
    u32::try_from(months)
        .ok()
        .and_then(|months| Some((months, product.price_cents(months)?)))
        .ok_or_else(|| {
            let periods: Vec<String> = product.periods().iter().map(u32::to_string).collect();
            ApiError::invalid(
                "period",
                format!(
                    "{} is sold for {} months, got {months}",
                    product.label(),
                    periods.join(" or ")
                ),
            )
        })
}

/// The primary name is the CSR's Common Name, so the CSR decides what the product must allow.
fn primary_domain(form: &Form, product: &Product) -> Result<String, ApiError> {
    let csr = required(form, "csr")?;
    let count = csr.chars().count();
    if count > CSR_MAX_CHARS {
        return Err(ApiError::invalid(
            "csr",
            format!("must be at most {CSR_MAX_CHARS} characters, got {count}"),
        ));
    }
    let common_name = csr_common_name(csr)
        .map_err(|rule| ApiError::invalid("csr", rule))?
        .ok_or_else(|| {
            ApiError::invalid(
                "csr",
                "the CSR has no Common Name (CN), and the primary domain is taken from it",
            )
        })?;
    check_name(&common_name, true)
        .map_err(|rule| ApiError::invalid("csr", format!("the Common Name {rule}")))?;
    let wildcard = split_wildcard(&common_name).0;
    if product.wildcard && !wildcard {
        return Err(ApiError::refused(
            WILDCARD_MISMATCH,
            format!(
                "Invalid csr: {} is a wildcard certificate, so the CSR's Common Name must start with an asterisk, as in *.example.com; got {common_name:?}.",
                product.label()
            ),
        ));
    }
    if wildcard && !product.allows_wildcard_primary() {
        return Err(ApiError::refused(
            WILDCARD_MISMATCH,
            format!(
                "Invalid csr: the CSR's Common Name {common_name:?} starts with an asterisk, but {} takes no wildcard names.",
                product.label()
            ),
        ));
    }
    Ok(common_name)
}

fn server_count(form: &Form) -> Result<(), ApiError> {
    let count = whole_number(form, "server_count")?;
    if count == -1 || count >= 1 {
        Ok(())
    } else {
        Err(ApiError::invalid(
            "server_count",
            format!("must be -1 (unlimited) or at least 1, got {count}"),
        ))
    }
}

fn webserver_type(form: &Form) -> Result<(), ApiError> {
    let id = whole_number(form, "webserver_type")?;
    if u32::try_from(id).is_ok_and(webservers::is_known) {
        return Ok(());
    }
    let last = WEBSERVERS.last().map_or(0, |server| server.id);
    Err(ApiError::invalid(
        "webserver_type",
        format!("there is no web server type {id}; GET /tools/webservers/1 lists 1 to {last}"),
    ))
}

/// `dcv_method` and, for email, `approver_email`.
fn primary_dcv(form: &Form, product: &Product, domain: &str) -> Result<DcvChoice, ApiError> {
    let value = required(form, "dcv_method")?;
    let method = DcvMethod::from_wire(value).ok_or_else(|| {
        ApiError::invalid(
            "dcv_method",
            format!("must be {}, got {value:?}", listing(&DcvMethod::ALL)),
        )
    })?;
    check_method_for("dcv_method", method, product, domain)?;
    let approver = form.value("approver_email");
    match (method, approver) {
        (DcvMethod::Email, None) => Err(ApiError::missing_when(
            "approver_email",
            "when dcv_method is email",
        )),
        (DcvMethod::Email, Some(email)) => {
            check_approver("approver_email", domain, email)?;
            Ok(DcvChoice::Email(email.to_string()))
        }
        (_, Some(_)) => Err(ApiError::invalid(
            "approver_email",
            format!("may be sent only when dcv_method is email, not {value}"),
        )),
        (DcvMethod::Http, None) => Ok(DcvChoice::Http),
        (DcvMethod::Https, None) => Ok(DcvChoice::Https),
        (DcvMethod::Dns, None) => Ok(DcvChoice::Dns),
    }
}

/// A method must suit the name (no file for a wildcard) and be one the product offers.
pub fn check_method_for(
    field: &str,
    method: DcvMethod,
    product: &Product,
    name: &str,
) -> Result<(), ApiError> {
    if method.is_file_based() && split_wildcard(name).0 {
        return Err(ApiError::invalid(
            field,
            format!(
                "{} validation cannot prove control of the wildcard name {name}: use dns or email",
                method.wire()
            ),
        ));
    }
    if !product.offers(method) {
        return Err(ApiError::invalid(
            field,
            format!(
                "{} does not offer {} validation, only {}",
                product.label(),
                method.wire(),
                listing(product.methods)
            ),
        ));
    }
    Ok(())
}

/// `email` must be one of the constructed approver addresses of `name`.
pub fn check_approver(field: &str, name: &str, email: &str) -> Result<(), ApiError> {
    if is_approver_email(name, email) {
        return Ok(());
    }
    let allowed = approver_emails(name);
    Err(ApiError::invalid(
        field,
        format!(
            "{email:?} is not an approver address of {}; use one of {}",
            base_name(name),
            allowed.join(", ")
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gogetssl::products::ProductType;

    /// No listed product lacks a method a non-wildcard name could use, so the rule that a
    /// method must be offered is tested on a product made up for it.
    const EMAIL_ONLY: Product = Product {
        id: 99,
        name: "Email-only test product",
        product_type: ProductType::Dv,
        wildcard: false,
        multi_domain: false,
        wildcard_san_enabled: false,
        multidomains_included: 1,
        multidomains_maximum: 1,
        methods: &[DcvMethod::Email],
        prices: &[(12, 100)],
    };

    #[test]
    fn a_method_must_be_one_the_product_offers() {
        assert!(
            check_method_for("dcv_method", DcvMethod::Email, &EMAIL_ONLY, "a.example.com").is_ok()
        );
        for method in [DcvMethod::Http, DcvMethod::Https, DcvMethod::Dns] {
            let error =
                check_method_for("dcv_method", method, &EMAIL_ONLY, "a.example.com").unwrap_err();
            assert_eq!(
                error.description,
                format!(
                    "Invalid dcv_method: product 99 (Email-only test product) does not offer {} validation, only email.",
                    method.wire()
                )
            );
        }
    }

    #[test]
    fn a_file_method_is_refused_for_a_wildcard_before_asking_the_product() {
        let error = check_method_for(
            "approver_emails",
            DcvMethod::Http,
            &EMAIL_ONLY,
            "*.example.com",
        )
        .unwrap_err();
        assert!(
            error.description.contains("wildcard name *.example.com"),
            "{}",
            error.description
        );
    }

    #[test]
    fn test_y_in_the_query_or_the_body_is_a_dry_run() {
        let form = |text: &str| Form::parse(text.as_bytes());
        assert!(!dry_run(&form(""), &form("")).unwrap());
        assert!(!dry_run(&form("test=N"), &form("test=")).unwrap());
        assert!(dry_run(&form("test=Y"), &form("")).unwrap());
        assert!(dry_run(&form(""), &form("test=Y")).unwrap());
        for refused in ["1", "y", "true", "yes"] {
            let error = dry_run(&form(""), &form(&format!("test={refused}"))).unwrap_err();
            assert!(error.description.starts_with("Invalid test:"), "{refused}");
        }
    }
}
