//! The order server's settings file (TOML), read and checked once at start: every mistake is
//! refused with the setting's name and what to write instead. Secrets are never in it: the
//! sections that need one name a file or an environment variable holding it.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::customers::CustomerSettings;
use crate::limits::LimitSettings;
use crate::order_log::LogSettings;
use crate::upstream::UpstreamSettings;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// The catalogue sold: what `/api/catalogue` serves and orders are checked against.
    pub catalogue: PathBuf,
    /// The ICANN section of the Public Suffix List (the app's `data/public-suffix-icann.dat`):
    /// without it, names are checked by shape only, as in the browser before the list loads.
    #[serde(default)]
    pub public_suffix_list: Option<PathBuf>,
    /// How long a status read from the provider is reused for every browser that asks.
    #[serde(default = "defaults::status_cache_seconds")]
    pub status_cache_seconds: u64,
    /// An unfinished order whose row has not moved for this long belongs to a server that
    /// stopped, and is taken over. Longer than the slowest provider call.
    #[serde(default = "defaults::stale_after_seconds")]
    pub stale_after_seconds: u64,
    /// How often the log is searched for such orders.
    #[serde(default = "defaults::resume_every_seconds")]
    pub resume_every_seconds: u64,
    #[serde(default)]
    pub database: Option<LogSettings>,
    pub upstream: UpstreamSettings,
    pub customers: CustomerSettings,
    #[serde(default)]
    pub limits: Option<LimitSettings>,
}

mod defaults {
    pub fn status_cache_seconds() -> u64 {
        5
    }
    pub fn stale_after_seconds() -> u64 {
        120
    }
    pub fn resume_every_seconds() -> u64 {
        15
    }
}

/// Why the settings cannot be used.
#[derive(Debug)]
pub enum SettingsError {
    Read { path: PathBuf, why: std::io::Error },
    Toml { path: PathBuf, why: String },
    Catalogue { path: PathBuf, why: String },
    Invalid(String),
}

impl std::fmt::Display for SettingsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SettingsError::Read { path, why } => {
                write!(f, "cannot read the settings file {}: {why}", path.display())
            }
            SettingsError::Toml { path, why } => write!(
                f,
                "the settings file {} is not valid: {why}. The README's \"Order server\" \
                 section lists every setting",
                path.display()
            ),
            SettingsError::Catalogue { path, why } => write!(
                f,
                "catalogue = {}: {why}. Point it at a catalogue such as dist/catalog/huawei.json",
                path.display()
            ),
            SettingsError::Invalid(why) => f.write_str(why),
        }
    }
}

impl std::error::Error for SettingsError {}

impl Settings {
    /// Reads and checks the file; relative paths in it are taken from the file's directory.
    pub fn read(path: &Path) -> Result<Settings, SettingsError> {
        let text = std::fs::read_to_string(path).map_err(|why| SettingsError::Read {
            path: path.to_path_buf(),
            why,
        })?;
        let mut settings = Settings::parse(&text).map_err(|why| SettingsError::Toml {
            path: path.to_path_buf(),
            why,
        })?;
        let base = path.parent().unwrap_or(Path::new("."));
        settings.catalogue = base.join(&settings.catalogue);
        settings.public_suffix_list = settings.public_suffix_list.map(|p| base.join(p));
        Ok(settings)
    }

    pub fn parse(text: &str) -> Result<Settings, String> {
        let settings: Settings = toml::from_str(text).map_err(|e| e.to_string())?;
        if settings.stale_after_seconds == 0 || settings.resume_every_seconds == 0 {
            return Err("stale_after_seconds and resume_every_seconds must be at least 1".into());
        }
        Ok(settings)
    }

    /// The catalogue's text and what it holds, read with the app's own rules.
    pub fn catalogue(&self) -> Result<(String, ssl_order_core::order::Catalogue), SettingsError> {
        let fail = |why: String| SettingsError::Catalogue {
            path: self.catalogue.clone(),
            why,
        };
        let text = std::fs::read_to_string(&self.catalogue).map_err(|e| fail(e.to_string()))?;
        let catalogue = ssl_order_core::order::Catalogue::from_json(&text)
            .map_err(|e| fail(format!("refused by the app's rules ({e:?})")))?;
        Ok((text, catalogue))
    }
}
