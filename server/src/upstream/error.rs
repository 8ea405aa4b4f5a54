//! What can go wrong setting up the provider's calls, and sending one.

use std::fmt;
use std::path::PathBuf;

/// Why [`super::Upstream::from_settings`] refused the `[upstream]` settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UpstreamError {
    /// `api` names a provider whose table (e.g. `[upstream.huawei]`) is missing.
    MissingSection { section: &'static str },
    /// Neither `<setting>_file` nor `<setting>_env` is set.
    NoSource { setting: &'static str },
    /// Both `<setting>_file` and `<setting>_env` are set.
    TwoSources { setting: &'static str },
    /// The secret's file cannot be read.
    SecretFile {
        setting: &'static str,
        path: PathBuf,
        reason: String,
    },
    /// The secret's environment variable is not set.
    SecretEnvUnset {
        setting: &'static str,
        variable: String,
    },
    /// The secret's environment variable is not UTF-8.
    SecretEnvNotText {
        setting: &'static str,
        variable: String,
    },
    /// The secret is empty.
    EmptySecret { setting: &'static str },
    /// A URL setting is not an absolute `http(s)://` URL without a query.
    BadUrl {
        setting: &'static str,
        reason: &'static str,
    },
    /// `timeout_seconds` is 0.
    ZeroTimeout,
    /// The HTTP client could not be built (no TLS roots, ...).
    Client { reason: String },
}

impl fmt::Display for UpstreamError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UpstreamError::MissingSection { section } => write!(
                f,
                "the settings file has no [{section}] table, which upstream.api needs: add it \
                 (README.md lists its settings)"
            ),
            UpstreamError::NoSource { setting } => write!(
                f,
                "{setting}: neither {setting}_file nor {setting}_env is set; set one of them \
                 (secrets are never written in the settings file itself)"
            ),
            UpstreamError::TwoSources { setting } => write!(
                f,
                "{setting}: both {setting}_file and {setting}_env are set; keep only one"
            ),
            UpstreamError::SecretFile {
                setting,
                path,
                reason,
            } => write!(
                f,
                "{setting}_file: cannot read {} ({reason}); check the path and that the \
                 server's user may read it",
                path.display()
            ),
            UpstreamError::SecretEnvUnset { setting, variable } => write!(
                f,
                "{setting}_env: the environment variable {variable} is not set; set it in the \
                 server's environment"
            ),
            UpstreamError::SecretEnvNotText { setting, variable } => write!(
                f,
                "{setting}_env: the environment variable {variable} is not valid UTF-8"
            ),
            UpstreamError::EmptySecret { setting } => {
                write!(f, "{setting}: the secret is empty; put the real one there")
            }
            UpstreamError::BadUrl { setting, reason } => write!(f, "{setting}: {reason}"),
            UpstreamError::ZeroTimeout => write!(
                f,
                "upstream.timeout_seconds is 0: every call would fail; leave it out for 30"
            ),
            UpstreamError::Client { reason } => {
                write!(
                    f,
                    "cannot set up the HTTP client for the provider: {reason}"
                )
            }
        }
    }
}

impl std::error::Error for UpstreamError {}

/// Why a call to the provider gave no answer to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SendError {
    /// The request cannot have reached the provider (connection refused, DNS, TLS
    /// handshake, a login that failed before the call): sending it again is safe.
    NotSent { reason: String },
    /// It went out and no (complete) answer came back: the provider may have acted, so it
    /// must not be sent again blindly.
    Lost { reason: String },
    /// Our credential was refused: an operator must fix the setting named.
    Credentials { reason: String },
}

impl fmt::Display for SendError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SendError::NotSent { reason } => write!(
                f,
                "the request did not reach the provider ({reason}); nothing was placed, it \
                 may be sent again"
            ),
            SendError::Lost { reason } => write!(
                f,
                "the request went out but no complete answer came back ({reason}); the \
                 provider may have acted: check with the provider before sending it again"
            ),
            SendError::Credentials { reason } => {
                write!(f, "the provider refused our credential: {reason}")
            }
        }
    }
}

impl std::error::Error for SendError {}
