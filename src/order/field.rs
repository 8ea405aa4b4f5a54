//! The fields a person fills in, with the id and label each one has on the page.

/// One answer on the form. Errors, labels and DOM ids all hang off this.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Product,
    Domain,
    Csr,
    ApplicantName,
    ApplicantPhone,
    ApplicantEmail,
    Agreement,
}

impl Field {
    /// The DOM id of the control, so an error summary can link to it.
    pub fn id(self) -> &'static str {
        match self {
            Field::Product => "product",
            Field::Domain => "domain",
            Field::Csr => "csr",
            Field::ApplicantName => "applicant-name",
            Field::ApplicantPhone => "applicant-phone",
            Field::ApplicantEmail => "applicant-email",
            Field::Agreement => "agree-privacy",
        }
    }

    /// The label a person reads next to the control.
    pub fn label(self) -> &'static str {
        match self {
            Field::Product => "Certificate",
            Field::Domain => "Domain name",
            Field::Csr => "Certificate signing request (CSR)",
            Field::ApplicantName => "Full name",
            Field::ApplicantPhone => "Phone number",
            Field::ApplicantEmail => "Email address",
            Field::Agreement => "Privacy statement",
        }
    }
}
