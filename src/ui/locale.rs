//! Which language the form speaks: the one asked for (by the init message, the embedding
//! page's options or config.json), else the browser's, else English.

use crate::i18n::{self, Locale};
use leptos::prelude::*;

/// `navigator.languages`, most preferred first (`navigator.language` where that is empty).
fn browser_languages() -> Vec<String> {
    let navigator = window().navigator();
    let listed: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|tag| tag.as_string())
        .collect();
    if listed.is_empty() {
        navigator.language().into_iter().collect()
    } else {
        listed
    }
}

/// The language for `asked` (a BCP 47 tag, if any was given), falling back to the browser's.
pub fn choose(asked: Option<&str>) -> Locale {
    let browser = browser_languages();
    Locale::negotiate(asked.into_iter().chain(browser.iter().map(String::as_str)))
}

/// Makes `locale` the form's language, and says so to assistive technology and the
/// browser's spell checker: on the mounted element, or on the page the form owns.
pub fn apply(locale: Locale) {
    i18n::set(locale);
    let root = crate::embed::mounted_element()
        .map(web_sys::Element::from)
        .or_else(|| document().document_element());
    if let Some(root) = root {
        let _ = root.set_attribute("lang", locale.tag());
    }
}
