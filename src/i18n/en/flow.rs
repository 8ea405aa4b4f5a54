use crate::i18n::texts::FlowTexts;

pub const FLOW: FlowTexts = FlowTexts {
    back: "Back",
    start_over: "Start over",
    confirm_start_over_paid: |cert| {
        format!("Certificate {cert} is paid for but not yet applied for. Starting over forgets it here (it stays in your provider account). Start over?")
    },
    title_domain: "Which domain name should the certificate cover?",
    title_csr: "Your certificate signing request (CSR)",
    title_validation: "How will you prove you control each name?",
    title_contacts: "Who is applying?",
    title_organisation: "Which organisation is the certificate for?",
    title_review: "Check your order",
    short_product: "Certificate",
    short_domain: "Domains",
    short_csr: "CSR",
    short_validation: "Validation",
    short_contacts: "Contacts",
    short_organisation: "Organisation",
    short_review: "Review",
    progress_label: "Progress",
    step_of: |number, total| format!("Step {number} of {total}: "),

    problem_heading: "There is a problem",

    method_dns: "DNS record",
    method_http: "File on the web server (http)",
    method_https: "File on the web server (https)",
    method_email: "Email to an approver address",
    other_name_problem: |typed, problem| format!("\"{typed}\": {problem}"),
    other_name_wildcard: |name| {
        format!("\"{name}\": this certificate does not cover wildcard names; remove it or choose a certificate that does")
    },
    too_few_names: |min, max| {
        format!("Enter at least one other name: this certificate covers {min} to {max} names in all")
    },
    too_many_names: |max, total, excess| {
        format!("This certificate covers at most {max} names in all and {total} were entered: remove {excess}")
    },
    agree_privacy: "Confirm that you agree to the privacy statement: the provider needs it to process the application",
};
