//! The fields a person fills in, with the id and label each one has on the page.

/// Whose contact details a field holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// Huawei's `applicant_*`, GoGetSSL's `admin_*`, cPanel's `rep_*`.
    Applicant,
    /// Huawei's `contact_*`, GoGetSSL's `tech_*`.
    Tech,
}

/// One answer about a contact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ContactPart {
    FullName,
    FirstName,
    LastName,
    Title,
    Phone,
    Email,
}

/// One answer about the organisation (OV and EV).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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
    pub const ALL: [ContactPart; 6] = [
        ContactPart::FullName,
        ContactPart::FirstName,
        ContactPart::LastName,
        ContactPart::Title,
        ContactPart::Phone,
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

/// One answer on the form. Errors, labels and DOM ids all hang off this.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Product,
    /// The primary (or only) name.
    Domain,
    /// The other names of a multi-domain certificate.
    OtherNames,
    Csr,
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

    /// The label a person reads next to the control.
    pub fn label(self) -> &'static str {
        match self {
            Field::Product => "Certificate",
            Field::Domain => "Domain name",
            Field::OtherNames => "Other names",
            Field::Csr => "Certificate signing request (CSR)",
            Field::Method(_) => "Validation method",
            Field::Approver(_) => "Approver email address",
            Field::Contact(_, part) => match part {
                ContactPart::FullName => "Full name",
                ContactPart::FirstName => "First name",
                ContactPart::LastName => "Last name",
                ContactPart::Title => "Job title",
                ContactPart::Phone => "Phone number",
                ContactPart::Email => "Email address",
            },
            Field::Org(part) => match part {
                OrgPart::Name => "Legal name of the organisation",
                OrgPart::Unit => "Department",
                OrgPart::Street => "Street address",
                OrgPart::City => "Town or city",
                OrgPart::State => "State, province or region",
                OrgPart::PostalCode => "Postal code",
                OrgPart::Country => "Country",
                OrgPart::Phone => "Organisation phone number",
                OrgPart::Duns => "D-U-N-S number",
                OrgPart::Lei => "Legal Entity Identifier (LEI)",
            },
            Field::Agreement => "Privacy statement",
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
        ];
        fields.extend(crate::order::fixtures::text_fields());
        let mut ids: Vec<String> = fields.iter().map(|f| f.id()).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), fields.len());
    }
}
