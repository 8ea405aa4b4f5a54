//! The organisation behind an OV or EV order, asked for as each provider and level needs it.

use super::contact::Phone;
use super::country::Country;
use super::draft::OrganisationDraft;
use super::field::{Field, OrgPart};
use super::product::{Level, Provider};
use super::{FieldErrors, FieldProblem};

/// Why an organisation's answer cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum OrgError {
    /// A required answer left empty.
    Missing(OrgPart),
    /// An answer longer than the providers take.
    TooLong {
        part: OrgPart,
        count: usize,
        max: usize,
    },
    PostalCodeCharacters,
    /// A D-U-N-S number that is not nine digits.
    DunsShape,
    /// An LEI that is not 18 letters or digits and 2 digits.
    LeiShape,
    /// An LEI whose check digits do not match (ISO 7064 MOD 97-10).
    LeiCheckDigits,
}

/// Whether a provider asks for an answer at a validation level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    Required,
    Optional,
    NotAsked,
}

/// Which organisation answers `provider` takes at `level` (nothing for DV). From each API's
/// documented fields: Huawei's `company_*`/`country`, GoGetSSL's `org_*`, cPanel's
/// `identity_verification`.
pub fn org_need(provider: Provider, level: Level, part: OrgPart) -> Need {
    use Need::{NotAsked, Optional, Required};
    if !level.needs_organisation() {
        return NotAsked;
    }
    // One arm per provider, each over every part: a new provider or part names this place.
    match provider {
        Provider::Huawei => match part {
            OrgPart::Name | OrgPart::City | OrgPart::Country | OrgPart::State => Required,
            OrgPart::Unit => Optional,
            OrgPart::Street
            | OrgPart::PostalCode
            | OrgPart::Phone
            | OrgPart::Duns
            | OrgPart::Lei => NotAsked,
        },
        Provider::GoGetSsl => match part {
            // `org_division` is required for OV and EV.
            OrgPart::Name
            | OrgPart::Unit
            | OrgPart::Street
            | OrgPart::City
            | OrgPart::PostalCode
            | OrgPart::Country
            | OrgPart::Phone => Required,
            // `org_region` is asked of OV orders only.
            OrgPart::State if level == Level::Ev => Optional,
            OrgPart::State => Required,
            OrgPart::Duns | OrgPart::Lei => Optional,
        },
        Provider::Cpanel => match part {
            OrgPart::Name
            | OrgPart::Street
            | OrgPart::City
            | OrgPart::State
            | OrgPart::PostalCode
            | OrgPart::Country => Required,
            OrgPart::Unit | OrgPart::Duns => Optional,
            OrgPart::Phone | OrgPart::Lei => NotAsked,
        },
    }
}

/// The longest answer taken: Huawei's 63 for the `company_*` fields it shares, and generous
/// but finite limits for the others, which no provider documents.
fn max_len(part: OrgPart) -> usize {
    match part {
        OrgPart::Street => 128,
        OrgPart::PostalCode => 16,
        _ => 63,
    }
}

/// A D-U-N-S number: nine digits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Duns(String);

