use crate::i18n::texts::PeopleTexts;

pub const PEOPLE: PeopleTexts = PeopleTexts {
    label_product: "Certificate",
    label_domain: "Domain name",
    label_other_names: "Other names",
    label_csr: "Certificate signing request (CSR)",
    label_csr_source: "How will you provide the certificate signing request (CSR)?",
    label_method: "Validation method",
    label_approver: "Approver email address",
    label_full_name: "Full name",
    label_first_name: "First name",
    label_last_name: "Last name",
    label_job_title: "Job title",
    label_phone: "Phone number",
    label_fax: "Fax number",
    label_email: "Email address",
    label_org_name: "Legal name of the organisation",
    label_org_unit: "Department",
    label_org_street: "Street address",
    label_org_city: "Town or city",
    label_org_state: "State, province or region",
    label_org_postal_code: "Postal code",
    label_org_country: "Country",
    label_org_phone: "Organisation phone number",
    label_org_duns: "D-U-N-S number",
    label_org_lei: "Legal Entity Identifier (LEI)",
    label_agreement: "Privacy statement",

    contacts_intro: "The certificate authority may contact this person about the application.",
    phone_hint: "With the country code, like +44 20 7946 0958.",
    fax_hint: "GoGetSSL requires a fax number for OV certificates. With the country code, like +44 20 7946 0958.",
    tech_differs: "Someone else is the technical contact",
    tech_heading: "Technical contact",

    enter_contact: |whose, what| format!("Enter {whose} {what}"),
    whose_applicant: "the applicant's",
    whose_tech: "the technical contact's",
    enter_contact_full_name: "full name",
    enter_contact_first_name: "first name",
    enter_contact_last_name: "last name",
    enter_contact_title: "job title, like IT Manager",
    enter_contact_phone: "phone number, like +44 20 7946 0958",
    enter_contact_fax: "fax number, like +44 20 7946 0958",
    enter_contact_email: "email address, like name@example.com",

    name_empty: "Enter the full name of the person responsible for this order",
    name_too_long: |count, max| {
        format!("The name is {count} characters long; shorten it to at most {max}")
    },
    phone_empty: "Enter a phone number, like +44 20 7946 0958",
    phone_character: |c| {
        format!("\"{c}\" is not allowed in a phone number: use digits, spaces, brackets, hyphens and a leading +")
    },
    phone_digits: |count, min, max| {
        format!("The phone number has {count} digits; enter between {min} and {max}, with the country code")
    },
    email_empty: "Enter an email address, like name@example.com",
    email_too_long: |count, max| {
        format!("The email address is {count} characters long; it can have at most {max}")
    },
    email_shape: "Enter an email address with one @, like name@example.com",
    email_domain: |why| {
        format!("The part of the email address after the @ is not a valid domain: {why}")
    },

    organisation_intro: "The certificate authority checks these details before issuing, and shows the organisation's name in the certificate.",
    optional_suffix: " (optional)",
    org_name_hint: "As registered with the authorities: the CA checks it against official records.",
    lei_hint: "20 letters and digits, like 5493001KJTIIGC8Y1R12.",
    choose_a_country: "Choose a country",

    enter_org_name: "Enter the organisation's legal name, as registered",
    enter_org_unit: "Enter the department",
    enter_org_street: "Enter the organisation's street address",
    enter_org_city: "Enter the town or city where the organisation is registered",
    enter_org_state: "Enter the state, province or region",
    enter_org_postal_code: "Enter the postal code",
    choose_country: "Choose the country where the organisation is registered",
    enter_org_phone: "Enter the organisation's phone number, like +44 20 7946 0958",
    enter_org_duns: "Enter the D-U-N-S number",
    enter_org_lei: "Enter the LEI",
    org_too_long: |label, count, max| {
        format!("{label} is {count} characters long; shorten it to at most {max}")
    },
    postal_code_characters: "A postal code has letters, digits, spaces and hyphens only",
    duns_shape: "A D-U-N-S number is 9 digits, like 15-048-3782: check it on your Dun & Bradstreet record",
    lei_shape: "An LEI is 20 letters and digits, like 5493001KJTIIGC8Y1R12",
    lei_check_digits: "This LEI's check digits do not match: copy it again from your LEI record",
    country_unknown: |code| {
        format!("Choose the country from the list; \"{code}\" is not an ISO 3166-1 country code")
    },
};
