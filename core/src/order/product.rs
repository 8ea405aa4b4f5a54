//! What can be ordered: products read from a provider's catalogue file (data, not code).

use serde::Deserialize;

/// Which provider API a product is bought through; each asks for different fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Provider {
    Huawei,
    GoGetSsl,
    Cpanel,
}

impl Provider {
    pub fn from_slug(slug: &str) -> Option<Provider> {
        match slug {
            "huawei" => Some(Provider::Huawei),
            "gogetssl" => Some(Provider::GoGetSsl),
            "cpanel" => Some(Provider::Cpanel),
            _ => None,
        }
    }

    /// What the provider asks of the person and what it does itself, in one value: a new
    /// provider states every answer here, in one exhaustive `match`.
    pub fn profile(self) -> ProviderProfile {
        match self {
            Provider::Huawei => ProviderProfile {
                csr_max_len: 5120,
                method_per_name: false,
                chooses_approver: false,
                splits_names: false,
                needs_job_title: false,
                dv_has_contacts: true,
                ov_needs_admin_fax: false,
                validates_names_by_file: false,
                adds_dns_records: true,
                makes_key_pairs: true,
                catalogue: CatalogueRules {
                    brands: Some(&HUAWEI_BRANDS),
                    level_from_code: true,
                    years_only: true,
                    multi_max_names: Some(HUAWEI_MULTI_MAX),
                },
            },
            Provider::GoGetSsl => ProviderProfile {
                csr_max_len: 4000,
                method_per_name: true,
                chooses_approver: true,
                splits_names: true,
                needs_job_title: true,
                dv_has_contacts: true,
                ov_needs_admin_fax: true,
                validates_names_by_file: true,
                adds_dns_records: false,
                makes_key_pairs: false,
                catalogue: CatalogueRules {
                    brands: None,
                    level_from_code: false,
                    years_only: false,
                    multi_max_names: None,
                },
            },
            Provider::Cpanel => ProviderProfile {
                csr_max_len: 5120,
                method_per_name: true,
                chooses_approver: true,
                splits_names: true,
                needs_job_title: false,
                dv_has_contacts: false,
                ov_needs_admin_fax: false,
                validates_names_by_file: true,
                adds_dns_records: false,
                makes_key_pairs: false,
                catalogue: CatalogueRules {
                    brands: None,
                    level_from_code: false,
                    years_only: false,
                    multi_max_names: None,
                },
            },
        }
    }
}

/// What a provider asks of the person and what it does itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProviderProfile {
    /// The longest CSR the provider's API accepts, in characters.
    pub csr_max_len: usize,
    /// The validation method is chosen name by name (else once for the certificate).
    pub method_per_name: bool,
    /// The person picks the approver address for email validation (Huawei's CA picks it;
    /// GoGetSSL and cPanel send the address chosen).
    pub chooses_approver: bool,
    /// Contacts are named as first and last name (else one full name).
    pub splits_names: bool,
    /// Contacts need a job title (GoGetSSL's `admin_title`, `tech_title`).
    pub needs_job_title: bool,
    /// A DV order asks for contacts (cPanel's DV orders have none).
    pub dv_has_contacts: bool,
    /// An OV order asks for the administrative contact's fax: GoGetSSL requires
    /// `admin_fax`, and no other answer may stand in for it.
    pub ov_needs_admin_fax: bool,
    /// A file on the web server can prove control of a domain name. Huawei takes FILE only
    /// for certificates of a bare public IP address, which the form never orders.
    pub validates_names_by_file: bool,
    /// The provider can add the DNS validation records itself, where its DNS hosts the
    /// domain (Huawei's `auto_dns_auth`).
    pub adds_dns_records: bool,
    /// The provider can make the key pair itself, so the order needs no CSR (Huawei's
    /// `key_algorithm`, when no `csr` is sent).
    pub makes_key_pairs: bool,
    /// What its catalogue may hold.
    pub catalogue: CatalogueRules,
}

/// What a provider's catalogue may hold: the rules its API sets on products.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CatalogueRules {
    /// The brands its API sells (Huawei's `ca_brand` values); None: any.
    pub brands: Option<&'static [&'static str]>,
    /// The level is read from the product code (Huawei's `cert_type`), which must be known.
    pub level_from_code: bool,
    /// Validity is bought in whole years only (Huawei's `period`).
    pub years_only: bool,
    /// The most names a multi-domain certificate may cover; None: as the catalogue says.
    pub multi_max_names: Option<u16>,
}

