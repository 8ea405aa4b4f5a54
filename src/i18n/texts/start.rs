//! What the first download needs (see `super::Texts::start`): loading and failing to start,
//! the configuration's and catalogue's messages, and the product step. The first wasm module
//! reads these, and nothing else of the catalogue, so the other texts load with their code.

pub struct StartTexts {
    /// While config.json and the catalogue load.
    pub loading: &'static str,
    /// Heading when the form cannot start (bad configuration, unreadable catalogue).
    pub cannot_start: &'static str,
    pub ask_administrator: &'static str,
    /// The query string tried to change these settings (names joined by ", ").
    pub refused_settings: fn(&str) -> String,
    pub continue_button: &'static str,
    /// While the rest of the form is fetched, after Continue on the first step.
    pub next_loading: &'static str,
    /// The rest of the form could not be fetched (a network drop, or a new version deployed).
    pub next_failed: &'static str,
    /// The button that fetches it again.
    pub try_again: &'static str,
    /// The document's title, naming the step (or what happened).
    pub page_title: fn(&str) -> String,

    // The form cannot start (`ui::app`): shown under `cannot_start`.
    /// config.json could not be fetched: (its address, the network's or HTTP's reason).
    pub config_unreadable: fn(&str, &str) -> String,
    /// The catalogue could not be fetched: (its address, the reason).
    pub catalogue_unreadable: fn(&str, &str) -> String,
    /// The catalogue was fetched but is wrong: (its address, what `catalogue_*` says).
    pub catalogue_invalid: fn(&str, &str) -> String,
    /// The catalogue sells another provider's products: (its address, config.json's provider slug).
    pub catalogue_other_provider: fn(&str, &str) -> String,

    // Step headings (the question each step asks; also the page title and the host's
    // `step-changed` title) and their short names in the progress list.
    /// Heading of the product step.
    pub title_product: &'static str,
    /// Read by screen readers before a field's error message.
    pub error_prefix: &'static str,

    // The product step: the hint under each product's name.
    /// Hint: a DV product.
    pub level_dv: &'static str,
    /// Hint: an OV product.
    pub level_ov: &'static str,
    /// Hint: an EV product.
    pub level_ev: &'static str,
    /// Hint: a term of whole years (the number of years).
    pub term_years: fn(u16) -> String,
    /// Hint: a term in months (the number of months).
    pub term_months: fn(u16) -> String,
    /// The whole hint: (the level, the term, the catalogue's description, may be empty).
    pub product_details: fn(&str, &str, &str) -> String,

    // Problems with the draft, beside their fields and in the error summary.
    /// No product chosen.
    pub choose_product: &'static str,

    // config.json and the embedding page's options (shown when the form cannot start).
    /// config.json is not of the expected shape (the JSON parser's reason, in English).
    pub config_shape: fn(&str) -> String,
    /// A setting of config.json is wrong (which one and why, from the `config_*` texts).
    pub config_value: fn(&str) -> String,
    /// config.json is JSON, but not an object.
    pub config_not_object: &'static str,
    /// config.json is not JSON (the parser's reason).
    pub config_not_json: fn(&str) -> String,
    /// The embedding page's options are JSON, but not an object.
    pub page_options_not_object: &'static str,
    /// The embedding page's options are not JSON (the parser's reason).
    pub page_options_not_json: fn(&str) -> String,
    /// `provider` is unknown (the value given).
    pub config_unknown_provider: fn(&str) -> String,
    /// `provider` "generic" without `catalogue`.
    pub config_generic_needs_catalogue: &'static str,
    /// `endpoint` is empty.
    pub config_empty_endpoint: &'static str,
    /// `storage` is unknown (the value given).
    pub config_unknown_storage: fn(&str) -> String,
    /// A `*_seconds` setting out of range: (the setting's name, the value given).
    pub config_seconds: fn(&str, u32) -> String,
    /// `gogetssl.server_count` out of range (the value given).
    pub config_server_count: fn(i32) -> String,
    /// `cpanel.subject_names` is unknown (the value given).
    pub config_subject_names: fn(&str) -> String,
    /// `cpanel.url_after_checkout` is not an absolute URL without a query.
    pub config_url_after_checkout: &'static str,
    /// One of `parent_origins` is not an origin (the value given).
    pub config_parent_origin: fn(&str) -> String,
    /// `allow_query` or `allow_init` (the key) names something it may not: (the key, the
    /// names it may list, joined by ", "; the value given, as JSON).
    pub config_allow_only: fn(&str, &str, &str) -> String,

