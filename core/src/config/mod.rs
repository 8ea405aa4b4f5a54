//! Runtime configuration, read from `config.json` beside the app: which provider adapter,
//! which endpoint, where the catalogue is, and where (if anywhere) drafts are kept.

use crate::order::Provider;
use crate::providers::{cpanel, gogetssl, Api, Endpoint};
use serde::Deserialize;

mod layers;
pub use layers::{page_options, Layer, Loaded, PageOptions, Settings, INIT_SETTABLE};

/// The catalogue read when config.json names none (index.html preloads it).
pub const DEFAULT_CATALOGUE: &str = "catalog/huawei.json";

/// Where the draft is kept between visits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StorageKind {
    /// `localStorage`: survives closing the tab.
    #[default]
    Local,
    /// `sessionStorage`: survives a reload, not closing the tab.
    Session,
    /// Nothing is kept.
    None,
}

/// `Debug` is written by hand: `layers` holds the merged settings, token included.
#[derive(Clone, PartialEq, Eq)]
pub struct Config {
    /// The wire format spoken to the endpoint.
    pub api: Api,
    pub endpoint: Endpoint,
    pub catalogue_url: String,
    pub storage: StorageKind,
    /// First wait between status checks, in milliseconds; later waits grow.
    pub poll_ms: u32,
    /// How long one request may take before it is abandoned, in milliseconds.
    pub timeout_ms: u32,
    pub gogetssl: gogetssl::Options,
    pub cpanel: cpanel::Options,
    /// The origins of pages that may embed the form in an iframe and talk to it
    /// (`ui::frame`); none by default, so no message is sent or read.
    pub parent_origins: Vec<String>,
    /// The language asked for (a BCP 47 tag such as "zh-CN"); one without a catalogue
    /// falls back to the browser's languages, then English (the app's `i18n::Locale::negotiate`).
    pub locale: Option<String>,
    /// The settings the host's `init` message may change (`allow_init` in config.json).
    pub allow_init: Vec<String>,
    /// The layers merged: what `with_init` lays the init message's settings over.
    pub layers: Settings,
}

impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Destructured so a new field cannot be left out (or printed) unnoticed.
        let Config {
            api,
            endpoint,
            catalogue_url,
            storage,
            poll_ms,
            timeout_ms,
            gogetssl,
            cpanel,
            parent_origins,
            locale,
            allow_init,
            layers: _,
        } = self;
        f.debug_struct("Config")
            .field("api", api)
            .field("endpoint", endpoint)
            .field("catalogue_url", catalogue_url)
            .field("storage", storage)
            .field("poll_ms", poll_ms)
            .field("timeout_ms", timeout_ms)
            .field("gogetssl", gogetssl)
            .field("cpanel", cpanel)
            .field("parent_origins", parent_origins)
            .field("locale", locale)
            .field("allow_init", allow_init)
            .field("layers", &"[redacted]")
            .finish()
    }
}

/// Why the configuration is refused, with the setting and the value at fault; the app puts
/// it into words when the form cannot start (`i18n::problems::config::config_error_words`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigError {
    /// The merged settings do not have the expected shape (an unknown key, a value of the
    /// wrong type): the JSON parser's own reason, in English.
    Shape(String),
    /// The layer's text is JSON but not an object.
    NotObject(Layer),
    /// The layer's text is not JSON: the parser's own reason, in English.
    NotJson {
        layer: Layer,
        reason: String,
    },
    /// `provider` names no API: the name given.
    UnknownProvider(String),
    /// `provider` is "generic" and no `catalogue` says what it sells.
    GenericNeedsCatalogue,
    EmptyEndpoint,
    /// `storage` is none of "local", "session", "none": the value given.
    UnknownStorage(String),
    /// A number of seconds outside 1 to 600: which setting, and its value.
    Seconds {
        key: &'static str,
        seconds: u32,
    },
    /// `gogetssl.server_count` is neither -1 nor at least 1.
    ServerCount(i32),
    /// `cpanel.subject_names` is not a known slug: the value given.
    SubjectNames(String),
    /// `cpanel.url_after_checkout` is not an absolute http(s) URL without a query.
    UrlAfterCheckout,
    /// An entry of `parent_origins` that is not an exact origin.
    ParentOrigin(String),
    /// `key` (`allow_query` or `allow_init`) names `given` (as JSON), which is not one of
    /// `settable`.
    NotSettable {
        key: &'static str,
        settable: &'static [&'static str],
        given: String,
    },
}

