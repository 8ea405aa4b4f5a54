//! The frame of the form (see `super::Texts::flow`).

pub struct FlowTexts {
    pub back: &'static str,
    pub start_over: &'static str,
    /// Asked before "Start over" forgets a paid certificate that was not applied for.
    pub confirm_start_over_paid: fn(&str) -> String,
    /// Heading of the domain step (one name).
    pub title_domain: &'static str,
    /// Heading of the CSR step.
    pub title_csr: &'static str,
    /// Heading of the validation step.
    pub title_validation: &'static str,
    /// Heading of the contacts step.
    pub title_contacts: &'static str,
    /// Heading of the organisation step (OV, EV).
    pub title_organisation: &'static str,
    /// Heading of the review step.
    pub title_review: &'static str,
    /// Progress list: the product step.
    pub short_product: &'static str,
    /// Progress list: the domain step.
    pub short_domain: &'static str,
    /// Progress list: the CSR step.
    pub short_csr: &'static str,
    /// Progress list: the validation step.
    pub short_validation: &'static str,
    /// Progress list: the contacts step.
    pub short_contacts: &'static str,
    /// Progress list: the organisation step.
    pub short_organisation: &'static str,
    /// Progress list: the review step.
    pub short_review: &'static str,
    /// `aria-label` of the progress list's `<nav>`.
    pub progress_label: &'static str,
    /// Read by screen readers before a step's short name: (its number from 1, how many).
    pub step_of: fn(usize, usize) -> String,

    /// Heading of the error summary at the top of a step.
    pub problem_heading: &'static str,

    // Validation methods, as offered on the validation step and shown on the review.
    /// The DNS record method.
    pub method_dns: &'static str,
    /// File validation over http.
    pub method_http: &'static str,
    /// File validation over https.
    pub method_https: &'static str,
    /// Email to an approver address.
    pub method_email: &'static str,
    /// One of the other names is wrong: (the name as typed, what is wrong with it).
    pub other_name_problem: fn(&str, &str) -> String,
    /// A wildcard among the other names of a certificate without wildcards (the name).
    pub other_name_wildcard: fn(&str) -> String,
    /// Only the primary name on a multi-domain certificate: (fewest names, most names).
    pub too_few_names: fn(u16, u16) -> String,
    /// Too many names: (most names, names entered, how many to remove).
    pub too_many_names: fn(u16, usize, usize) -> String,
    /// The privacy statement was not accepted.
    pub agree_privacy: &'static str,
}
