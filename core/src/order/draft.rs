//! What the person has typed so far, as typed: the only order state that is saved.

use super::field::{ContactPart, Field, Role};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A contact's answers, as typed. Which of them are asked depends on the provider.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ContactDraft {
    pub name: String,
    pub first_name: String,
    pub last_name: String,
    pub title: String,
    pub phone: String,
    /// Asked only where the provider requires one (GoGetSSL OV's `admin_fax`).
    pub fax: String,
    pub email: String,
}

/// The organisation's answers (OV and EV), as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct OrganisationDraft {
    pub name: String,
    pub unit: String,
    pub street: String,
    pub city: String,
    pub state: String,
    pub postal_code: String,
    /// An ISO 3166-1 alpha-2 code, as chosen from the list.
    pub country: String,
    pub phone: String,
    pub duns: String,
    pub lei: String,
}

/// Raw answers, edited by the inputs and saved as they change. Holds no secret.
///
/// Answers that a product change makes irrelevant (other names, organisation) are kept, so
/// changing back brings them back; validation simply ignores what the product does not ask.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct OrderDraft {
    pub product_id: String,
    /// The primary (or only) name.
    pub domain: String,
    /// A multi-domain certificate's other names, one list as pasted.
    pub other_names: String,
    pub csr: String,
    /// How the CSR is provided (a `CsrSource` slug; empty until chosen).
    pub csr_source: String,
    /// The key pair the provider makes when it makes one (a `KeyAlgorithm` wire value).
    pub key_algorithm: String,
    /// Huawei adds the DNS validation records itself (its DNS hosts the domain).
    pub auto_dns_auth: bool,
    /// The validation method for every name without its own choice (a `DcvMethod` slug).
    pub method: String,
    /// Per-name methods, keyed by the name in ASCII form.
    pub methods: BTreeMap<String, String>,
    /// Per-name approver addresses for email validation, keyed like `methods`.
    pub approvers: BTreeMap<String, String>,
    pub applicant: ContactDraft,
    /// Whether a separate technical contact is given (else the applicant is used).
    pub tech_differs: bool,
    pub tech: ContactDraft,
    pub organisation: OrganisationDraft,
    pub agree_privacy: bool,
}

// One table per draft part maps a field to its text; the mutable twin reuses it by index,
// so the mapping is written once.
impl ContactDraft {
    fn texts(&self) -> [&String; 7] {
        [
            &self.name,
            &self.first_name,
            &self.last_name,
            &self.title,
            &self.phone,
            &self.fax,
            &self.email,
        ]
    }

    fn texts_mut(&mut self) -> [&mut String; 7] {
        [
            &mut self.name,
            &mut self.first_name,
            &mut self.last_name,
            &mut self.title,
            &mut self.phone,
            &mut self.fax,
            &mut self.email,
        ]
    }
}

fn contact_index(part: ContactPart) -> usize {
    match part {
        ContactPart::FullName => 0,
        ContactPart::FirstName => 1,
        ContactPart::LastName => 2,
        ContactPart::Title => 3,
        ContactPart::Phone => 4,
        ContactPart::Fax => 5,
        ContactPart::Email => 6,
    }
}

impl OrganisationDraft {
    fn texts(&self) -> [&String; 10] {
        [
            &self.name,
            &self.unit,
            &self.street,
            &self.city,
            &self.state,
            &self.postal_code,
            &self.country,
            &self.phone,
            &self.duns,
            &self.lei,
        ]
    }

    fn texts_mut(&mut self) -> [&mut String; 10] {
        [
            &mut self.name,
            &mut self.unit,
            &mut self.street,
            &mut self.city,
            &mut self.state,
            &mut self.postal_code,
            &mut self.country,
            &mut self.phone,
            &mut self.duns,
            &mut self.lei,
        ]
    }
}

impl OrderDraft {
    /// The text typed for `field`; empty for answers that are not free text (the product,
    /// per-name choices, the agreement).
    pub fn text(&self, field: Field) -> &str {
        match field {
            Field::Domain => &self.domain,
            Field::OtherNames => &self.other_names,
            Field::Csr => &self.csr,
            Field::Contact(Role::Applicant, part) => self.applicant.texts()[contact_index(part)],
            Field::Contact(Role::Tech, part) => self.tech.texts()[contact_index(part)],
            // `OrgPart::ALL` lists the parts in the order of `texts`.
            Field::Org(part) => self.organisation.texts()[part as usize],
            Field::Product
            | Field::CsrSource
            | Field::Method(_)
            | Field::Approver(_)
            | Field::Agreement => "",
        }
    }

    /// Whether `field` has the same answer here as in `other`: its text, or for the choices,
    /// what they are made of (a method's index refers to the names, so those count too).
    pub fn same_answer(&self, other: &OrderDraft, field: Field) -> bool {
        match field {
            Field::Product => self.product_id == other.product_id,
            Field::CsrSource => {
                (&self.csr_source, &self.key_algorithm) == (&other.csr_source, &other.key_algorithm)
            }
            Field::Method(_) | Field::Approver(_) => {
                (
                    &self.method,
                    &self.methods,
                    &self.approvers,
                    &self.domain,
                    &self.other_names,
                ) == (
                    &other.method,
                    &other.methods,
                    &other.approvers,
                    &other.domain,
                    &other.other_names,
                )
            }
            Field::Agreement => self.agree_privacy == other.agree_privacy,
            Field::Contact(Role::Tech, _) if self.tech_differs != other.tech_differs => false,
            Field::Domain | Field::OtherNames | Field::Csr | Field::Contact(..) | Field::Org(_) => {
                self.text(field) == other.text(field)
            }
        }
    }

    /// Stores `value` as the answer to `field`; non-text fields are left as they are.
    pub fn set_text(&mut self, field: Field, value: String) {
        let slot = match field {
            Field::Domain => Some(&mut self.domain),
            Field::OtherNames => Some(&mut self.other_names),
            Field::Csr => Some(&mut self.csr),
            Field::Contact(Role::Applicant, part) => self
                .applicant
                .texts_mut()
                .into_iter()
                .nth(contact_index(part)),
            Field::Contact(Role::Tech, part) => {
                self.tech.texts_mut().into_iter().nth(contact_index(part))
            }
            Field::Org(part) => self.organisation.texts_mut().into_iter().nth(part as usize),
            Field::Product
            | Field::CsrSource
            | Field::Method(_)
            | Field::Approver(_)
            | Field::Agreement => None,
        };
        if let Some(slot) = slot {
            *slot = value;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_field_reads_back_what_was_set() {
        let fields = crate::order::fixtures::text_fields();
        let mut draft = OrderDraft::default();
        for field in &fields {
            draft.set_text(*field, field.id());
        }
        for field in &fields {
            assert_eq!(draft.text(*field), field.id(), "{field:?}");
        }
    }
}
