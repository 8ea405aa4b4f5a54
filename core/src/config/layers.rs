//! Where each setting comes from, weakest first: the built-in defaults, `config.json`, the
//! options of the embedding page, and (only for the settings `config.json` lists in
//! `allow_query`) the page address's query string. A crafted link must not be able to send
//! someone's order to another endpoint, so the query string changes nothing by default.
//!
//! Each layer is read into the same typed [`Settings`] and laid over the one before, key by
//! key. Typed rather than as JSON values: this runs before the first step is drawn, and a
//! JSON value type with its map and printer would be in the app's first download.

use super::{Config, ConfigError, RawCpanel, RawGoGetSsl};
use serde::Deserialize;
use serde_json::{Map, Value};

/// Settings a query string may carry when `config.json` allows it. A token never may: it
/// would end up in histories, logs and `Referer` headers.
const QUERY_SETTABLE: [&str; 7] = [
    "provider",
    "endpoint",
    "catalogue",
    "storage",
    "poll_seconds",
    "timeout_seconds",
    "locale",
];

/// Keys of the query string that name a setting but may never come from it; with
/// [`QUERY_SETTABLE`], the parameters whose refusal is reported. Any other parameter belongs
/// to the host page and is left alone.
const NEVER_FROM_QUERY: [&str; 2] = ["token", "config"];

/// The configuration, and the query-string settings that were ignored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loaded {
    pub config: Config,
    pub refused: Vec<String>,
}

/// Which layer a JSON object comes from, to name it in a refusal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layer {
    /// `config.json`.
    File,
    /// The embedding page's options.
    Page,
}

/// One layer of settings as written, every key optional. No `Debug`: it holds the token.
#[derive(Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    pub(super) provider: Option<String>,
    pub(super) endpoint: Option<String>,
    pub(super) token: Option<String>,
    pub(super) catalogue: Option<String>,
    pub(super) storage: Option<String>,
    pub(super) poll_seconds: Option<u32>,
    pub(super) timeout_seconds: Option<u32>,
    pub(super) gogetssl: Option<RawGoGetSsl>,
    pub(super) cpanel: Option<RawCpanel>,
    pub(super) parent_origins: Option<Vec<String>>,
    pub(super) locale: Option<String>,
    /// config.json only.
    allow_query: Option<Vec<String>>,
    allow_init: Option<Vec<String>>,
    /// The page only (`PAGE_ONLY`).
    config_url: Option<String>,
    base_url: Option<String>,
    manual_mount: Option<bool>,
}

impl Settings {
    /// These settings laid over `base`: a key given here wins; provider settings merge key
    /// by key. A key given as `null` counts as not given.
    fn over(self, base: Settings) -> Settings {
        let gogetssl = match (self.gogetssl, base.gogetssl) {
            (Some(over), Some(base)) => Some(RawGoGetSsl {
                webserver_type: over.webserver_type.or(base.webserver_type),
                server_count: over.server_count.or(base.server_count),
            }),
            (over, base) => over.or(base),
        };
        let cpanel = match (self.cpanel, base.cpanel) {
            (Some(over), Some(base)) => Some(RawCpanel {
                market: over.market.or(base.market),
                subject_names: over.subject_names.or(base.subject_names),
                url_after_checkout: over.url_after_checkout.or(base.url_after_checkout),
            }),
            (over, base) => over.or(base),
        };
        Settings {
            provider: self.provider.or(base.provider),
            endpoint: self.endpoint.or(base.endpoint),
            token: self.token.or(base.token),
            catalogue: self.catalogue.or(base.catalogue),
            storage: self.storage.or(base.storage),
            poll_seconds: self.poll_seconds.or(base.poll_seconds),
            timeout_seconds: self.timeout_seconds.or(base.timeout_seconds),
            gogetssl,
            cpanel,
            parent_origins: self.parent_origins.or(base.parent_origins),
            locale: self.locale.or(base.locale),
            allow_query: self.allow_query.or(base.allow_query),
            allow_init: self.allow_init.or(base.allow_init),
            config_url: self.config_url.or(base.config_url),
            base_url: self.base_url.or(base.base_url),
            manual_mount: self.manual_mount.or(base.manual_mount),
        }
    }

