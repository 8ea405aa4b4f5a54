//! The names the order model's values are shown by: fields, steps, the ways of providing the
//! CSR and the validation methods. The core holds the values; their words are here.

use super::Texts;
use crate::order::{ContactPart, CsrSource, DcvMethod, Field, OrgPart, Step};

/// The label a person reads next to the control; also names the field in some errors.
pub fn field_label(field: Field, texts: &Texts) -> &'static str {
    let t = &texts.people;
    match field {
        Field::Product => t.label_product,
        Field::Domain => t.label_domain,
        Field::OtherNames => t.label_other_names,
        Field::Csr => t.label_csr,
        Field::CsrSource => t.label_csr_source,
        Field::Method(_) => t.label_method,
        Field::Approver(_) => t.label_approver,
        Field::Contact(_, part) => match part {
            ContactPart::FullName => t.label_full_name,
            ContactPart::FirstName => t.label_first_name,
            ContactPart::LastName => t.label_last_name,
            ContactPart::Title => t.label_job_title,
            ContactPart::Phone => t.label_phone,
            ContactPart::Fax => t.label_fax,
            ContactPart::Email => t.label_email,
        },
        Field::Org(part) => org_label(part, texts),
        Field::Agreement => t.label_agreement,
    }
}

/// The label of one of the organisation's answers.
pub fn org_label(part: OrgPart, texts: &Texts) -> &'static str {
    let t = &texts.people;
    match part {
        OrgPart::Name => t.label_org_name,
        OrgPart::Unit => t.label_org_unit,
        OrgPart::Street => t.label_org_street,
        OrgPart::City => t.label_org_city,
        OrgPart::State => t.label_org_state,
        OrgPart::PostalCode => t.label_org_postal_code,
        OrgPart::Country => t.label_org_country,
        OrgPart::Phone => t.label_org_phone,
        OrgPart::Duns => t.label_org_duns,
        OrgPart::Lei => t.label_org_lei,
    }
}

/// The question the step asks, used as its heading and in the page title.
pub fn step_title(step: Step, texts: &Texts) -> &'static str {
    let t = &texts.flow;
    match step {
        Step::Product => texts.start.title_product,
        Step::Domain => t.title_domain,
        Step::Csr => t.title_csr,
        Step::Validation => t.title_validation,
        Step::Contacts => t.title_contacts,
        Step::Organisation => t.title_organisation,
        Step::Review => t.title_review,
    }
}

/// A short name of the step, for the progress list.
pub fn step_short(step: Step, texts: &Texts) -> &'static str {
    let t = &texts.flow;
    match step {
        Step::Product => t.short_product,
        Step::Domain => t.short_domain,
        Step::Csr => t.short_csr,
        Step::Validation => t.short_validation,
        Step::Contacts => t.short_contacts,
        Step::Organisation => t.short_organisation,
        Step::Review => t.short_review,
    }
}

/// A way of providing the CSR, as offered.
pub fn csr_source_label(source: CsrSource, texts: &Texts) -> &'static str {
    let t = &texts.csr;
    match source {
        CsrSource::Generate => t.source_generate,
        CsrSource::Paste => t.source_paste,
        CsrSource::Provider => t.source_provider,
    }
}

/// The line under a way of providing the CSR.
pub fn csr_source_hint(source: CsrSource, texts: &Texts) -> &'static str {
    let t = &texts.csr;
    match source {
        CsrSource::Generate => t.source_generate_hint,
        CsrSource::Paste => t.source_paste_hint,
        CsrSource::Provider => t.source_provider_hint,
    }
}

/// The CSR step's heading once a way is chosen.
pub fn csr_source_title(source: CsrSource, texts: &Texts) -> &'static str {
    let t = &texts.csr;
    match source {
        CsrSource::Generate => t.title_generate,
        CsrSource::Paste => t.title_paste,
        CsrSource::Provider => t.title_provider,
    }
}

/// A validation method as offered to the person.
pub fn method_name(method: DcvMethod, texts: &Texts) -> &'static str {
    let t = &texts.flow;
    match method {
        DcvMethod::Dns => t.method_dns,
        DcvMethod::Http => t.method_http,
        DcvMethod::Https => t.method_https,
        DcvMethod::Email => t.method_email,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;
    use crate::order::Role;

    fn every_field() -> Vec<Field> {
        let mut fields = vec![
            Field::Product,
            Field::Domain,
            Field::OtherNames,
            Field::Csr,
            Field::CsrSource,
            Field::Method(0),
            Field::Approver(0),
            Field::Agreement,
        ];
        for role in [Role::Applicant, Role::Tech] {
            fields.extend(ContactPart::ALL.map(|part| Field::Contact(role, part)));
        }
        fields.extend(OrgPart::ALL.map(Field::Org));
        fields
    }

    /// Terms Chinese readers read in Latin letters too, as the glossary in the catalogue does.
    const SAME_IN_BOTH: [&str; 1] = ["CSR"];

    /// Every text in both languages: none empty, each language its own but for a term.
    fn assert_in_both_languages(what: &str, words: impl Fn(&Texts) -> &'static str) {
        let (en, zh) = (words(Locale::En.texts()), words(Locale::ZhCn.texts()));
        assert!(!en.trim().is_empty() && !zh.trim().is_empty(), "{what}");
        if !SAME_IN_BOTH.contains(&en) {
            assert_ne!(en, zh, "{what}");
        }
    }

    #[test]
    fn every_label_title_and_choice_has_english_and_chinese_words() {
        for field in every_field() {
            assert_in_both_languages(&format!("{field:?}"), |t| field_label(field, t));
        }
        for step in Step::ALL {
            assert_in_both_languages(&format!("{step:?}"), |t| step_title(step, t));
            assert_in_both_languages(&format!("{step:?}"), |t| step_short(step, t));
        }
        for source in CsrSource::ALL {
            assert_in_both_languages(&format!("{source:?}"), |t| csr_source_label(source, t));
            assert_in_both_languages(&format!("{source:?}"), |t| csr_source_hint(source, t));
            assert_in_both_languages(&format!("{source:?}"), |t| csr_source_title(source, t));
        }
        for method in DcvMethod::ALL {
            assert_in_both_languages(&format!("{method:?}"), |t| method_name(method, t));
        }
    }

    #[test]
    fn the_words_are_the_catalogues_own() {
        let (en, zh) = (Locale::En.texts(), Locale::ZhCn.texts());
        assert_eq!(field_label(Field::Org(OrgPart::Country), en), "Country");
        assert_eq!(field_label(Field::Org(OrgPart::Country), zh), "国家/地区");
        assert_eq!(
            field_label(Field::Contact(Role::Tech, ContactPart::Email), zh),
            "电子邮箱地址"
        );
        assert_eq!(
            field_label(Field::Csr, en),
            "Certificate signing request (CSR)"
        );
        assert_eq!(step_title(Step::Review, en), "Check your order");
        assert_eq!(step_title(Step::Review, zh), "核对您的订单");
        assert_eq!(step_short(Step::Domain, en), "Domains");
        assert_eq!(step_short(Step::Domain, zh), "域名");
        assert_eq!(
            csr_source_label(CsrSource::Generate, en),
            "Generate it here (recommended)"
        );
        assert_eq!(method_name(DcvMethod::Dns, en), "DNS record");
        assert_eq!(method_name(DcvMethod::Dns, zh), "DNS 验证（添加 DNS 记录）");
    }
}
