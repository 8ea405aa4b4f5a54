//! How each name's control is proved (domain control validation), as the product, the
//! provider and the date allow.

use super::approvers::{approver_addresses, email_method_on, EmailMethod};
use super::contact::{ContactError, Email};
use super::domain_name::DomainName;
use super::draft::OrderDraft;
use super::name_list::CertName;
use super::product::{DcvMethod, Product};
use super::rules::Rules;
use super::{Field, FieldErrors, FieldProblem};

/// Why a name's validation method or approver address cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum MethodError {
    /// No method the product offers for this name was chosen.
    Choose(CertName),
    /// A file method for a wildcard name.
    FileCannotProveWildcard(CertName),
    /// Email to constructed addresses, on or after the day it ended.
    EmailWithdrawn,
    /// No approver address chosen for this name.
    ChooseApprover(CertName),
    /// An approver address (as typed) that the CA may not use for this name.
    ApproverNotAllowed { typed: String, name: CertName },
    /// An approver address that is not an email address.
    Approver(ContactError),
}

/// A validated choice for one name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Dcv {
    Dns,
    Http,
    Https,
    /// Email to a constructed address; `None` where the CA picks it (Huawei).
    Email(Option<Email>),
}

impl Dcv {
    pub fn method(&self) -> DcvMethod {
        match self {
            Dcv::Dns => DcvMethod::Dns,
            Dcv::Http => DcvMethod::Http,
            Dcv::Https => DcvMethod::Https,
            Dcv::Email(_) => DcvMethod::Email,
        }
    }
}

/// The methods a person may choose for `name` today: the product's, without file
/// validation for a wildcard or where the provider takes it only for IP addresses (Huawei),
/// and without email once it is withdrawn.
pub fn methods_for(product: &Product, name: Option<&CertName>, rules: &Rules) -> Vec<DcvMethod> {
    let email = email_method_on(rules.today);
    product
        .methods
        .iter()
        .copied()
        .filter(|m| name.is_none_or(|n| !n.is_wildcard() || m.works_for_wildcards()))
        .filter(|m| product.provider.profile().validates_names_by_file || !m.is_file())
        .filter(|m| *m != DcvMethod::Email || email != EmailMethod::Withdrawn)
        .collect()
}

/// The registered domain of `host` (from the Public Suffix List), or, before the list is
/// loaded, the last two labels.
pub fn registered_domain(host: &DomainName, rules: &Rules) -> Option<DomainName> {
    let text = host.as_str();
    let registered = match rules.suffixes {
        Some(suffixes) => suffixes.registered_domain(text)?,
        None => {
            let cut = text.rmatch_indices('.').nth(1).map_or(0, |(i, _)| i + 1);
            &text[cut..]
        }
    };
    DomainName::parse(registered).ok()
}

/// The addresses the CA may email to approve `name`.
pub fn approvers_for(name: &CertName, rules: &Rules) -> Vec<String> {
    registered_domain(name.host(), rules)
        .map(|registered| approver_addresses(name, &registered))
        .unwrap_or_default()
}

/// The method chosen for a name: its own choice, else the certificate's, else the default.
pub fn chosen_method(draft: &OrderDraft, product: &Product, name: &CertName) -> String {
    let own = product
        .provider
        .profile()
        .method_per_name
        .then(|| draft.methods.get(&name.to_string()))
        .flatten();
    match own {
        Some(method) if !method.is_empty() => method.clone(),
        _ if !draft.method.is_empty() => draft.method.clone(),
        _ => product.default_method().slug().to_string(),
    }
}

/// Checks the method of every name; `names` has the primary first. For a provider that takes
/// one method per certificate, the certificate's method is checked against every name and its
/// errors belong to the first method field.
pub fn check_methods(
    draft: &OrderDraft,
    product: &Product,
    names: &[CertName],
    rules: &Rules,
    errors: &mut FieldErrors,
) -> Option<Vec<Dcv>> {
    let per_name = product.provider.profile().method_per_name;
    let mut chosen = Vec::with_capacity(names.len());
    let mut failed = false;
    for (index, name) in names.iter().enumerate() {
        let at = if per_name { index } else { 0 };
        let field = Field::Method(u16::try_from(at).unwrap_or(u16::MAX));
        let already_reported = !per_name && errors.for_field(field).is_some();
        match check_one(draft, product, name, rules, at) {
            Ok(dcv) => chosen.push(dcv),
            Err((field, error)) => {
                failed = true;
                if !already_reported {
                    errors.push(field, FieldProblem::Method(error));
                }
            }
        }
    }
    (!failed).then_some(chosen)
}

