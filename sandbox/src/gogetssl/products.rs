//! The products the sandbox sells, in one table, and `GET /products/ssl/` as GoGetSSL lists them.
//! The web app's catalogue uses exactly these IDs.

use serde::Serialize;
use serde_json::{Map, Value};

use super::dcv::DcvMethod::{self, Dns, Email, Http, Https};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProductType {
    Dv,
    Ov,
    Ev,
}

impl ProductType {
    pub fn wire(self) -> &'static str {
        match self {
            Self::Dv => "DV",
            Self::Ov => "OV",
            Self::Ev => "EV",
        }
    }
}

#[derive(Debug, PartialEq, Eq)]
pub struct Product {
    pub id: u32,
    pub name: &'static str,
    pub product_type: ProductType,
    /// The primary name must be a wildcard.
    pub wildcard: bool,
    /// Takes additional names in `dns_names`.
    pub multi_domain: bool,
    /// Wildcards are allowed among the names of a multi-domain certificate.
    pub wildcard_san_enabled: bool,
    /// Names the price covers, the primary included.
    pub multidomains_included: u32,
    /// Names the certificate may hold, the primary included.
    pub multidomains_maximum: u32,
    pub methods: &'static [DcvMethod],
    /// `(months, price in euro cents)`.
    pub prices: &'static [(u32, u32)],
}

const ALL_METHODS: &[DcvMethod] = &[Email, Http, Https, Dns];
/// Wildcards cannot be validated by a file.
const WILDCARD_METHODS: &[DcvMethod] = &[Email, Dns];

/// One row per product: id, name, type, wildcard, multi-domain, wildcard SANs, names
/// included, names at most, validation methods, prices.
#[rustfmt::skip]
pub const PRODUCTS: &[Product] = &[
    product(45, "Sectigo PositiveSSL", ProductType::Dv, false, false, false, 1, 1, ALL_METHODS, &[(12, 800)]),
    product(46, "Sectigo PositiveSSL Wildcard", ProductType::Dv, true, false, false, 1, 1, WILDCARD_METHODS, &[(12, 7500)]),
    product(47, "Sectigo PositiveSSL Multi-Domain", ProductType::Dv, false, true, false, 3, 250, ALL_METHODS, &[(12, 2500)]),
    product(60, "Sectigo OV SSL", ProductType::Ov, false, false, false, 1, 1, ALL_METHODS, &[(12, 4500)]),
    product(61, "Sectigo OV Wildcard SSL", ProductType::Ov, true, false, false, 1, 1, WILDCARD_METHODS, &[(12, 16000)]),
    product(62, "Sectigo OV Multi-Domain Wildcard", ProductType::Ov, false, true, true, 3, 250, ALL_METHODS, &[(12, 19000)]),
    product(70, "Sectigo EV SSL", ProductType::Ev, false, false, false, 1, 1, ALL_METHODS, &[(12, 9500)]),
    product(71, "Sectigo EV Multi-Domain", ProductType::Ev, false, true, false, 3, 250, ALL_METHODS, &[(12, 21000)]),
];

/// Positional on purpose: it keeps the table above one row per product.
#[allow(clippy::too_many_arguments)]
const fn product(
    id: u32,
    name: &'static str,
    product_type: ProductType,
    wildcard: bool,
    multi_domain: bool,
    wildcard_san_enabled: bool,
    multidomains_included: u32,
    multidomains_maximum: u32,
    methods: &'static [DcvMethod],
    prices: &'static [(u32, u32)],
) -> Product {
    Product {
        id,
        name,
        product_type,
        wildcard,
        multi_domain,
        wildcard_san_enabled,
        multidomains_included,
        multidomains_maximum,
        methods,
        prices,
    }
}

pub fn find(id: u32) -> Option<&'static Product> {
    PRODUCTS.iter().find(|product| product.id == id)
}

/// "45, 46, 47, ...", for error messages.
pub fn ids() -> String {
    let ids: Vec<String> = PRODUCTS
        .iter()
        .map(|product| product.id.to_string())
        .collect();
    ids.join(", ")
}

impl Product {
    pub fn offers(&self, method: DcvMethod) -> bool {
        self.methods.contains(&method)
    }

    pub fn periods(&self) -> Vec<u32> {
        self.prices.iter().map(|(months, _)| *months).collect()
    }

    /// The price of `months` in euro cents, if the product is sold for that long.
    pub fn price_cents(&self, months: u32) -> Option<u32> {
        self.prices
            .iter()
            .find(|(period, _)| *period == months)
            .map(|(_, cents)| *cents)
    }

