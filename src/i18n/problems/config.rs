//! The words for why the configuration is refused (`config::ConfigError`).

use crate::config::{ConfigError, Layer};
use crate::i18n::StartTexts;

/// Why the form cannot start, or why a host's `init` settings were refused. The JSON
/// parser's own reasons stay in English.
pub fn config_error_words(e: &ConfigError, t: &StartTexts) -> String {
    match e {
        ConfigError::Shape(reason) => (t.config_shape)(reason),
        ConfigError::NotObject(Layer::File) => (t.config_shape)(t.config_not_object),
        ConfigError::NotObject(Layer::Page) => (t.config_shape)(t.page_options_not_object),
        ConfigError::NotJson {
            layer: Layer::File,
            reason,
        } => (t.config_shape)(&(t.config_not_json)(reason)),
        ConfigError::NotJson {
            layer: Layer::Page,
            reason,
        } => (t.config_shape)(&(t.page_options_not_json)(reason)),
        ConfigError::UnknownProvider(provider) => {
            (t.config_value)(&(t.config_unknown_provider)(provider))
        }
        ConfigError::GenericNeedsCatalogue => (t.config_value)(t.config_generic_needs_catalogue),
        ConfigError::EmptyEndpoint => (t.config_value)(t.config_empty_endpoint),
        ConfigError::UnknownStorage(storage) => {
            (t.config_value)(&(t.config_unknown_storage)(storage))
        }
        ConfigError::Seconds { key, seconds } => {
            (t.config_value)(&(t.config_seconds)(key, *seconds))
        }
        ConfigError::ServerCount(count) => (t.config_value)(&(t.config_server_count)(*count)),
        ConfigError::SubjectNames(slug) => (t.config_value)(&(t.config_subject_names)(slug)),
        ConfigError::UrlAfterCheckout => (t.config_value)(t.config_url_after_checkout),
        ConfigError::ParentOrigin(origin) => (t.config_value)(&(t.config_parent_origin)(origin)),
        ConfigError::NotSettable {
            key,
            settable,
            given,
        } => (t.config_value)(&(t.config_allow_only)(key, &settable.join(", "), given)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    use crate::i18n::problems::check::{en, zh};

    /// One of each variant. The match fails to compile when a variant is added: add it here.
    fn every_config_error() -> Vec<ConfigError> {
        let all = vec![
            ConfigError::Shape("unknown field `endpiont`".into()),
            ConfigError::NotObject(Layer::File),
            ConfigError::NotJson {
                layer: Layer::File,
                reason: "EOF while parsing".into(),
            },
            ConfigError::UnknownProvider("acme".into()),
            ConfigError::GenericNeedsCatalogue,
            ConfigError::EmptyEndpoint,
            ConfigError::UnknownStorage("cookie".into()),
            ConfigError::Seconds {
                key: "poll_seconds",
                seconds: 0,
            },
            ConfigError::ServerCount(0),
            ConfigError::SubjectNames("list".into()),
            ConfigError::UrlAfterCheckout,
            ConfigError::ParentOrigin("*".into()),
            ConfigError::NotSettable {
                key: "allow_query",
                settable: &["provider", "endpoint"],
                given: "\"token\"".into(),
            },
        ];
        for e in &all {
            match e {
                ConfigError::Shape(_)
                | ConfigError::NotObject(_)
                | ConfigError::NotJson { .. }
                | ConfigError::UnknownProvider(_)
                | ConfigError::GenericNeedsCatalogue
                | ConfigError::EmptyEndpoint
                | ConfigError::UnknownStorage(_)
                | ConfigError::Seconds { .. }
                | ConfigError::ServerCount(_)
                | ConfigError::SubjectNames(_)
                | ConfigError::UrlAfterCheckout
                | ConfigError::ParentOrigin(_)
                | ConfigError::NotSettable { .. } => {}
            }
        }
        all
    }

    #[test]
    fn every_configuration_refusal_has_its_own_english_and_chinese_words() {
        let mut all = every_config_error();
        let kinds: std::collections::HashSet<_> = all.iter().map(std::mem::discriminant).collect();
        assert_eq!(kinds.len(), all.len(), "one sample per variant");
        all.extend([
            ConfigError::NotObject(Layer::Page),
            ConfigError::NotJson {
                layer: Layer::Page,
                reason: "EOF while parsing".into(),
            },
        ]);
        for e in &all {
            let (english, chinese) = (
                config_error_words(e, en().start),
                config_error_words(e, zh().start),
            );
            assert!(
                !english.trim().is_empty() && !chinese.trim().is_empty(),
                "{e:?}"
            );
            assert_ne!(english, chinese);
        }
        let english: std::collections::HashSet<_> = all
            .iter()
            .map(|e| config_error_words(e, en().start))
            .collect();
        assert_eq!(english.len(), all.len(), "no two refusals read the same");
    }

    #[test]
    fn a_refusal_reads_as_it_always_has_in_each_language() {
        let json = r#"{"provider":"huawei","endpoint":"x","storage":"cookie"}"#;
        let err = Config::from_json(json).expect_err("bad");
        assert_eq!(
            config_error_words(&err, en().start),
            "config.json: storage \"cookie\" is not one of \"local\", \"session\", \"none\""
        );
        assert_eq!(
            config_error_words(&err, zh().start),
            "config.json：storage“cookie”无效，应为“local”、“session”或“none”"
        );
        let page = Config::from_layers("{}", Some("[1,2]"), "").expect_err("not an object");
        assert_eq!(
            config_error_words(&page, en().start),
            "config.json is not valid: The embedding page's options must be a JSON object"
        );
        assert_eq!(
            config_error_words(&page, zh().start),
            "config.json 无效：嵌入页面的选项必须是 JSON 对象"
        );
    }

    #[test]
    fn a_refusal_names_the_setting_and_what_may_be_used_instead() {
        let words = |json: &str| {
            config_error_words(&Config::from_json(json).expect_err("refused"), en().start)
        };
        let provider = words(r#"{"provider":"acme","endpoint":"x"}"#);
        for known in ["huawei", "gogetssl", "cpanel", "generic"] {
            assert!(provider.contains(&format!("\"{known}\"")), "{provider}");
        }
        assert!(words(r#"{"provider":"generic","endpoint":"x"}"#).contains("\"catalogue\""));
        assert!(
            words(r#"{"provider":"huawei","endpoint":"x","poll_seconds":0}"#)
                .contains("poll_seconds")
        );
        let file = r#"{"provider":"huawei","endpoint":"e","allow_query":["token"]}"#;
        assert_eq!(
            config_error_words(&Config::from_layers(file, None, "").expect_err("token"), en().start),
            "config.json: allow_query may list only provider, endpoint, catalogue, storage, poll_seconds, timeout_seconds, locale, not \"token\""
        );
        let not_json = Config::from_layers("{", None, "").expect_err("not JSON");
        assert!(config_error_words(&not_json, en().start)
            .starts_with("config.json is not valid: config.json: "));
    }
}