#[derive(Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGoGetSsl {
    webserver_type: Option<u16>,
    server_count: Option<i32>,
}

#[derive(Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCpanel {
    market: Option<String>,
    subject_names: Option<String>,
    url_after_checkout: Option<String>,
}

fn gogetssl_options(raw: Option<RawGoGetSsl>) -> Result<gogetssl::Options, ConfigError> {
    let defaults = gogetssl::Options::default();
    let Some(raw) = raw else {
        return Ok(defaults);
    };
    let server_count = raw.server_count.unwrap_or(defaults.server_count);
    if server_count == 0 || server_count < -1 {
        return Err(ConfigError::ServerCount(server_count));
    }
    Ok(gogetssl::Options {
        webserver_type: raw.webserver_type.unwrap_or(defaults.webserver_type),
        server_count,
    })
}

fn cpanel_options(raw: Option<RawCpanel>) -> Result<cpanel::Options, ConfigError> {
    let defaults = cpanel::Options::default();
    let Some(raw) = raw else {
        return Ok(defaults);
    };
    let subject_names = match raw.subject_names.as_deref() {
        None => defaults.subject_names,
        Some(slug) => cpanel::SubjectNames::from_slug(slug)
            .ok_or_else(|| ConfigError::SubjectNames(slug.to_string()))?,
    };
    if let Some(url) = &raw.url_after_checkout {
        let absolute = url.starts_with("https://") || url.starts_with("http://");
        if !absolute || url.contains('?') || url.contains('#') {
            return Err(ConfigError::UrlAfterCheckout);
        }
    }
    Ok(cpanel::Options {
        market: raw
            .market
            .filter(|m| !m.trim().is_empty())
            .unwrap_or(defaults.market),
        subject_names,
        url_after_checkout: raw.url_after_checkout,
    })
}

impl Config {
    /// Reads `config.json` on its own, as the app does with no page options and no query.
    pub fn from_json(json: &str) -> Result<Config, ConfigError> {
        Config::from_layers(json, None, "").map(|loaded| loaded.config)
    }

    /// The configuration the merged `settings` give, checked.
    fn from_settings(settings: Settings, allow_init: Vec<String>) -> Result<Config, ConfigError> {
        let missing = |key: &str| ConfigError::Shape(format!("missing field `{key}`"));
        let raw = settings.clone();
        let provider = raw.provider.ok_or_else(|| missing("provider"))?;
        let endpoint = raw.endpoint.ok_or_else(|| missing("endpoint"))?;
        let api = Api::from_slug(&provider)
            .ok_or_else(|| ConfigError::UnknownProvider(provider.clone()))?;
        let catalogue_url = match (raw.catalogue, api) {
            (Some(url), _) => url,
            (None, Api::Generic) => return Err(ConfigError::GenericNeedsCatalogue),
            (None, api @ (Api::Huawei | Api::GoGetSsl | Api::Cpanel)) => {
                format!("catalog/{}.json", api.slug())
            }
        };
        if endpoint.trim().is_empty() {
            return Err(ConfigError::EmptyEndpoint);
        }
        let token = raw.token.filter(|t| !t.is_empty());
        let storage = match raw.storage.as_deref() {
            None | Some("local") => StorageKind::Local,
            Some("session") => StorageKind::Session,
            Some("none") => StorageKind::None,
            Some(other) => return Err(ConfigError::UnknownStorage(other.to_string())),
        };
        Ok(Config {
            api,
            endpoint: Endpoint {
                base_url: endpoint,
                token,
            },
            catalogue_url,
            storage,
            poll_ms: seconds_to_ms(raw.poll_seconds, 5, "poll_seconds")?,
            timeout_ms: seconds_to_ms(raw.timeout_seconds, 30, "timeout_seconds")?,
            gogetssl: gogetssl_options(raw.gogetssl)?,
            cpanel: cpanel_options(raw.cpanel)?,
            parent_origins: origins(raw.parent_origins.unwrap_or_default())?,
            locale: raw.locale.filter(|l| !l.trim().is_empty()),
            allow_init,
            layers: settings,
        })
    }

