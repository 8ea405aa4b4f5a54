//! The words of a problem with one answer, shown beside its field and in the summary.

use super::{contact_words, country_words, method_words, name_words, org_words};
use crate::i18n::Texts;
use crate::order::{ContactPart, FieldProblem, Role};

pub fn field_problem_words(problem: &FieldProblem, texts: &Texts) -> String {
    match problem {
        FieldProblem::ChooseProduct => texts.start.choose_product.into(),
        FieldProblem::Name(error) => name_words(error, texts),
        FieldProblem::OtherName { typed, error } => {
            (texts.flow.other_name_problem)(typed, &name_words(error, texts))
        }
        FieldProblem::OtherNameWildcard(name) => (texts.flow.other_name_wildcard)(name),
        FieldProblem::TooFewNames { min, max } => (texts.flow.too_few_names)(*min, *max),
        FieldProblem::TooManyNames { max, entered } => {
            let excess = entered.saturating_sub(usize::from(*max));
            (texts.flow.too_many_names)(*max, *entered, excess)
        }
        FieldProblem::ChooseCsrSource => texts.csr.choose_source.into(),
        FieldProblem::ProviderKeyNotOffered => texts.csr.provider_key_not_offered.into(),
        FieldProblem::GenerateFirst => texts.csr.generate_first.into(),
        // The CSR's errors still make their own words (in the core's current language)
        // until their words function lands with the CSR module's move to errors as data.
        FieldProblem::Csr(error) => super::csr::csr_error_words(error, texts),
        FieldProblem::Method(error) => method_words(error, texts),
        FieldProblem::EnterContact(role, part) => enter_contact(*role, *part, texts),
        FieldProblem::Contact(error) => contact_words(error, texts),
        FieldProblem::Org(error) => org_words(error, texts),
        FieldProblem::Country(error) => country_words(error, texts),
        FieldProblem::AgreePrivacy => texts.flow.agree_privacy.into(),
    }
}

/// An empty answer is asked for by the person and the part, so the summary is clear.
fn enter_contact(role: Role, part: ContactPart, texts: &Texts) -> String {
    let t = &texts.people;
    let whose = match role {
        Role::Applicant => t.whose_applicant,
        Role::Tech => t.whose_tech,
    };
    let what = match part {
        ContactPart::FullName => t.enter_contact_full_name,
        ContactPart::FirstName => t.enter_contact_first_name,
        ContactPart::LastName => t.enter_contact_last_name,
        ContactPart::Title => t.enter_contact_title,
        ContactPart::Phone => t.enter_contact_phone,
        ContactPart::Fax => t.enter_contact_fax,
        ContactPart::Email => t.enter_contact_email,
    };
    (t.enter_contact)(whose, what)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::problems::check::in_both_languages;
    use crate::i18n::Locale;
    use crate::order::{
        fixtures, validate_with, ContactError, CountryError, MethodError, NameError, OrderDraft,
        OrgError, OrgPart, Rules,
    };

    #[test]
    fn every_problem_has_english_and_chinese_words() {
        let mut problems = vec![
            FieldProblem::ChooseProduct,
            FieldProblem::Name(NameError::Underscore),
            FieldProblem::OtherName {
                typed: "bad_name.example.com".into(),
                error: NameError::Underscore,
            },
            FieldProblem::OtherNameWildcard("*.example.com".into()),
            FieldProblem::TooFewNames { min: 2, max: 100 },
            FieldProblem::TooManyNames {
                max: 100,
                entered: 101,
            },
            FieldProblem::ChooseCsrSource,
            FieldProblem::ProviderKeyNotOffered,
            FieldProblem::GenerateFirst,
            FieldProblem::Method(MethodError::EmailWithdrawn),
            FieldProblem::Contact(ContactError::EmailShape),
            FieldProblem::Org(OrgError::LeiShape),
            FieldProblem::Country(CountryError::Empty),
            FieldProblem::AgreePrivacy,
        ];
        for role in [Role::Applicant, Role::Tech] {
            problems.extend(ContactPart::ALL.map(|part| FieldProblem::EnterContact(role, part)));
        }
        in_both_languages(&problems, field_problem_words);
    }

    #[test]
    fn the_words_fill_in_the_limits_and_what_was_typed_in_each_language() {
        let (en, zh) = (Locale::En.texts(), Locale::ZhCn.texts());
        let too_few = FieldProblem::TooFewNames { min: 2, max: 100 };
        assert_eq!(
            field_problem_words(&too_few, en),
            "Enter at least one other name: this certificate covers 2 to 100 names in all"
        );
        assert_eq!(
            field_problem_words(&too_few, zh),
            "请至少输入一个其他域名：此证书共可包含 2 到 100 个域名"
        );
        let too_many = FieldProblem::TooManyNames {
            max: 100,
            entered: 101,
        };
        assert_eq!(
            field_problem_words(&too_many, en),
            "This certificate covers at most 100 names in all and 101 were entered: remove 1"
        );
        let other = FieldProblem::OtherName {
            typed: "bad_name.example.com".into(),
            error: NameError::Underscore,
        };
        assert!(field_problem_words(&other, en).starts_with("\"bad_name.example.com\": "));
        assert_eq!(
            field_problem_words(&FieldProblem::ChooseProduct, zh),
            "请选择要购买的证书"
        );
        assert_eq!(
            field_problem_words(&FieldProblem::AgreePrivacy, zh),
            "请确认您同意隐私声明：服务商需要您的同意才能处理申请"
        );
        let phone = FieldProblem::EnterContact(Role::Applicant, ContactPart::Phone);
        assert_eq!(
            field_problem_words(&phone, en),
            "Enter the applicant's phone number, like +44 20 7946 0958"
        );
        assert_eq!(
            field_problem_words(&phone, zh),
            "请输入申请人的电话号码，例如 +44 20 7946 0958"
        );
        assert_eq!(
            field_problem_words(
                &FieldProblem::EnterContact(Role::Tech, ContactPart::FullName),
                en
            ),
            "Enter the technical contact's full name"
        );
        assert_eq!(
            field_problem_words(&FieldProblem::Org(OrgError::Missing(OrgPart::Country)), en),
            "Choose the country where the organisation is registered"
        );
    }

    #[test]
    fn every_problem_of_an_empty_draft_has_words_in_both_languages() {
        let catalogue = fixtures::catalogue();
        let rules = Rules::basic(fixtures::TODAY);
        for product in &catalogue.products {
            let draft = OrderDraft {
                product_id: product.id.clone(),
                ..OrderDraft::default()
            };
            let errors = validate_with(&draft, &catalogue, &rules).expect_err("empty draft");
            let problems: Vec<FieldProblem> = errors.iter().map(|e| e.problem.clone()).collect();
            in_both_languages(&problems, field_problem_words);
        }
    }
}
