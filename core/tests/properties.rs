//! Properties that must hold for any input, not just the examples in the unit tests.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use ssl_order_core::csr;
use ssl_order_core::draft_store::{Purchase, SavedState};
use ssl_order_core::order::{
    read_name, steps_for, validate_with, Catalogue, ContactDraft, DomainName, Field, FieldErrors,
    FieldProblem, OrderDraft, OrganisationDraft, PublicSuffixList, Rules, Step, ValidatedOrder,
};
use std::sync::OnceLock;

const TODAY: (u16, u8, u8) = (2026, 11, 23);

fn catalogue() -> &'static Catalogue {
    static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
    CATALOGUE.get_or_init(|| {
        Catalogue::from_json(include_str!("../../public/catalog/huawei.json"))
            .expect("valid catalogue")
    })
}

fn suffixes() -> &'static PublicSuffixList {
    static LIST: OnceLock<PublicSuffixList> = OnceLock::new();
    LIST.get_or_init(|| {
        PublicSuffixList::parse(include_str!("../../public/data/public-suffix-icann.dat"))
    })
}

fn idn(host: &str) -> Option<String> {
    idna::domain_to_ascii(host).ok()
}

fn check(draft: &OrderDraft) -> Result<ValidatedOrder, FieldErrors> {
    let rules = Rules::basic(TODAY).with_suffixes(suffixes()).with_idn(idn);
    validate_with(draft, catalogue(), &rules)
}

fn product_id() -> impl Strategy<Value = String> {
    let ids: Vec<String> = catalogue().products.iter().map(|p| p.id.clone()).collect();
    prop_oneof![proptest::sample::select(ids), any::<String>()]
}

fn any_contact() -> impl Strategy<Value = ContactDraft> {
    proptest::collection::vec(any::<String>(), 7).prop_map(|f| ContactDraft {
        name: f[0].clone(),
        first_name: f[1].clone(),
        last_name: f[2].clone(),
        title: f[3].clone(),
        phone: f[4].clone(),
        fax: f[6].clone(),
        email: f[5].clone(),
    })
}

fn any_organisation() -> impl Strategy<Value = OrganisationDraft> {
    proptest::collection::vec(any::<String>(), 10).prop_map(|f| OrganisationDraft {
        name: f[0].clone(),
        unit: f[1].clone(),
        street: f[2].clone(),
        city: f[3].clone(),
        state: f[4].clone(),
        postal_code: f[5].clone(),
        country: f[6].clone(),
        phone: f[7].clone(),
        duns: f[8].clone(),
        lei: f[9].clone(),
    })
}

fn any_draft() -> impl Strategy<Value = OrderDraft> {
    (
        product_id(),
        proptest::collection::vec(any::<String>(), 4),
        any_contact(),
        any_contact(),
        any_organisation(),
        proptest::collection::btree_map(any::<String>(), any::<String>(), 0..3),
        any::<(bool, bool)>(),
    )
        .prop_map(
            |(product_id, text, applicant, tech, organisation, methods, (differs, agree))| {
                OrderDraft {
                    product_id,
                    domain: text[0].clone(),
                    other_names: text[1].clone(),
                    csr: text[2].clone(),
                    method: text[3].clone(),
                    approvers: methods.clone(),
                    methods,
                    applicant,
                    tech_differs: differs,
                    tech,
                    organisation,
                    agree_privacy: agree,
                    ..OrderDraft::default()
                }
            },
        )
}

/// Drafts that are often valid: real answers, with generated names in varied list shapes.
fn likely_valid_draft() -> impl Strategy<Value = OrderDraft> {
    let ids: Vec<String> = catalogue().products.iter().map(|p| p.id.clone()).collect();
    let name = "(\\*\\.)?[a-z][a-z0-9-]{0,8}[a-z0-9]\\.(example\\.com|example\\.co\\.uk|xn--bcher-kva\\.example\\.org)";
    (
        proptest::sample::select(ids),
        proptest::collection::vec(
            (
                name,
                prop_oneof![Just(", "), Just("\n"), Just(";"), Just(" ")],
            ),
            0..12,
        ),
        prop_oneof![Just("dns"), Just("http"), Just("")],
        any::<bool>(),
    )
        .prop_map(|(product_id, others, method, differs)| {
            let wildcard = product_id.contains("wildcard");
            let contact = ContactDraft {
                name: "Ada Lovelace".into(),
                phone: "+44 20 7946 0958".into(),
                email: "ada@example.com".into(),
                ..ContactDraft::default()
            };
            OrderDraft {
                product_id,
                domain: if wildcard {
                    "*.example.com"
                } else {
                    "shop.example.com"
                }
                .into(),
                other_names: others.iter().map(|(n, sep)| format!("{n}{sep}")).collect(),
                csr: if wildcard {
                    include_str!("../../tests/fixtures/csr/wildcard.csr")
                } else {
                    include_str!("../../tests/fixtures/csr/rsa2048-san.csr")
                }
                .into(),
                method: method.into(),
                applicant: contact.clone(),
                tech_differs: differs,
                tech: contact,
                organisation: OrganisationDraft {
                    name: "Acme Ltd".into(),
                    city: "London".into(),
                    state: "London".into(),
                    country: "GB".into(),
                    ..OrganisationDraft::default()
                },
                agree_privacy: true,
                ..OrderDraft::default()
            }
        })
}