    /// The keys given here that `layer` may not carry.
    fn misplaced(&self, layer: Layer) -> Option<&'static str> {
        let given: &[(&'static str, bool)] = match layer {
            Layer::File => &[
                ("config_url", self.config_url.is_some()),
                ("base_url", self.base_url.is_some()),
                ("manual_mount", self.manual_mount.is_some()),
            ],
            // Only config.json may open the query string or the init message: not the
            // page, not the query itself.
            Layer::Page => &[
                ("allow_query", self.allow_query.is_some()),
                ("allow_init", self.allow_init.is_some()),
            ],
        };
        given.iter().find_map(|&(key, is)| is.then_some(key))
    }
}

/// Reads one layer's text.
fn read(text: &str, layer: Layer) -> Result<Settings, ConfigError> {
    let settings = serde_json::from_str::<Settings>(text).map_err(|e| {
        if e.is_syntax() || e.is_eof() {
            ConfigError::NotJson {
                layer,
                reason: e.to_string(),
            }
        } else if !text.trim_start().starts_with('{') {
            ConfigError::NotObject(layer)
        } else {
            ConfigError::Shape(e.to_string())
        }
    })?;
    match settings.misplaced(layer) {
        Some(key) => Err(ConfigError::Shape(format!("unknown field `{key}`"))),
        None => Ok(settings),
    }
}

/// The query string's settings that `allowed` lets through, and the names of those refused.
fn from_query(query: &str, allowed: &[String]) -> Result<(Settings, Vec<String>), ConfigError> {
    let mut taken = Settings::default();
    let mut refused = Vec::new();
    let pairs = form_urlencoded::parse(query.trim_start_matches('?').as_bytes());
    for (key, value) in pairs {
        let settable = QUERY_SETTABLE.contains(&key.as_ref());
        if !settable && !NEVER_FROM_QUERY.contains(&key.as_ref()) {
            continue;
        }
        if !settable || !allowed.iter().any(|a| *a == key) {
            if !refused.contains(&key.to_string()) {
                refused.push(key.into_owned());
            }
            continue;
        }
        let seconds = || {
            value.parse::<u32>().map_err(|_| {
                ConfigError::Shape(format!(
                    "invalid value for `{key}` in the query string: \"{value}\", expected whole seconds"
                ))
            })
        };
        let value = value.to_string();
        match key.as_ref() {
            "provider" => taken.provider = Some(value),
            "endpoint" => taken.endpoint = Some(value),
            "catalogue" => taken.catalogue = Some(value),
            "storage" => taken.storage = Some(value),
            "locale" => taken.locale = Some(value),
            "poll_seconds" => taken.poll_seconds = Some(seconds()?),
            "timeout_seconds" => taken.timeout_seconds = Some(seconds()?),
            // QUERY_SETTABLE names no other key.
            _ => {}
        }
    }
    Ok((taken, refused))
}

impl Config {
    /// Reads `config.json`'s text, then the embedding page's options (a JSON object, if
    /// any), then the query string, each overriding the one before as described above.
    pub fn from_layers(file: &str, page: Option<&str>, query: &str) -> Result<Loaded, ConfigError> {
        let mut merged = read(file, Layer::File)?;
        let allowed = allow_list(merged.allow_query.take(), "allow_query", &QUERY_SETTABLE)?;
        let allow_init = allow_list(merged.allow_init.take(), "allow_init", &INIT_SETTABLE)?;
        if let Some(page) = page {
            let mut options = read(page, Layer::Page)?;
            // Where config.json itself is read from was already used by the loader, and
            // how the form is mounted by `embed::start`.
            options.config_url = None;
            options.base_url = None;
            options.manual_mount = None;
            merged = options.over(merged);
        }
        let (query_settings, refused) = from_query(query, &allowed)?;
        let config = Config::from_settings(query_settings.over(merged), allow_init)?;
        Ok(Loaded { config, refused })
    }

    /// The configuration with the settings of the host's `init` message laid over it, and
    /// the names of those `allow_init` does not let through. A new provider without a
    /// catalogue of its own reads that provider's default catalogue.
    pub fn with_init(
        &self,
        settings: &Map<String, Value>,
    ) -> Result<(Config, Vec<String>), ConfigError> {
        let mut init = Settings::default();
        let mut refused = Vec::new();
        for (key, value) in settings {
            if !INIT_SETTABLE.contains(&key.as_str()) {
                continue;
            }
            if !self.allow_init.contains(key) {
                refused.push(key.clone());
                continue;
            }
            // Each of INIT_SETTABLE is a text.
            let text = match value {
                Value::String(text) => Some(text.clone()),
                Value::Null => None,
                other => {
                    return Err(ConfigError::Shape(format!(
                        "invalid type for `{key}` in the init message: {other}, expected a string"
                    )))
                }
            };
            match key.as_str() {
                "provider" => init.provider = text,
                "endpoint" => init.endpoint = text,
                "catalogue" => init.catalogue = text,
                // INIT_SETTABLE names no other key.
                _ => {}
            }
        }
        let mut base = self.layers.clone();
        let own_catalogue = init.catalogue.is_some();
        if init.provider.is_some() && !own_catalogue {
            base.catalogue = None;
        }
        let config = Config::from_settings(init.over(base), self.allow_init.clone())?;
        Ok((config, refused))
    }
}

