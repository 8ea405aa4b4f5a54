use crate::i18n::texts::DomainTexts;

pub const DOMAINS: DomainTexts = DomainTexts {
    name_empty: "Enter a domain name, like www.example.com",
    name_too_long: |len| {
        format!("The domain name is {len} characters long; a name can have at most 253")
    },
    name_single_label: |name| format!("\"{name}\" needs at least one dot, like www.example.com"),
    name_trailing_dot: "A domain name cannot end with a dot: remove the final \".\"",
    name_empty_label: "A domain name cannot contain two dots in a row",
    name_label_too_long: |part| {
        format!("The part \"{part}\" is longer than 63 characters; each part between dots can have at most 63")
    },
    name_hyphen_at_edge: |part| {
        format!("The part \"{part}\" starts or ends with a hyphen; move or remove the hyphen")
    },
    name_underscore:
        "Underscores are not allowed in a certificate's domain names: remove the \"_\"",
    name_bad_character: |c| {
        format!("\"{c}\" is not allowed in a domain name: use letters, digits, hyphens and dots only")
    },
    name_not_ascii: "Enter an internationalised name in its xn-- (punycode) form, for example xn--bcher-kva.example",
    name_bad_top_level: |tld| {
        format!("\"{tld}\" is not a top-level domain: end the name with one such as .com or .org")
    },
    name_wildcard_not_allowed: "This certificate does not cover wildcard names: remove the \"*.\" or choose a wildcard certificate",
    name_ip_address: "An IP address cannot be used here: enter a domain name",
    name_wildcard_shape: "A wildcard is \"*.\" followed by a full name, like *.example.com: the * must be the whole left-most part",
    name_wildcard_required: "This is a wildcard certificate: enter the name as *. followed by your domain, like *.example.com",
    name_wildcard_on_public_suffix: |suffix| {
        format!("A wildcard cannot stand directly on \"{suffix}\", a public suffix under which anyone can register names: put your own domain after the *., like *.example.{suffix}")
    },
    name_bad_idn: |name| {
        format!("\"{name}\" cannot be written as an internationalised domain name: check it for symbols or spaces, or enter its xn-- (punycode) form")
    },
    name_bad_punycode: |name| {
        format!("\"{name}\" has an xn-- part that is not valid punycode: enter the name as you would type it, and it will be converted")
    },
    name_reserved_label: |part| {
        format!("The part \"{part}\" has \"--\" as its third and fourth characters, which only xn-- (punycode) parts may have")
    },

    removed_from_input: |pieces| {
        let quoted: Vec<String> = pieces.iter().map(|p| format!("\"{p}\"")).collect();
        format!(
            "We removed {} from what was entered: a certificate names hosts only.",
            quoted.join(", ")
        )
    },
    primary_not_repeated: |name| {
        format!("{name} is the primary name, so it is not listed again among the others.")
    },
    repeated_removed: |names| {
        format!(
            "We removed {} repeated name{}: {}.",
            names.len(),
            if names.len() == 1 { "" } else { "s" },
            names.join(", ")
        )
    },
    will_be_sent_as: |unicode, ascii| format!("{unicode} will be sent as {ascii}."),
    names_in_all: |count, min, max, wildcards| {
        format!(
            "{count} name{} in all; this certificate covers {min} to {max}{}.",
            if count == 1 { "" } else { "s" },
            if wildcards {
                ", wildcards included"
            } else {
                ", no wildcards"
            }
        )
    },

    multi_heading: "Which domain names should the certificate cover?",
    wildcard_hint: "A * followed by your domain, like *.example.com: it covers every name one level below example.com.",
    domain_hint: "The full name people type to reach the site, like www.example.com. It must match the Common Name of your CSR.",
    other_names_hint: "One name per line, or separated by commas or spaces. The name above is included already.",

    validation_intro: "The certificate authority issues the certificate only once you prove you control each name.",
    method_legend: "Validation method for every name",
    method_label: |name| format!("Validation method for {name}"),
    approver_label: |name| format!("Approver address for {name}"),
    choose_address: "Choose an address",
    hint_dns: "Add a TXT or CNAME record we show you after ordering. Works for every name, wildcards included.",
    hint_file: "Put a small file we show you after ordering under /.well-known/pki-validation/ on the web server. Not for wildcard names.",
    hint_email_legacy: "Legacy method: the CA/Browser Forum says it should not be used from 15 March 2026, and it cannot be used from 15 March 2028. Prefer DNS.",
    hint_email: "The CA emails an approval link to an address such as admin@ your domain.",

    choose_method: |name| format!("Choose how to prove control of {name}"),
    file_cannot_prove_wildcard: |name| {
        format!("A file on a web server cannot prove control of the wildcard name {name}: choose DNS or email validation")
    },
    email_withdrawn: "Email validation to constructed addresses ended on 15 March 2028: choose DNS or file validation",
    choose_approver: |name| format!("Choose the address the CA should email to approve {name}"),
    approver_not_allowed: |address, name| {
        format!("{address} is not an address the CA may use for {name}: choose admin@, administrator@, webmaster@, hostmaster@ or postmaster@ at the name or a parent domain")
    },
    auto_dns_label: "My DNS is hosted on Huawei Cloud DNS: let Huawei add the validation records",
    auto_dns_hint: "Tick this only if Huawei Cloud DNS serves this domain. Huawei then creates the TXT records itself and you create nothing by hand; otherwise you add the records we show after the order.",
};
