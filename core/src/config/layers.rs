//! Where each setting comes from, weakest first: the built-in defaults, `config.json`, the
//! options of the embedding page, and (only for the settings `config.json` lists in
//! `allow_query`) the page address's query string. A crafted link must not be able to send
//! someone's order to another endpoint, so the query string changes nothing by default.

use super::{Config, ConfigError};
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

fn object(text: &str, layer: Layer) -> Result<Map<String, Value>, ConfigError> {
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(_) => Err(ConfigError::NotObject(layer)),
        Err(e) => Err(ConfigError::NotJson {
            layer,
            reason: e.to_string(),
        }),
    }
}

/// Lays `over` onto `base`: a key in `over` wins; provider settings objects merge key by key.
fn overlay(base: &mut Map<String, Value>, over: Map<String, Value>) {
    for (key, value) in over {
        match (base.get_mut(&key), value) {
            (Some(Value::Object(inner)), Value::Object(more)) => inner.extend(more),
            (_, value) => {
                base.insert(key, value);
            }
        }
    }
}

/// The query string's settings that `allowed` lets through, as JSON values, and the names
/// of those refused.
fn from_query(query: &str, allowed: &[String]) -> (Map<String, Value>, Vec<String>) {
    let mut taken = Map::new();
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
        let json = match key.as_ref() {
            "poll_seconds" | "timeout_seconds" => value
                .parse::<u32>()
                .map(Value::from)
                .unwrap_or_else(|_| Value::from(value.as_ref())),
            _ => Value::from(value.as_ref()),
        };
        taken.insert(key.into_owned(), json);
    }
    (taken, refused)
}

impl Config {
    /// Reads `config.json`'s text, then the embedding page's options (a JSON object, if
    /// any), then the query string, each overriding the one before as described above.
    pub fn from_layers(file: &str, page: Option<&str>, query: &str) -> Result<Loaded, ConfigError> {
        let mut merged = object(file, Layer::File)?;
        // Only config.json may open the query string or the init message: not the page,
        // not the query itself.
        let allowed = allow_list(&mut merged, "allow_query", &QUERY_SETTABLE)?;
        let allow_init = allow_list(&mut merged, "allow_init", &INIT_SETTABLE)?;
        if let Some(page) = page {
            let mut options = object(page, Layer::Page)?;
            // Where config.json itself is read from was already used by the loader, and
            // how the form is mounted by `embed::start`.
            options.remove("config_url");
            options.remove("manual_mount");
            options.remove("base_url");
            overlay(&mut merged, options);
        }
        let (query_settings, refused) = from_query(query, &allowed);
        overlay(&mut merged, query_settings);
        let merged = Value::Object(merged).to_string();
        let mut config = Config::from_json(&merged)?;
        config.allow_init = allow_init;
        config.layers = merged;
        Ok(Loaded { config, refused })
    }

    /// The configuration with the settings of the host's `init` message laid over it, and
    /// the names of those `allow_init` does not let through. A new provider without a
    /// catalogue of its own reads that provider's default catalogue.
    pub fn with_init(
        &self,
        settings: &Map<String, Value>,
    ) -> Result<(Config, Vec<String>), ConfigError> {
        let mut merged = object(&self.layers, Layer::File)?;
        let mut refused = Vec::new();
        for (key, value) in settings {
            if !INIT_SETTABLE.contains(&key.as_str()) {
                continue;
            }
            if !self.allow_init.contains(key) {
                refused.push(key.clone());
                continue;
            }
            let own_catalogue = settings.contains_key("catalogue")
                && self.allow_init.iter().any(|k| k == "catalogue");
            if key == "provider" && !own_catalogue {
                merged.remove("catalogue");
            }
            merged.insert(key.clone(), value.clone());
        }
        let merged = Value::Object(merged).to_string();
        let mut config = Config::from_json(&merged)?;
        config.allow_init = self.allow_init.clone();
        config.layers = merged;
        Ok((config, refused))
    }
}

/// Settings the host's `init` message may carry when `config.json` lists them in
/// `allow_init`: which provider, endpoint and catalogue the order goes to.
pub const INIT_SETTABLE: [&str; 3] = ["provider", "endpoint", "catalogue"];

/// Takes `key` (a list of setting names from `settable`) out of `merged`.
fn allow_list(
    merged: &mut Map<String, Value>,
    key: &'static str,
    settable: &'static [&'static str],
) -> Result<Vec<String>, ConfigError> {
    match merged.remove(key) {
        None => Ok(Vec::new()),
        Some(Value::Array(names)) => names
            .iter()
            .map(|name| match name.as_str() {
                Some(name) if settable.contains(&name) => Ok(name.to_string()),
                _ => Err(ConfigError::NotSettable {
                    key,
                    settable,
                    given: name.to_string(),
                }),
            })
            .collect(),
        Some(_) => Err(ConfigError::NotAList(key)),
    }
}

/// Where the loader reads config.json: the embedding page may name another address.
pub fn config_url(page: Option<&str>) -> String {
    page.and_then(|text| serde_json::from_str::<Value>(text).ok())
        .and_then(|v| v.get("config_url")?.as_str().map(str::to_string))
        .filter(|url| !url.trim().is_empty())
        .unwrap_or_else(|| "config.json".to_string())
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
        assert!(loaded.config.layers.contains("page-token-9876543210"));
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
        assert_eq!(
            Config::from_layers(not_a_list, None, ""),
            Err(ConfigError::NotAList("allow_init"))
        );
        let page = Config::from_layers(FILE, Some(r#"{"allow_init":["endpoint"]}"#), "");
        assert!(
            page.is_err(),
            "the page cannot open the init message itself"
        );
    }

    #[test]
    fn config_json_may_be_read_from_another_address() {
        assert_eq!(config_url(None), "config.json");
        assert_eq!(
            config_url(Some(r#"{"config_url":"/panel/ssl.json"}"#)),
            "/panel/ssl.json"
        );
    }
}
