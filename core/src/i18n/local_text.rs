//! A text from outside the form (a catalogue's product description) given in one language,
//! or in several by language tag.

use super::Locale;
use serde::Deserialize;

/// `"text"`, or `{"en": "text", "zh-CN": "文本"}`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LocalText {
    /// The plain text, or the English one, or the first given.
    fallback: String,
    translations: Vec<(Locale, String)>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Raw {
    Plain(String),
    ByLanguage(std::collections::BTreeMap<String, String>),
}

impl LocalText {
    /// The text in `locale`, else the fallback.
    pub fn get(&self, locale: Locale) -> &str {
        self.translations
            .iter()
            .find(|(l, _)| *l == locale)
            .map_or(self.fallback.as_str(), |(_, text)| text.as_str())
    }

    /// The text in the form's current language.
    pub fn current(&self) -> &str {
        self.get(super::current())
    }
}

impl From<&str> for LocalText {
    fn from(text: &str) -> LocalText {
        LocalText {
            fallback: text.to_string(),
            translations: Vec::new(),
        }
    }
}

impl<'de> Deserialize<'de> for LocalText {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match Raw::deserialize(deserializer)? {
            Raw::Plain(text) => Ok(LocalText::from(text.as_str())),
            Raw::ByLanguage(map) => {
                // Tags of languages the form does not speak are kept out, not refused: a
                // catalogue may be ahead of the form.
                let translations: Vec<(Locale, String)> = map
                    .iter()
                    .filter_map(|(tag, text)| Some((Locale::from_tag(tag)?, text.clone())))
                    .collect();
                let fallback = translations
                    .iter()
                    .find(|(l, _)| *l == Locale::En)
                    .map(|(_, text)| text.clone())
                    .or_else(|| map.values().next().cloned())
                    .unwrap_or_default();
                Ok(LocalText {
                    fallback,
                    translations,
                })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(json: &str) -> LocalText {
        serde_json::from_str(json).expect("a text")
    }

    #[test]
    fn a_plain_text_is_the_same_in_every_language() {
        let text = read(r#""For shops.""#);
        assert_eq!(text.get(Locale::ZhCn), "For shops.");
        assert_eq!(text.get(Locale::En), "For shops.");
    }

    #[test]
    fn a_text_by_language_gives_each_its_own_and_english_where_one_is_missing() {
        let text = read(r#"{"en": "For shops.", "zh-CN": "适用于网店。"}"#);
        assert_eq!(text.get(Locale::ZhCn), "适用于网店。");
        assert_eq!(text.get(Locale::En), "For shops.");
        let english_only = read(r#"{"en": "For shops.", "fr": "Pour les boutiques."}"#);
        assert_eq!(english_only.get(Locale::ZhCn), "For shops.");
        assert_eq!(
            read(r#"{"fr": "Pour les boutiques."}"#).get(Locale::En),
            "Pour les boutiques."
        );
    }

    #[test]
    fn anything_else_is_refused() {
        assert!(serde_json::from_str::<LocalText>("3").is_err());
        assert!(serde_json::from_str::<LocalText>(r#"{"en": 3}"#).is_err());
    }
}
