//! Why a catalogue file is refused, shown when the form cannot start.

use crate::i18n::StartTexts;
use crate::order::{CatalogueError, ProductError};

pub fn catalogue_words(error: &CatalogueError, t: &StartTexts) -> String {
    match error {
        CatalogueError::Shape(reason) => (t.catalogue_shape)(reason),
        CatalogueError::UnknownProvider(provider) => {
            (t.catalogue_shape)(&(t.catalogue_unknown_provider)(provider))
        }
        CatalogueError::Product { id, problem } => {
            (t.catalogue_product)(id, &product_words(problem, t))
        }
        CatalogueError::Empty => t.catalogue_empty.into(),
    }
}

pub fn product_words(error: &ProductError, t: &StartTexts) -> String {
    match error {
        ProductError::UnknownLevel(level) => (t.catalogue_unknown_level)(level),
        ProductError::UnknownCertType(code) => (t.catalogue_unknown_cert_type)(code),
        ProductError::LevelContradicts { stated, cert_type } => {
            (t.catalogue_level_contradicts)(&format!("{stated:?}"), cert_type)
        }
        ProductError::NoLevel => t.catalogue_no_level.into(),
        ProductError::UnknownBrand(brand) => (t.catalogue_unknown_brand)(brand),
        ProductError::UnknownDomainType(kind) => (t.catalogue_unknown_domain_type)(kind),
        ProductError::WildcardNamesMultiOnly => t.catalogue_wildcard_names_multi_only.into(),
        ProductError::EvWildcard => t.catalogue_ev_wildcard.into(),
        ProductError::YearsAndMonths => t.catalogue_years_and_months.into(),
        ProductError::NoValidity => t.catalogue_no_validity.into(),
        ProductError::ValidityRange => t.catalogue_validity_range.into(),
        ProductError::HuaweiYears => t.catalogue_huawei_years.into(),
        ProductError::Quantity(quantity) => (t.catalogue_quantity)(*quantity),
        ProductError::NotAPrice { key, value } => (t.catalogue_not_a_price)(key, value),
        ProductError::CpanelPrice => t.catalogue_cpanel_price.into(),
        ProductError::WildcardPriceAlone => t.catalogue_wildcard_price_alone.into(),
        ProductError::WildcardPriceMissing => t.catalogue_wildcard_price_missing.into(),
        ProductError::NameLimits { cap, included, max } => {
            (t.catalogue_name_limits)(*cap, *included, *max)
        }
        ProductError::MultiNeedsNames => t.catalogue_multi_needs_names.into(),
        ProductError::NamesMultiOnly => t.catalogue_names_multi_only.into(),
        ProductError::HuaweiFile(method) => (t.catalogue_huawei_file)(method),
        ProductError::UnknownMethod(method) => (t.catalogue_unknown_method)(method),
        ProductError::MethodWildcard(method) => (t.catalogue_method_wildcard)(method),
        ProductError::MethodTwice(method) => (t.catalogue_method_twice)(method),
        ProductError::NoMethod => t.catalogue_no_method.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::problems::check::in_both_languages;
    use crate::i18n::Locale;
    use crate::order::{Catalogue, Level};

    #[test]
    fn every_catalogue_refusal_has_english_and_chinese_words() {
        let problems = vec![
            ProductError::UnknownLevel("XV".into()),
            ProductError::UnknownCertType("XX_CERT".into()),
            ProductError::LevelContradicts {
                stated: Level::Ev,
                cert_type: "DV_SSL_CERT".into(),
            },
            ProductError::NoLevel,
            ProductError::UnknownBrand("ACME".into()),
            ProductError::UnknownDomainType("ALL".into()),
            ProductError::WildcardNamesMultiOnly,
            ProductError::EvWildcard,
            ProductError::YearsAndMonths,
            ProductError::NoValidity,
            ProductError::ValidityRange,
            ProductError::HuaweiYears,
            ProductError::Quantity(3),
            ProductError::NotAPrice {
                key: "price_per_name",
                value: "3,50".into(),
            },
            ProductError::CpanelPrice,
            ProductError::WildcardPriceAlone,
            ProductError::WildcardPriceMissing,
            ProductError::NameLimits {
                cap: Some(100),
                included: 2,
                max: 101,
            },
            ProductError::NameLimits {
                cap: None,
                included: 1,
                max: 5,
            },
            ProductError::MultiNeedsNames,
            ProductError::NamesMultiOnly,
            ProductError::HuaweiFile("FILE".into()),
            ProductError::UnknownMethod("FAX".into()),
            ProductError::MethodWildcard("HTTP".into()),
            ProductError::MethodTwice("DNS".into()),
            ProductError::NoMethod,
        ];
        in_both_languages(&problems, |p, t| product_words(p, t.start));
        let mut refusals: Vec<CatalogueError> = problems
            .into_iter()
            .map(|problem| CatalogueError::Product {
                id: "p".into(),
                problem,
            })
            .collect();
        refusals.extend([
            CatalogueError::Shape("expected value at line 1 column 1".into()),
            CatalogueError::UnknownProvider("acme".into()),
            CatalogueError::Empty,
        ]);
        in_both_languages(&refusals, |r, t| catalogue_words(r, t.start));
    }

    #[test]
    fn a_refusal_names_the_product_and_the_value_in_each_language() {
        let json = r#"{"provider":"huawei","products":[{"id":"geotrust-dv","name":"GeoTrust DV SSL",
            "brand":"ACME","cert_type":"DV_SSL_CERT","domain_type":"SINGLE_DOMAIN","years":1,
            "validation_methods":["DNS"]}]}"#;
        let refusal = Catalogue::from_json(json).expect_err("unknown brand");
        assert_eq!(
            catalogue_words(&refusal, Locale::En.start()),
            "Product \"geotrust-dv\": unknown brand \"ACME\""
        );
        assert_eq!(
            catalogue_words(&refusal, Locale::ZhCn.start()),
            "产品“geotrust-dv”：未知的 brand“ACME”"
        );
        assert_eq!(
            catalogue_words(&CatalogueError::Empty, Locale::ZhCn.start()),
            "产品目录中没有任何产品"
        );
    }
}
