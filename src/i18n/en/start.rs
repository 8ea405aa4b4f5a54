use crate::i18n::texts::StartTexts;

pub static START: StartTexts = StartTexts {
    loading: "Loading the order form…",
    cannot_start: "The order form could not start",
    ask_administrator: "Ask the site's administrator to check the configuration.",
    refused_settings: |names| {
        format!("This page's address tried to change {names} for this form. That was ignored: your order goes only where this site is set up to send it.")
    },
    continue_button: "Continue",
    next_loading: "Loading the next step…",
    next_failed: "The next step could not be loaded. Check your connection and try again; what you chose is kept. If it keeps failing, the form may have just been updated: reload the page.",
    try_again: "Try again",
    page_title: |step| format!("{step} – Order an SSL certificate"),

    config_unreadable: |url, reason| format!("{url} could not be read: {reason}"),
    catalogue_unreadable: |url, reason| format!("The catalogue {url} could not be read: {reason}"),
    catalogue_invalid: |url, problem| format!("The catalogue {url}: {problem}"),
    catalogue_other_provider: |url, provider| {
        format!("The catalogue {url} lists products of another provider than \"{provider}\", which config.json names.")
    },

    title_product: "Choose a certificate",
    error_prefix: "Error: ",

    level_dv: "Domain validated (DV)",
    level_ov: "Organisation validated (OV)",
    level_ev: "Extended validation (EV)",
    term_years: |years| format!("{years} year{}", if years == 1 { "" } else { "s" }),
    term_months: |months| format!("{months} months"),
    product_details: |level, term, description| format!("{level}. {term}. {description}"),

    choose_product: "Choose the certificate you want to buy",

    config_shape: |reason| format!("config.json is not valid: {reason}"),
    config_value: |problem| format!("config.json: {problem}"),
    config_not_object: "config.json must be a JSON object",
    config_not_json: |reason| format!("config.json: {reason}"),
    page_options_not_object: "The embedding page's options must be a JSON object",
    page_options_not_json: |reason| format!("The embedding page's options: {reason}"),
    config_unknown_provider: |provider| {
        format!("provider \"{provider}\" is not known; use \"huawei\", \"gogetssl\", \"cpanel\" or \"generic\"")
    },
    config_generic_needs_catalogue: "provider \"generic\" needs a \"catalogue\": the products your proxy sells, e.g. \"catalog/gogetssl.json\"",
    config_empty_endpoint: "endpoint must not be empty",
    config_unknown_storage: |storage| {
        format!("storage \"{storage}\" is not one of \"local\", \"session\", \"none\"")
    },
    config_seconds: |name, seconds| {
        format!("{name} must be a whole number of seconds from 1 to 600, not {seconds}")
    },
    config_server_count: |count| {
        format!("gogetssl.server_count must be -1 (unlimited) or at least 1, not {count}")
    },
    config_subject_names: |slug| {
        format!("cpanel.subject_names \"{slug}\" is not one of \"seed\", \"pairs\", \"wizard\"")
    },
    config_url_after_checkout: "cpanel.url_after_checkout must be an absolute http(s) URL without a query string",
    config_parent_origin: |origin| {
        format!("parent_origins: \"{origin}\" is not an origin like \"https://panel.example.com\" (no path, no wildcard)")
    },
    config_allow_only: |key, settable, given| {
        format!("{key} may list only {settable}, not {given}")
    },

    catalogue_shape: |reason| {
        format!("The catalogue is not valid JSON of the expected shape: {reason}")
    },
    catalogue_product: |id, problem| format!("Product \"{id}\": {problem}"),
    catalogue_empty: "The catalogue offers no products",
    catalogue_unknown_provider: |provider| {
        format!("unknown provider \"{provider}\" (expected huawei, gogetssl or cpanel)")
    },
    catalogue_unknown_level: |level| format!("unknown level \"{level}\" (DV, OV or EV)"),
    catalogue_unknown_cert_type: |code| format!("unknown cert_type \"{code}\""),
    catalogue_level_contradicts: |level, code| format!("level {level} contradicts cert_type {code}"),
    catalogue_no_level: "says neither a known cert_type nor a level",
    catalogue_unknown_brand: |brand| format!("unknown brand \"{brand}\""),
    catalogue_unknown_domain_type: |kind| format!("unknown domain_type \"{kind}\""),
    catalogue_wildcard_names_multi_only: "wildcard_names applies to MULTI_DOMAIN products only",
    catalogue_ev_wildcard: "an EV certificate can never cover a wildcard name (EV Guidelines)",
    catalogue_years_and_months: "give years or months, not both",
    catalogue_no_validity: "give the validity in years or months",
    catalogue_validity_range: "validity must be 1 to 5 years or 1 to 120 months",
    catalogue_huawei_years: "Huawei counts validity in years",
    catalogue_quantity: |quantity| {
        format!("quantity must be 1 (the wizard applies for one certificate per order), not {quantity}")
    },
    catalogue_not_a_price: |key, value| format!("{key} \"{value}\" is not a price like 3.00"),
    catalogue_cpanel_price: "cPanel's Market charges by the name: give price_per_name (and price_per_wildcard for wildcards)",
    catalogue_wildcard_price_alone: "price_per_wildcard needs price_per_name",
    catalogue_wildcard_price_missing: "a product that covers wildcard names needs price_per_wildcard",
    catalogue_name_limits: |cap, included, max| {
        let cap = cap.map(|cap| format!(" <= {cap}")).unwrap_or_default();
        format!("names must have 2 <= included <= max{cap}, not included {included} and max {max}")
    },
    catalogue_multi_needs_names: "a MULTI_DOMAIN product needs \"names\": {\"included\", \"max\"}",
    catalogue_names_multi_only: "\"names\" applies to MULTI_DOMAIN products only",
    catalogue_huawei_file: |name| {
        format!("{name}: Huawei validates by file only certificates for a bare IP address, which this form does not order; offer DNS or EMAIL")
    },
    catalogue_unknown_method: |name| format!("unknown validation method \"{name}\""),
    catalogue_method_wildcard: |name| {
        format!("{name} validation cannot prove a wildcard name; offer DNS or EMAIL")
    },
    catalogue_method_twice: |name| format!("lists {name} twice"),
    catalogue_no_method: "lists no validation method",
};
