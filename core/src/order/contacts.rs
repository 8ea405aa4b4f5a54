//! The people on an order: the applicant (administrative contact) and the technical contact,
//! asked for as each provider needs them.

use super::contact::{ContactError, Email, PersonName, Phone};
use super::draft::{ContactDraft, OrderDraft};
use super::field::{ContactPart, Field, Role};
use super::product::{Level, Provider};
use super::{FieldErrors, FieldProblem};

/// A contact's name as the provider takes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContactName {
    /// Huawei's single `applicant_name`.
    Full(PersonName),
    /// GoGetSSL's `*_firstname`/`*_lastname`, cPanel's `rep_forename`/`rep_surname`.
    Split { first: PersonName, last: PersonName },
}

impl ContactName {
    /// The whole name, for providers and displays that take one string.
    pub fn full(&self) -> String {
        match self {
            ContactName::Full(name) => name.to_string(),
            ContactName::Split { first, last } => format!("{first} {last}"),
        }
    }
}

/// One person the CA may contact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contact {
    pub name: ContactName,
    /// Present when the provider asks for a job title.
    pub title: Option<PersonName>,
    pub phone: Phone,
    /// Present when the provider requires a fax number of this contact.
    pub fax: Option<Phone>,
    pub email: Email,
}

/// The order's contacts. `tech` is the applicant again when no separate one was given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contacts {
    pub applicant: Contact,
    pub tech: Contact,
    pub tech_given: bool,
}

/// The fields a provider asks of `role` at `level`, in page order.
pub fn contact_parts(provider: Provider, level: Level, role: Role) -> Vec<ContactPart> {
    let mut parts = if provider.profile().splits_names {
        vec![ContactPart::FirstName, ContactPart::LastName]
    } else {
        vec![ContactPart::FullName]
    };
    if provider.profile().needs_job_title {
        parts.push(ContactPart::Title);
    }
    parts.push(ContactPart::Phone);
    if asks_fax(provider, level, role) {
        parts.push(ContactPart::Fax);
    }
    parts.push(ContactPart::Email);
    parts
}

/// Only the administrative contact (GoGetSSL's `admin_*`) is asked for a fax.
fn asks_fax(provider: Provider, level: Level, role: Role) -> bool {
    role == Role::Applicant && provider.profile().needs_admin_fax(level)
}

/// An empty answer is asked for by the person and the part, so the summary is clear.
fn problem(role: Role, part: ContactPart, err: ContactError) -> FieldProblem {
    match err {
        ContactError::NameEmpty | ContactError::PhoneEmpty | ContactError::EmailEmpty => {
            FieldProblem::EnterContact(role, part)
        }
        other => FieldProblem::Contact(other),
    }
}

/// Keeps a parsed value, or records its error against the contact's field.
fn keep<T>(
    errors: &mut FieldErrors,
    role: Role,
    part: ContactPart,
    result: Result<T, ContactError>,
) -> Option<T> {
    result
        .map_err(|err| errors.push(Field::Contact(role, part), problem(role, part, err)))
        .ok()
}

fn parse_contact(
    role: Role,
    draft: &ContactDraft,
    provider: Provider,
    level: Level,
    errors: &mut FieldErrors,
) -> Option<Contact> {
    let name = if provider.profile().splits_names {
        let first = keep(
            errors,
            role,
            ContactPart::FirstName,
            PersonName::parse(&draft.first_name),
        );
        let last = keep(
            errors,
            role,
            ContactPart::LastName,
            PersonName::parse(&draft.last_name),
        );
        first
            .zip(last)
            .map(|(first, last)| ContactName::Split { first, last })
    } else {
        keep(
            errors,
            role,
            ContactPart::FullName,
            PersonName::parse(&draft.name),
        )
        .map(ContactName::Full)
    };
    let title = if provider.profile().needs_job_title {
        keep(
            errors,
            role,
            ContactPart::Title,
            PersonName::parse(&draft.title),
        )
        .map(Some)
    } else {
        Some(None)
    };
    let phone = keep(errors, role, ContactPart::Phone, Phone::parse(&draft.phone));
    // Checked like the phone number, and never filled in from it.
    let fax = if asks_fax(provider, level, role) {
        keep(errors, role, ContactPart::Fax, Phone::parse(&draft.fax)).map(Some)
    } else {
        Some(None)
    };
    let email = keep(errors, role, ContactPart::Email, Email::parse(&draft.email));
    Some(Contact {
        name: name?,
        title: title?,
        phone: phone?,
        fax: fax?,
        email: email?,
    })
}