/// Settings the host's `init` message may carry when `config.json` lists them in
/// `allow_init`: which provider, endpoint and catalogue the order goes to.
pub const INIT_SETTABLE: [&str; 3] = ["provider", "endpoint", "catalogue"];

/// The names of `list` (`allow_query` or `allow_init` from config.json), each one of
/// `settable`.
fn allow_list(
    list: Option<Vec<String>>,
    key: &'static str,
    settable: &'static [&'static str],
) -> Result<Vec<String>, ConfigError> {
    let list = list.unwrap_or_default();
    match list.iter().find(|name| !settable.contains(&name.as_str())) {
        Some(name) => Err(ConfigError::NotSettable {
            key,
            settable,
            given: format!("\"{name}\""),
        }),
        None => Ok(list),
    }
}

/// What the embedding page's options say of how the form is loaded, read before the
/// configuration is. Leniently: a page whose options cannot be used gets the defaults
/// here, and the refusal when the configuration is read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageOptions {
    /// Where the loader reads config.json.
    pub config_url: String,
    /// Where the app's own files are (`embed.js` sets its own folder).
    pub base_url: Option<String>,
    /// The page mounts the form itself (`window.sslOrder.mount`).
    pub manual_mount: bool,
    /// The language the page asks for, before config.json says anything.
    pub locale: Option<String>,
}

