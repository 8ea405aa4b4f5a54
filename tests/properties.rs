//! Properties that must hold for any input, not just the examples in the unit tests.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use ssl_order::csr;
use ssl_order::draft_store::{Purchase, SavedState};
use ssl_order::order::{validate_with, Catalogue, DomainName, OrderDraft};

fn catalogue() -> Catalogue {
    Catalogue::from_json(include_str!("../public/catalog/huawei.json")).expect("valid catalogue")
}

fn any_draft() -> impl Strategy<Value = OrderDraft> {
    (
        prop_oneof![Just("geotrust-dv-single".to_string()), any::<String>()],
        any::<String>(),
        any::<String>(),
        any::<String>(),
        any::<String>(),
        any::<String>(),
        any::<bool>(),
    )
        .prop_map(
            |(product_id, domain, csr, name, phone, email, agree)| OrderDraft {
                product_id,
                domain,
                csr,
                applicant_name: name,
                applicant_phone: phone,
                applicant_email: email,
                agree_privacy: agree,
            },
        )
}

proptest! {
    #[test]
    fn validate_never_panics_and_every_error_has_a_message(draft in any_draft()) {
        if let Err(errors) = validate_with(&draft, &catalogue()) {
            prop_assert!(!errors.is_empty());
            prop_assert!(errors.iter().all(|e| !e.message.trim().is_empty()));
        }
    }

    #[test]
    fn a_saved_draft_restores_to_the_same_draft_and_the_same_verdict(draft in any_draft()) {
        prop_assume!(!draft.csr.contains("PRIVATE KEY"));
        let saved = SavedState {
            step: "review".into(),
            draft: draft.clone(),
            purchase: Some(Purchase { order_id: "CS1".into(), cert_id: "scs1481110651012".into(), applied: false }),
            buy_in_doubt: false,
        };
        let restored = SavedState::from_json(&saved.to_json());
        prop_assert_eq!(restored.as_ref(), Some(&saved));
        let catalogue = catalogue();
        prop_assert_eq!(
            validate_with(&draft, &catalogue),
            validate_with(&restored.map(|s| s.draft).unwrap_or_default(), &catalogue)
        );
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
