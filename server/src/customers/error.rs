//! Why the `[customers]` settings cannot be used; said at start, never with the key.

use std::fmt;
use std::io;
use std::net::SocketAddr;
use std::path::PathBuf;

#[derive(Debug)]
pub enum GateError {
    /// Neither `key_file` nor `key_env`.
    NoKeySource,
    /// Both `key_file` and `key_env`.
    TwoKeySources,
    KeyFile {
        path: PathBuf,
        source: io::Error,
    },
    /// The variable is not set or is not UTF-8.
    KeyEnv {
        name: String,
    },
    SecretTooShort {
        bytes: usize,
    },
    /// The EdDSA key is not an Ed25519 public key in PEM.
    NotAPublicKey,
    /// The EdDSA key is the private half: it belongs to the control panel only.
    PrivateKeyGiven,
    EmptyAudience,
    /// `trusted_header` with an empty `from`.
    NoGateway,
    BadHeaderName {
        header: String,
    },
    DemoNotLoopback {
        listen: SocketAddr,
    },
}

impl fmt::Display for GateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NoKeySource => f.write_str(
                "[customers] mode \"jwt\" needs the key: set key_file (a file holding it) or \
                 key_env (an environment variable holding it)",
            ),
            Self::TwoKeySources => f.write_str(
                "[customers] sets both key_file and key_env: keep the one that holds the key",
            ),
            Self::KeyFile { path, source } => write!(
                f,
                "cannot read the customer token key file {} ([customers] key_file): {source}",
                path.display()
            ),
            Self::KeyEnv { name } => write!(
                f,
                "the environment variable {name} ([customers] key_env) is not set or not UTF-8: \
                 export it with the customer token key"
            ),
            Self::SecretTooShort { bytes } => write!(
                f,
                "the HS256 customer token secret is {bytes} bytes long; use at least 32 random \
                 bytes (e.g. `openssl rand -base64 48`), the same in the control panel"
            ),
            Self::NotAPublicKey => f.write_str(
                "the EdDSA customer token key is not an Ed25519 public key in PEM (-----BEGIN \
                 PUBLIC KEY-----); make it with `openssl pkey -in private.pem -pubout`",
            ),
            Self::PrivateKeyGiven => f.write_str(
                "the EdDSA customer token key is a PRIVATE key: give the server only the public \
                 key (`openssl pkey -in private.pem -pubout`); the private key stays with the \
                 control panel",
            ),
            Self::EmptyAudience => f.write_str(
                "[customers] audience is empty: set the aud value the control panel signs into \
                 every token (e.g. \"ssl-order\")",
            ),
            Self::NoGateway => f.write_str(
                "[customers] mode \"trusted_header\" has no gateway address in `from`: list the \
                 addresses of the gateway that sets the header",
            ),
            Self::BadHeaderName { header } => {
                write!(
                    f,
                    "[customers] header name {header:?} is not a valid HTTP header name"
                )
            }
            Self::DemoNotLoopback { listen } => write!(
                f,
                "[customers] mode \"demo\" lets anyone order as the demo customer, so it is only \
                 allowed on a loopback address, and the server listens on {listen}: listen on \
                 127.0.0.1 or [::1], or set mode \"jwt\" or \"trusted_header\""
            ),
        }
    }
}

impl std::error::Error for GateError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::KeyFile { source, .. } => Some(source),
            Self::NoKeySource
            | Self::TwoKeySources
            | Self::KeyEnv { .. }
            | Self::SecretTooShort { .. }
            | Self::NotAPublicKey
            | Self::PrivateKeyGiven
            | Self::EmptyAudience
            | Self::NoGateway
            | Self::BadHeaderName { .. }
            | Self::DemoNotLoopback { .. } => None,
        }
    }
}