impl ProviderProfile {
    /// Whether an order at `level` asks for contacts at all.
    pub fn needs_contacts(self, level: Level) -> bool {
        match level {
            Level::Dv => self.dv_has_contacts,
            Level::Ov | Level::Ev => true,
        }
    }

    /// Whether the administrative contact's fax number is asked for at `level`.
    pub fn needs_admin_fax(self, level: Level) -> bool {
        match level {
            Level::Ov => self.ov_needs_admin_fax,
            Level::Dv | Level::Ev => false,
        }
    }
}

/// How much the CA checks before issuing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Dv,
    Ov,
    Ev,
}

impl Level {
    /// Whether the order carries the organisation's details (OV and EV).
    pub fn needs_organisation(self) -> bool {
        self != Level::Dv
    }
}

/// Which names one certificate covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Coverage {
    /// One exact name.
    Single,
    /// One `*.` name.
    Wildcard,
    /// A primary and other names; `wildcards` says whether any of them may be `*.` names.
    Multi { wildcards: bool },
}

impl Coverage {
    pub fn allows_wildcards(self) -> bool {
        match self {
            Coverage::Single => false,
            Coverage::Wildcard => true,
            Coverage::Multi { wildcards } => wildcards,
        }
    }
}

/// How the person proves control of a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum DcvMethod {
    Dns,
    Http,
    Https,
    Email,
}

impl DcvMethod {
    pub const ALL: [DcvMethod; 4] = [
        DcvMethod::Dns,
        DcvMethod::Http,
        DcvMethod::Https,
        DcvMethod::Email,
    ];

    /// The stable name saved in the draft.
    pub fn slug(self) -> &'static str {
        match self {
            DcvMethod::Dns => "dns",
            DcvMethod::Http => "http",
            DcvMethod::Https => "https",
            DcvMethod::Email => "email",
        }
    }

    pub fn from_slug(slug: &str) -> Option<DcvMethod> {
        DcvMethod::ALL.into_iter().find(|m| m.slug() == slug)
    }

    /// HTTP and HTTPS file validation prove one host only, so never a wildcard.
    pub fn works_for_wildcards(self) -> bool {
        matches!(self, DcvMethod::Dns | DcvMethod::Email)
    }

    /// A file on the web server (http or https).
    pub fn is_file(self) -> bool {
        !self.works_for_wildcards()
    }
}

/// How long the certificate subscription runs, in the unit the provider counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Validity {
    /// Huawei's `effective_time`.
    Years(u8),
    /// GoGetSSL's `period` and cPanel's term.
    Months(u16),
}

impl Validity {
    pub fn months(self) -> u16 {
        match self {
            Validity::Years(years) => u16::from(years) * 12,
            Validity::Months(months) => months,
        }
    }
}

/// How many names in all (the primary included) one certificate may list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NameLimits {
    /// Names covered by the base price.
    pub included: u16,
    pub min: u16,
    pub max: u16,
}

/// One thing a person can buy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Product {
    pub id: String,
    pub name: String,
    pub description: super::LocalText,
    pub provider: Provider,
    /// The CA brand as the provider spells it, e.g. `GEOTRUST`.
    pub brand: String,
    /// The provider's own product code, e.g. Huawei's `DV_SSL_CERT_BASIC`.
    pub type_code: String,
    pub level: Level,
    pub coverage: Coverage,
    pub validity: Validity,
    pub names: NameLimits,
    /// Validation methods on offer; the first is the default.
    pub methods: Vec<DcvMethod>,
    pub price: Option<String>,
    /// Per-name prices, for providers that charge by the name (cPanel's Market).
    pub unit_price: Option<UnitPrice>,
}

/// What each name of a certificate costs, in cents of the catalogue's currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnitPrice {
    pub per_name: u32,
    /// `None`: the product covers no wildcard names.
    pub per_wildcard: Option<u32>,
}

