//! Domain names, the list of names, validation methods and approver addresses (see
//! `super::Texts::domains`).

pub struct DomainTexts {
    // Why a typed name is not a usable host name (`order::NameError`), shown under the
    // domain field or after a listed name.
    /// Nothing was typed in the domain field.
    pub name_empty: &'static str,
    /// The name is too long; the parameter is its length in characters.
    pub name_too_long: fn(usize) -> String,
    /// The name has no dot; the parameter is the name.
    pub name_single_label: fn(&str) -> String,
    /// The name ends with a dot.
    pub name_trailing_dot: &'static str,
    /// The name has two dots in a row.
    pub name_empty_label: &'static str,
    /// A part between dots is over 63 characters; the parameter is that part.
    pub name_label_too_long: fn(&str) -> String,
    /// A part starts or ends with a hyphen; the parameter is that part.
    pub name_hyphen_at_edge: fn(&str) -> String,
    /// The name has an underscore.
    pub name_underscore: &'static str,
    /// The name has a character a host name cannot have; the parameter is that character.
    pub name_bad_character: fn(char) -> String,
    /// The name has non-ASCII letters and no converter to xn-- form is at hand.
    pub name_not_ascii: &'static str,
    /// The name does not end in a top-level domain; the parameter is its last part.
    pub name_bad_top_level: fn(&str) -> String,
    /// A wildcard was typed for a certificate that does not cover wildcards.
    pub name_wildcard_not_allowed: &'static str,
    /// An IP address was typed.
    pub name_ip_address: &'static str,
    /// The * is not the whole left-most part of the name.
    pub name_wildcard_shape: &'static str,
    /// A wildcard certificate was given a name without "*.".
    pub name_wildcard_required: &'static str,
    /// A wildcard stands directly on a public suffix; the parameter is the suffix.
    pub name_wildcard_on_public_suffix: fn(&str) -> String,
    /// An internationalised name could not be converted; the parameter is the name typed.
    pub name_bad_idn: fn(&str) -> String,
    /// An xn-- part is not valid punycode; the parameter is the name.
    pub name_bad_punycode: fn(&str) -> String,
    /// A part has "--" in third and fourth place; the parameter is that part.
    pub name_reserved_label: fn(&str) -> String,

    // Notes under the domain fields, saying what was tidied away.
    /// Pieces of a pasted URL were removed; the parameter is the pieces, as typed.
    pub removed_from_input: fn(&[&str]) -> String,
    /// The primary name was also in the list of other names; the parameter is the name.
    pub primary_not_repeated: fn(&str) -> String,
    /// Repeated names were removed from the list; the parameter is the repeats (never empty).
    pub repeated_removed: fn(&[String]) -> String,
    /// An internationalised name is sent in xn-- form; parameters: as typed, as sent.
    pub will_be_sent_as: fn(&str, &str) -> String,
    /// The count of names of a multi-domain certificate; parameters: the names in all, the
    /// product's least and most names, and whether it covers wildcards.
    pub names_in_all: fn(usize, u16, u16, bool) -> String,

    // The domain step.
    /// The domain step's heading for a multi-domain certificate.
    pub multi_heading: &'static str,
    /// Hint of the domain field for a wildcard certificate.
    pub wildcard_hint: &'static str,
    /// Hint of the domain field for any other certificate.
    pub domain_hint: &'static str,
    /// Hint of the field of other names.
    pub other_names_hint: &'static str,

    // The validation step.
    /// The paragraph under the validation step's heading.
    pub validation_intro: &'static str,
    /// Legend of the one choice of method for the whole certificate.
    pub method_legend: &'static str,
    /// Label of a name's method list; the parameter is the name.
    pub method_label: fn(&str) -> String,
    /// Label of a name's approver address list; the parameter is the name.
    pub approver_label: fn(&str) -> String,
    /// The empty first choice of the approver address list.
    pub choose_address: &'static str,
    /// Hint of the DNS method.
    pub hint_dns: &'static str,
    /// Hint of the file (HTTP / HTTPS) methods.
    pub hint_file: &'static str,
    /// Hint of the email method while it is a legacy method.
    pub hint_email_legacy: &'static str,
    /// Hint of the email method before it became legacy.
    pub hint_email: &'static str,

    // Errors of the validation step (`order::dcv`).
    /// No usable method was chosen for a name; the parameter is the name.
    pub choose_method: fn(&str) -> String,
    /// File validation was chosen for a wildcard; the parameter is the name.
    pub file_cannot_prove_wildcard: fn(&str) -> String,
    /// Email validation was chosen after it was withdrawn.
    pub email_withdrawn: &'static str,
    /// No approver address was chosen; the parameter is the name.
    pub choose_approver: fn(&str) -> String,
    /// The approver address is not one the CA may use; parameters: the address, the name.
    pub approver_not_allowed: fn(&str, &str) -> String,
    /// Checkbox (Huawei, DNS validation): Huawei adds the validation records to its Cloud DNS.
    pub auto_dns_label: &'static str,
    /// Hint under that checkbox.
    pub auto_dns_hint: &'static str,
}