    /// Whether the primary name (the CSR's Common Name) may be a wildcard.
    pub fn allows_wildcard_primary(&self) -> bool {
        self.wildcard || (self.multi_domain && self.wildcard_san_enabled)
    }

    /// "product 45 (Sectigo PositiveSSL)", for error messages.
    pub fn label(&self) -> String {
        format!("product {} ({})", self.id, self.name)
    }
}

/// Euro cents as the number the API answers with, e.g. `8.0` for 800.
pub fn euros(cents: u32) -> f64 {
    f64::from(cents) / 100.0
}

/// One product of `GET /products/ssl/`.
#[derive(Debug, Serialize)]
struct Listed {
    id: u32,
    name: &'static str,
    brand: &'static str,
    product_type: &'static str,
    organization: bool,
    wildcard: bool,
    wildcard_san_enabled: bool,
    multidomains_included: u32,
    multidomains_maximum: u32,
    dcv_email: bool,
    dcv_dns: bool,
    dcv_http: bool,
    dcv_https: bool,
    periods: Vec<u32>,
    /// Price per period, keyed by the months as text (a JSON object's keys are strings).
    prices: Map<String, Value>,
}

/// `{"products":[..],"success":true}`.
#[derive(Debug, Serialize)]
pub struct Listing {
    products: Vec<Listed>,
    success: bool,
}

pub fn listing() -> Listing {
    let products = PRODUCTS
        .iter()
        .map(|product| Listed {
            id: product.id,
            name: product.name,
            brand: "sectigo",
            product_type: product.product_type.wire(),
            organization: product.product_type != ProductType::Dv,
            wildcard: product.wildcard,
            wildcard_san_enabled: product.wildcard_san_enabled,
            multidomains_included: product.multidomains_included,
            multidomains_maximum: product.multidomains_maximum,
            dcv_email: product.offers(Email),
            dcv_dns: product.offers(Dns),
            dcv_http: product.offers(Http),
            dcv_https: product.offers(Https),
            periods: product.periods(),
            prices: product
                .prices
                .iter()
                .map(|(months, cents)| (months.to_string(), Value::from(euros(*cents))))
                .collect(),
        })
        .collect();
    Listing {
        products,
        success: true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn ids_are_unique_and_found() {
        for product in PRODUCTS {
            assert_eq!(find(product.id), Some(product));
        }
        assert_eq!(find(1), None);
        assert_eq!(ids(), "45, 46, 47, 60, 61, 62, 70, 71");
    }

    #[test]
    fn the_table_keeps_the_documented_rules() {
        for product in PRODUCTS {
            let label = product.label();
            // No file validation for wildcards, and EV is never wildcard.
            if product.wildcard {
                assert!(!product.offers(Http) && !product.offers(Https), "{label}");
            }
            if product.product_type == ProductType::Ev {
                assert!(!product.allows_wildcard_primary(), "{label}");
            }
            if !product.multi_domain {
                assert_eq!(product.multidomains_maximum, 1, "{label}");
                assert!(!product.wildcard_san_enabled, "{label}");
            }
            assert!(product.multidomains_included <= product.multidomains_maximum);
            assert_eq!(product.periods(), [12], "{label}");
        }
    }

    #[test]
    fn a_wildcard_primary_needs_a_wildcard_product_or_wildcard_sans() {
        let allowed: Vec<u32> = PRODUCTS
            .iter()
            .filter(|product| product.allows_wildcard_primary())
            .map(|product| product.id)
            .collect();
        assert_eq!(allowed, [46, 61, 62]);
    }

    #[test]
    fn the_listing_has_every_flag_the_form_needs() {
        let listing = serde_json::to_value(listing()).unwrap();
        assert_eq!(listing["success"], true);
        let products = listing["products"].as_array().unwrap();
        assert_eq!(products.len(), PRODUCTS.len());
        let wildcard = products.iter().find(|p| p["id"] == 46).unwrap();
        assert_eq!(
            *wildcard,
            json!({
                "id": 46,
                "name": "Sectigo PositiveSSL Wildcard",
                "brand": "sectigo",
                "product_type": "DV",
                "organization": false,
                "wildcard": true,
                "wildcard_san_enabled": false,
                "multidomains_included": 1,
                "multidomains_maximum": 1,
                "dcv_email": true,
                "dcv_dns": true,
                "dcv_http": false,
                "dcv_https": false,
                "periods": [12],
                "prices": {"12": 75.0}
            })
        );
        let ev_multi = products.iter().find(|p| p["id"] == 71).unwrap();
        assert_eq!(ev_multi["organization"], true);
        assert_eq!(ev_multi["multidomains_maximum"], 250);
        assert_eq!(ev_multi["prices"]["12"], 210.0);
    }
}
