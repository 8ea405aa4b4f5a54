//! What can be ordered: products read from a provider's catalogue file (data, not code).

use serde::Deserialize;
use thiserror::Error;

/// Which provider API a product is bought through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Provider {
    Huawei,
}

/// How much the CA checks before issuing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Dv,
    Ov,
    Ev,
}

/// Which names one certificate covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Coverage {
    Single,
    Wildcard,
    Multi,
}

/// How the person proves control of a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DcvMethod {
    Dns,
    File,
    Email,
}

impl DcvMethod {
    pub fn describe(self) -> &'static str {
        match self {
            DcvMethod::Dns => "DNS record",
            DcvMethod::File => "File on the web server",
            DcvMethod::Email => "Email to an approver address",
        }
    }
}

/// One thing a person can buy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Product {
    pub id: String,
    pub name: String,
    pub description: String,
    pub provider: Provider,
    /// The CA brand as the provider spells it, e.g. `GEOTRUST`.
    pub brand: String,
    /// The provider's own product type code, e.g. Huawei's `DV_SSL_CERT_BASIC`.
    pub type_code: String,
    pub level: Level,
    pub coverage: Coverage,
    /// Validity of the subscription in years, as Huawei counts it.
    pub years: u8,
    /// Names one certificate covers in all (Huawei's `domain_numbers`): 1 unless multi-domain.
    pub domain_numbers: u8,
    /// Validation methods on offer; the first is the default.
    pub methods: Vec<DcvMethod>,
    pub price: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CatalogueError {
    #[error("The catalogue is not valid JSON of the expected shape: {0}")]
    Shape(String),
    #[error("Product \"{id}\": {problem}")]
    Product { id: String, problem: String },
    #[error("The catalogue offers no products")]
    Empty,
}

/// The products on offer, in the order the catalogue lists them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Catalogue {
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
    description: String,
    brand: String,
    cert_type: String,
    domain_type: String,
    years: u8,
    #[serde(default = "one")]
    domain_numbers: u8,
    validation_methods: Vec<String>,
    #[serde(default)]
    price: Option<String>,
}

fn one() -> u8 {
    1
}

const BRANDS: [&str; 6] = [
    "GLOBALSIGN",
    "SYMANTEC",
    "GEOTRUST",
    "CFCA",
    "TRUSTASIA",
    "VTRUS",
];

impl Catalogue {
    pub fn from_json(json: &str) -> Result<Catalogue, CatalogueError> {
        let raw: RawCatalogue =
            serde_json::from_str(json).map_err(|e| CatalogueError::Shape(e.to_string()))?;
        let provider = match raw.provider.as_str() {
            "huawei" => Provider::Huawei,
            other => {
                return Err(CatalogueError::Shape(format!(
                    "unknown provider \"{other}\" (expected \"huawei\")"
                )))
            }
        };
        let products = raw
            .products
            .into_iter()
            .map(|p| product_from_raw(p, provider))
            .collect::<Result<Vec<_>, _>>()?;
        if products.is_empty() {
            return Err(CatalogueError::Empty);
        }
        Ok(Catalogue { products })
    }

    pub fn find(&self, id: &str) -> Option<&Product> {
        self.products.iter().find(|p| p.id == id)
    }
}