impl UnitPrice {
    /// The price of a certificate with `exact` ordinary names and `wildcards` wildcard names.
    pub fn total(self, exact: usize, wildcards: usize) -> u64 {
        let exact = u64::try_from(exact).unwrap_or(u64::MAX);
        let wildcards = u64::try_from(wildcards).unwrap_or(u64::MAX);
        (u64::from(self.per_name) * exact)
            .saturating_add(u64::from(self.per_wildcard.unwrap_or(0)) * wildcards)
    }
}

/// Reads a price such as `3`, `3.5` or `3.50` into cents (the catalogue's, and the order
/// server's reading of a price text).
pub fn cents(raw: &str) -> Option<u32> {
    let (whole, fraction) = raw.trim().split_once('.').unwrap_or((raw.trim(), ""));
    if whole.is_empty()
        || fraction.len() > 2
        || !whole
            .bytes()
            .chain(fraction.bytes())
            .all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let whole: u32 = whole.parse().ok()?;
    let fraction: u32 = format!("{fraction:0<2}").parse().ok()?;
    whole.checked_mul(100)?.checked_add(fraction)
}

impl Product {
    pub fn offers(&self, method: DcvMethod) -> bool {
        self.methods.contains(&method)
    }

    pub fn default_method(&self) -> DcvMethod {
        self.methods.first().copied().unwrap_or(DcvMethod::Dns)
    }

    /// Huawei's `ca_hash_algorithm`, which its SDK documents as required for GeoTrust OV.
    pub fn ca_hash_algorithm(&self) -> Option<&'static str> {
        (self.provider == Provider::Huawei && self.brand == "GEOTRUST" && self.level == Level::Ov)
            .then_some("SHA-256")
    }

    pub fn is_multi(&self) -> bool {
        matches!(self.coverage, Coverage::Multi { .. })
    }
}

/// Why a catalogue file is refused; shown when the form cannot start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CatalogueError {
    /// Not of the expected shape: the JSON parser's reason, which stays in English.
    Shape(String),
    /// A `provider` the form does not know (the value given).
    UnknownProvider(String),
    Product {
        id: String,
        problem: ProductError,
    },
    Empty,
}

/// What is wrong with one product of a catalogue, with the values given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProductError {
    UnknownLevel(String),
    /// Huawei's `cert_type`.
    UnknownCertType(String),
    LevelContradicts {
        stated: Level,
        cert_type: String,
    },
    NoLevel,
    /// Huawei's `brand`.
    UnknownBrand(String),
    UnknownDomainType(String),
    WildcardNamesMultiOnly,
    EvWildcard,
    YearsAndMonths,
    NoValidity,
    ValidityRange,
    HuaweiYears,
    Quantity(u8),
    NotAPrice {
        key: &'static str,
        value: String,
    },
    CpanelPrice,
    WildcardPriceAlone,
    WildcardPriceMissing,
    /// `names` out of range; `cap` is the provider's limit on `max`, where it has one.
    NameLimits {
        cap: Option<u16>,
        included: u16,
        max: u16,
    },
    MultiNeedsNames,
    NamesMultiOnly,
    /// A file method in a Huawei catalogue (the name given).
    HuaweiFile(String),
    UnknownMethod(String),
    /// A file method on a wildcard product (the name given).
    MethodWildcard(String),
    MethodTwice(String),
    NoMethod,
}

/// The products on offer, in the order the catalogue lists them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Catalogue {
    pub provider: Provider,
    pub products: Vec<Product>,
}

