//! The cPanel Store's SSL products the sandbox sells. The app's cPanel catalogue lists exactly
//! these, so this table is the one place to change when the catalogue changes.

use serde_json::{json, Value};

use super::identity::{IdentityField, ORGANISATION};

/// The cPanel Market provider the sandbox emulates (`provider=cPStore`).
pub const PROVIDER: &str = "cPStore";
pub const PROVIDER_DISPLAY_NAME: &str = "cPanel Store";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Validation {
    Dv,
    Ov,
    Ev,
}

impl Validation {
    /// `x_validation_type` as cPanel writes it.
    pub fn wire(self) -> &'static str {
        match self {
            Self::Dv => "dv",
            Self::Ov => "ov",
            Self::Ev => "ev",
        }
    }
}

/// `x_certificate_term`, e.g. `[1, "year"]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Term {
    pub count: u64,
    pub unit: &'static str,
}

impl Term {
    pub fn json(self) -> Value {
        json!([self.count, self.unit])
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Product {
    pub id: &'static str,
    pub display_name: &'static str,
    pub validation: Validation,
    pub term: Term,
    /// Prices in US cents, so that sums are exact.
    pub cents_per_domain: u64,
    /// `None`: the product cannot hold wildcard names.
    pub cents_per_wildcard: Option<u64>,
    pub max_names: usize,
    pub supports_dns_dcv: bool,
    /// The `identity_verification` fields; empty for DV.
    pub identity: &'static [IdentityField],
}

const ONE_YEAR: Term = Term {
    count: 1,
    unit: "year",
};

pub const PRODUCTS: [Product; 3] = [
    Product {
        id: "143",
        display_name: "Sectigo Domain Validated SSL",
        validation: Validation::Dv,
        term: ONE_YEAR,
        cents_per_domain: 300,
        cents_per_wildcard: Some(5_000),
        max_names: 100,
        supports_dns_dcv: true,
        identity: &[],
    },
    Product {
        id: "144",
        display_name: "Sectigo Organization Validated SSL",
        validation: Validation::Ov,
        term: ONE_YEAR,
        cents_per_domain: 4_000,
        cents_per_wildcard: Some(15_000),
        max_names: 100,
        supports_dns_dcv: true,
        identity: &ORGANISATION,
    },
    Product {
        id: "145",
        display_name: "Sectigo Extended Validation SSL",
        validation: Validation::Ev,
        term: ONE_YEAR,
        cents_per_domain: 12_000,
        // The Baseline Requirements forbid wildcard names in EV certificates.
        cents_per_wildcard: None,
        max_names: 100,
        supports_dns_dcv: true,
        identity: &ORGANISATION,
    },
];

/// `provider` must name the cPanel Store, the one provider the sandbox has.
pub fn check_provider(name: &str) -> Result<(), String> {
    if name == PROVIDER {
        Ok(())
    } else {
        Err(format!(
            "provider: the system could not find a cPanel Market provider named “{name}”; the sandbox has {PROVIDER}"
        ))
    }
}

pub fn find(id: &str) -> Option<&'static Product> {
    PRODUCTS.iter().find(|product| product.id == id)
}

/// "143, 144 and 145", for error messages.
pub fn listing() -> String {
    let ids: Vec<&str> = PRODUCTS.iter().map(|product| product.id).collect();
    match ids.split_last() {
        Some((last, [])) => (*last).to_string(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        None => String::new(),
    }
}

impl Product {
    pub fn allows_wildcards(&self) -> bool {
        self.cents_per_wildcard.is_some()
    }

    /// `product 143 (Sectigo Domain Validated SSL)`, for error messages.
    pub fn describe(&self) -> String {
        format!("product {} ({})", self.id, self.display_name)
    }

    /// The price of `exact` plain names and `wildcards` wildcard names, in cents; `None`
    /// when there are wildcards and the product takes none.
    pub fn price_cents(&self, exact: usize, wildcards: usize) -> Option<u64> {
        let wildcard_total = match (wildcards, self.cents_per_wildcard) {
            (0, _) => 0,
            (n, Some(each)) => count(n) * each,
            (_, None) => return None,
        };
        Some(count(exact) * self.cents_per_domain + wildcard_total)
    }

    /// One entry of `get_all_products`: the documented `x_*` attributes, plus the
    /// provider fields cPanel adds to every product. A product without wildcards has no
    /// `x_price_per_wildcard_domain` at all: cPanel's wizard reads a `null` there as 0
    /// and would offer wildcards.
    pub fn catalogue_entry(&self) -> Value {
        let mut entry = json!({
            "product_id": self.id,
            "display_name": self.display_name,
            "product_group": "ssl_certificate",
            "provider_name": PROVIDER,
            "provider_display_name": PROVIDER_DISPLAY_NAME,
            "enabled": 1,
            "price_unit": "USD",
            "x_validation_type": self.validation.wire(),
            "x_certificate_term": self.term.json(),
            "x_price_per_domain": dollars(self.cents_per_domain),
            "x_supports_dns_dcv": u8::from(self.supports_dns_dcv),
            "x_max_names": self.max_names,
            "x_identity_verification": identity_listing(self.identity),
        });
        if let (Some(cents), Some(map)) = (self.cents_per_wildcard, entry.as_object_mut()) {
            map.insert("x_price_per_wildcard_domain".into(), dollars(cents));
        }
        entry
    }
}

fn identity_listing(fields: &[IdentityField]) -> Value {
    if fields.is_empty() {
        return Value::Null;
    }
    fields.iter().map(IdentityField::catalogue_entry).collect()
}

/// A price as a JSON number of dollars: `3` or `3.5`.
pub fn dollars(cents: u64) -> Value {
    if cents.is_multiple_of(100) {
        json!(cents / 100)
    } else {
        // Every cent amount the sandbox deals with is far below 2^53, so exact as an f64.
        json!(cents as f64 / 100.0)
    }
}

/// `$6.00`, for messages and the checkout page.
pub fn format_dollars(cents: u64) -> String {
    format!("${}.{:02}", cents / 100, cents % 100)
}

fn count(n: usize) -> u64 {
    u64::try_from(n).unwrap_or(u64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn products_are_found_by_their_string_id_only() {
        assert_eq!(find("143").map(|p| p.validation), Some(Validation::Dv));
        assert_eq!(find("145").map(|p| p.validation), Some(Validation::Ev));
        assert!(find("146").is_none());
        assert!(find(" 143").is_none());
        assert_eq!(listing(), "143, 144 and 145");
    }

    #[test]
    fn the_price_is_per_exact_name_plus_per_wildcard_name() {
        let dv = find("143").unwrap();
        assert_eq!(dv.price_cents(2, 0), Some(600));
        assert_eq!(dv.price_cents(1, 1), Some(5_300));
        let ev = find("145").unwrap();
        assert_eq!(ev.price_cents(3, 0), Some(36_000));
        assert_eq!(ev.price_cents(1, 1), None);
    }

    #[test]
    fn catalogue_entries_carry_the_documented_attributes() {
        let dv = find("143").unwrap().catalogue_entry();
        assert_eq!(dv["x_validation_type"], "dv");
        assert_eq!(dv["x_certificate_term"], json!([1, "year"]));
        assert_eq!(dv["x_price_per_domain"], json!(3));
        assert_eq!(dv["x_price_per_wildcard_domain"], json!(50));
        assert_eq!(dv["x_supports_dns_dcv"], json!(1));
        assert!(dv["x_identity_verification"].is_null());
        let ev = find("145").unwrap().catalogue_entry();
        assert!(ev.get("x_price_per_wildcard_domain").is_none());
        assert_eq!(ev["x_identity_verification"][0]["name"], "countryName");
    }

    #[test]
    fn dollars_are_whole_when_they_can_be() {
        assert_eq!(dollars(600), json!(6));
        assert_eq!(dollars(350), json!(3.5));
        assert_eq!(format_dollars(5), "$0.05");
        assert_eq!(format_dollars(15_000), "$150.00");
    }
}