    /// The endpoint with `token` in place of config.json's, when one is given.
    pub fn endpoint_with(&self, token: Option<String>) -> Endpoint {
        Endpoint {
            base_url: self.endpoint.base_url.clone(),
            token: token.or_else(|| self.endpoint.token.clone()),
        }
    }

    /// Whether products of `provider`'s catalogue can be ordered through this API: each
    /// provider API sells its own; the generic format carries any.
    pub fn sells(&self, provider: Provider) -> bool {
        match self.api {
            Api::Huawei => provider == Provider::Huawei,
            Api::GoGetSsl => provider == Provider::GoGetSsl,
            Api::Cpanel => provider == Provider::Cpanel,
            Api::Generic => true,
        }
    }
}

/// Each must be an origin exactly as browsers report it: scheme, host and port, no path.
fn origins(list: Vec<String>) -> Result<Vec<String>, ConfigError> {
    for origin in &list {
        let rest = origin
            .strip_prefix("https://")
            .or_else(|| origin.strip_prefix("http://"));
        let ok = rest
            .is_some_and(|host| !host.is_empty() && !host.contains(['/', '?', '#', '@', ' ', '*']));
        if !ok {
            return Err(ConfigError::ParentOrigin(origin.clone()));
        }
    }
    Ok(list)
}

