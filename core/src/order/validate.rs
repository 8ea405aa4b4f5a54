//! From a draft to a validated order, reporting every problem at once.

use super::contacts::{parse_contacts, Contacts};
use super::dcv::{check_methods, Dcv};
use super::domain_name::NameError;
use super::key_source::{CsrSource, KeyAlgorithm, KeySource};
use super::name_list::{parse_name_list, read_name, CertName, ReadName};
use super::organisation::{parse_organisation, Organisation};
use super::product::{Catalogue, Coverage, Level, Product};
use super::rules::Rules;
use super::{Field, FieldErrors, FieldProblem, OrderDraft};
use crate::csr;

/// Proof that the privacy statement was accepted; only [`validate`] makes one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PrivacyAccepted(());

/// One name of the order, with the form the person typed and how its control is proved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderName {
    pub name: CertName,
    /// The Unicode form, when an internationalised name was typed.
    pub unicode: Option<String>,
    pub dcv: Dcv,
}

/// The validation level with what it needs: OV and EV carry the organisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Validation {
    Dv,
    Ov(Organisation),
    Ev(Organisation),
}

impl Validation {
    pub fn organisation(&self) -> Option<&Organisation> {
        match self {
            Validation::Dv => None,
            Validation::Ov(org) | Validation::Ev(org) => Some(org),
        }
    }
}

/// An order that can be sent: every value in it has passed its checks, and its names fit
/// the product (one exact name, one wildcard, or a primary and 1.. others within limits).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidatedOrder {
    pub product: Product,
    pub primary: OrderName,
    pub others: Vec<OrderName>,
    /// The checked CSR, or the key pair the provider is to make.
    pub csr: KeySource,
    /// Huawei adds the DNS validation records to its Cloud DNS (`auto_dns_auth`): only
    /// ever true for a Huawei order validated by DNS.
    pub auto_dns_auth: bool,
    /// `None` where the provider asks for no contact (cPanel DV).
    pub contacts: Option<Contacts>,
    pub validation: Validation,
    pub privacy: PrivacyAccepted,
}

impl ValidatedOrder {
    /// Every name, the primary first.
    pub fn names(&self) -> impl Iterator<Item = &OrderName> {
        std::iter::once(&self.primary).chain(self.others.iter())
    }
}

/// Reads the primary name and checks it fits the product's coverage.
fn read_primary(
    draft: &OrderDraft,
    product: &Product,
    rules: &Rules,
) -> Result<ReadName, NameError> {
    let read = read_name(&draft.domain, rules)?;
    match (product.coverage, read.name.is_wildcard()) {
        (Coverage::Wildcard, false) => Err(NameError::WildcardRequired),
        (Coverage::Wildcard, true) => Ok(read),
        (coverage, true) if !coverage.allows_wildcards() => Err(NameError::WildcardNotAllowed),
        _ => Ok(read),
    }
}

/// Reads a multi-domain certificate's other names, checking each and their count.
fn read_others(
    draft: &OrderDraft,
    product: &Product,
    rules: &Rules,
    errors: &mut FieldErrors,
) -> Option<Vec<ReadName>> {
    if !product.is_multi() {
        return Some(Vec::new());
    }
    let list = parse_name_list(&draft.other_names, Some(&draft.domain), rules);
    let before = errors.len();
    for (typed, err) in list.problems() {
        errors.push(
            Field::OtherNames,
            FieldProblem::OtherName {
                typed: typed.to_string(),
                error: err.clone(),
            },
        );
    }
    if !product.coverage.allows_wildcards() {
        for name in list.names().filter(|n| n.is_wildcard()) {
            errors.push(
                Field::OtherNames,
                FieldProblem::OtherNameWildcard(name.to_string()),
            );
        }
    }
    let total = 1 + list.entries.len();
    let limits = product.names;
    if total < usize::from(limits.min) {
        errors.push(
            Field::OtherNames,
            FieldProblem::TooFewNames {
                min: limits.min,
                max: limits.max,
            },
        );
    } else if total > usize::from(limits.max) {
        errors.push(
            Field::OtherNames,
            FieldProblem::TooManyNames {
                max: limits.max,
                entered: total,
            },
        );
    }
    (errors.len() == before).then(|| list.read().cloned().collect())
}

