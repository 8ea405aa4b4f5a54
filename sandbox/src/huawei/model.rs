//! What the buy and apply calls carry once validated.

/// An enumeration sent as one of a fixed set of upper-case strings.
pub trait WireEnum: Copy + PartialEq + 'static {
    const VARIANTS: &'static [(&'static str, Self)];

    /// Exact match only: the API's values are case-sensitive.
    fn from_wire(s: &str) -> Option<Self> {
        Self::VARIANTS
            .iter()
            .find(|(wire, _)| *wire == s)
            .map(|(_, value)| *value)
    }

    fn wire(self) -> &'static str {
        Self::VARIANTS
            .iter()
            .find(|(_, value)| *value == self)
            .map_or("", |(wire, _)| wire)
    }

    /// "A, B or C", for error messages.
    fn listing() -> String {
        let names: Vec<&str> = Self::VARIANTS.iter().map(|(wire, _)| *wire).collect();
        match names.split_last() {
            Some((last, [])) => (*last).to_string(),
            Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
            None => String::new(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Brand {
    GlobalSign,
    Symantec,
    GeoTrust,
    Cfca,
    TrustAsia,
    Vtrus,
}

impl WireEnum for Brand {
    const VARIANTS: &'static [(&'static str, Self)] = &[
        ("GLOBALSIGN", Self::GlobalSign),
        ("SYMANTEC", Self::Symantec),
        ("GEOTRUST", Self::GeoTrust),
        ("CFCA", Self::Cfca),
        ("TRUSTASIA", Self::TrustAsia),
        ("VTRUS", Self::Vtrus),
    ];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CertType {
    Dv,
    DvBasic,
    Ov,
    OvPro,
    Ev,
    EvPro,
}

impl WireEnum for CertType {
    const VARIANTS: &'static [(&'static str, Self)] = &[
        ("DV_SSL_CERT", Self::Dv),
        ("DV_SSL_CERT_BASIC", Self::DvBasic),
        ("OV_SSL_CERT", Self::Ov),
        ("OV_SSL_CERT_PRO", Self::OvPro),
        ("EV_SSL_CERT", Self::Ev),
        ("EV_SSL_CERT_PRO", Self::EvPro),
    ];
}

impl CertType {
    pub fn is_dv(self) -> bool {
        matches!(self, Self::Dv | Self::DvBasic)
    }

    pub fn is_ov(self) -> bool {
        matches!(self, Self::Ov | Self::OvPro)
    }

    pub fn is_ev(self) -> bool {
        matches!(self, Self::Ev | Self::EvPro)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DomainType {
    Single,
    Wildcard,
    Multi,
}

impl WireEnum for DomainType {
    const VARIANTS: &'static [(&'static str, Self)] = &[
        ("SINGLE_DOMAIN", Self::Single),
        ("WILDCARD", Self::Wildcard),
        ("MULTI_DOMAIN", Self::Multi),
    ];
}

/// The kind of the primary name of a multi-domain certificate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PrimaryDomainType {
    Single,
    Wildcard,
}

impl WireEnum for PrimaryDomainType {
    const VARIANTS: &'static [(&'static str, Self)] = &[
        ("SINGLE_DOMAIN", Self::Single),
        ("WILDCARD_DOMAIN", Self::Wildcard),
    ];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DomainMethod {
    Dns,
    File,
    Email,
}

impl WireEnum for DomainMethod {
    const VARIANTS: &'static [(&'static str, Self)] = &[
        ("DNS", Self::Dns),
        ("FILE", Self::File),
        ("EMAIL", Self::Email),
    ];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaHashAlgorithm {
    Default,
    Sha256,
}

impl WireEnum for CaHashAlgorithm {
    const VARIANTS: &'static [(&'static str, Self)] =
        &[("DEFAULT", Self::Default), ("SHA-256", Self::Sha256)];
}

/// The key pair Huawei makes when no CSR is sent (the values its SCM documents for the key
/// pairs it makes; `RSA_2048` is the default).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyAlgorithm {
    Rsa2048,
    Rsa3072,
    Rsa4096,
    EcP256,
    EcP384,
    Sm2,
}

impl WireEnum for KeyAlgorithm {
    const VARIANTS: &'static [(&'static str, Self)] = &[
        ("RSA_2048", Self::Rsa2048),
        ("RSA_3072", Self::Rsa3072),
        ("RSA_4096", Self::Rsa4096),
        ("EC_P256", Self::EcP256),
        ("EC_P384", Self::EcP384),
        ("SM2", Self::Sm2),
    ];
}

/// What one bought certificate is: fixed at buy time, checked again at apply time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Product {
    pub brand: Brand,
    pub cert_type: CertType,
    pub domain_type: DomainType,
    /// Validity in years, as `effective_time`.
    pub years: u32,
    /// How many names the certificate holds, the primary included.
    pub domain_numbers: u32,
    pub primary_domain_type: Option<PrimaryDomainType>,
    pub single_domain_number: Option<u32>,
    pub wildcard_domain_number: Option<u32>,
    pub enterprise_project_id: Option<String>,
}

/// A validated buy request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuyOrder {
    pub product: Product,
    /// How many identical certificates to buy.
    pub order_number: u32,
}

/// A validated apply request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Application {
    pub domain: String,
    /// The additional names, in the order sent.
    pub sans: Vec<String>,
    /// Empty when Huawei makes the key pair (`key_algorithm`).
    pub csr: String,
    pub company_name: Option<String>,
    pub company_unit: Option<String>,
    pub company_province: Option<String>,
    pub company_city: Option<String>,
    pub country: Option<String>,
    pub applicant_name: String,
    pub applicant_phone: String,
    pub applicant_email: String,
    pub contact_name: Option<String>,
    pub contact_phone: Option<String>,
    pub contact_email: Option<String>,
    pub auto_dns_auth: bool,
    pub domain_method: DomainMethod,
    pub key_algorithm: KeyAlgorithm,
    pub ca_hash_algorithm: CaHashAlgorithm,
}

impl Application {
    /// The primary name followed by the additional ones.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.domain.as_str()).chain(self.sans.iter().map(String::as_str))
    }
}