/// Reads [`PageOptions`] from the page's options, if any.
pub fn page_options(page: Option<&str>) -> PageOptions {
    let settings = page
        .and_then(|text| serde_json::from_str::<Settings>(text).ok())
        .unwrap_or_default();
    PageOptions {
        config_url: settings
            .config_url
            .filter(|url| !url.trim().is_empty())
            .unwrap_or_else(|| "config.json".to_string()),
        base_url: settings.base_url,
        manual_mount: settings.manual_mount.unwrap_or(false),
        locale: settings.locale,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::StorageKind;
    use crate::providers::Api;

    const FILE: &str = r#"{"provider":"huawei","endpoint":"sandbox/huawei","token":"file-token-0123456789","gogetssl":{"server_count":2}}"#;

    #[test]
    fn config_json_fills_in_what_the_defaults_leave_open() {
        let loaded = Config::from_layers(FILE, None, "").expect("valid");
        assert_eq!(loaded.config.api, Api::Huawei);
        assert_eq!(loaded.config.storage, StorageKind::Local);
        assert_eq!(loaded.config.timeout_ms, 30_000);
        assert!(loaded.refused.is_empty());
    }

    #[test]
    fn the_embedding_pages_options_override_config_json() {
        let page = r#"{"endpoint":"https://proxy.example/scm","storage":"session","gogetssl":{"webserver_type":2}}"#;
        let config = Config::from_layers(FILE, Some(page), "")
            .expect("valid")
            .config;
        assert_eq!(config.endpoint.base_url, "https://proxy.example/scm");
        assert_eq!(config.storage, StorageKind::Session);
        // Provider settings merge: the page's key is added, config.json's is kept.
        assert_eq!(config.gogetssl.webserver_type, 2);
        assert_eq!(config.gogetssl.server_count, 2);
        assert_eq!(
            config.endpoint.token.as_deref(),
            Some("file-token-0123456789")
        );
    }

    #[test]
    fn a_query_string_endpoint_is_refused_by_default() {
        let loaded = Config::from_layers(
            FILE,
            None,
            "?endpoint=https%3A%2F%2Fevil.example%2F&lang=en",
        )
        .expect("valid");
        assert_eq!(loaded.config.endpoint.base_url, "sandbox/huawei");
        assert_eq!(loaded.refused, vec!["endpoint".to_string()]);
    }

    #[test]
    fn a_query_string_setting_config_json_allows_is_taken_and_beats_the_page() {
        let file = r#"{"provider":"huawei","endpoint":"sandbox/huawei","allow_query":["endpoint","timeout_seconds"]}"#;
        let loaded = Config::from_layers(
            file,
            Some(r#"{"endpoint":"https://page.example/"}"#),
            "endpoint=https%3A%2F%2Fproxy.example%2F&timeout_seconds=9&storage=none",
        )
        .expect("valid");
        assert_eq!(loaded.config.endpoint.base_url, "https://proxy.example/");
        assert_eq!(loaded.config.timeout_ms, 9000);
        assert_eq!(loaded.config.storage, StorageKind::Local);
        assert_eq!(loaded.refused, vec!["storage".to_string()]);
    }

    #[test]
    fn debug_output_never_shows_the_token() {
        let page = r#"{"token":"page-token-9876543210"}"#;
        let loaded = Config::from_layers(FILE, Some(page), "").expect("valid");
        assert_eq!(
            loaded.config.endpoint.token.as_deref(),
            Some("page-token-9876543210")
        );
        assert_eq!(
            loaded.config.layers.token.as_deref(),
            Some("page-token-9876543210")
        );
        for shown in [format!("{:?}", loaded.config), format!("{loaded:?}")] {
            assert!(!shown.contains("page-token"), "{shown}");
            assert!(!shown.contains("file-token"), "{shown}");
            assert!(shown.contains("sandbox/huawei"), "{shown}");
            assert!(shown.contains("[redacted]"), "{shown}");
        }
    }

    #[test]
    fn a_token_in_the_query_string_is_refused_even_when_asked_for() {
        let file = r#"{"provider":"huawei","endpoint":"e","allow_query":["token"]}"#;
        assert_eq!(
            Config::from_layers(file, None, ""),
            Err(ConfigError::NotSettable {
                key: "allow_query",
                settable: &QUERY_SETTABLE,
                given: "\"token\"".into()
            })
        );
        let loaded = Config::from_layers(FILE, None, "token=stolen").expect("valid");
        assert_eq!(loaded.refused, vec!["token".to_string()]);
        assert_eq!(
            loaded.config.endpoint.token.as_deref(),
            Some("file-token-0123456789")
        );
    }

    #[test]
    fn the_page_cannot_open_the_query_string_itself() {
        let loaded = Config::from_layers(
            FILE,
            Some(r#"{"allow_query":["endpoint"]}"#),
            "endpoint=https%3A%2F%2Fevil.example%2F",
        );
        // allow_query is not a setting the page may give: it is refused as unknown.
        assert!(loaded.is_err());
    }

    #[test]
    fn a_page_option_of_the_wrong_shape_is_reported() {
        assert_eq!(
            Config::from_layers(FILE, Some("[1,2]"), ""),
            Err(ConfigError::NotObject(Layer::Page))
        );
        assert!(matches!(
            Config::from_layers(FILE, Some("{"), ""),
            Err(ConfigError::NotJson {
                layer: Layer::Page,
                ..
            })
        ));
        assert!(matches!(
            Config::from_layers("1", None, ""),
            Err(ConfigError::NotObject(Layer::File))
        ));
        assert_eq!(
            Config::from_layers(FILE, Some(r#"{"storage":"cloud"}"#), ""),
            Err(ConfigError::UnknownStorage("cloud".into()))
        );
    }

    fn init(settings: serde_json::Value) -> Map<String, Value> {
        match settings {
            Value::Object(map) => map,
            _ => Map::new(),
        }
    }

    #[test]
    fn an_init_message_changes_nothing_unless_config_json_allows_it() {
        let config = Config::from_layers(FILE, None, "").expect("valid").config;
        let (same, refused) = config
            .with_init(&init(
                serde_json::json!({"endpoint": "https://evil.example/"}),
            ))
            .expect("valid");
        assert_eq!(same.endpoint.base_url, "sandbox/huawei");
        assert_eq!(refused, vec!["endpoint".to_string()]);
    }

    #[test]
    fn an_allowed_init_sets_the_endpoint_and_a_new_provider_reads_its_own_catalogue() {
        let file = r#"{"provider":"huawei","endpoint":"sandbox/huawei","catalogue":"catalog/huawei.json","token":"file-token-0123456789","allow_init":["provider","endpoint"]}"#;
        let config = Config::from_layers(file, None, "").expect("valid").config;
        assert_eq!(config.allow_init, ["provider", "endpoint"]);
        let (moved, refused) = config
            .with_init(&init(serde_json::json!({"endpoint": "sandbox/huawei-2"})))
            .expect("valid");
        assert!(refused.is_empty());
        assert_eq!(moved.endpoint.base_url, "sandbox/huawei-2");
        assert_eq!(
            moved.endpoint.token.as_deref(),
            Some("file-token-0123456789")
        );
        let (switched, refused) = moved
            .with_init(&init(serde_json::json!({
                "provider": "gogetssl", "endpoint": "sandbox/gogetssl", "catalogue": "x.json"
            })))
            .expect("valid");
        assert_eq!(refused, vec!["catalogue".to_string()]);
        assert_eq!(switched.api, Api::GoGetSsl);
        assert_eq!(switched.catalogue_url, "catalog/gogetssl.json");
        // What is allowed is kept for the next message.
        assert_eq!(switched.allow_init, ["provider", "endpoint"]);
    }

    #[test]
    fn an_init_setting_that_is_not_a_text_is_refused_with_its_name() {
        let file = r#"{"provider":"huawei","endpoint":"e","allow_init":["endpoint"]}"#;
        let config = Config::from_layers(file, None, "").expect("valid").config;
        assert!(matches!(
            config.with_init(&init(serde_json::json!({"endpoint": 42}))),
            Err(ConfigError::Shape(reason)) if reason.contains("`endpoint`") && reason.contains("42")
        ));
    }

    #[test]
    fn allow_init_names_only_provider_endpoint_and_catalogue() {
        let file = r#"{"provider":"huawei","endpoint":"e","allow_init":["token"]}"#;
        assert_eq!(
            Config::from_layers(file, None, ""),
            Err(ConfigError::NotSettable {
                key: "allow_init",
                settable: &INIT_SETTABLE,
                given: "\"token\"".into()
            })
        );
        let not_a_list = r#"{"provider":"huawei","endpoint":"e","allow_init":"endpoint"}"#;
        assert!(matches!(
            Config::from_layers(not_a_list, None, ""),
            Err(ConfigError::Shape(reason)) if reason.contains("expected a sequence")
        ));
        let page = Config::from_layers(FILE, Some(r#"{"allow_init":["endpoint"]}"#), "");
        assert!(
            page.is_err(),
            "the page cannot open the init message itself"
        );
    }

    #[test]
    fn the_page_options_say_where_config_json_is_and_how_the_form_is_loaded() {
        assert_eq!(page_options(None).config_url, "config.json");
        let options = page_options(Some(
            r#"{"config_url":"/panel/ssl.json","base_url":"https://cdn.example/ssl/","manual_mount":true,"locale":"zh-CN","endpoint":"x"}"#,
        ));
        assert_eq!(options.config_url, "/panel/ssl.json");
        assert_eq!(
            options.base_url.as_deref(),
            Some("https://cdn.example/ssl/")
        );
        assert!(options.manual_mount);
        assert_eq!(options.locale.as_deref(), Some("zh-CN"));
        // Options that cannot be used leave the defaults; reading the configuration says why.
        let defaults = PageOptions {
            config_url: "config.json".into(),
            ..PageOptions::default()
        };
        assert_eq!(page_options(Some(r#"{"config_url":3}"#)), defaults);
        assert_eq!(page_options(Some("[")), defaults);
    }

    #[test]
    fn the_page_options_used_before_the_configuration_are_not_settings() {
        let page = r#"{"config_url":"/panel/ssl.json","base_url":"https://cdn.example/","manual_mount":true}"#;
        let config = Config::from_layers(FILE, Some(page), "")
            .expect("valid")
            .config;
        assert_eq!(config.endpoint.base_url, "sandbox/huawei");
        // config.json cannot give them, and the page cannot open the query string.
        for file in [
            r#"{"provider":"huawei","endpoint":"e","base_url":"https://cdn.example/"}"#,
            r#"{"provider":"huawei","endpoint":"e","config_url":"x.json"}"#,
        ] {
            assert!(
                matches!(Config::from_layers(file, None, ""), Err(ConfigError::Shape(ref reason)) if reason.starts_with("unknown field")),
                "{file}"
            );
        }
    }

    #[test]
    fn a_query_string_number_that_is_not_one_is_refused_with_its_name() {
        let file = r#"{"provider":"huawei","endpoint":"e","allow_query":["poll_seconds"]}"#;
        assert!(matches!(
            Config::from_layers(file, None, "poll_seconds=soon"),
            Err(ConfigError::Shape(reason)) if reason.contains("poll_seconds") && reason.contains("soon")
        ));
    }
}