fn check_one(
    draft: &OrderDraft,
    product: &Product,
    name: &CertName,
    rules: &Rules,
    at: usize,
) -> Result<Dcv, (Field, MethodError)> {
    let index = u16::try_from(at).unwrap_or(u16::MAX);
    let field = Field::Method(index);
    let slug = chosen_method(draft, product, name);
    let method = DcvMethod::from_slug(&slug)
        .filter(|m| product.offers(*m))
        .filter(|m| product.provider.profile().validates_names_by_file || !m.is_file())
        .ok_or_else(|| (field, MethodError::Choose(name.clone())))?;
    if name.is_wildcard() && !method.works_for_wildcards() {
        return Err((field, MethodError::FileCannotProveWildcard(name.clone())));
    }
    match method {
        DcvMethod::Dns => Ok(Dcv::Dns),
        DcvMethod::Http => Ok(Dcv::Http),
        DcvMethod::Https => Ok(Dcv::Https),
        DcvMethod::Email => {
            if email_method_on(rules.today) == EmailMethod::Withdrawn {
                return Err((field, MethodError::EmailWithdrawn));
            }
            if !product.provider.profile().chooses_approver {
                return Ok(Dcv::Email(None));
            }
            let approver_field = Field::Approver(index);
            let typed = draft
                .approvers
                .get(&name.to_string())
                .map(|a| a.trim())
                .unwrap_or_default();
            if typed.is_empty() {
                return Err((approver_field, MethodError::ChooseApprover(name.clone())));
            }
            let allowed = approvers_for(name, rules);
            if !allowed.iter().any(|a| a.eq_ignore_ascii_case(typed)) {
                return Err((
                    approver_field,
                    MethodError::ApproverNotAllowed {
                        typed: typed.to_string(),
                        name: name.clone(),
                    },
                ));
            }
            Email::parse(typed)
                .map(|email| Dcv::Email(Some(email)))
                .map_err(|err| (approver_field, MethodError::Approver(err)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::order::fixtures::TODAY;
    use crate::order::FieldError;
    use crate::order::Provider;

    fn offered(provider: Provider, name: &str) -> Vec<DcvMethod> {
        let product = Product {
            provider,
            ..crate::order::fixtures::gogetssl_multi(true, DcvMethod::ALL.to_vec())
        };
        let name = CertName::parse(name).expect("valid name");
        methods_for(&product, Some(&name), &Rules::basic(TODAY))
    }

    #[test]
    fn huawei_is_never_offered_file_validation_for_a_domain_name() {
        assert_eq!(
            offered(Provider::Huawei, "shop.example.com"),
            [DcvMethod::Dns, DcvMethod::Email]
        );
        assert_eq!(
            offered(Provider::Huawei, "*.example.com"),
            [DcvMethod::Dns, DcvMethod::Email]
        );
        assert_eq!(
            offered(Provider::GoGetSsl, "shop.example.com"),
            DcvMethod::ALL
        );
        assert_eq!(
            offered(Provider::GoGetSsl, "*.example.com"),
            [DcvMethod::Dns, DcvMethod::Email]
        );
    }

    #[test]
    fn a_huawei_order_asking_for_file_validation_is_refused() {
        let product = Product {
            provider: Provider::Huawei,
            ..crate::order::fixtures::gogetssl_multi(true, DcvMethod::ALL.to_vec())
        };
        let draft = OrderDraft {
            method: "http".into(),
            ..OrderDraft::default()
        };
        let names = [CertName::parse("shop.example.com").expect("valid")];
        let mut errors = FieldErrors::new();
        let chosen = check_methods(&draft, &product, &names, &Rules::basic(TODAY), &mut errors);
        assert_eq!(chosen, None);
        assert_eq!(
            errors.for_field(Field::Method(0)),
            Some(&FieldProblem::Method(MethodError::Choose(names[0].clone())))
        );
    }

    fn product() -> Product {
        crate::order::fixtures::gogetssl_multi(true, DcvMethod::ALL.to_vec())
    }

    fn problems(draft: &OrderDraft, names: &[&str], today: (u16, u8, u8)) -> Vec<FieldError> {
        let names: Vec<CertName> = names
            .iter()
            .map(|n| CertName::parse(n).expect("valid name"))
            .collect();
        let mut errors = FieldErrors::new();
        let chosen = check_methods(draft, &product(), &names, &Rules::basic(today), &mut errors);
        assert!(chosen.is_none());
        errors.iter().cloned().collect()
    }

    fn at(field: Field, error: MethodError) -> FieldError {
        FieldError {
            field,
            problem: FieldProblem::Method(error),
        }
    }

    #[test]
    fn each_refusal_names_the_name_and_the_field_it_belongs_to() {
        let http = OrderDraft {
            method: "http".into(),
            ..OrderDraft::default()
        };
        let email = OrderDraft {
            method: "email".into(),
            ..OrderDraft::default()
        };
        let wildcard = CertName::parse("*.example.com").expect("valid");
        let name = CertName::parse("example.com").expect("valid");
        assert_eq!(
            problems(&http, &["*.example.com"], (2026, 1, 1)),
            [at(
                Field::Method(0),
                MethodError::FileCannotProveWildcard(wildcard)
            )]
        );
        assert_eq!(
            problems(&email, &["example.com"], (2026, 1, 1)),
            [at(Field::Approver(0), MethodError::ChooseApprover(name))]
        );
        assert_eq!(
            problems(&email, &["example.com"], (2028, 3, 15)),
            [at(Field::Method(0), MethodError::EmailWithdrawn)]
        );
    }
}
