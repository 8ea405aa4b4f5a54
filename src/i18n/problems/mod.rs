//! The core's errors and findings put into words: one exhaustive function per error type, so a
//! new variant does not compile without its words in every language.

pub mod config;
pub mod csr;
pub mod provider;
pub mod submission;

mod catalogue;
mod fields;
mod methods;
mod names;
mod people;

pub use catalogue::{catalogue_words, product_words};
pub use fields::field_problem_words;
pub use methods::method_words;
pub use names::{name_words, note_words};
pub use people::{contact_words, country_words, org_words};

/// Test helpers: every sample's words in both languages.
#[cfg(test)]
pub(crate) mod check {
    use crate::i18n::{Locale, Texts};

    pub fn en() -> &'static Texts {
        Locale::En.texts()
    }

    pub fn zh() -> &'static Texts {
        Locale::ZhCn.texts()
    }

    /// Each sample's words are non-empty in English and in Chinese, and not the same in both
    /// (a missing translation would read the same).
    pub fn in_both_languages<T: std::fmt::Debug>(
        samples: &[T],
        words: impl Fn(&T, &Texts) -> String,
    ) {
        for sample in samples {
            let en = words(sample, Locale::En.texts());
            let zh = words(sample, Locale::ZhCn.texts());
            assert!(!en.trim().is_empty(), "{sample:?} has no English words");
            assert!(!zh.trim().is_empty(), "{sample:?} has no Chinese words");
            assert_ne!(en, zh, "{sample:?}");
        }
    }
}
