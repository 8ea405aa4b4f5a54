//! Why a contact's or the organisation's answer cannot be used.

use super::name_words;
use crate::i18n::labels::org_label;
use crate::i18n::Texts;
use crate::order::{ContactError, CountryError, OrgError, OrgPart};

pub fn contact_words(error: &ContactError, texts: &Texts) -> String {
    let t = &texts.people;
    match error {
        ContactError::NameEmpty => t.name_empty.into(),
        ContactError::NameTooLong { count, max } => (t.name_too_long)(*count, *max),
        ContactError::PhoneEmpty => t.phone_empty.into(),
        ContactError::PhoneCharacter(c) => (t.phone_character)(*c),
        ContactError::PhoneDigits { count, min, max } => (t.phone_digits)(*count, *min, *max),
        ContactError::EmailEmpty => t.email_empty.into(),
        ContactError::EmailTooLong { count, max } => (t.email_too_long)(*count, *max),
        ContactError::EmailShape => t.email_shape.into(),
        ContactError::EmailDomain(why) => (t.email_domain)(&name_words(why, texts)),
    }
}

pub fn country_words(error: &CountryError, texts: &Texts) -> String {
    let t = &texts.people;
    match error {
        CountryError::Empty => t.choose_country.into(),
        CountryError::Unknown(code) => (t.country_unknown)(code),
    }
}

pub fn org_words(error: &OrgError, texts: &Texts) -> String {
    let t = &texts.people;
    match error {
        OrgError::Missing(part) => match part {
            OrgPart::Name => t.enter_org_name,
            OrgPart::Unit => t.enter_org_unit,
            OrgPart::Street => t.enter_org_street,
            OrgPart::City => t.enter_org_city,
            OrgPart::State => t.enter_org_state,
            OrgPart::PostalCode => t.enter_org_postal_code,
            OrgPart::Country => t.choose_country,
            OrgPart::Phone => t.enter_org_phone,
            OrgPart::Duns => t.enter_org_duns,
            OrgPart::Lei => t.enter_org_lei,
        }
        .into(),
        OrgError::TooLong { part, count, max } => {
            (t.org_too_long)(org_label(*part, texts), *count, *max)
        }
        OrgError::PostalCodeCharacters => t.postal_code_characters.into(),
        OrgError::DunsShape => t.duns_shape.into(),
        OrgError::LeiShape => t.lei_shape.into(),
        OrgError::LeiCheckDigits => t.lei_check_digits.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::problems::check::in_both_languages;
    use crate::i18n::Locale;
    use crate::order::{Duns, NameError, Phone};

    #[test]
    fn every_contact_country_and_organisation_error_has_english_and_chinese_words() {
        in_both_languages(
            &[
                ContactError::NameEmpty,
                ContactError::NameTooLong { count: 64, max: 63 },
                ContactError::PhoneEmpty,
                ContactError::PhoneCharacter('F'),
                ContactError::PhoneDigits {
                    count: 5,
                    min: 6,
                    max: 15,
                },
                ContactError::EmailEmpty,
                ContactError::EmailTooLong {
                    count: 257,
                    max: 256,
                },
                ContactError::EmailShape,
                ContactError::EmailDomain(NameError::SingleLabel("localhost".into())),
            ],
            contact_words,
        );
        in_both_languages(
            &[CountryError::Empty, CountryError::Unknown("UK".into())],
            country_words,
        );
        let mut org: Vec<OrgError> = OrgPart::ALL.into_iter().map(OrgError::Missing).collect();
        org.extend(OrgPart::ALL.into_iter().map(|part| OrgError::TooLong {
            part,
            count: 64,
            max: 63,
        }));
        org.extend([
            OrgError::PostalCodeCharacters,
            OrgError::DunsShape,
            OrgError::LeiShape,
            OrgError::LeiCheckDigits,
        ]);
        in_both_languages(&org, org_words);
    }

    #[test]
    fn the_words_fill_in_the_counts_limits_and_labels_in_each_language() {
        let (en, zh) = (Locale::En.texts(), Locale::ZhCn.texts());
        let digits = Phone::parse("12345").expect_err("too few digits");
        assert_eq!(
            contact_words(&digits, en),
            "The phone number has 5 digits; enter between 6 and 15, with the country code"
        );
        assert_eq!(
            contact_words(&digits, zh),
            "电话号码有 5 位数字，请输入 6 到 15 位数字（含国家/地区代码）"
        );
        assert_eq!(
            contact_words(&ContactError::PhoneCharacter('F'), en),
            "\"F\" is not allowed in a phone number: use digits, spaces, brackets, hyphens and a leading +"
        );
        let long = OrgError::TooLong {
            part: OrgPart::Name,
            count: 64,
            max: 63,
        };
        assert_eq!(
            org_words(&long, en),
            "Legal name of the organisation is 64 characters long; shorten it to at most 63"
        );
        assert_eq!(
            org_words(&long, zh),
            "组织法定名称长度为 64 个字符，请缩短到 63 个字符以内"
        );
        assert_eq!(
            org_words(&OrgError::PostalCodeCharacters, zh),
            "邮政编码只能包含字母、数字、空格和连字符"
        );
        let duns = Duns::parse("1").expect_err("one digit");
        assert!(org_words(&duns, zh).starts_with("D-U-N-S 编号为 9 位数字"));
        assert_eq!(
            country_words(&CountryError::Unknown("XX".into()), en),
            "Choose the country from the list; \"XX\" is not an ISO 3166-1 country code"
        );
        assert_eq!(
            country_words(&CountryError::Unknown("UK".into()), zh),
            "请从列表中选择国家/地区；“UK”不是 ISO 3166-1 国家/地区代码"
        );
        assert_eq!(
            org_words(&OrgError::Missing(OrgPart::Country), zh),
            "请选择组织注册所在的国家/地区"
        );
    }
}