// Whole seconds keep float parsing and printing out of the app.
fn seconds_to_ms(value: Option<u32>, default: u32, key: &'static str) -> Result<u32, ConfigError> {
    let seconds = value.unwrap_or(default);
    if !(1..=600).contains(&seconds) {
        return Err(ConfigError::Seconds { key, seconds });
    }
    Ok(seconds * 1000)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_config_points_at_the_sandbox_on_the_same_origin() {
        let config = Config::from_json(include_str!("../../../public/config.json")).expect("valid");
        assert_eq!(config.api, Api::Huawei);
        assert_eq!(config.endpoint.base_url, "sandbox/huawei");
        assert!(config
            .endpoint
            .token
            .as_ref()
            .is_some_and(|t| t.len() >= 32));
        assert_eq!(config.storage, StorageKind::Local);
    }

    #[test]
    fn a_proxy_config_needs_no_token() {
        let config =
            Config::from_json(r#"{"provider":"huawei","endpoint":"https://proxy.example/scm"}"#)
                .expect("valid");
        assert_eq!(config.endpoint.token, None);
        assert_eq!(config.catalogue_url, "catalog/huawei.json");
        assert_eq!(config.poll_ms, 5000);
    }

    #[test]
    fn an_unknown_provider_is_refused_by_its_name() {
        assert_eq!(
            Config::from_json(r#"{"provider":"acme","endpoint":"x"}"#),
            Err(ConfigError::UnknownProvider("acme".into()))
        );
    }

    #[test]
    fn each_provider_defaults_to_its_own_catalogue() {
        for (slug, api) in [
            ("huawei", Api::Huawei),
            ("gogetssl", Api::GoGetSsl),
            ("cpanel", Api::Cpanel),
        ] {
            let config = Config::from_json(&format!(r#"{{"provider":"{slug}","endpoint":"x"}}"#))
                .expect("valid");
            assert_eq!(config.api, api);
            assert_eq!(config.catalogue_url, format!("catalog/{slug}.json"));
        }
    }

    #[test]
    fn the_generic_format_must_be_told_which_catalogue_it_sells() {
        assert_eq!(
            Config::from_json(r#"{"provider":"generic","endpoint":"x"}"#),
            Err(ConfigError::GenericNeedsCatalogue)
        );
        let config = Config::from_json(
            r#"{"provider":"generic","endpoint":"x","catalogue":"catalog/gogetssl.json"}"#,
        )
        .expect("valid");
        assert!(config.sells(Provider::GoGetSsl) && config.sells(Provider::Huawei));
    }

    #[test]
    fn a_token_from_the_embedding_page_replaces_the_configured_one() {
        let config =
            Config::from_json(r#"{"provider":"gogetssl","endpoint":"x","token":"from-config"}"#)
                .expect("valid");
        assert_eq!(
            config.endpoint_with(None).token.as_deref(),
            Some("from-config")
        );
        assert_eq!(
            config
                .endpoint_with(Some("from-page".into()))
                .token
                .as_deref(),
            Some("from-page")
        );
    }

    #[test]
    fn a_provider_api_sells_only_its_own_catalogue() {
        let config = Config::from_json(r#"{"provider":"gogetssl","endpoint":"x"}"#).expect("valid");
        assert!(config.sells(Provider::GoGetSsl));
        assert!(!config.sells(Provider::Huawei));
    }

    #[test]
    fn provider_settings_are_read_and_checked() {
        let config = Config::from_json(
            r#"{"provider":"cpanel","endpoint":"x","cpanel":{"market":"Example","subject_names":"wizard","url_after_checkout":"https://panel.example.com/ssl"},
                "gogetssl":{"webserver_type":2,"server_count":5}}"#,
        )
        .expect("valid");
        assert_eq!(config.cpanel.market, "Example");
        assert_eq!(config.cpanel.subject_names, cpanel::SubjectNames::Wizard);
        assert_eq!(config.gogetssl.webserver_type, 2);
        assert_eq!(config.gogetssl.server_count, 5);
        for (bad, why) in [
            (
                r#"{"provider":"cpanel","endpoint":"x","cpanel":{"subject_names":"list"}}"#,
                ConfigError::SubjectNames("list".into()),
            ),
            (
                r#"{"provider":"cpanel","endpoint":"x","cpanel":{"url_after_checkout":"https://a.example/?x=1"}}"#,
                ConfigError::UrlAfterCheckout,
            ),
            (
                r#"{"provider":"cpanel","endpoint":"x","cpanel":{"url_after_checkout":"/relative"}}"#,
                ConfigError::UrlAfterCheckout,
            ),
            (
                r#"{"provider":"gogetssl","endpoint":"x","gogetssl":{"server_count":0}}"#,
                ConfigError::ServerCount(0),
            ),
        ] {
            assert_eq!(Config::from_json(bad), Err(why), "{bad}");
        }
        assert!(matches!(
            Config::from_json(r#"{"provider":"gogetssl","endpoint":"x","gogetssl":{"servers":1}}"#),
            Err(ConfigError::Shape(_))
        ));
    }

    #[test]
    fn an_unknown_key_is_refused_so_typos_are_caught() {
        assert!(matches!(
            Config::from_json(r#"{"provider":"huawei","endpoint":"x","endpiont":"y"}"#),
            Err(ConfigError::Shape(_))
        ));
    }

    #[test]
    fn a_poll_interval_out_of_range_is_refused() {
        assert_eq!(
            Config::from_json(r#"{"provider":"huawei","endpoint":"x","poll_seconds":0}"#),
            Err(ConfigError::Seconds {
                key: "poll_seconds",
                seconds: 0
            })
        );
        assert_eq!(
            Config::from_json(r#"{"provider":"huawei","endpoint":"x","timeout_seconds":601}"#),
            Err(ConfigError::Seconds {
                key: "timeout_seconds",
                seconds: 601
            })
        );
    }

    #[test]
    fn an_unknown_storage_kind_is_refused() {
        assert_eq!(
            Config::from_json(r#"{"provider":"huawei","endpoint":"x","storage":"cookie"}"#),
            Err(ConfigError::UnknownStorage("cookie".into()))
        );
    }

    #[test]
    fn parent_origins_must_be_exact_origins() {
        let ok = Config::from_json(
            r#"{"provider":"huawei","endpoint":"e","parent_origins":["https://panel.example","http://127.0.0.1:8080"]}"#,
        )
        .expect("valid");
        assert_eq!(ok.parent_origins.len(), 2);
        for bad in [
            "https://panel.example/",
            "*",
            "https://*.example",
            "panel.example",
        ] {
            let json =
                format!(r#"{{"provider":"huawei","endpoint":"e","parent_origins":["{bad}"]}}"#);
            assert_eq!(
                Config::from_json(&json),
                Err(ConfigError::ParentOrigin(bad.into())),
                "{bad}"
            );
        }
    }
}