fn round_trip(draft: &OrderDraft) -> Option<OrderDraft> {
    let saved = SavedState {
        step: "review".into(),
        draft: draft.clone(),
        purchase: Some(Purchase {
            order_id: "CS1".into(),
            cert_id: "scs1481110651012".into(),
            applied: false,
            ..Purchase::default()
        }),
        buy_in_doubt: false,
        order_key: Some("key-1".into()),
    };
    let restored = SavedState::from_json(&saved.to_json())?;
    (restored == saved).then_some(restored.draft)
}

proptest! {
    #[test]
    fn validate_never_panics_and_every_error_can_be_put_right_on_a_step_shown(
        draft in any_draft()
    ) {
        // (That every problem has words in both languages is the app's test of its words.)
        if let Err(errors) = check(&draft) {
            prop_assert!(!errors.is_empty());
            match catalogue().find(&draft.product_id) {
                Some(product) => {
                    let steps = steps_for(Some(product));
                    for error in errors.iter() {
                        prop_assert!(
                            steps.contains(&Step::of_field(error.field)),
                            "{:?} is on no step of {}", error, product.id
                        );
                    }
                }
                // Without a product the person is held on its step, told to choose one.
                None => {
                    let first = errors.iter().next().map(|e| (e.field, &e.problem));
                    prop_assert_eq!(first, Some((Field::Product, &FieldProblem::ChooseProduct)));
                }
            }
        }
    }

    #[test]
    fn a_saved_draft_restores_to_the_same_draft_and_the_same_verdict(draft in any_draft()) {
        prop_assume!(!draft.csr.contains("PRIVATE KEY"));
        let restored = round_trip(&draft);
        prop_assert_eq!(restored.as_ref(), Some(&draft));
        prop_assert_eq!(check(&draft), check(&restored.unwrap_or_default()));
    }

    #[test]
    fn a_valid_order_stays_valid_after_saving_and_every_name_passes_the_rules_again(
        draft in likely_valid_draft()
    ) {
        let checked = check(&draft);
        // Rejecting invalid drafts (rather than skipping them) makes proptest fail if
        // the strategy stops producing valid orders, so this property cannot go vacuous.
        prop_assume!(checked.is_ok());
        if let Ok(order) = checked {
            let restored = round_trip(&draft).unwrap_or_default();
            prop_assert_eq!(check(&restored), Ok(order.clone()));
            let rules = Rules::basic(TODAY).with_suffixes(suffixes()).with_idn(idn);
            for name in order.names() {
                let again = read_name(&name.name.to_string(), &rules).map(|r| r.name);
                prop_assert_eq!(again, Ok(name.name.clone()));
            }
            prop_assert!(order.names().count() <= usize::from(order.product.names.max));
        }
    }

    #[test]
    fn a_parsed_domain_name_keeps_every_rule_and_parses_again_to_itself(
        raw in "[a-zA-Z0-9-]{1,70}(\\.[a-zA-Z0-9-]{1,70}){0,5}"
    ) {
        if let Ok(name) = DomainName::parse(&raw) {
            let text = name.as_str();
            prop_assert!(text.len() <= 253);
            prop_assert!(text.split('.').count() >= 2);
            prop_assert!(text.split('.').all(|l| !l.is_empty() && l.len() <= 63
                && !l.starts_with('-') && !l.ends_with('-')));
            prop_assert_eq!(text, text.to_ascii_lowercase());
            prop_assert_eq!(DomainName::parse(text), Ok(name.clone()));
        }
    }

    #[test]
    fn the_csr_reader_never_panics_on_any_text(text in any::<String>()) {
        let _ = csr::check(&text, csr::HUAWEI_MAX_LEN);
    }

    #[test]
    fn the_csr_reader_never_panics_on_any_bytes_in_pem_armour(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        use base64ct::{Base64, Encoding};
        let pem = format!(
            "-----BEGIN CERTIFICATE REQUEST-----\n{}\n-----END CERTIFICATE REQUEST-----\n",
            Base64::encode_string(&bytes)
        );
        prop_assert!(csr::check(&pem, csr::HUAWEI_MAX_LEN).is_err());
    }
}

#[test]
fn a_ten_megabyte_paste_is_refused_as_too_long_before_it_is_decoded() {
    let huge = format!(
        "-----BEGIN CERTIFICATE REQUEST-----\n{}\n-----END CERTIFICATE REQUEST-----\n",
        "A".repeat(10 * 1024 * 1024)
    );
    assert!(matches!(
        csr::check(&huge, csr::HUAWEI_MAX_LEN),
        Err(csr::CsrError::TooLong { max: 5120, .. })
    ));
}
