//! Why a typed name is refused, and what was tidied away from what was typed.

use crate::i18n::Texts;
use crate::order::{NameError, NameNote};

pub fn name_words(error: &NameError, texts: &Texts) -> String {
    let t = &texts.domains;
    match error {
        NameError::Empty => t.name_empty.into(),
        NameError::TooLong(len) => (t.name_too_long)(*len),
        NameError::SingleLabel(name) => (t.name_single_label)(name),
        NameError::TrailingDot => t.name_trailing_dot.into(),
        NameError::EmptyLabel => t.name_empty_label.into(),
        NameError::LabelTooLong(label) => (t.name_label_too_long)(label),
        NameError::HyphenAtEdge(label) => (t.name_hyphen_at_edge)(label),
        NameError::Underscore => t.name_underscore.into(),
        NameError::BadCharacter(c) => (t.name_bad_character)(*c),
        NameError::NotAscii => t.name_not_ascii.into(),
        NameError::BadTopLevel(tld) => (t.name_bad_top_level)(tld),
        NameError::WildcardNotAllowed => t.name_wildcard_not_allowed.into(),
        NameError::IpAddress => t.name_ip_address.into(),
        NameError::WildcardShape => t.name_wildcard_shape.into(),
        NameError::WildcardRequired => t.name_wildcard_required.into(),
        NameError::WildcardOnPublicSuffix(suffix) => (t.name_wildcard_on_public_suffix)(suffix),
        NameError::BadIdn(name) => (t.name_bad_idn)(name),
        NameError::BadPunycode(name) => (t.name_bad_punycode)(name),
        NameError::ReservedLabel(label) => (t.name_reserved_label)(label),
    }
}

pub fn note_words(note: &NameNote, texts: &Texts) -> String {
    let t = &texts.domains;
    match note {
        NameNote::Removed(parts) => {
            let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
            (t.removed_from_input)(&parts)
        }
        NameNote::PrimaryNotRepeated(primary) => (t.primary_not_repeated)(primary),
        NameNote::RepeatedRemoved(names) => (t.repeated_removed)(names),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::problems::check::in_both_languages;
    use crate::i18n::Locale;
    use crate::order::{clean_input, parse_name_list, DomainName, Rules};

    fn every_name_error() -> Vec<NameError> {
        vec![
            NameError::Empty,
            NameError::TooLong(254),
            NameError::SingleLabel("localhost".into()),
            NameError::TrailingDot,
            NameError::EmptyLabel,
            NameError::LabelTooLong("a".repeat(64)),
            NameError::HyphenAtEdge("-www".into()),
            NameError::Underscore,
            NameError::BadCharacter(' '),
            NameError::NotAscii,
            NameError::BadTopLevel("notatld".into()),
            NameError::WildcardNotAllowed,
            NameError::IpAddress,
            NameError::WildcardShape,
            NameError::WildcardRequired,
            NameError::WildcardOnPublicSuffix("co.uk".into()),
            NameError::BadIdn("b☃d.example".into()),
            NameError::BadPunycode("xn--a.example.com".into()),
            NameError::ReservedLabel("ab--cd".into()),
        ]
    }

    #[test]
    fn every_name_error_and_note_has_english_and_chinese_words() {
        in_both_languages(&every_name_error(), name_words);
        in_both_languages(
            &[
                NameNote::Removed(vec!["https://".into()]),
                NameNote::PrimaryNotRepeated("www.example.com".into()),
                NameNote::RepeatedRemoved(vec!["a.example.com".into()]),
            ],
            note_words,
        );
    }

    #[test]
    fn the_words_fill_in_what_was_typed_in_each_language() {
        let (en, zh) = (Locale::En.texts(), Locale::ZhCn.texts());
        let underscore = DomainName::parse("my_host.example.com").expect_err("underscore");
        assert_eq!(
            name_words(&underscore, zh),
            "证书中的域名不能包含下划线：请删除“_”"
        );
        assert_eq!(
            name_words(&NameError::TooLong(254), en),
            "The domain name is 254 characters long; a name can have at most 253"
        );
        let cleaned = clean_input("  https://WWW.Example.com:8443/shop?x=1 ");
        let note = cleaned.note.expect("a note");
        assert_eq!(
            note_words(&note, en),
            "We removed \"https://\", \"/shop?x=1\", \":8443\" from what was entered: \
             a certificate names hosts only."
        );
        let note = clean_input("https://www.example.com/shop")
            .note
            .expect("a note");
        assert_eq!(
            note_words(&note, zh),
            "已从输入内容中删除“https://”、“/shop”：证书中只包含主机名。"
        );
        let list = parse_name_list(
            "www.example.com a.example.com a.example.com b.example.com b.example.com",
            Some("www.example.com"),
            &Rules::basic((2026, 11, 23)),
        );
        let words: Vec<String> = list.notes.iter().map(|n| note_words(n, zh)).collect();
        assert_eq!(
            words,
            [
                "www.example.com 是主域名，因此不会在其他域名中重复列出。",
                "已删除 2 个重复的域名：a.example.com、b.example.com。"
            ]
        );
        let words: Vec<String> = list.notes.iter().map(|n| note_words(n, en)).collect();
        assert_eq!(
            words[1],
            "We removed 2 repeated names: a.example.com, b.example.com."
        );
    }
}