impl Duns {
    pub fn parse(raw: &str) -> Result<Duns, OrgError> {
        let digits: String = raw.chars().filter(|c| !matches!(c, ' ' | '-')).collect();
        if digits.len() == 9 && digits.bytes().all(|b| b.is_ascii_digit()) {
            Ok(Duns(digits))
        } else {
            Err(OrgError::DunsShape)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A Legal Entity Identifier (ISO 17442): 18 letters or digits and 2 check digits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lei(String);

impl Lei {
    pub fn parse(raw: &str) -> Result<Lei, OrgError> {
        let lei: String = raw
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| c.to_ascii_uppercase())
            .collect();
        let shape = lei.len() == 20
            && lei.bytes().all(|b| b.is_ascii_alphanumeric())
            && lei.bytes().skip(18).all(|b| b.is_ascii_digit());
        if !shape {
            return Err(OrgError::LeiShape);
        }
        // ISO 7064 MOD 97-10, letters counting 10..35, as in IBANs.
        let remainder = lei.bytes().fold(0u32, |acc, b| {
            let value = if b.is_ascii_digit() {
                u32::from(b - b'0')
            } else {
                u32::from(b - b'A') + 10
            };
            let acc = if value >= 10 { acc * 100 } else { acc * 10 };
            (acc + value) % 97
        });
        if remainder != 1 {
            return Err(OrgError::LeiCheckDigits);
        }
        Ok(Lei(lei))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The organisation as the CA will check it; optional answers are `None` when not given
/// or not asked by the provider.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Organisation {
    pub name: String,
    pub unit: Option<String>,
    pub street: Option<String>,
    pub city: String,
    pub state: Option<String>,
    pub postal_code: Option<String>,
    pub country: Country,
    pub phone: Option<Phone>,
    pub duns: Option<Duns>,
    pub lei: Option<Lei>,
}

fn raw_of(draft: &OrganisationDraft, part: OrgPart) -> &str {
    match part {
        OrgPart::Name => &draft.name,
        OrgPart::Unit => &draft.unit,
        OrgPart::Street => &draft.street,
        OrgPart::City => &draft.city,
        OrgPart::State => &draft.state,
        OrgPart::PostalCode => &draft.postal_code,
        OrgPart::Country => &draft.country,
        OrgPart::Phone => &draft.phone,
        OrgPart::Duns => &draft.duns,
        OrgPart::Lei => &draft.lei,
    }
}

/// Checks one answer: `Ok(None)` when empty and not required (or not asked).
fn check_part(
    draft: &OrganisationDraft,
    part: OrgPart,
    need: Need,
) -> Result<Option<String>, OrgError> {
    if need == Need::NotAsked {
        return Ok(None);
    }
    let text = raw_of(draft, part)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if text.is_empty() {
        return match need {
            Need::Required => Err(OrgError::Missing(part)),
            _ => Ok(None),
        };
    }
    let count = text.chars().count();
    let max = max_len(part);
    if count > max {
        return Err(OrgError::TooLong { part, count, max });
    }
    if part == OrgPart::PostalCode
        && !text
            .chars()
            .all(|c| c.is_alphanumeric() || c == ' ' || c == '-')
    {
        return Err(OrgError::PostalCodeCharacters);
    }
    Ok(Some(text))
}

/// Parses an answer that passed [`check_part`]: `None` when an error was recorded,
/// `Some(None)` when the answer was left empty.
fn typed<T>(
    errors: &mut FieldErrors,
    part: OrgPart,
    text: Option<Option<String>>,
    parse: impl Fn(&str) -> Result<T, FieldProblem>,
) -> Option<Option<T>> {
    match text? {
        None => Some(None),
        Some(text) => match parse(&text) {
            Ok(value) => Some(Some(value)),
            Err(problem) => {
                errors.push(Field::Org(part), problem);
                None
            }
        },
    }
}

/// Reads the organisation's answers for `provider` at `level`, recording every problem.
pub fn parse_organisation(
    draft: &OrganisationDraft,
    provider: Provider,
    level: Level,
    errors: &mut FieldErrors,
) -> Option<Organisation> {
    let mut text = OrgPart::ALL.map(|part| {
        check_part(draft, part, org_need(provider, level, part))
            .map_err(|error| errors.push(Field::Org(part), FieldProblem::Org(error)))
            .ok()
    });
    let mut take = |part: OrgPart| text[part as usize].take();
    let name = take(OrgPart::Name);
    let unit = take(OrgPart::Unit);
    let street = take(OrgPart::Street);
    let city = take(OrgPart::City);
    let state = take(OrgPart::State);
    let postal_code = take(OrgPart::PostalCode);
    let (country, phone) = (take(OrgPart::Country), take(OrgPart::Phone));
    let (duns, lei) = (take(OrgPart::Duns), take(OrgPart::Lei));
    let country = typed(errors, OrgPart::Country, country, |code| {
        Country::parse(code).map_err(FieldProblem::Country)
    });
    let phone = typed(errors, OrgPart::Phone, phone, |p| {
        Phone::parse(p).map_err(FieldProblem::Contact)
    });
    let duns = typed(errors, OrgPart::Duns, duns, |d| {
        Duns::parse(d).map_err(FieldProblem::Org)
    });
    let lei = typed(errors, OrgPart::Lei, lei, |l| {
        Lei::parse(l).map_err(FieldProblem::Org)
    });
    Some(Organisation {
        name: name.flatten()?,
        unit: unit?,
        street: street?,
        city: city.flatten()?,
        state: state?,
        postal_code: postal_code?,
        country: country.flatten()?,
        phone: phone?,
        duns: duns?,
        lei: lei?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::order::{ContactError, CountryError};

    fn acme() -> OrganisationDraft {
        OrganisationDraft {
            name: "Acme Widgets Ltd".into(),
            unit: "IT".into(),
            street: "1 High Street".into(),
            city: "London".into(),
            state: "Greater London".into(),
            postal_code: "EC1A 1BB".into(),
            country: "GB".into(),
            phone: "+44 20 7946 0958".into(),
            duns: "15-048-3782".into(),
            lei: "5493001KJTIIGC8Y1R12".into(),
        }
    }

    fn read(
        draft: &OrganisationDraft,
        provider: Provider,
        level: Level,
    ) -> Result<Organisation, FieldErrors> {
        let mut errors = FieldErrors::new();
        match parse_organisation(draft, provider, level, &mut errors) {
            Some(org) if errors.is_empty() => Ok(org),
            _ => Err(errors),
        }
    }

    fn required(provider: Provider, level: Level) -> Vec<OrgPart> {
        OrgPart::ALL
            .into_iter()
            .filter(|part| org_need(provider, level, *part) == Need::Required)
            .collect()
    }

    #[test]
    fn a_dv_order_asks_nothing_about_the_organisation() {
        for provider in [Provider::Huawei, Provider::GoGetSsl, Provider::Cpanel] {
            assert!(OrgPart::ALL
                .iter()
                .all(|part| org_need(provider, Level::Dv, *part) == Need::NotAsked));
        }
    }

    #[test]
    fn huawei_requires_name_province_city_and_country_for_ov_and_ev() {
        for level in [Level::Ov, Level::Ev] {
            assert_eq!(
                required(Provider::Huawei, level),
                [
                    OrgPart::Name,
                    OrgPart::City,
                    OrgPart::State,
                    OrgPart::Country
                ]
            );
        }
        assert_eq!(
            org_need(Provider::Huawei, Level::Ov, OrgPart::Unit),
            Need::Optional
        );
        assert_eq!(
            org_need(Provider::Huawei, Level::Ov, OrgPart::Street),
            Need::NotAsked
        );
    }

    #[test]
    fn gogetssl_requires_the_division_full_address_and_phone_and_the_region_for_ov_only() {
        assert_eq!(
            required(Provider::GoGetSsl, Level::Ov),
            [
                OrgPart::Name,
                OrgPart::Unit,
                OrgPart::Street,
                OrgPart::City,
                OrgPart::State,
                OrgPart::PostalCode,
                OrgPart::Country,
                OrgPart::Phone
            ]
        );
        assert_eq!(
            org_need(Provider::GoGetSsl, Level::Ev, OrgPart::State),
            Need::Optional
        );
        assert_eq!(
            org_need(Provider::GoGetSsl, Level::Ov, OrgPart::Lei),
            Need::Optional
        );
    }

    #[test]
    fn cpanel_asks_the_address_and_duns_but_no_lei() {
        assert_eq!(
            org_need(Provider::Cpanel, Level::Ev, OrgPart::Lei),
            Need::NotAsked
        );
        assert_eq!(
            org_need(Provider::Cpanel, Level::Ev, OrgPart::Duns),
            Need::Optional
        );
        assert_eq!(
            org_need(Provider::Cpanel, Level::Ov, OrgPart::Street),
            Need::Required
        );
    }

    #[test]
    fn a_complete_organisation_is_read_with_its_typed_values() {
        let org = read(&acme(), Provider::GoGetSsl, Level::Ov).expect("valid");
        assert_eq!(org.country.as_str(), "GB");
        assert_eq!(
            org.phone.map(|p| p.to_string()),
            Some("+442079460958".into())
        );
        assert_eq!(
            org.duns.map(|d| d.as_str().to_string()),
            Some("150483782".into())
        );
        assert_eq!(
            org.lei.map(|l| l.as_str().to_string()),
            Some("5493001KJTIIGC8Y1R12".into())
        );
    }

    #[test]
    fn answers_a_provider_does_not_ask_are_left_out() {
        let org = read(&acme(), Provider::Huawei, Level::Ov).expect("valid");
        assert_eq!(org.street, None);
        assert_eq!(org.duns, None);
        assert_eq!(org.unit.as_deref(), Some("IT"));
    }

    #[test]
    fn every_missing_required_answer_is_reported_at_once() {
        let errors =
            read(&OrganisationDraft::default(), Provider::Huawei, Level::Ev).expect_err("empty");
        let fields: Vec<Field> = errors.iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            [
                Field::Org(OrgPart::Name),
                Field::Org(OrgPart::City),
                Field::Org(OrgPart::State),
                Field::Org(OrgPart::Country)
            ]
        );
    }

    #[test]
    fn a_country_not_on_the_iso_list_is_refused() {
        let draft = OrganisationDraft {
            country: "UK".into(),
            ..acme()
        };
        let errors = read(&draft, Provider::Huawei, Level::Ov).expect_err("UK is not ISO");
        assert_eq!(
            errors.for_field(Field::Org(OrgPart::Country)),
            Some(&FieldProblem::Country(CountryError::Unknown("UK".into())))
        );
    }

    #[test]
    fn a_name_over_63_characters_is_refused_with_the_limit() {
        let draft = OrganisationDraft {
            name: "x".repeat(64),
            ..acme()
        };
        let errors = read(&draft, Provider::Huawei, Level::Ov).expect_err("too long");
        assert_eq!(
            errors.for_field(Field::Org(OrgPart::Name)),
            Some(&FieldProblem::Org(OrgError::TooLong {
                part: OrgPart::Name,
                count: 64,
                max: 63
            }))
        );
    }

    #[test]
    fn a_duns_number_has_nine_digits() {
        assert!(Duns::parse("150483782").is_ok());
        assert_eq!(Duns::parse("15048378"), Err(OrgError::DunsShape));
        assert_eq!(Duns::parse("15048378X"), Err(OrgError::DunsShape));
    }

    #[test]
    fn an_lei_must_have_valid_check_digits() {
        assert!(Lei::parse("5493001kjtiigc8y1r12").is_ok());
        assert_eq!(
            Lei::parse("5493001KJTIIGC8Y1R13"),
            Err(OrgError::LeiCheckDigits)
        );
        assert_eq!(Lei::parse("5493001KJT"), Err(OrgError::LeiShape));
    }

    #[test]
    fn each_problem_names_its_part_and_what_is_wrong() {
        let draft = OrganisationDraft {
            postal_code: "EC1A/1BB".into(),
            phone: "+44 20 FAX".into(),
            duns: "1".into(),
            ..acme()
        };
        let errors = read(&draft, Provider::GoGetSsl, Level::Ov).expect_err("bad");
        assert_eq!(
            errors.for_field(Field::Org(OrgPart::PostalCode)),
            Some(&FieldProblem::Org(OrgError::PostalCodeCharacters))
        );
        assert_eq!(
            errors.for_field(Field::Org(OrgPart::Phone)),
            Some(&FieldProblem::Contact(ContactError::PhoneCharacter('F')))
        );
        assert_eq!(
            errors.for_field(Field::Org(OrgPart::Duns)),
            Some(&FieldProblem::Org(OrgError::DunsShape))
        );
        let empty =
            read(&OrganisationDraft::default(), Provider::Huawei, Level::Ov).expect_err("empty");
        assert_eq!(
            empty.for_field(Field::Org(OrgPart::Country)),
            Some(&FieldProblem::Org(OrgError::Missing(OrgPart::Country)))
        );
    }
}
