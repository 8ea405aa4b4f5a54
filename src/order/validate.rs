//! From a draft to a validated order, reporting every problem at once.

use super::contact::{Email, PersonName, Phone};
use super::domain_name::{clean_input, DomainName};
use super::product::{Catalogue, DcvMethod, Product};
use super::{Field, FieldErrors, OrderDraft};
use crate::csr::{self, CheckedCsr};

/// The person responsible for the order, as Huawei's `applicant_*` fields hold them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applicant {
    pub name: PersonName,
    pub phone: Phone,
    pub email: Email,
}

/// Proof that the privacy statement was accepted; only [`validate`] makes one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PrivacyAccepted(());

/// An order that can be sent: every value in it has passed its checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidatedOrder {
    pub product: Product,
    pub domain: DomainName,
    pub csr: CheckedCsr,
    pub applicant: Applicant,
    pub method: DcvMethod,
    pub privacy: PrivacyAccepted,
}

/// Checks every answer of `draft` against `product`, returning all problems found.
pub fn validate(draft: &OrderDraft, product: &Product) -> Result<ValidatedOrder, FieldErrors> {
    let mut errors = FieldErrors::new();
    let domain = errors.collect(
        Field::Domain,
        DomainName::parse(&clean_input(&draft.domain).name),
    );
    let csr = errors
        .collect(Field::Csr, csr::check(&draft.csr, csr::HUAWEI_MAX_LEN))
        .and_then(|checked| match &domain {
            // Only compare names once the domain itself is valid, or the message would mislead.
            Some(domain) => errors.collect(
                Field::Csr,
                csr::check_names(&checked.info, domain.as_str()).map(|()| checked),
            ),
            None => Some(checked),
        });
    let name = errors.collect(
        Field::ApplicantName,
        PersonName::parse(&draft.applicant_name),
    );
    let phone = errors.collect(Field::ApplicantPhone, Phone::parse(&draft.applicant_phone));
    let email = errors.collect(Field::ApplicantEmail, Email::parse(&draft.applicant_email));
    if !draft.agree_privacy {
        errors.push(
            Field::Agreement,
            "Confirm that you agree to the privacy statement: the provider needs it to process the application",
        );
    }
    match (domain, csr, name, phone, email) {
        (Some(domain), Some(csr), Some(name), Some(phone), Some(email)) if errors.is_empty() => {
            Ok(ValidatedOrder {
                product: product.clone(),
                domain,
                csr,
                applicant: Applicant { name, phone, email },
                method: product.methods[0],
                privacy: PrivacyAccepted(()),
            })
        }
        _ => Err(errors),
    }
}

/// Looks the draft's product up in the catalogue, then validates against it.
pub fn validate_with(
    draft: &OrderDraft,
    catalogue: &Catalogue,
) -> Result<ValidatedOrder, FieldErrors> {
    match catalogue.find(&draft.product_id) {
        Some(product) => validate(draft, product),
        None => {
            let mut all = FieldErrors::new();
            all.push(Field::Product, "Choose the certificate you want to buy");
            // The other answers are still checked, against the rules every product shares.
            if let Some(Err(rest)) = catalogue.products.first().map(|p| validate(draft, p)) {
                all.append(rest);
            }
            Err(all)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::order::Catalogue;

    const CSR: &str = include_str!("../../tests/fixtures/csr/rsa2048-san.csr");

    fn catalogue() -> Catalogue {
        Catalogue::from_json(include_str!("../../public/catalog/huawei.json")).expect("valid")
    }

    fn good_draft() -> OrderDraft {
        OrderDraft {
            product_id: "geotrust-dv-single".into(),
            domain: "shop.example.com".into(),
            csr: CSR.into(),
            applicant_name: "Ada Lovelace".into(),
            applicant_phone: "+44 20 7946 0958".into(),
            applicant_email: "ada@example.com".into(),
            agree_privacy: true,
        }
    }

    #[test]
    fn a_complete_draft_becomes_a_validated_order() {
        let order = validate_with(&good_draft(), &catalogue()).expect("valid");
        assert_eq!(order.domain.as_str(), "shop.example.com");
        assert_eq!(order.applicant.phone.as_str(), "+442079460958");
        assert_eq!(order.method, DcvMethod::Dns);
    }

    #[test]
    fn every_problem_is_reported_at_once_in_page_order() {
        let draft = OrderDraft {
            agree_privacy: false,
            ..OrderDraft::default()
        };
        let errors = validate_with(&draft, &catalogue()).expect_err("empty draft");
        let fields: Vec<Field> = errors.iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            vec![
                Field::Product,
                Field::Domain,
                Field::Csr,
                Field::ApplicantName,
                Field::ApplicantPhone,
                Field::ApplicantEmail,
                Field::Agreement
            ]
        );
    }

    #[test]
    fn a_csr_for_another_name_is_an_error_on_the_csr_field() {
        let draft = OrderDraft {
            domain: "other.example.com".into(),
            ..good_draft()
        };
        let errors = validate_with(&draft, &catalogue()).expect_err("mismatch");
        assert_eq!(errors.len(), 1);
        assert!(errors
            .for_field(Field::Csr)
            .is_some_and(|m| m.contains("not other.example.com")));
    }

    #[test]
    fn a_pasted_url_is_cleaned_to_its_host_name() {
        let draft = OrderDraft {
            domain: "https://Shop.Example.com/".into(),
            ..good_draft()
        };
        let order = validate_with(&draft, &catalogue()).expect("valid");
        assert_eq!(order.domain.as_str(), "shop.example.com");
    }

    #[test]
    fn the_privacy_statement_must_be_accepted() {
        let draft = OrderDraft {
            agree_privacy: false,
            ..good_draft()
        };
        let errors = validate_with(&draft, &catalogue()).expect_err("not agreed");
        assert!(errors.for_field(Field::Agreement).is_some());
        assert_eq!(errors.len(), 1);
    }
}
