//! How each name's control is proved (domain control validation), as the product, the
//! provider and the date allow.

use super::approvers::{approver_addresses, email_method_on, EmailMethod};
use super::contact::Email;
use super::domain_name::DomainName;
use super::draft::OrderDraft;
use super::name_list::CertName;
use super::product::{DcvMethod, Product};
use super::rules::Rules;
use super::{Field, FieldErrors};

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
            Err((field, message)) => {
                failed = true;
                if !already_reported {
                    errors.push(field, message);
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
) -> Result<Dcv, (Field, String)> {
    let texts = &crate::i18n::t().domains;
    let index = u16::try_from(at).unwrap_or(u16::MAX);
    let field = Field::Method(index);
    let slug = chosen_method(draft, product, name);
    let method = DcvMethod::from_slug(&slug)
        .filter(|m| product.offers(*m))
        .filter(|m| product.provider.profile().validates_names_by_file || !m.is_file())
        .ok_or_else(|| (field, (texts.choose_method)(&name.to_string())))?;
    if name.is_wildcard() && !method.works_for_wildcards() {
        return Err((field, (texts.file_cannot_prove_wildcard)(&name.to_string())));
    }
    match method {
        DcvMethod::Dns => Ok(Dcv::Dns),
        DcvMethod::Http => Ok(Dcv::Http),
        DcvMethod::Https => Ok(Dcv::Https),
        DcvMethod::Email => {
            if email_method_on(rules.today) == EmailMethod::Withdrawn {
                return Err((field, texts.email_withdrawn.into()));
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
                return Err((approver_field, (texts.choose_approver)(&name.to_string())));
            }
            let allowed = approvers_for(name, rules);
            if !allowed.iter().any(|a| a.eq_ignore_ascii_case(typed)) {
                return Err((
                    approver_field,
                    (texts.approver_not_allowed)(typed, &name.to_string()),
                ));
            }
            Email::parse(typed)
                .map(|email| Dcv::Email(Some(email)))
                .map_err(|err| (approver_field, err.to_string()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{set, Locale};
    use crate::order::fixtures::TODAY;
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
        assert!(errors.for_field(Field::Method(0)).is_some());
    }

    fn product() -> Product {
        crate::order::fixtures::gogetssl_multi(true, DcvMethod::ALL.to_vec())
    }

    fn messages(draft: &OrderDraft, names: &[&str], today: (u16, u8, u8)) -> Vec<String> {
        let names: Vec<CertName> = names
            .iter()
            .map(|n| CertName::parse(n).expect("valid name"))
            .collect();
        let mut errors = FieldErrors::new();
        let chosen = check_methods(draft, &product(), &names, &Rules::basic(today), &mut errors);
        assert!(chosen.is_none());
        errors.iter().map(|e| e.message.clone()).collect()
    }

    #[test]
    fn the_methods_errors_are_in_chinese_when_chinese_is_chosen() {
        let http = OrderDraft {
            method: "http".into(),
            ..OrderDraft::default()
        };
        let email = OrderDraft {
            method: "email".into(),
            ..OrderDraft::default()
        };
        set(Locale::ZhCn);
        let wildcard = messages(&http, &["*.example.com"], (2026, 1, 1));
        let approver = messages(&email, &["example.com"], (2026, 1, 1));
        let withdrawn = messages(&email, &["example.com"], (2028, 3, 15));
        set(Locale::En);
        assert_eq!(
            wildcard,
            ["网站服务器上的文件无法证明通配符域名 *.example.com 的控制权：请选择 DNS 验证或邮箱验证"]
        );
        assert_eq!(approver, ["请选择 CA 审批 example.com 时发送邮件的地址"]);
        assert_eq!(
            withdrawn,
            ["向构造地址发送邮件的验证方式已于 2028 年 3 月 15 日停用：请选择 DNS 验证或文件验证"]
        );
        assert_eq!(
            messages(&http, &["*.example.com"], (2026, 1, 1)),
            ["A file on a web server cannot prove control of the wildcard name *.example.com: choose DNS or email validation"]
        );
    }
}
