//! The `[customers]` table of the settings file: how the server learns who the customer is.

use std::net::IpAddr;
use std::path::PathBuf;

use serde::Deserialize;

/// One of three ways to know the customer, chosen by `mode`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, tag = "mode", rename_all = "snake_case")]
pub enum CustomerSettings {
    /// The embedding control panel signs a short-lived JWT for its customer
    /// (`Authorization: Bearer <jwt>`).
    Jwt {
        /// `"HS256"` (a shared secret of at least 32 bytes) or `"EdDSA"` (an Ed25519 key
        /// pair; the server holds only the public key). Only this one is accepted.
        algorithm: JwtAlgorithm,
        /// A file holding the key: the HS256 secret, or the Ed25519 public key as PEM.
        #[serde(default)]
        key_file: Option<PathBuf>,
        /// An environment variable holding the key instead of a file.
        #[serde(default)]
        key_env: Option<String>,
        /// The `aud` every token must carry (e.g. `"ssl-order"`).
        audience: String,
        /// The `iss` every token must carry, if set.
        #[serde(default)]
        issuer: Option<String>,
        /// Clock skew allowed on `exp`, `nbf` and `iat`. Default 30.
        #[serde(default = "default_leeway")]
        leeway_seconds: u64,
        /// A token whose `exp - iat` is longer is refused. Default 3600.
        #[serde(default = "default_max_lifetime")]
        max_lifetime_seconds: u64,
    },
    /// The operator's own gateway authenticates the customer and names it in a header.
    TrustedHeader {
        /// The header naming the customer, e.g. `"X-Customer-Id"`.
        header: String,
        /// The gateway's addresses: the header is believed only from these peers.
        from: Vec<IpAddr>,
        /// A header carrying the customer's spending cap in cents, if the gateway sets one.
        #[serde(default)]
        cap_header: Option<String>,
    },
    /// One customer, `"demo"`, without any credential; only on a loopback address.
    Demo,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum JwtAlgorithm {
    #[serde(rename = "HS256")]
    Hs256,
    #[serde(rename = "EdDSA")]
    EdDsa,
}

impl JwtAlgorithm {
    /// The `alg` of a token's header.
    pub fn name(self) -> &'static str {
        match self {
            Self::Hs256 => "HS256",
            Self::EdDsa => "EdDSA",
        }
    }
}

fn default_leeway() -> u64 {
    30
}

fn default_max_lifetime() -> u64 {
    3600
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_jwt_table_gets_its_defaults() {
        let settings: CustomerSettings = toml::from_str(
            r#"mode = "jwt"
               algorithm = "EdDSA"
               key_file = "/etc/ssl-order/panel.pub.pem"
               audience = "ssl-order""#,
        )
        .unwrap();
        assert_eq!(
            settings,
            CustomerSettings::Jwt {
                algorithm: JwtAlgorithm::EdDsa,
                key_file: Some("/etc/ssl-order/panel.pub.pem".into()),
                key_env: None,
                audience: "ssl-order".into(),
                issuer: None,
                leeway_seconds: 30,
                max_lifetime_seconds: 3600,
            }
        );
    }

    #[test]
    fn the_three_modes_read_and_unknown_keys_are_refused() {
        let header: CustomerSettings = toml::from_str(
            r#"mode = "trusted_header"
               header = "X-Customer-Id"
               from = ["10.0.0.1", "::1"]"#,
        )
        .unwrap();
        assert!(
            matches!(header, CustomerSettings::TrustedHeader { ref from, .. } if from.len() == 2)
        );
        let demo: CustomerSettings = toml::from_str(r#"mode = "demo""#).unwrap();
        assert_eq!(demo, CustomerSettings::Demo);
        let typo = toml::from_str::<CustomerSettings>(
            r#"mode = "jwt"
               algorithm = "HS256"
               audience = "a"
               leway_seconds = 5"#,
        )
        .unwrap_err();
        assert!(typo.to_string().contains("leway_seconds"), "{typo}");
        assert!(toml::from_str::<CustomerSettings>(
            r#"mode = "jwt"
               algorithm = "RS256"
               audience = "a""#
        )
        .is_err());
    }
}