    // The catalogue file (shown when the form cannot start).
    /// Not of the expected shape (the JSON parser's reason, or `catalogue_unknown_provider`).
    pub catalogue_shape: fn(&str) -> String,
    /// One product is wrong: (its id, what is wrong, from the `catalogue_*` texts).
    pub catalogue_product: fn(&str, &str) -> String,
    /// No products.
    pub catalogue_empty: &'static str,
    /// `provider` is unknown (the value given).
    pub catalogue_unknown_provider: fn(&str) -> String,
    /// `level` is unknown (the value given).
    pub catalogue_unknown_level: fn(&str) -> String,
    /// Huawei's `cert_type` is unknown (the value given).
    pub catalogue_unknown_cert_type: fn(&str) -> String,
    /// `level` and `cert_type` disagree: (the level as DV/OV/EV, the cert_type).
    pub catalogue_level_contradicts: fn(&str, &str) -> String,
    /// Neither a known `cert_type` nor a `level`.
    pub catalogue_no_level: &'static str,
    /// Huawei's `brand` is unknown (the value given).
    pub catalogue_unknown_brand: fn(&str) -> String,
    /// `domain_type` is unknown (the value given).
    pub catalogue_unknown_domain_type: fn(&str) -> String,
    /// `wildcard_names` on a product that is not multi-domain.
    pub catalogue_wildcard_names_multi_only: &'static str,
    /// An EV product covering wildcards.
    pub catalogue_ev_wildcard: &'static str,
    /// Both `years` and `months`.
    pub catalogue_years_and_months: &'static str,
    /// Neither `years` nor `months`.
    pub catalogue_no_validity: &'static str,
    /// `years` or `months` out of range.
    pub catalogue_validity_range: &'static str,
    /// A Huawei product with `months`.
    pub catalogue_huawei_years: &'static str,
    /// `quantity` other than 1 (the value given).
    pub catalogue_quantity: fn(u8) -> String,
    /// A price that is not one: (the key, the value given).
    pub catalogue_not_a_price: fn(&str, &str) -> String,
    /// A cPanel product without `price_per_name`.
    pub catalogue_cpanel_price: &'static str,
    /// `price_per_wildcard` without `price_per_name`.
    pub catalogue_wildcard_price_alone: &'static str,
    /// A product priced by the name that covers wildcards, without `price_per_wildcard`.
    pub catalogue_wildcard_price_missing: &'static str,
    /// `names` out of range: (the provider's cap on `max`, if any; included; max).
    pub catalogue_name_limits: fn(Option<u16>, u16, u16) -> String,
    /// A multi-domain product without `names`.
    pub catalogue_multi_needs_names: &'static str,
    /// `names` on a product that is not multi-domain.
    pub catalogue_names_multi_only: &'static str,
    /// A file method in a Huawei catalogue: Huawei's FILE is for bare IP addresses only (the name given).
    pub catalogue_huawei_file: fn(&str) -> String,
    /// A validation method that is unknown (the name given).
    pub catalogue_unknown_method: fn(&str) -> String,
    /// A wildcard product offering file validation (the method's name).
    pub catalogue_method_wildcard: fn(&str) -> String,
    /// A validation method listed twice (its name).
    pub catalogue_method_twice: fn(&str) -> String,
    /// No validation method.
    pub catalogue_no_method: &'static str,
}
