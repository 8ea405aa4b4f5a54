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
    /// GoGetSSL's `admin_fax`, which it requires for OV orders.
    Fax,
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

/// One answer on the form. Errors, labels and DOM ids all hang off this.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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

    /// The label a person reads next to the control, in the current language.
    pub fn label(self) -> &'static str {
        let t = &crate::i18n::t().people;
        match self {
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
            Field::Org(part) => match part {
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
            },
            Field::Agreement => t.label_agreement,
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

    #[test]
    fn labels_are_in_the_current_language() {
        use crate::i18n::Locale;
        let field = Field::Org(OrgPart::Country);
        assert_eq!(field.label(), "Country");
        crate::i18n::set(Locale::ZhCn);
        assert_eq!(field.label(), "国家/地区");
        assert_eq!(
            Field::Contact(Role::Tech, ContactPart::Email).label(),
            "电子邮箱地址"
        );
        crate::i18n::set(Locale::En);
        assert_eq!(Field::Csr.label(), "Certificate signing request (CSR)");
    }
}
