//! Runtime configuration, read from `config.json` beside the app: which provider adapter,
//! which endpoint, where the catalogue is, and where (if anywhere) drafts are kept.

use crate::order::Provider;
use crate::providers::Endpoint;
use serde::Deserialize;
use thiserror::Error;

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

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    pub provider: Provider,
    pub endpoint: Endpoint,
    pub catalogue_url: String,
    pub storage: StorageKind,
    /// First wait between status checks, in milliseconds; later waits grow.
    pub poll_ms: u32,
    /// How long one request may take before it is abandoned, in milliseconds.
    pub timeout_ms: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ConfigError {
    #[error("config.json is not valid: {0}")]
    Shape(String),
    #[error("config.json: {0}")]
    Value(String),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    provider: String,
    endpoint: String,
    #[serde(default)]
    token: Option<String>,
    #[serde(default)]
    catalogue: Option<String>,
    #[serde(default)]
    storage: Option<String>,
    #[serde(default)]
    poll_seconds: Option<u32>,
    #[serde(default)]
    timeout_seconds: Option<u32>,
}

impl Config {
    pub fn from_json(json: &str) -> Result<Config, ConfigError> {
        let raw: RawConfig =
            serde_json::from_str(json).map_err(|e| ConfigError::Shape(e.to_string()))?;
        let provider = match raw.provider.as_str() {
            "huawei" => Provider::Huawei,
            other => {
                return Err(ConfigError::Value(format!(
                    "provider \"{other}\" is not known; use \"huawei\""
                )))
            }
        };
        if raw.endpoint.trim().is_empty() {
            return Err(ConfigError::Value("endpoint must not be empty".into()));
        }
        let token = raw.token.filter(|t| !t.is_empty());
        let storage = match raw.storage.as_deref() {
            None | Some("local") => StorageKind::Local,
            Some("session") => StorageKind::Session,
            Some("none") => StorageKind::None,
            Some(other) => {
                return Err(ConfigError::Value(format!(
                    "storage \"{other}\" is not one of \"local\", \"session\", \"none\""
                )))
            }
        };
        Ok(Config {
            provider,
            endpoint: Endpoint {
                base_url: raw.endpoint,
                token,
            },
            catalogue_url: raw.catalogue.unwrap_or_else(|| DEFAULT_CATALOGUE.into()),
            storage,
            poll_ms: seconds_to_ms(raw.poll_seconds, 5, "poll_seconds")?,
            timeout_ms: seconds_to_ms(raw.timeout_seconds, 30, "timeout_seconds")?,
        })
    }
}

// Whole seconds keep float parsing and printing out of the app.
fn seconds_to_ms(value: Option<u32>, default: u32, name: &str) -> Result<u32, ConfigError> {
    let seconds = value.unwrap_or(default);
    if !(1..=600).contains(&seconds) {
        return Err(ConfigError::Value(format!(
            "{name} must be a whole number of seconds from 1 to 600, not {seconds}"
        )));
    }
    Ok(seconds * 1000)
}

/// The wait before status check number `attempt` (0-based): grows by half each time, capped.
pub fn poll_delay_ms(first_ms: u32, attempt: u32) -> u32 {
    const CAP_MS: u32 = 60_000;
    let mut delay = first_ms;
    for _ in 0..attempt {
        if delay >= CAP_MS {
            break;
        }
        delay = delay.saturating_add(delay / 2);
    }
    delay.min(CAP_MS.max(first_ms))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_config_points_at_the_sandbox_on_the_same_origin() {
        let config = Config::from_json(include_str!("../public/config.json")).expect("valid");
        assert_eq!(config.provider, Provider::Huawei);
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
    fn an_unknown_provider_is_refused_with_the_known_one_named() {
        let err = Config::from_json(r#"{"provider":"acme","endpoint":"x"}"#).expect_err("bad");
        assert!(err.to_string().contains("\"huawei\""));
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
        let err = Config::from_json(r#"{"provider":"huawei","endpoint":"x","poll_seconds":0}"#)
            .expect_err("zero");
        assert!(err.to_string().contains("poll_seconds"));
    }

    #[test]
    fn an_unknown_storage_kind_is_refused() {
        assert!(
            Config::from_json(r#"{"provider":"huawei","endpoint":"x","storage":"cookie"}"#)
                .is_err()
        );
    }

    #[test]
    fn poll_delays_grow_and_are_capped() {
        assert_eq!(poll_delay_ms(2000, 0), 2000);
        assert_eq!(poll_delay_ms(2000, 1), 3000);
        assert_eq!(poll_delay_ms(2000, 2), 4500);
        assert_eq!(poll_delay_ms(2000, 50), 60_000);
    }
}