/// Reads the applicant and, when one is given, the technical contact.
pub fn parse_contacts(
    draft: &OrderDraft,
    provider: Provider,
    level: Level,
    errors: &mut FieldErrors,
) -> Option<Contacts> {
    let applicant = parse_contact(Role::Applicant, &draft.applicant, provider, level, errors);
    let tech = if draft.tech_differs {
        parse_contact(Role::Tech, &draft.tech, provider, level, errors)
    } else {
        // The same person; a fax is asked of the administrative contact only.
        applicant.clone().map(|a| Contact { fax: None, ..a })
    };
    Some(Contacts {
        applicant: applicant?,
        tech: tech?,
        tech_given: draft.tech_differs,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ada() -> ContactDraft {
        ContactDraft {
            name: "Ada Lovelace".into(),
            first_name: "Ada".into(),
            last_name: "Lovelace".into(),
            title: "Engineer".into(),
            phone: "+44 20 7946 0958".into(),
            fax: String::new(),
            email: "ada@example.com".into(),
        }
    }

    fn read(draft: &OrderDraft, provider: Provider) -> Result<Contacts, FieldErrors> {
        read_at(draft, provider, Level::Dv)
    }

    fn read_at(
        draft: &OrderDraft,
        provider: Provider,
        level: Level,
    ) -> Result<Contacts, FieldErrors> {
        let mut errors = FieldErrors::new();
        match parse_contacts(draft, provider, level, &mut errors) {
            Some(contacts) if errors.is_empty() => Ok(contacts),
            _ => Err(errors),
        }
    }

    #[test]
    fn huawei_takes_one_full_name_and_no_job_title() {
        assert_eq!(
            contact_parts(Provider::Huawei, Level::Dv, Role::Applicant),
            [
                ContactPart::FullName,
                ContactPart::Phone,
                ContactPart::Email
            ]
        );
        let draft = OrderDraft {
            applicant: ContactDraft {
                first_name: String::new(),
                title: String::new(),
                ..ada()
            },
            ..OrderDraft::default()
        };
        let contacts = read(&draft, Provider::Huawei).expect("valid");
        assert_eq!(contacts.applicant.name.full(), "Ada Lovelace");
        assert_eq!(contacts.applicant.title, None);
    }

    #[test]
    fn gogetssl_takes_first_and_last_names_and_a_job_title() {
        assert_eq!(
            contact_parts(Provider::GoGetSsl, Level::Dv, Role::Applicant),
            [
                ContactPart::FirstName,
                ContactPart::LastName,
                ContactPart::Title,
                ContactPart::Phone,
                ContactPart::Email
            ]
        );
        let draft = OrderDraft {
            applicant: ContactDraft {
                title: String::new(),
                ..ada()
            },
            ..OrderDraft::default()
        };
        let errors = read(&draft, Provider::GoGetSsl).expect_err("no title");
        assert_eq!(
            errors.for_field(Field::Contact(Role::Applicant, ContactPart::Title)),
            Some(&FieldProblem::EnterContact(
                Role::Applicant,
                ContactPart::Title
            ))
        );
    }

    #[test]
    fn gogetssl_ov_asks_the_applicant_alone_for_a_fax() {
        let parts = |level, role| contact_parts(Provider::GoGetSsl, level, role);
        assert!(parts(Level::Ov, Role::Applicant).contains(&ContactPart::Fax));
        assert!(!parts(Level::Ov, Role::Tech).contains(&ContactPart::Fax));
        for level in [Level::Dv, Level::Ev] {
            assert!(!parts(level, Role::Applicant).contains(&ContactPart::Fax));
        }
        for provider in [Provider::Huawei, Provider::Cpanel] {
            for level in [Level::Dv, Level::Ov, Level::Ev] {
                let parts = contact_parts(provider, level, Role::Applicant);
                assert!(!parts.contains(&ContactPart::Fax), "{provider:?} {level:?}");
            }
        }
    }

    #[test]
    fn a_gogetssl_ov_order_needs_a_fax_and_never_takes_the_phone_for_it() {
        let draft = OrderDraft {
            applicant: ada(),
            ..OrderDraft::default()
        };
        let fax = Field::Contact(Role::Applicant, ContactPart::Fax);
        let errors = read_at(&draft, Provider::GoGetSsl, Level::Ov).expect_err("no fax");
        assert_eq!(
            errors.for_field(fax),
            Some(&FieldProblem::EnterContact(
                Role::Applicant,
                ContactPart::Fax
            ))
        );
        let draft = OrderDraft {
            applicant: ContactDraft {
                fax: "0044 (20) 7946-0959".into(),
                ..ada()
            },
            ..OrderDraft::default()
        };
        let contacts = read_at(&draft, Provider::GoGetSsl, Level::Ov).expect("valid");
        let sent = contacts.applicant.fax.as_ref().map(Phone::as_str);
        assert_eq!(
            sent,
            Some("+442079460959"),
            "normalised like a phone number"
        );
        assert_eq!(contacts.tech.fax, None, "the technical contact has none");
        let draft = OrderDraft {
            applicant: ContactDraft {
                fax: "fax me".into(),
                ..ada()
            },
            ..OrderDraft::default()
        };
        let errors = read_at(&draft, Provider::GoGetSsl, Level::Ov).expect_err("bad fax");
        assert_eq!(
            errors.for_field(fax),
            Some(&FieldProblem::Contact(ContactError::PhoneCharacter('f')))
        );
    }

    #[test]
    fn a_dv_order_takes_no_fax() {
        let draft = OrderDraft {
            applicant: ContactDraft {
                fax: "+44 20 7946 0959".into(),
                ..ada()
            },
            ..OrderDraft::default()
        };
        for level in [Level::Dv, Level::Ev] {
            let contacts = read_at(&draft, Provider::GoGetSsl, level).expect("valid");
            assert_eq!(contacts.applicant.fax, None, "{level:?}");
        }
    }

    #[test]
    fn the_technical_contact_is_the_applicant_unless_another_is_given() {
        let draft = OrderDraft {
            applicant: ada(),
            ..OrderDraft::default()
        };
        let contacts = read(&draft, Provider::Huawei).expect("valid");
        assert_eq!(contacts.tech, contacts.applicant);
        assert!(!contacts.tech_given);
    }

    #[test]
    fn a_separate_technical_contact_is_checked_field_by_field() {
        let draft = OrderDraft {
            applicant: ada(),
            tech_differs: true,
            tech: ContactDraft {
                email: "not an address".into(),
                ..ContactDraft::default()
            },
            ..OrderDraft::default()
        };
        let errors = read(&draft, Provider::Huawei).expect_err("tech incomplete");
        let fields: Vec<Field> = errors.iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            [
                Field::Contact(Role::Tech, ContactPart::FullName),
                Field::Contact(Role::Tech, ContactPart::Phone),
                Field::Contact(Role::Tech, ContactPart::Email)
            ]
        );
        assert_eq!(
            errors.for_field(Field::Contact(Role::Tech, ContactPart::FullName)),
            Some(&FieldProblem::EnterContact(
                Role::Tech,
                ContactPart::FullName
            ))
        );
    }

    #[test]
    fn an_empty_answer_is_asked_for_by_person_and_part_and_a_bad_one_says_why() {
        let draft = OrderDraft {
            applicant: ContactDraft {
                phone: String::new(),
                email: "ada@localhost".into(),
                ..ada()
            },
            ..OrderDraft::default()
        };
        let errors = read(&draft, Provider::Huawei).expect_err("no phone");
        assert_eq!(
            errors.for_field(Field::Contact(Role::Applicant, ContactPart::Phone)),
            Some(&FieldProblem::EnterContact(
                Role::Applicant,
                ContactPart::Phone
            ))
        );
        assert_eq!(
            errors.for_field(Field::Contact(Role::Applicant, ContactPart::Email)),
            Some(&FieldProblem::Contact(ContactError::EmailDomain(
                crate::order::NameError::SingleLabel("localhost".into())
            )))
        );
    }
}
