//! A text from outside the form (a catalogue's product description) given in one language,
//! or in several by language tag. Data, not words of the form: the app asks for the text
//! in the language it speaks.

use serde::de::{MapAccess, Visitor};
use serde::Deserialize;

/// `"text"`, or `{"en": "text", "zh-CN": "文本"}`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LocalText {
    /// The plain text, or the English one, or the first given.
    fallback: String,
    /// By language (a tag's first subtag, lower case: "zh" for "zh-Hans-CN").
    translations: Vec<(String, String)>,
}

/// The language of a BCP 47 tag: "en" for "en-GB", "zh" for "zh_CN".
fn language(tag: &str) -> String {
    tag.trim()
        .split(['-', '_'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase()
}

impl LocalText {
    /// The text in the language of `tag` (a BCP 47 tag, matched by language), else the
    /// fallback.
    pub fn get(&self, tag: &str) -> &str {
        let wanted = language(tag);
        self.translations
            .iter()
            .find(|(language, _)| *language == wanted)
            .map_or(self.fallback.as_str(), |(_, text)| text.as_str())
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

/// Reads either form. Written out rather than derived as an untagged enum: that would buffer
/// the value first, and its code is in the app's first module (the catalogue is read at start).
struct LocalTextVisitor;

impl<'de> Visitor<'de> for LocalTextVisitor {
    type Value = LocalText;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a text, or texts by language tag")
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<LocalText, E> {
        Ok(LocalText::from(text))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<LocalText, A::Error> {
        // Every language is kept, spoken by the form or not: a catalogue may be ahead of the
        // form. A language given twice keeps its last text, as a JSON object would.
        let mut translations: Vec<(String, String)> = Vec::new();
        let mut first = None;
        while let Some((tag, text)) = map.next_entry::<String, String>()? {
            first.get_or_insert_with(|| text.clone());
            let language = language(&tag);
            match translations
                .iter_mut()
                .find(|(known, _)| *known == language)
            {
                Some(entry) => entry.1 = text,
                None => translations.push((language, text)),
            }
        }
        let fallback = translations
            .iter()
            .find(|(language, _)| language == "en")
            .map(|(_, text)| text.clone())
            .or(first)
            .unwrap_or_default();
        Ok(LocalText {
            fallback,
            translations,
        })
    }
}

impl<'de> Deserialize<'de> for LocalText {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(LocalTextVisitor)
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
        assert_eq!(text.get("zh-CN"), "For shops.");
        assert_eq!(text.get("en"), "For shops.");
    }

    #[test]
    fn a_text_by_language_gives_each_its_own_and_english_where_one_is_missing() {
        let text = read(r#"{"en": "For shops.", "zh-CN": "适用于网店。"}"#);
        assert_eq!(text.get("zh-CN"), "适用于网店。");
        assert_eq!(text.get("en"), "For shops.");
        let english_only = read(r#"{"en": "For shops.", "fr": "Pour les boutiques."}"#);
        assert_eq!(english_only.get("zh-CN"), "For shops.");
        assert_eq!(
            read(r#"{"fr": "Pour les boutiques."}"#).get("en"),
            "Pour les boutiques."
        );
    }

    #[test]
    fn a_text_is_found_by_its_language_whatever_the_region_or_script() {
        let text = read(r#"{"en-GB": "For shops.", "zh-Hans-CN": "适用于网店。"}"#);
        assert_eq!(text.get("zh-CN"), "适用于网店。");
        assert_eq!(text.get("ZH_cn"), "适用于网店。");
        assert_eq!(text.get("en"), "For shops.");
        assert_eq!(text.get("fr"), "For shops.");
    }

    #[test]
    fn anything_else_is_refused() {
        assert!(serde_json::from_str::<LocalText>("3").is_err());
        assert!(serde_json::from_str::<LocalText>(r#"{"en": 3}"#).is_err());
        assert!(serde_json::from_str::<LocalText>(r#"["For shops."]"#).is_err());
    }

    #[test]
    fn without_english_the_first_text_given_stands_in_and_a_repeated_language_keeps_its_last() {
        let text = read(r#"{"zh-CN": "适用于网店。", "fr": "Pour les boutiques."}"#);
        assert_eq!(text.get("en"), "适用于网店。");
        let repeated = read(r#"{"en": "Old.", "en-GB": "For shops."}"#);
        assert_eq!(repeated.get("en"), "For shops.");
    }
}