/// Checks every answer of `draft` against `product`, returning all problems found.
pub fn validate(
    draft: &OrderDraft,
    product: &Product,
    rules: &Rules,
) -> Result<ValidatedOrder, FieldErrors> {
    let mut errors = FieldErrors::new();
    let primary = errors.collect(
        Field::Domain,
        read_primary(draft, product, rules).map_err(FieldProblem::Name),
    );
    let others = read_others(draft, product, rules, &mut errors);
    let provider = product.provider;
    let csr = match CsrSource::of(draft) {
        None => {
            errors.push(Field::CsrSource, FieldProblem::ChooseCsrSource);
            None
        }
        Some(CsrSource::Provider) if provider.profile().makes_key_pairs && rules.provider_api => {
            Some(KeySource::Provider(KeyAlgorithm::of(draft)))
        }
        Some(CsrSource::Provider) => {
            errors.push(Field::CsrSource, FieldProblem::ProviderKeyNotOffered);
            None
        }
        Some(CsrSource::Generate) if draft.csr.trim().is_empty() => {
            errors.push(Field::Csr, FieldProblem::GenerateFirst);
            None
        }
        Some(CsrSource::Generate | CsrSource::Paste) => errors
            .collect(
                Field::Csr,
                csr::check(&draft.csr, provider.profile().csr_max_len).map_err(FieldProblem::Csr),
            )
            .and_then(|checked| match &primary {
                // Only compare names once the domain itself is valid, or the message would mislead.
                Some(primary) => {
                    let names = [primary.name.to_string()];
                    let wildcard = product.coverage == Coverage::Wildcard;
                    errors.collect(
                        Field::Csr,
                        csr::match_order(&checked.info, &names, wildcard)
                            .map(|_| checked)
                            .map_err(FieldProblem::Csr),
                    )
                }
                None => Some(checked),
            })
            .map(|checked| KeySource::Csr(Box::new(checked))),
    };
    let dcv = match (&primary, &others) {
        (Some(primary), Some(others)) => {
            let names: Vec<CertName> = std::iter::once(&primary.name)
                .chain(others.iter().map(|o| &o.name))
                .cloned()
                .collect();
            check_methods(draft, product, &names, rules, &mut errors)
        }
        _ => None,
    };
    let contacts = if provider.profile().needs_contacts(product.level) {
        parse_contacts(draft, provider, product.level, &mut errors).map(Some)
    } else {
        Some(None)
    };
    let validation = match product.level {
        Level::Dv => Some(Validation::Dv),
        Level::Ov => parse_organisation(&draft.organisation, provider, Level::Ov, &mut errors)
            .map(Validation::Ov),
        Level::Ev => parse_organisation(&draft.organisation, provider, Level::Ev, &mut errors)
            .map(Validation::Ev),
    };
    if !draft.agree_privacy {
        errors.push(Field::Agreement, FieldProblem::AgreePrivacy);
    }
    let (Some(primary), Some(others), Some(csr), Some(dcv), Some(contacts), Some(validation)) =
        (primary, others, csr, dcv, contacts, validation)
    else {
        return Err(errors);
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut dcv = dcv.into_iter();
    let mut with_dcv = |read: ReadName| {
        dcv.next().map(|dcv| OrderName {
            name: read.name,
            unicode: read.unicode,
            dcv,
        })
    };
    let primary = with_dcv(primary);
    let auto_dns_auth = draft.auto_dns_auth
        && provider.profile().adds_dns_records
        && rules.provider_api
        && primary.as_ref().is_some_and(|p| p.dcv == Dcv::Dns);
    let others: Option<Vec<OrderName>> = others.into_iter().map(&mut with_dcv).collect();
    match (primary, others) {
        (Some(primary), Some(others)) => Ok(ValidatedOrder {
            product: product.clone(),
            primary,
            others,
            csr,
            auto_dns_auth,
            contacts,
            validation,
            privacy: PrivacyAccepted(()),
        }),
        _ => Err(errors),
    }
}

/// Looks the draft's product up in the catalogue, then validates against it.
pub fn validate_with(
    draft: &OrderDraft,
    catalogue: &Catalogue,
    rules: &Rules,
) -> Result<ValidatedOrder, FieldErrors> {
    match catalogue.find(&draft.product_id) {
        Some(product) => validate(draft, product, rules),
        None => {
            let mut all = FieldErrors::new();
            all.push(Field::Product, FieldProblem::ChooseProduct);
            // The other answers are still checked, against the rules every product shares.
            if let Some(Err(rest)) = catalogue
                .products
                .first()
                .map(|p| validate(draft, p, rules))
            {
                all.append(rest);
            }
            Err(all)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::order::{
        ContactDraft, ContactPart, DcvMethod, MethodError, OrgPart, OrganisationDraft,
        PublicSuffixList, Role,
    };

    use crate::order::fixtures::{
        acme, ada, catalogue, complete_draft as draft_for, dv_draft as good_draft, TODAY,
    };

    fn suffixes() -> PublicSuffixList {
        PublicSuffixList::parse(include_str!("../../../public/data/public-suffix-icann.dat"))
    }

    fn idn(host: &str) -> Option<String> {
        idna::domain_to_ascii(host).ok()
    }

    fn check(draft: &OrderDraft) -> Result<ValidatedOrder, FieldErrors> {
        let list = suffixes();
        let rules = Rules::basic(TODAY).with_suffixes(&list).with_idn(idn);
        validate_with(draft, &catalogue(), &rules)
    }

    fn fields_of(errors: &FieldErrors) -> Vec<Field> {
        errors.iter().map(|e| e.field).collect()
    }

    #[test]
    fn every_product_in_the_catalogue_accepts_a_complete_draft() {
        for product in &catalogue().products {
            let order =
                check(&draft_for(product)).unwrap_or_else(|e| panic!("{}: {:?}", product.id, e));
            let expected_names = if product.is_multi() { 3 } else { 1 };
            assert_eq!(order.names().count(), expected_names, "{}", product.id);
            assert_eq!(
                order.validation.organisation().is_some(),
                product.level != Level::Dv,
                "{}",
                product.id
            );
        }
    }

    #[test]
    fn every_level_and_coverage_asks_exactly_its_own_questions() {
        // An empty draft for each product: errors name only the fields that product asks.
        for product in &catalogue().products {
            let draft = OrderDraft {
                product_id: product.id.clone(),
                ..OrderDraft::default()
            };
            let fields = fields_of(&check(&draft).expect_err("empty draft"));
            assert_eq!(
                fields.contains(&Field::OtherNames),
                product.is_multi(),
                "{}",
                product.id
            );
            assert_eq!(
                fields.iter().any(|f| matches!(f, Field::Org(_))),
                product.level != Level::Dv,
                "{}",
                product.id
            );
            assert!(fields.contains(&Field::Contact(Role::Applicant, ContactPart::FullName)));
        }
    }

    #[test]
    fn a_complete_draft_becomes_a_validated_order() {
        let order = check(&good_draft()).expect("valid");
        assert_eq!(order.primary.name.to_string(), "shop.example.com");
        let applicant = order.contacts.expect("contacts").applicant;
        assert_eq!(applicant.phone.as_str(), "+442079460958");
        assert_eq!(order.primary.dcv, Dcv::Dns);
        assert_eq!(order.validation, Validation::Dv);
    }

    #[test]
    fn every_problem_is_reported_at_once_in_page_order() {
        let errors = check(&OrderDraft::default()).expect_err("empty draft");
        assert_eq!(
            fields_of(&errors),
            vec![
                Field::Product,
                Field::Domain,
                Field::CsrSource,
                Field::Contact(Role::Applicant, ContactPart::FullName),
                Field::Contact(Role::Applicant, ContactPart::Phone),
                Field::Contact(Role::Applicant, ContactPart::Email),
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
        let errors = check(&draft).expect_err("mismatch");
        assert_eq!(fields_of(&errors), [Field::Csr]);
        assert!(matches!(
            errors.for_field(Field::Csr),
            Some(FieldProblem::Csr(csr::CsrError::Mismatch { wanted, .. }))
                if wanted == "other.example.com"
        ));
    }

    #[test]
    fn a_pasted_url_is_cleaned_to_its_host_name() {
        let draft = OrderDraft {
            domain: "https://Shop.Example.com/".into(),
            ..good_draft()
        };
        let order = check(&draft).expect("valid");
        assert_eq!(order.primary.name.to_string(), "shop.example.com");
    }

    #[test]
    fn an_empty_draft_asks_for_a_product_and_the_privacy_statement() {
        let errors = check(&OrderDraft::default()).expect_err("empty draft");
        assert_eq!(
            errors.for_field(Field::Product),
            Some(&FieldProblem::ChooseProduct)
        );
        assert_eq!(
            errors.for_field(Field::Agreement),
            Some(&FieldProblem::AgreePrivacy)
        );
        assert_eq!(
            errors.for_field(Field::CsrSource),
            Some(&FieldProblem::ChooseCsrSource)
        );
    }

    #[test]
    fn the_privacy_statement_must_be_accepted() {
        let draft = OrderDraft {
            agree_privacy: false,
            ..good_draft()
        };
        let errors = check(&draft).expect_err("not agreed");
        assert_eq!(fields_of(&errors), [Field::Agreement]);
    }

    #[test]
    fn a_single_name_certificate_refuses_a_wildcard() {
        let draft = OrderDraft {
            domain: "*.example.com".into(),
            ..good_draft()
        };
        let errors = check(&draft).expect_err("wildcard");
        assert_eq!(
            errors.for_field(Field::Domain),
            Some(&FieldProblem::Name(NameError::WildcardNotAllowed))
        );
    }

    #[test]
    fn a_wildcard_certificate_needs_a_star_name() {
        let draft = OrderDraft {
            product_id: "geotrust-dv-wildcard".into(),
            ..good_draft()
        };
        let errors = check(&draft).expect_err("exact name");
        assert_eq!(
            errors.for_field(Field::Domain),
            Some(&FieldProblem::Name(NameError::WildcardRequired))
        );
    }

    #[test]
    fn a_wildcard_certificate_refuses_a_csr_whose_common_name_is_not_a_wildcard() {
        let draft = OrderDraft {
            product_id: "geotrust-dv-wildcard".into(),
            domain: "*.example.com".into(),
            ..good_draft()
        };
        let errors = check(&draft).expect_err("exact CSR");
        assert_eq!(fields_of(&errors), [Field::Csr]);
        assert_eq!(
            errors.for_field(Field::Csr),
            Some(&FieldProblem::Csr(csr::CsrError::NotWildcard(
                "shop.example.com".into()
            )))
        );
    }

    #[test]
    fn a_wildcard_on_a_public_suffix_is_refused() {
        let draft = OrderDraft {
            product_id: "geotrust-dv-wildcard".into(),
            domain: "*.co.uk".into(),
            ..good_draft()
        };
        let errors = check(&draft).expect_err("public suffix");
        assert_eq!(
            errors.for_field(Field::Domain),
            Some(&FieldProblem::Name(NameError::WildcardOnPublicSuffix(
                "co.uk".into()
            )))
        );
    }

    #[test]
    fn a_name_whose_top_level_domain_does_not_exist_is_refused() {
        let draft = OrderDraft {
            domain: "shop.example.notarealtld".into(),
            ..good_draft()
        };
        let errors = check(&draft).expect_err("bad tld");
        assert_eq!(
            errors.for_field(Field::Domain),
            Some(&FieldProblem::Name(NameError::BadTopLevel(
                "notarealtld".into()
            )))
        );
    }

    #[test]
    fn an_ev_certificate_never_covers_a_wildcard() {
        let draft = OrderDraft {
            product_id: "digicert-ev-single".into(),
            domain: "*.example.com".into(),
            organisation: acme(),
            ..good_draft()
        };
        assert_eq!(
            check(&draft)
                .expect_err("EV wildcard")
                .for_field(Field::Domain),
            Some(&FieldProblem::Name(NameError::WildcardNotAllowed))
        );
        let multi = OrderDraft {
            product_id: "globalsign-ev-multi".into(),
            other_names: "*.example.com".into(),
            organisation: acme(),
            ..good_draft()
        };
        let errors = check(&multi).expect_err("EV wildcard among others");
        assert_eq!(
            errors.for_field(Field::OtherNames),
            Some(&FieldProblem::OtherNameWildcard("*.example.com".into()))
        );
    }

    #[test]
    fn a_multi_domain_certificate_needs_at_least_one_other_name() {
        let draft = OrderDraft {
            product_id: "globalsign-ov-multi".into(),
            other_names: " shop.example.com ".into(),
            organisation: acme(),
            ..good_draft()
        };
        let errors = check(&draft).expect_err("only the primary");
        assert_eq!(
            errors.for_field(Field::OtherNames),
            Some(&FieldProblem::TooFewNames { min: 2, max: 100 })
        );
    }

    #[test]
    fn a_multi_domain_certificate_covers_at_most_its_maximum() {
        let names: Vec<String> = (0..100).map(|i| format!("n{i}.example.com")).collect();
        let draft = OrderDraft {
            product_id: "globalsign-ov-multi".into(),
            other_names: names.join("\n"),
            organisation: acme(),
            ..good_draft()
        };
        let errors = check(&draft).expect_err("101 names");
        assert_eq!(
            errors.for_field(Field::OtherNames),
            Some(&FieldProblem::TooManyNames {
                max: 100,
                entered: 101
            })
        );
    }

    #[test]
    fn each_bad_name_in_a_list_is_reported_with_what_was_typed() {
        let draft = OrderDraft {
            product_id: "globalsign-ov-multi".into(),
            other_names: "good.example.com, bad_name.example.com; -x.example.com".into(),
            organisation: acme(),
            ..good_draft()
        };
        let errors = check(&draft).expect_err("bad names");
        assert_eq!(
            errors.all_for(Field::OtherNames),
            [
                &FieldProblem::OtherName {
                    typed: "bad_name.example.com".into(),
                    error: NameError::Underscore
                },
                &FieldProblem::OtherName {
                    typed: "-x.example.com".into(),
                    error: NameError::HyphenAtEdge("-x".into())
                }
            ]
        );
    }

    #[test]
    fn an_internationalised_name_is_sent_in_xn_form() {
        let draft = OrderDraft {
            product_id: "globalsign-ov-multi".into(),
            other_names: "Bücher.example.com".into(),
            organisation: acme(),
            ..good_draft()
        };
        let order = check(&draft).expect("valid");
        assert_eq!(
            order.others[0].name.to_string(),
            "xn--bcher-kva.example.com"
        );
        assert_eq!(
            order.others[0].unicode.as_deref(),
            Some("bücher.example.com")
        );
    }

    #[test]
    fn file_validation_is_refused_for_huawei_domain_names() {
        let draft = OrderDraft {
            product_id: "globalsign-ov-multi".into(),
            other_names: "www.example.com".into(),
            method: "http".into(),
            organisation: acme(),
            ..good_draft()
        };
        let errors = check(&draft).expect_err("Huawei takes FILE for IP addresses only");
        assert_eq!(fields_of(&errors), [Field::Method(0)]);
    }

    #[test]
    fn without_a_csr_the_way_of_providing_it_must_be_chosen() {
        let draft = OrderDraft {
            csr: String::new(),
            ..good_draft()
        };
        let errors = check(&draft).expect_err("no way chosen");
        assert_eq!(fields_of(&errors), [Field::CsrSource]);
        let generate = OrderDraft {
            csr_source: "generate".into(),
            ..draft.clone()
        };
        let errors = check(&generate).expect_err("nothing generated yet");
        assert_eq!(fields_of(&errors), [Field::Csr]);
        assert_eq!(
            errors.for_field(Field::Csr),
            Some(&FieldProblem::GenerateFirst)
        );
        let paste = OrderDraft {
            csr_source: "paste".into(),
            ..draft
        };
        let errors = check(&paste).expect_err("nothing pasted");
        assert_eq!(fields_of(&errors), [Field::Csr]);
    }

    #[test]
    fn a_huawei_order_needs_no_csr_when_huawei_makes_the_key_pair() {
        let draft = OrderDraft {
            csr: String::new(),
            csr_source: "provider".into(),
            key_algorithm: "RSA_4096".into(),
            ..good_draft()
        };
        let order = check(&draft).expect("valid without a CSR");
        assert_eq!(order.csr, KeySource::Provider(KeyAlgorithm::Rsa4096));
        assert_eq!(order.primary.name.to_string(), "shop.example.com");
        // A CSR left in the draft from another way is not sent, nor checked.
        let leftover = OrderDraft {
            csr: "not a CSR".into(),
            ..draft
        };
        assert_eq!(
            check(&leftover).expect("valid").csr,
            KeySource::Provider(KeyAlgorithm::Rsa4096)
        );
    }

    #[test]
    fn only_huawei_may_make_the_key_pair() {
        let product = gogetssl_product(vec![DcvMethod::Dns]);
        let draft = OrderDraft {
            csr: String::new(),
            csr_source: "provider".into(),
            ..gogetssl_draft()
        };
        let errors = check_product(&draft, &product, TODAY).expect_err("GoGetSSL");
        assert_eq!(fields_of(&errors), [Field::CsrSource]);
        assert_eq!(
            errors.for_field(Field::CsrSource),
            Some(&FieldProblem::ProviderKeyNotOffered)
        );
    }

    #[test]
    fn auto_dns_auth_holds_only_for_a_huawei_order_validated_by_dns() {
        let ticked = OrderDraft {
            auto_dns_auth: true,
            ..good_draft()
        };
        assert!(check(&ticked).expect("valid").auto_dns_auth);
        assert!(!check(&good_draft()).expect("valid").auto_dns_auth);
        let product = gogetssl_product(vec![DcvMethod::Dns]);
        let gogetssl = OrderDraft {
            auto_dns_auth: true,
            ..gogetssl_draft()
        };
        let order = check_product(&gogetssl, &product, TODAY).expect("valid");
        assert!(!order.auto_dns_auth);
    }

    /// A Huawei product ordered through a proxy's generic format: it carries a CSR only.
    fn check_through_proxy(draft: &OrderDraft) -> Result<ValidatedOrder, FieldErrors> {
        let list = suffixes();
        let rules = Rules::basic(TODAY)
            .with_suffixes(&list)
            .with_idn(idn)
            .through_proxy();
        validate_with(draft, &catalogue(), &rules)
    }

    #[test]
    fn through_a_proxy_huawei_neither_makes_the_key_pair_nor_adds_the_records() {
        let own_key = OrderDraft {
            csr: String::new(),
            csr_source: "provider".into(),
            ..good_draft()
        };
        assert!(check(&own_key).is_ok());
        let errors = check_through_proxy(&own_key).expect_err("the generic format needs a CSR");
        assert_eq!(fields_of(&errors), [Field::CsrSource]);
        let ticked = OrderDraft {
            auto_dns_auth: true,
            ..good_draft()
        };
        assert!(check(&ticked).expect("valid").auto_dns_auth);
        assert!(!check_through_proxy(&ticked).expect("valid").auto_dns_auth);
    }

    #[test]
    fn a_method_the_product_does_not_offer_is_refused() {
        let draft = OrderDraft {
            method: "email".into(),
            ..good_draft()
        };
        let errors = check(&draft).expect_err("DV single offers DNS only");
        assert_eq!(fields_of(&errors), [Field::Method(0)]);
    }

    fn gogetssl_product(methods: Vec<DcvMethod>) -> Product {
        crate::order::fixtures::gogetssl_multi(true, methods)
    }

    fn gogetssl_draft() -> OrderDraft {
        OrderDraft {
            product_id: "g".into(),
            other_names: "www.example.com".into(),
            applicant: ContactDraft {
                first_name: "Ada".into(),
                last_name: "Lovelace".into(),
                title: "Engineer".into(),
                ..ada()
            },
            ..good_draft()
        }
    }

    fn check_product(
        draft: &OrderDraft,
        product: &Product,
        today: (u16, u8, u8),
    ) -> Result<ValidatedOrder, FieldErrors> {
        let list = suffixes();
        validate(draft, product, &Rules::basic(today).with_suffixes(&list))
    }

    #[test]
    fn each_name_may_have_its_own_method_where_the_provider_allows() {
        let product = gogetssl_product(DcvMethod::ALL.to_vec());
        let mut draft = gogetssl_draft();
        draft
            .methods
            .insert("www.example.com".into(), "https".into());
        let order = check_product(&draft, &product, TODAY).expect("valid");
        assert_eq!(order.primary.dcv, Dcv::Dns);
        assert_eq!(order.others[0].dcv, Dcv::Https);
    }

    #[test]
    fn an_approver_must_be_a_constructed_address_at_the_name_or_a_parent() {
        let product = gogetssl_product(DcvMethod::ALL.to_vec());
        let mut draft = gogetssl_draft();
        draft
            .methods
            .insert("www.example.com".into(), "email".into());
        let errors = check_product(&draft, &product, TODAY).expect_err("no approver");
        assert_eq!(fields_of(&errors), [Field::Approver(1)]);
        draft
            .approvers
            .insert("www.example.com".into(), "ada@example.com".into());
        let errors = check_product(&draft, &product, TODAY).expect_err("not constructed");
        assert_eq!(
            errors.for_field(Field::Approver(1)),
            Some(&FieldProblem::Method(MethodError::ApproverNotAllowed {
                typed: "ada@example.com".into(),
                name: CertName::parse("www.example.com").expect("valid")
            }))
        );
        draft
            .approvers
            .insert("www.example.com".into(), "admin@example.com".into());
        let order = check_product(&draft, &product, TODAY).expect("parent's admin");
        assert_eq!(
            order.others[0].dcv,
            Dcv::Email(Some(
                crate::order::Email::parse("admin@example.com").expect("email")
            ))
        );
    }

    #[test]
    fn email_validation_is_refused_from_15_march_2028() {
        let product = gogetssl_product(DcvMethod::ALL.to_vec());
        let mut draft = gogetssl_draft();
        draft.method = "email".into();
        draft
            .approvers
            .insert("shop.example.com".into(), "admin@example.com".into());
        draft
            .approvers
            .insert("www.example.com".into(), "admin@example.com".into());
        assert!(check_product(&draft, &product, (2028, 3, 14)).is_ok());
        let errors = check_product(&draft, &product, (2028, 3, 15)).expect_err("withdrawn");
        assert_eq!(
            errors.for_field(Field::Method(0)),
            Some(&FieldProblem::Method(MethodError::EmailWithdrawn))
        );
    }

    #[test]
    fn a_provider_with_split_names_and_titles_asks_for_them() {
        let product = gogetssl_product(vec![DcvMethod::Dns]);
        let draft = OrderDraft {
            applicant: ada(),
            ..gogetssl_draft()
        };
        let errors = check_product(&draft, &product, TODAY).expect_err("no split name");
        assert_eq!(
            fields_of(&errors),
            [
                Field::Contact(Role::Applicant, ContactPart::FirstName),
                Field::Contact(Role::Applicant, ContactPart::LastName),
                Field::Contact(Role::Applicant, ContactPart::Title),
            ]
        );
    }

    #[test]
    fn an_ov_order_without_an_organisation_reports_each_missing_answer() {
        let draft = OrderDraft {
            product_id: "globalsign-ov-single".into(),
            ..good_draft()
        };
        let errors = check(&draft).expect_err("no organisation");
        assert_eq!(
            fields_of(&errors),
            [
                Field::Org(OrgPart::Name),
                Field::Org(OrgPart::City),
                Field::Org(OrgPart::State),
                Field::Org(OrgPart::Country)
            ]
        );
    }

    #[test]
    fn answers_for_steps_a_product_skips_are_kept_but_ignored() {
        let draft = OrderDraft {
            other_names: "bad_name".into(),
            organisation: OrganisationDraft {
                lei: "nonsense".into(),
                ..OrganisationDraft::default()
            },
            ..good_draft()
        };
        assert!(check(&draft).is_ok());
    }
}