// The file's shape lives here at the edge; the rest of the app sees only `Product`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCatalogue {
    provider: String,
    products: Vec<RawProduct>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawProduct {
    id: String,
    name: String,
    #[serde(default)]
    description: super::LocalText,
    brand: String,
    cert_type: String,
    /// `DV`, `OV` or `EV`; Huawei's `cert_type` already says it.
    #[serde(default)]
    level: Option<String>,
    domain_type: String,
    #[serde(default)]
    years: Option<u8>,
    #[serde(default)]
    months: Option<u16>,
    #[serde(default)]
    quantity: Option<u8>,
    #[serde(default)]
    names: Option<RawNames>,
    #[serde(default)]
    wildcard_names: bool,
    validation_methods: Vec<String>,
    #[serde(default)]
    price: Option<String>,
    #[serde(default)]
    price_per_name: Option<String>,
    #[serde(default)]
    price_per_wildcard: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNames {
    included: u16,
    max: u16,
}

const HUAWEI_BRANDS: [&str; 6] = [
    "GLOBALSIGN",
    "SYMANTEC",
    "GEOTRUST",
    "CFCA",
    "TRUSTASIA",
    "VTRUS",
];

/// Huawei's `domain_numbers` for a multi-domain certificate.
const HUAWEI_MULTI_MAX: u16 = 100;

impl Catalogue {
    pub fn from_json(json: &str) -> Result<Catalogue, CatalogueError> {
        let raw: RawCatalogue =
            serde_json::from_str(json).map_err(|e| CatalogueError::Shape(e.to_string()))?;
        let provider = Provider::from_slug(&raw.provider)
            .ok_or_else(|| CatalogueError::UnknownProvider(raw.provider.clone()))?;
        let products = raw
            .products
            .into_iter()
            .map(|p| product_from_raw(p, provider))
            .collect::<Result<Vec<_>, _>>()?;
        if products.is_empty() {
            return Err(CatalogueError::Empty);
        }
        Ok(Catalogue { provider, products })
    }

    pub fn find(&self, id: &str) -> Option<&Product> {
        self.products.iter().find(|p| p.id == id)
    }
}

fn level_of(raw: &RawProduct, provider: Provider) -> Result<Level, ProductError> {
    let from_code = match raw.cert_type.as_str() {
        "DV_SSL_CERT" | "DV_SSL_CERT_BASIC" => Some(Level::Dv),
        "OV_SSL_CERT" | "OV_SSL_CERT_PRO" => Some(Level::Ov),
        "EV_SSL_CERT" | "EV_SSL_CERT_PRO" => Some(Level::Ev),
        _ => None,
    };
    let stated = match raw.level.as_deref() {
        None => None,
        Some("DV") => Some(Level::Dv),
        Some("OV") => Some(Level::Ov),
        Some("EV") => Some(Level::Ev),
        Some(other) => return Err(ProductError::UnknownLevel(other.to_string())),
    };
    let rules = provider.profile().catalogue;
    match (from_code, stated) {
        (None, _) if rules.level_from_code => {
            Err(ProductError::UnknownCertType(raw.cert_type.clone()))
        }
        (Some(code), Some(stated)) if code != stated => Err(ProductError::LevelContradicts {
            stated,
            cert_type: raw.cert_type.clone(),
        }),
        (Some(level), _) | (None, Some(level)) => Ok(level),
        (None, None) => Err(ProductError::NoLevel),
    }
}

fn product_from_raw(raw: RawProduct, provider: Provider) -> Result<Product, CatalogueError> {
    let fail = |problem: ProductError| CatalogueError::Product {
        id: raw.id.clone(),
        problem,
    };
    let rules = provider.profile().catalogue;
    if rules
        .brands
        .is_some_and(|brands| !brands.contains(&raw.brand.as_str()))
    {
        return Err(fail(ProductError::UnknownBrand(raw.brand.clone())));
    }
    let level = level_of(&raw, provider).map_err(fail)?;
    let coverage = match raw.domain_type.as_str() {
        "SINGLE_DOMAIN" => Coverage::Single,
        "WILDCARD" => Coverage::Wildcard,
        "MULTI_DOMAIN" => Coverage::Multi {
            wildcards: raw.wildcard_names,
        },
        other => return Err(fail(ProductError::UnknownDomainType(other.to_string()))),
    };
    if raw.wildcard_names && !matches!(coverage, Coverage::Multi { .. }) {
        return Err(fail(ProductError::WildcardNamesMultiOnly));
    }
    if level == Level::Ev && coverage.allows_wildcards() {
        return Err(fail(ProductError::EvWildcard));
    }
    let names = names_of(&raw, coverage, provider).map_err(fail)?;
    let validity = match (raw.years, raw.months) {
        (Some(years), None) if (1..=5).contains(&years) => Validity::Years(years),
        (None, Some(months)) if (1..=120).contains(&months) => Validity::Months(months),
        (Some(_), Some(_)) => return Err(fail(ProductError::YearsAndMonths)),
        (None, None) => return Err(fail(ProductError::NoValidity)),
        _ => return Err(fail(ProductError::ValidityRange)),
    };
    if rules.years_only && !matches!(validity, Validity::Years(_)) {
        return Err(fail(ProductError::HuaweiYears));
    }
    // The wizard applies for the one certificate it buys; several would be paid for and left idle.
    if let Some(quantity) = raw.quantity.filter(|&q| q != 1) {
        return Err(fail(ProductError::Quantity(quantity)));
    }
    let methods = methods_of(&raw.validation_methods, coverage, provider).map_err(fail)?;
    let unit_price = unit_price_of(&raw, coverage, provider).map_err(fail)?;
    Ok(Product {
        id: raw.id,
        name: raw.name,
        description: raw.description,
        provider,
        brand: raw.brand,
        type_code: raw.cert_type,
        level,
        coverage,
        validity,
        names,
        methods,
        price: raw.price,
        unit_price,
    })
}

fn unit_price_of(
    raw: &RawProduct,
    coverage: Coverage,
    provider: Provider,
) -> Result<Option<UnitPrice>, ProductError> {
    let read = |value: &Option<String>, key: &'static str| -> Result<Option<u32>, ProductError> {
        value
            .as_deref()
            .map(|v| {
                cents(v).ok_or_else(|| ProductError::NotAPrice {
                    key,
                    value: v.to_string(),
                })
            })
            .transpose()
    };
    let per_name = read(&raw.price_per_name, "price_per_name")?;
    let per_wildcard = read(&raw.price_per_wildcard, "price_per_wildcard")?;
    match (provider, per_name) {
        (Provider::Cpanel, None) => Err(ProductError::CpanelPrice),
        (_, None) if per_wildcard.is_some() => Err(ProductError::WildcardPriceAlone),
        (_, None) => Ok(None),
        (_, Some(per_name)) => {
            if coverage.allows_wildcards() && per_wildcard.is_none() {
                return Err(ProductError::WildcardPriceMissing);
            }
            Ok(Some(UnitPrice {
                per_name,
                per_wildcard,
            }))
        }
    }
}

