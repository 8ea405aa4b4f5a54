//! Answers a pasted CSR already holds, offered for the fields still empty.

use super::country::Country;
use super::draft::{OrderDraft, OrganisationDraft};
use crate::csr::CsrInfo;

/// The primary and other names to take from the CSR: offered when the draft has no primary
/// yet, or (for a multi-domain certificate) no other names while the CSR lists some.
pub fn names_offer(draft: &OrderDraft, info: &CsrInfo, multi: bool) -> Option<(String, String)> {
    let common_name = info.common_name.as_deref()?;
    let others: Vec<&str> = info
        .dns_names
        .iter()
        .map(String::as_str)
        .filter(|n| !n.eq_ignore_ascii_case(common_name))
        .collect();
    let no_primary = draft.domain.trim().is_empty();
    let no_others = multi && draft.other_names.trim().is_empty() && !others.is_empty();
    (no_primary || no_others).then(|| {
        let primary = if no_primary {
            common_name.to_string()
        } else {
            draft.domain.clone()
        };
        let others = if multi {
            others.join("\n")
        } else {
            draft.other_names.clone()
        };
        (primary, others)
    })
}

/// The organisation as the CSR's subject gives it, when the draft has none yet.
pub fn organisation_offer(draft: &OrderDraft, info: &CsrInfo) -> Option<OrganisationDraft> {
    let subject = &info.subject;
    let name = subject.organisation.clone()?;
    if !draft.organisation.name.trim().is_empty() {
        return None;
    }
    let country = subject
        .country
        .as_deref()
        .and_then(|c| Country::parse(c).ok())
        .map(|c| c.as_str().to_string());
    let keep = |from_csr: &Option<String>, typed: &str| match from_csr {
        Some(value) if typed.trim().is_empty() => value.clone(),
        _ => typed.to_string(),
    };
    let typed = &draft.organisation;
    Some(OrganisationDraft {
        name,
        unit: keep(&subject.unit, &typed.unit),
        city: keep(&subject.locality, &typed.city),
        state: keep(&subject.state, &typed.state),
        country: keep(&country, &typed.country),
        ..typed.clone()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info(name: &str) -> CsrInfo {
        crate::csr::fixtures::read(name).expect("valid").info
    }

    #[test]
    fn an_empty_order_is_offered_the_csrs_names() {
        let offer = names_offer(
            &OrderDraft::default(),
            &info("rsa4096-full-subject.csr"),
            true,
        );
        assert_eq!(
            offer,
            Some(("www.example.com".into(), "example.com".into()))
        );
    }

    #[test]
    fn a_typed_primary_is_kept_and_only_missing_other_names_are_offered() {
        let draft = OrderDraft {
            domain: "www.example.com".into(),
            ..OrderDraft::default()
        };
        let offer = names_offer(&draft, &info("rsa4096-full-subject.csr"), true);
        assert_eq!(
            offer,
            Some(("www.example.com".into(), "example.com".into()))
        );
        assert_eq!(
            names_offer(&draft, &info("rsa4096-full-subject.csr"), false),
            None
        );
    }

    #[test]
    fn nothing_is_offered_when_the_names_are_already_there() {
        let draft = OrderDraft {
            domain: "www.example.com".into(),
            other_names: "example.com".into(),
            ..OrderDraft::default()
        };
        assert_eq!(
            names_offer(&draft, &info("rsa4096-full-subject.csr"), true),
            None
        );
    }

    #[test]
    fn the_organisation_is_offered_from_the_subject_without_overwriting_what_was_typed() {
        let draft = OrderDraft {
            organisation: OrganisationDraft {
                city: "Croydon".into(),
                ..OrganisationDraft::default()
            },
            ..OrderDraft::default()
        };
        let offer = organisation_offer(&draft, &info("rsa4096-full-subject.csr")).expect("offer");
        assert_eq!(offer.name, "Example Ltd");
        assert_eq!(offer.unit, "IT");
        assert_eq!(offer.city, "Croydon");
        assert_eq!(offer.state, "Greater London");
        assert_eq!(offer.country, "GB");
    }

    #[test]
    fn no_organisation_is_offered_from_a_csr_without_one_or_over_a_typed_name() {
        assert_eq!(
            organisation_offer(&OrderDraft::default(), &info("rsa2048-san.csr")),
            None
        );
        let typed = OrderDraft {
            organisation: OrganisationDraft {
                name: "Other Ltd".into(),
                ..OrganisationDraft::default()
            },
            ..OrderDraft::default()
        };
        assert_eq!(
            organisation_offer(&typed, &info("rsa4096-full-subject.csr")),
            None
        );
    }

    #[test]
    fn the_offers_are_the_csrs_own_words() {
        let offer = organisation_offer(&OrderDraft::default(), &info("rsa4096-full-subject.csr"));
        let offer = offer.expect("offer");
        assert_eq!(offer.name, "Example Ltd");
        assert_eq!(offer.city, "London");
    }
}
