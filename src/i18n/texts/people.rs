//! Contacts and the organisation, with the fields' labels (see `super::Texts::people`).

pub struct PeopleTexts {
    // The label next to each control (the app's `i18n::labels::field_label`); also names the
    // field in error messages.
    /// Label of the product choice.
    pub label_product: &'static str,
    /// Label of the primary domain name.
    pub label_domain: &'static str,
    /// Label of the other names of a multi-domain certificate.
    pub label_other_names: &'static str,
    /// Label of the pasted CSR.
    pub label_csr: &'static str,
    /// The question of how the CSR is provided (a radio group's legend).
    pub label_csr_source: &'static str,
    /// Label of a validation method choice.
    pub label_method: &'static str,
    /// Label of an approver email address choice.
    pub label_approver: &'static str,
    /// Label of a contact's whole name (providers that take one name).
    pub label_full_name: &'static str,
    /// Label of a contact's first (given) name.
    pub label_first_name: &'static str,
    /// Label of a contact's last (family) name.
    pub label_last_name: &'static str,
    /// Label of a contact's job title.
    pub label_job_title: &'static str,
    /// Label of a contact's phone number.
    pub label_phone: &'static str,
    /// Label of the administrative contact's fax number (GoGetSSL OV only).
    pub label_fax: &'static str,
    /// Label of a contact's email address.
    pub label_email: &'static str,
    /// Label of the organisation's legal name.
    pub label_org_name: &'static str,
    /// Label of the organisation's department.
    pub label_org_unit: &'static str,
    /// Label of the organisation's street address.
    pub label_org_street: &'static str,
    /// Label of the organisation's town or city.
    pub label_org_city: &'static str,
    /// Label of the organisation's state, province or region.
    pub label_org_state: &'static str,
    /// Label of the organisation's postal code.
    pub label_org_postal_code: &'static str,
    /// Label of the organisation's country drop-down.
    pub label_org_country: &'static str,
    /// Label of the organisation's phone number.
    pub label_org_phone: &'static str,
    /// Label of the organisation's D-U-N-S number.
    pub label_org_duns: &'static str,
    /// Label of the organisation's LEI.
    pub label_org_lei: &'static str,
    /// Label of the privacy statement checkbox on the review page.
    pub label_agreement: &'static str,

    /// Contacts step: the line under the heading.
    pub contacts_intro: &'static str,
    /// Contacts step: the hint under a phone number field.
    pub phone_hint: &'static str,
    /// Contacts step: the hint under the fax field, saying why it is asked (GoGetSSL OV).
    pub fax_hint: &'static str,
    /// Contacts step: the checkbox that opens a second contact's fields.
    pub tech_differs: &'static str,
    /// Contacts step: the heading over the technical contact's fields.
    pub tech_heading: &'static str,

    /// Error for an empty contact answer: whose answer (`whose_applicant` or `whose_tech`)
    /// and what to enter (one of the `enter_contact_*` texts).
    pub enter_contact: fn(&str, &str) -> String,
    /// The applicant, as the owner in `enter_contact`.
    pub whose_applicant: &'static str,
    /// The technical contact, as the owner in `enter_contact`.
    pub whose_tech: &'static str,
    /// What is missing in `enter_contact`: the whole name.
    pub enter_contact_full_name: &'static str,
    /// What is missing in `enter_contact`: the first name.
    pub enter_contact_first_name: &'static str,
    /// What is missing in `enter_contact`: the last name.
    pub enter_contact_last_name: &'static str,
    /// What is missing in `enter_contact`: the job title, with an example.
    pub enter_contact_title: &'static str,
    /// What is missing in `enter_contact`: the phone number, with an example.
    pub enter_contact_phone: &'static str,
    /// What is missing in `enter_contact`: the fax number, with an example.
    pub enter_contact_fax: &'static str,
    /// What is missing in `enter_contact`: the email address, with an example.
    pub enter_contact_email: &'static str,

    /// A name was left empty (`ContactError::NameEmpty`).
    pub name_empty: &'static str,
    /// A name is too long: its length and the most allowed, in characters.
    pub name_too_long: fn(usize, usize) -> String,
    /// A phone number was left empty.
    pub phone_empty: &'static str,
    /// A phone number holds a character it may not: that character.
    pub phone_character: fn(char) -> String,
    /// A phone number has too few or too many digits: how many, the fewest and the most.
    pub phone_digits: fn(usize, usize, usize) -> String,
    /// An email address was left empty.
    pub email_empty: &'static str,
    /// An email address is too long: its length and the most allowed, in characters.
    pub email_too_long: fn(usize, usize) -> String,
    /// An email address has no @, or more than one, or nothing before it.
    pub email_shape: &'static str,
    /// The part after the @ is not a domain name: why (the domain check's message).
    pub email_domain: fn(&str) -> String,

    /// Organisation step: the line under the heading.
    pub organisation_intro: &'static str,
    /// Appended to the label of an answer the provider does not require.
    pub optional_suffix: &'static str,
    /// Organisation step: the hint under the legal name.
    pub org_name_hint: &'static str,
    /// Organisation step: the hint under the LEI.
    pub lei_hint: &'static str,
    /// The first, empty choice of the country drop-down.
    pub choose_a_country: &'static str,

    /// Error for an empty organisation answer: the legal name.
    pub enter_org_name: &'static str,
    /// Error for an empty organisation answer: the department.
    pub enter_org_unit: &'static str,
    /// Error for an empty organisation answer: the street address.
    pub enter_org_street: &'static str,
    /// Error for an empty organisation answer: the town or city.
    pub enter_org_city: &'static str,
    /// Error for an empty organisation answer: the state, province or region.
    pub enter_org_state: &'static str,
    /// Error for an empty organisation answer: the postal code.
    pub enter_org_postal_code: &'static str,
    /// Error for no country chosen (the organisation step and `CountryError::Empty`).
    pub choose_country: &'static str,
    /// Error for an empty organisation answer: the phone number.
    pub enter_org_phone: &'static str,
    /// Error for an empty organisation answer: the D-U-N-S number.
    pub enter_org_duns: &'static str,
    /// Error for an empty organisation answer: the LEI.
    pub enter_org_lei: &'static str,
    /// An organisation answer is too long: the field's label, its length and the most
    /// allowed, in characters.
    pub org_too_long: fn(&str, usize, usize) -> String,
    /// A postal code holds other characters than letters, digits, spaces and hyphens.
    pub postal_code_characters: &'static str,
    /// A D-U-N-S number is not nine digits.
    pub duns_shape: &'static str,
    /// An LEI is not 20 letters and digits.
    pub lei_shape: &'static str,
    /// An LEI's check digits are wrong.
    pub lei_check_digits: &'static str,
    /// A country code not on the ISO 3166-1 list: the code as given.
    pub country_unknown: fn(&str) -> String,
}
