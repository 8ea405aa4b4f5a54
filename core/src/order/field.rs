//! The fields a person fills in, with the id and label each one has on the page.

/// Whose contact details a field holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Role {
    /// Huawei's `applicant_*`, GoGetSSL's `admin_*`, cPanel's `rep_*`.
    Applicant,
    /// Huawei's `contact_*`, GoGetSSL's `tech_*`.
    Tech,
}

/// One answer about a contact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum ContactPart {
    FullName,
    FirstName,
    LastName,
    Title,
    Phone,
    /// GoGetSSL's `admin_fax`, which it requires for OV orders.
    Fax,
    Email,
}

/// One answer about the organisation (OV and EV).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum OrgPart {
    Name,
    Unit,
    Street,
    City,
    State,
    PostalCode,
    Country,
    Phone,
    Duns,
    Lei,
}

impl ContactPart {
    pub const ALL: [ContactPart; 7] = [
        ContactPart::FullName,
        ContactPart::FirstName,
        ContactPart::LastName,
        ContactPart::Title,
        ContactPart::Phone,
        ContactPart::Fax,
        ContactPart::Email,
    ];
}

impl OrgPart {
    pub const ALL: [OrgPart; 10] = [
        OrgPart::Name,
        OrgPart::Unit,
        OrgPart::Street,
        OrgPart::City,
        OrgPart::State,
        OrgPart::PostalCode,
        OrgPart::Country,
        OrgPart::Phone,
        OrgPart::Duns,
        OrgPart::Lei,
    ];
}

/// One answer on the form. Errors, labels (in the app) and DOM ids all hang off this.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Field {
    Product,
    /// The primary (or only) name.
    Domain,
    /// The other names of a multi-domain certificate.
    OtherNames,
    Csr,
    /// How the CSR is provided: generated here, pasted, or made by the provider.
    CsrSource,
    /// The validation method of the name at this index (0 is the primary; for a provider
    /// that takes one method per certificate, 0 is the certificate's).
    Method(u16),
    /// The approver address of the name at this index, for email validation.
    Approver(u16),
    Contact(Role, ContactPart),
    Org(OrgPart),
    Agreement,
}

impl Field {
    /// The DOM id of the control, so an error summary can link to it.
    pub fn id(self) -> String {
        match self {
            Field::Product => "product".into(),
            Field::Domain => "domain".into(),
            Field::OtherNames => "other-names".into(),
            Field::Csr => "csr".into(),
            // The first choice's id, so an error's link lands on the radio group.
            Field::CsrSource => "csr-source".into(),
            Field::Method(i) => format!("method-{i}"),
            Field::Approver(i) => format!("approver-{i}"),
            Field::Contact(role, part) => {
                let role = match role {
                    Role::Applicant => "applicant",
                    Role::Tech => "tech",
                };
                let part = match part {
                    ContactPart::FullName => "name",
                    ContactPart::FirstName => "first-name",
                    ContactPart::LastName => "last-name",
                    ContactPart::Title => "title",
                    ContactPart::Phone => "phone",
                    ContactPart::Fax => "fax",
                    ContactPart::Email => "email",
                };
                format!("{role}-{part}")
            }
            Field::Org(part) => format!(
                "org-{}",
                match part {
                    OrgPart::Name => "name",
                    OrgPart::Unit => "unit",
                    OrgPart::Street => "street",
                    OrgPart::City => "city",
                    OrgPart::State => "state",
                    OrgPart::PostalCode => "postal-code",
                    OrgPart::Country => "country",
                    OrgPart::Phone => "phone",
                    OrgPart::Duns => "duns",
                    OrgPart::Lei => "lei",
                }
            ),
            Field::Agreement => "agree-privacy".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_has_its_own_dom_id() {
        let mut fields = vec![
            Field::Product,
            Field::Method(0),
            Field::Method(1),
            Field::Approver(0),
            Field::Agreement,
            Field::CsrSource,
        ];
        fields.extend(crate::order::fixtures::text_fields());
        let mut ids: Vec<String> = fields.iter().map(|f| f.id()).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), fields.len());
    }
}
