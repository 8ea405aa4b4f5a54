//! Every word the form shows, in one catalogue per language. The core holds no words: its
//! errors are data, and `labels` and `problems/` put them into words here, one exhaustive
//! function per type.
//!
//! `texts/` says what each text is for, as the fields of [`Texts`]; `en/` and `zh_cn/` give
//! them in English and in Simplified Chinese. A catalogue that leaves a text out does not
//! compile. A text with parts to fill in is a function, so each language orders the parts
//! its own way. To add a language: copy `en/`, translate it, add a [`Locale`].

mod en;
pub mod labels;
pub mod problems;
mod start_module;
pub mod texts;
mod zh_cn;

pub use start_module::{have_every_language, load_start};
use std::cell::Cell;
pub use texts::{StartTexts, Texts};

/// A language the form is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Locale {
    #[default]
    En,
    /// Simplified Chinese, for Huawei Cloud's home market.
    ZhCn,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::En, Locale::ZhCn];

    /// The BCP 47 tag, for `lang` attributes and `Intl`.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::ZhCn => "zh-CN",
        }
    }

    /// The catalogue for a BCP 47 tag, matched by language: "en-GB" reads English, and
    /// "zh", "zh-Hans-CN", "zh-SG" (and, as the nearest there is, "zh-TW") read Simplified
    /// Chinese. None for a language without a catalogue.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let language = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match language.as_str() {
            "en" => Some(Locale::En),
            "zh" => Some(Locale::ZhCn),
            _ => None,
        }
    }

    /// The first of `wanted` (most wanted first) that has a catalogue, else English.
    pub fn negotiate<'a>(wanted: impl IntoIterator<Item = &'a str>) -> Locale {
        wanted
            .into_iter()
            .find_map(Locale::from_tag)
            .unwrap_or_default()
    }

    /// What the first step needs, without reaching the rest of the catalogue. In the split
    /// build Chinese is a module of its own: English until [`load_start`] has fetched it.
    pub fn start(self) -> &'static StartTexts {
        match self {
            Locale::En => &en::start::START,
            Locale::ZhCn => start_module::zh_cn().unwrap_or(&en::start::START),
        }
    }

    pub fn texts(self) -> &'static Texts {
        match self {
            Locale::En => &en::EN,
            Locale::ZhCn => &zh_cn::ZH_CN,
        }
    }
}

thread_local! {
    // One form per page, in one language at a time: the components read it, so the words
    // need no locale passed through every view. The core never reads it.
    static CURRENT: Cell<Locale> = const { Cell::new(Locale::En) };
}

/// Makes `locale` the language of every text from now on (the UI re-renders on its own
/// signal; see `ui::state::WizardState::set_locale`).
pub fn set(locale: Locale) {
    CURRENT.with(|current| current.set(locale));
}

pub fn current() -> Locale {
    CURRENT.with(Cell::get)
}

/// The first step's texts in the current language (the first module reads only these).
pub fn s() -> &'static StartTexts {
    current().start()
}

/// The texts of the current language.
pub fn t() -> &'static Texts {
    current().texts()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tag_is_matched_by_its_language() {
        assert_eq!(Locale::from_tag("en-GB"), Some(Locale::En));
        assert_eq!(Locale::from_tag("zh"), Some(Locale::ZhCn));
        assert_eq!(Locale::from_tag("zh-Hans-CN"), Some(Locale::ZhCn));
        assert_eq!(Locale::from_tag("ZH_cn"), Some(Locale::ZhCn));
        assert_eq!(Locale::from_tag("fr-FR"), None);
        assert_eq!(Locale::from_tag(""), None);
    }

    #[test]
    fn the_first_language_with_a_catalogue_wins_else_english() {
        assert_eq!(Locale::negotiate(["fr", "zh-CN", "en"]), Locale::ZhCn);
        assert_eq!(Locale::negotiate(["de", "ja"]), Locale::En);
        assert_eq!(Locale::negotiate([]), Locale::En);
    }

    #[test]
    fn each_language_has_its_own_words() {
        let (en, zh) = (Locale::En.texts(), Locale::ZhCn.texts());
        assert_ne!(en.start.continue_button, zh.start.continue_button);
        set(Locale::ZhCn);
        assert_eq!(t().start.continue_button, zh.start.continue_button);
        set(Locale::En);
        assert_eq!(t().start.continue_button, en.start.continue_button);
    }
}