fn names_of(
    raw: &RawProduct,
    coverage: Coverage,
    provider: Provider,
) -> Result<NameLimits, ProductError> {
    match (coverage, &raw.names) {
        (Coverage::Multi { .. }, Some(names)) => {
            let cap = provider.profile().catalogue.multi_max_names;
            if !(2..=names.max).contains(&names.included) || cap.is_some_and(|cap| names.max > cap)
            {
                return Err(ProductError::NameLimits {
                    cap,
                    included: names.included,
                    max: names.max,
                });
            }
            Ok(NameLimits {
                included: names.included,
                min: 2,
                max: names.max,
            })
        }
        (Coverage::Multi { .. }, None) => Err(ProductError::MultiNeedsNames),
        (_, Some(_)) => Err(ProductError::NamesMultiOnly),
        (_, None) => Ok(NameLimits {
            included: 1,
            min: 1,
            max: 1,
        }),
    }
}

fn methods_of(
    listed: &[String],
    coverage: Coverage,
    provider: Provider,
) -> Result<Vec<DcvMethod>, ProductError> {
    let mut methods = Vec::new();
    for name in listed {
        let method = match (provider, name.as_str()) {
            // Huawei's FILE is for bare IP addresses only; the form orders domain names.
            (Provider::Huawei, "FILE" | "HTTP" | "HTTPS") => {
                return Err(ProductError::HuaweiFile(name.clone()))
            }
            (_, "DNS") => DcvMethod::Dns,
            (_, "HTTP") => DcvMethod::Http,
            (_, "HTTPS") => DcvMethod::Https,
            (_, "EMAIL") => DcvMethod::Email,
            (_, other) => return Err(ProductError::UnknownMethod(other.to_string())),
        };
        if coverage == Coverage::Wildcard && !method.works_for_wildcards() {
            return Err(ProductError::MethodWildcard(name.clone()));
        }
        if methods.contains(&method) {
            return Err(ProductError::MethodTwice(name.clone()));
        }
        methods.push(method);
    }
    if methods.is_empty() {
        return Err(ProductError::NoMethod);
    }
    Ok(methods)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contacts_and_the_admin_fax_are_asked_at_the_levels_each_provider_needs() {
        let cpanel = Provider::Cpanel.profile();
        assert!(!cpanel.needs_contacts(Level::Dv));
        assert!(cpanel.needs_contacts(Level::Ov) && cpanel.needs_contacts(Level::Ev));
        assert!(Provider::Huawei.profile().needs_contacts(Level::Dv));
        let gogetssl = Provider::GoGetSsl.profile();
        assert!(gogetssl.needs_admin_fax(Level::Ov));
        assert!(!gogetssl.needs_admin_fax(Level::Dv) && !gogetssl.needs_admin_fax(Level::Ev));
        assert!(!Provider::Cpanel.profile().needs_admin_fax(Level::Ov));
    }

    fn catalogue_with(product: &str) -> String {
        format!(r#"{{"provider":"huawei","products":[{product}]}}"#)
    }

    const DV: &str = r#"{"id":"geotrust-dv","name":"GeoTrust DV SSL","brand":"GEOTRUST",
        "cert_type":"DV_SSL_CERT","domain_type":"SINGLE_DOMAIN","years":1,
        "validation_methods":["DNS"]}"#;

    const MULTI: &str = r#"{"id":"gs-ov-multi","name":"GlobalSign OV multi","brand":"GLOBALSIGN",
        "cert_type":"OV_SSL_CERT","domain_type":"MULTI_DOMAIN","years":1,
        "names":{"included":2,"max":100},"wildcard_names":true,
        "validation_methods":["DNS","EMAIL"]}"#;

    /// What is wrong with the one product of `json`.
    fn refusal(json: &str) -> ProductError {
        match Catalogue::from_json(json) {
            Err(CatalogueError::Product { problem, .. }) => problem,
            other => panic!("not a product's refusal: {other:?}"),
        }
    }

    #[test]
    fn a_dv_single_domain_product_is_read() {
        let catalogue = Catalogue::from_json(&catalogue_with(DV)).expect("valid catalogue");
        let product = catalogue.find("geotrust-dv").expect("product present");
        assert_eq!(product.level, Level::Dv);
        assert_eq!(product.coverage, Coverage::Single);
        assert_eq!(product.type_code, "DV_SSL_CERT");
        assert_eq!(product.methods, vec![DcvMethod::Dns]);
        assert_eq!(product.validity, Validity::Years(1));
        assert_eq!(
            product.names,
            NameLimits {
                included: 1,
                min: 1,
                max: 1
            }
        );
    }

    #[test]
    fn a_multi_domain_product_reads_its_name_limits_and_methods() {
        let catalogue = Catalogue::from_json(&catalogue_with(MULTI)).expect("valid");
        let product = &catalogue.products[0];
        assert_eq!(product.level, Level::Ov);
        assert_eq!(product.coverage, Coverage::Multi { wildcards: true });
        assert_eq!(
            product.names,
            NameLimits {
                included: 2,
                min: 2,
                max: 100
            }
        );
        assert_eq!(product.methods, [DcvMethod::Dns, DcvMethod::Email]);
    }

    #[test]
    fn a_huawei_catalogue_offering_file_validation_is_refused_with_the_reason() {
        for method in ["FILE", "HTTP", "HTTPS"] {
            let json = catalogue_with(&MULTI.replace("\"EMAIL\"", &format!("\"{method}\"")));
            assert_eq!(refusal(&json), ProductError::HuaweiFile(method.into()));
        }
    }

    #[test]
    fn the_shipped_huawei_catalogue_never_offers_file_validation() {
        let catalogue = Catalogue::from_json(include_str!("../../../public/catalog/huawei.json"))
            .expect("valid");
        for product in &catalogue.products {
            assert!(
                product.methods.iter().all(|m| m.works_for_wildcards()),
                "{}: {:?}",
                product.id,
                product.methods
            );
        }
    }

    #[test]
    fn geotrust_ov_products_send_sha_256_as_ca_hash_algorithm_and_others_nothing() {
        let catalogue = Catalogue::from_json(include_str!("../../../public/catalog/huawei.json"))
            .expect("valid");
        let geotrust_ov: Vec<&Product> = catalogue
            .products
            .iter()
            .filter(|p| p.brand == "GEOTRUST" && p.level == Level::Ov)
            .collect();
        assert!(!geotrust_ov.is_empty(), "the catalogue sells GeoTrust OV");
        for product in &catalogue.products {
            let expected = geotrust_ov.contains(&product).then_some("SHA-256");
            assert_eq!(product.ca_hash_algorithm(), expected, "{}", product.id);
        }
    }

    #[test]
    fn the_provider_variants_of_each_level_are_read_as_that_level() {
        for (code, level) in [
            ("DV_SSL_CERT_BASIC", Level::Dv),
            ("OV_SSL_CERT_PRO", Level::Ov),
            ("EV_SSL_CERT_PRO", Level::Ev),
        ] {
            let json = catalogue_with(&DV.replace("DV_SSL_CERT", code));
            let catalogue = Catalogue::from_json(&json).expect(code);
            assert_eq!(catalogue.products[0].level, level, "{code}");
            assert_eq!(catalogue.products[0].type_code, code);
        }
    }

    #[test]
    fn every_shipped_catalogue_is_valid_and_offers_every_level_and_coverage() {
        for (json, provider) in [
            (
                include_str!("../../../public/catalog/huawei.json"),
                Provider::Huawei,
            ),
            (
                include_str!("../../../public/catalog/gogetssl.json"),
                Provider::GoGetSsl,
            ),
            (
                include_str!("../../../public/catalog/cpanel.json"),
                Provider::Cpanel,
            ),
        ] {
            let catalogue = Catalogue::from_json(json).expect("shipped catalogue parses");
            assert_eq!(catalogue.provider, provider);
            assert_offers_every_shape(&catalogue);
        }
    }

    #[test]
    fn every_cpanel_product_is_priced_by_the_name() {
        let catalogue = Catalogue::from_json(include_str!("../../../public/catalog/cpanel.json"))
            .expect("parses");
        for product in &catalogue.products {
            let unit = product.unit_price.expect("priced by the name");
            // The documented example: product 143, two names, price 6.
            if product.type_code == "143" {
                assert_eq!(unit.total(2, 0), 600);
            }
        }
    }

    #[test]
    fn a_cpanel_product_without_a_price_per_name_is_refused() {
        let json = r#"{"provider":"cpanel","products":[{"id":"a","name":"A","brand":"SECTIGO","cert_type":"143","level":"DV","domain_type":"SINGLE_DOMAIN","months":12,"validation_methods":["HTTP"]}]}"#;
        assert_eq!(refusal(json), ProductError::CpanelPrice);
    }

    #[test]
    fn a_product_covering_wildcards_needs_a_wildcard_price_when_priced_by_the_name() {
        let json = r#"{"provider":"cpanel","products":[{"id":"a","name":"A","brand":"SECTIGO","cert_type":"143","level":"DV","domain_type":"WILDCARD","months":12,"validation_methods":["DNS"],"price_per_name":"3"}]}"#;
        assert_eq!(refusal(json), ProductError::WildcardPriceMissing);
    }

    #[test]
    fn prices_are_read_to_the_cent_and_anything_else_is_refused() {
        for (raw, expected) in [
            ("3", Some(300)),
            ("3.5", Some(350)),
            ("3.05", Some(305)),
            ("120.00", Some(12_000)),
            ("3.005", None),
            ("-3", None),
            ("3,50", None),
            ("", None),
            (".5", None),
        ] {
            assert_eq!(cents(raw), expected, "{raw:?}");
        }
    }

    fn assert_offers_every_shape(catalogue: &Catalogue) {
        for level in [Level::Dv, Level::Ov, Level::Ev] {
            assert!(
                catalogue.products.iter().any(|p| p.level == level),
                "{level:?}"
            );
        }
        assert!(catalogue
            .products
            .iter()
            .any(|p| p.coverage == Coverage::Wildcard));
        assert!(catalogue.products.iter().any(|p| p.is_multi()));
    }

    #[test]
    fn an_ev_wildcard_product_is_refused() {
        let json = catalogue_with(
            &DV.replace("DV_SSL_CERT", "EV_SSL_CERT")
                .replace("SINGLE_DOMAIN", "WILDCARD"),
        );
        assert_eq!(refusal(&json), ProductError::EvWildcard);
    }

    #[test]
    fn an_ev_multi_domain_product_with_wildcard_names_is_refused() {
        let json = catalogue_with(&MULTI.replace("OV_SSL_CERT", "EV_SSL_CERT"));
        assert_eq!(refusal(&json), ProductError::EvWildcard);
    }

    #[test]
    fn a_wildcard_product_cannot_offer_file_validation() {
        let json = r#"{"provider":"gogetssl","products":[{"id":"w","name":"W","brand":"Sectigo",
            "cert_type":"72","level":"DV","domain_type":"WILDCARD","months":12,
            "validation_methods":["DNS","HTTP"]}]}"#;
        assert_eq!(refusal(json), ProductError::MethodWildcard("HTTP".into()));
    }

    #[test]
    fn a_multi_domain_product_must_state_its_name_limits() {
        let json = catalogue_with(&MULTI.replace(r#""names":{"included":2,"max":100},"#, ""));
        assert_eq!(refusal(&json), ProductError::MultiNeedsNames);
    }

    #[test]
    fn huawei_multi_domain_certificates_cover_at_most_100_names() {
        let json = catalogue_with(&MULTI.replace("\"max\":100", "\"max\":101"));
        assert_eq!(
            refusal(&json),
            ProductError::NameLimits {
                cap: Some(100),
                included: 2,
                max: 101
            }
        );
    }

    #[test]
    fn huawei_counts_validity_in_years() {
        let json = catalogue_with(&DV.replace("\"years\":1", "\"months\":12"));
        assert_eq!(refusal(&json), ProductError::HuaweiYears);
    }

    #[test]
    fn a_quantity_other_than_one_is_refused_with_the_reason() {
        let json = catalogue_with(&DV.replace("\"years\":1", "\"years\":1,\"quantity\":3"));
        assert_eq!(refusal(&json), ProductError::Quantity(3));
    }

    #[test]
    fn an_unknown_brand_is_refused() {
        let json = catalogue_with(&DV.replace("GEOTRUST", "ACME"));
        assert_eq!(
            Catalogue::from_json(&json),
            Err(CatalogueError::Product {
                id: "geotrust-dv".into(),
                problem: ProductError::UnknownBrand("ACME".into())
            })
        );
    }

    #[test]
    fn an_unknown_field_is_refused_so_typos_are_caught() {
        let json = catalogue_with(&DV.replace("\"years\"", "\"yeers\":1,\"years\""));
        assert!(matches!(
            Catalogue::from_json(&json),
            Err(CatalogueError::Shape(_))
        ));
    }

    #[test]
    fn an_unknown_provider_is_refused_with_the_value_given() {
        assert_eq!(
            Catalogue::from_json(r#"{"provider":"acme","products":[]}"#),
            Err(CatalogueError::UnknownProvider("acme".into()))
        );
    }

    #[test]
    fn a_level_that_contradicts_the_cert_type_is_refused_with_both() {
        let json = catalogue_with(&DV.replace("\"years\":1", "\"years\":1,\"level\":\"EV\""));
        assert_eq!(
            refusal(&json),
            ProductError::LevelContradicts {
                stated: Level::Ev,
                cert_type: "DV_SSL_CERT".into()
            }
        );
    }

    #[test]
    fn a_price_that_is_not_one_is_refused_with_its_key() {
        let json = r#"{"provider":"cpanel","products":[{"id":"a","name":"A","brand":"SECTIGO","cert_type":"143","level":"DV","domain_type":"SINGLE_DOMAIN","months":12,"validation_methods":["HTTP"],"price_per_name":"3,50"}]}"#;
        assert_eq!(
            refusal(json),
            ProductError::NotAPrice {
                key: "price_per_name",
                value: "3,50".into()
            }
        );
    }

    #[test]
    fn an_empty_catalogue_is_refused() {
        assert_eq!(
            Catalogue::from_json(r#"{"provider":"huawei","products":[]}"#),
            Err(CatalogueError::Empty)
        );
    }

    #[test]
    fn another_providers_catalogue_states_the_level_and_counts_months() {
        let json = r#"{"provider":"gogetssl","products":[{"id":"71","name":"PositiveSSL",
            "brand":"Sectigo","cert_type":"71","level":"DV","domain_type":"SINGLE_DOMAIN",
            "months":12,"validation_methods":["DNS","HTTP","HTTPS","EMAIL"]}]}"#;
        let catalogue = Catalogue::from_json(json).expect("valid");
        assert_eq!(catalogue.provider, Provider::GoGetSsl);
        assert_eq!(catalogue.products[0].validity.months(), 12);
        assert_eq!(catalogue.products[0].methods.len(), 4);
    }
}