fn product_from_raw(raw: RawProduct, provider: Provider) -> Result<Product, CatalogueError> {
    let fail = |problem: String| CatalogueError::Product {
        id: raw.id.clone(),
        problem,
    };
    if !BRANDS.contains(&raw.brand.as_str()) {
        return Err(fail(format!("unknown brand \"{}\"", raw.brand)));
    }
    let level = match raw.cert_type.as_str() {
        "DV_SSL_CERT" | "DV_SSL_CERT_BASIC" => Level::Dv,
        "OV_SSL_CERT" | "OV_SSL_CERT_PRO" => Level::Ov,
        "EV_SSL_CERT" | "EV_SSL_CERT_PRO" => Level::Ev,
        other => return Err(fail(format!("unknown cert_type \"{other}\""))),
    };
    let coverage = match raw.domain_type.as_str() {
        "SINGLE_DOMAIN" => Coverage::Single,
        "WILDCARD" => Coverage::Wildcard,
        "MULTI_DOMAIN" => Coverage::Multi,
        other => return Err(fail(format!("unknown domain_type \"{other}\""))),
    };
    // This version of the wizard orders single-name DV certificates only; say so rather
    // than offer a product whose questions it cannot ask yet.
    if level != Level::Dv || coverage != Coverage::Single {
        return Err(fail(format!(
            "{} {} is not offered by this version of the wizard (DV single-domain only)",
            raw.cert_type, raw.domain_type
        )));
    }
    if raw.domain_numbers != 1 {
        return Err(fail(format!(
            "a single-domain product covers 1 name, not {}",
            raw.domain_numbers
        )));
    }
    if !(1..=5).contains(&raw.years) {
        return Err(fail(format!("years must be 1 to 5, not {}", raw.years)));
    }
    let methods = raw
        .validation_methods
        .iter()
        .map(|m| match m.as_str() {
            "DNS" => Ok(DcvMethod::Dns),
            "FILE" => Ok(DcvMethod::File),
            "EMAIL" => Ok(DcvMethod::Email),
            other => Err(fail(format!("unknown validation method \"{other}\""))),
        })
        .collect::<Result<Vec<_>, _>>()?;
    if methods.is_empty() {
        return Err(fail("lists no validation method".into()));
    }
    Ok(Product {
        id: raw.id,
        name: raw.name,
        description: raw.description,
        provider,
        brand: raw.brand,
        type_code: raw.cert_type,
        level,
        coverage,
        years: raw.years,
        domain_numbers: raw.domain_numbers,
        methods,
        price: raw.price,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalogue_with(product: &str) -> String {
        format!(r#"{{"provider":"huawei","products":[{product}]}}"#)
    }

    const DV: &str = r#"{"id":"geotrust-dv","name":"GeoTrust DV SSL","brand":"GEOTRUST",
        "cert_type":"DV_SSL_CERT","domain_type":"SINGLE_DOMAIN","years":1,
        "validation_methods":["DNS"]}"#;

    #[test]
    fn a_dv_single_domain_product_is_read() {
        let catalogue = Catalogue::from_json(&catalogue_with(DV)).expect("valid catalogue");
        let product = catalogue.find("geotrust-dv").expect("product present");
        assert_eq!(product.level, Level::Dv);
        assert_eq!(product.coverage, Coverage::Single);
        assert_eq!(product.type_code, "DV_SSL_CERT");
        assert_eq!(product.methods, vec![DcvMethod::Dns]);
    }

    #[test]
    fn the_shipped_catalogue_is_valid() {
        let json = include_str!("../../public/catalog/huawei.json");
        let catalogue = Catalogue::from_json(json).expect("shipped catalogue parses");
        assert!(catalogue
            .products
            .iter()
            .any(|p| p.type_code == "DV_SSL_CERT"));
    }

    #[test]
    fn an_unknown_brand_is_refused() {
        let json = catalogue_with(&DV.replace("GEOTRUST", "ACME"));
        assert!(matches!(
            Catalogue::from_json(&json),
            Err(CatalogueError::Product { .. })
        ));
    }

    #[test]
    fn a_product_this_version_cannot_order_is_refused_with_a_reason() {
        let json = catalogue_with(&DV.replace("DV_SSL_CERT", "OV_SSL_CERT"));
        let err = Catalogue::from_json(&json).expect_err("OV refused");
        assert!(err.to_string().contains("DV single-domain only"), "{err}");
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
    fn an_empty_catalogue_is_refused() {
        assert_eq!(
            Catalogue::from_json(r#"{"provider":"huawei","products":[]}"#),
            Err(CatalogueError::Empty)
        );
    }
}
