//! Countries named in the form's language, for the drop-down and for showing a choice back.
//!
//! `order::COUNTRIES` holds the English names. In another language the browser's
//! `Intl.DisplayNames` names each region and `String.prototype.localeCompare` sorts them as
//! that language does (tested in `tests/browser.rs`). Natively, or in a browser without
//! `Intl.DisplayNames`, the English name is shown.

use crate::i18n::{self, Locale};
use crate::order::{Country, COUNTRIES};

/// The name of `country` in the current language, to show to the person ordering.
pub fn country_name(country: Country) -> String {
    let locale = i18n::current();
    if locale == Locale::En {
        return country.name().to_owned();
    }
    intl::RegionNames::new(locale.tag())
        .and_then(|names| names.of(country.as_str()))
        .unwrap_or_else(|| country.name().to_owned())
}

/// The name, in the current language, of the country whose ISO code is `code` (in any case,
/// as the draft holds it); None for an empty or unknown code. For the review page.
pub fn country_name_for_code(code: &str) -> Option<String> {
    Country::parse(code).ok().map(country_name)
}

/// Every country as (ISO code, name in the current language), in that language's order.
pub fn countries_in_current_language() -> Vec<(&'static str, String)> {
    let locale = i18n::current();
    // The table is already in English order, with names chosen for English readers.
    let english = || {
        COUNTRIES
            .iter()
            .map(|(code, name)| (*code, (*name).to_owned()))
            .collect::<Vec<_>>()
    };
    if locale == Locale::En {
        return english();
    }
    let Some(names) = intl::RegionNames::new(locale.tag()) else {
        return english();
    };
    let mut countries: Vec<(&'static str, String)> = COUNTRIES
        .iter()
        .map(|(code, name)| (*code, names.of(code).unwrap_or_else(|| (*name).to_owned())))
        .collect();
    intl::sort_by_name(&mut countries, locale.tag());
    countries
}

#[cfg(target_arch = "wasm32")]
mod intl {
    use js_sys::{Array, Function, JsString, Object, Reflect};
    use wasm_bindgen::{JsCast, JsValue};

    /// An `Intl.DisplayNames` for regions, in one language.
    pub struct RegionNames {
        names: JsValue,
        of: Function,
    }

    impl RegionNames {
        /// None where the browser has no `Intl.DisplayNames` (or refuses the tag).
        pub fn new(tag: &str) -> Option<RegionNames> {
            let intl = Reflect::get(&js_sys::global(), &JsValue::from_str("Intl"))
                .ok()
                .filter(JsValue::is_object)?;
            let constructor = Reflect::get(&intl, &JsValue::from_str("DisplayNames"))
                .ok()?
                .dyn_into::<Function>()
                .ok()?;
            let options = Object::new();
            Reflect::set(&options, &"type".into(), &"region".into()).ok()?;
            // Undefined rather than the code itself for a region it cannot name.
            Reflect::set(&options, &"fallback".into(), &"none".into()).ok()?;
            let locales = Array::of1(&JsValue::from_str(tag));
            let names = Reflect::construct(&constructor, &Array::of2(&locales, &options)).ok()?;
            let of = Reflect::get(&names, &JsValue::from_str("of"))
                .ok()?
                .dyn_into::<Function>()
                .ok()?;
            Some(RegionNames { names, of })
        }

        /// The region's name, None where the browser does not know it.
        pub fn of(&self, code: &str) -> Option<String> {
            self.of
                .call1(&self.names, &JsValue::from_str(code))
                .ok()?
                .as_string()
                .filter(|name| !name.trim().is_empty())
        }
    }

    /// Sorts by name as the language of `tag` does (pinyin order for Chinese).
    pub fn sort_by_name(countries: &mut [(&'static str, String)], tag: &str) {
        let locales = Array::of1(&JsValue::from_str(tag));
        let options = Object::new();
        let mut keyed: Vec<(JsString, (&'static str, String))> = countries
            .iter()
            .map(|country| (JsString::from(country.1.as_str()), country.clone()))
            .collect();
        keyed.sort_by(|(a, _), (_, (_, b))| a.locale_compare(b, &locales, &options).cmp(&0));
        for (slot, (_, country)) in countries.iter_mut().zip(keyed) {
            *slot = country;
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod intl {
    /// Natively there is no `Intl`: the English names are used.
    pub struct RegionNames;

    impl RegionNames {
        pub fn new(_tag: &str) -> Option<RegionNames> {
            None
        }

        pub fn of(&self, _code: &str) -> Option<String> {
            None
        }
    }

    pub fn sort_by_name(_countries: &mut [(&'static str, String)], _tag: &str) {}
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_names_come_from_the_table_in_its_order() {
        let countries = countries_in_current_language();
        assert_eq!(countries.len(), COUNTRIES.len());
        assert_eq!(countries[0], ("AF", "Afghanistan".to_owned()));
        assert_eq!(
            country_name_for_code("gb").as_deref(),
            Some("United Kingdom")
        );
        assert_eq!(country_name_for_code(""), None);
    }
}
