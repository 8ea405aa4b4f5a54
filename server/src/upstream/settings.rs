//! The `[upstream]` table of the settings file: which provider API the server calls, where,
//! and where each secret is read from (a file or an environment variable, never inline).

use std::path::PathBuf;

use serde::Deserialize;
use ssl_order_core::providers::Api;

/// Every call to the provider gives up after this long unless `timeout_seconds` says otherwise.
pub const DEFAULT_TIMEOUT_SECONDS: u64 = 30;

fn default_timeout_seconds() -> u64 {
    DEFAULT_TIMEOUT_SECONDS
}

/// The `[upstream]` table.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UpstreamSettings {
    /// Which wire format the provider speaks.
    pub api: ApiName,
    /// The provider's API base, e.g. `https://scm.ap-southeast-1.myhuaweicloud.com`,
    /// `https://my.gogetssl.com/api`, `https://host.example:2083` (cPanel).
    pub base_url: String,
    /// Every call (login included) gives up after this long: 30 by default.
    #[serde(default = "default_timeout_seconds")]
    pub timeout_seconds: u64,
    pub huawei: Option<HuaweiSettings>,
    pub gogetssl: Option<GoGetSslSettings>,
    pub cpanel: Option<CpanelSettings>,
    pub generic: Option<GenericSettings>,
}

/// `api = "huawei" | "gogetssl" | "cpanel" | "generic"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ApiName {
    Huawei,
    GoGetSsl,
    Cpanel,
    Generic,
}

impl ApiName {
    pub fn api(self) -> Api {
        match self {
            ApiName::Huawei => Api::Huawei,
            ApiName::GoGetSsl => Api::GoGetSsl,
            ApiName::Cpanel => Api::Cpanel,
            ApiName::Generic => Api::Generic,
        }
    }
}

/// Where one secret comes from: exactly one of `<name>_file` (its content, the trailing
/// newline trimmed) or `<name>_env` (the NAME of an environment variable).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SecretSource<'a> {
    /// The setting as the operator writes it, e.g. `upstream.huawei.secret_key`.
    pub setting: &'static str,
    pub file: Option<&'a PathBuf>,
    pub env: Option<&'a String>,
}

/// `[upstream.huawei]`: `mode = "aksk"` or `mode = "token"`.
#[derive(Debug, Clone, Deserialize)]
#[serde(tag = "mode", rename_all = "lowercase", deny_unknown_fields)]
pub enum HuaweiSettings {
    /// Every request signed with an access key pair (`SDK-HMAC-SHA256`).
    Aksk {
        /// The access key ID (not secret: it travels in every `Authorization` header).
        access_key: String,
        secret_key_file: Option<PathBuf>,
        secret_key_env: Option<String>,
        /// The account's domain ID, sent as `X-Domain-Id` (SCM is a global service).
        domain_id: String,
    },
    /// An IAM user's token (`X-Auth-Token`), fetched with its password and renewed.
    Token {
        /// IAM's base, e.g. `https://iam.myhuaweicloud.com` (`/v3/auth/tokens` is added).
        iam_url: String,
        /// The IAM user's name.
        user: String,
        password_file: Option<PathBuf>,
        password_env: Option<String>,
        /// The account (domain) name the user belongs to and the token is scoped to.
        account: String,
    },
}

/// `[upstream.gogetssl]`: the reseller API user, whose password `/auth/` exchanges for a key.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoGetSslSettings {
    pub user: String,
    pub password_file: Option<PathBuf>,
    pub password_env: Option<String>,
}

/// `[upstream.cpanel]`: a cPanel user's API token, and the cPanel Store `access_token`
/// that `Market::request_ssl_certificates` requires.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CpanelSettings {
    pub user: String,
    pub token_file: Option<PathBuf>,
    pub token_env: Option<String>,
    pub access_token_file: Option<PathBuf>,
    pub access_token_env: Option<String>,
}

/// `[upstream.generic]`: a proxy of one's own speaking the generic format; its bearer
/// token is optional (no `token_file` nor `token_env`: no `Authorization` header).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GenericSettings {
    pub token_file: Option<PathBuf>,
    pub token_env: Option<String>,
}

impl HuaweiSettings {
    pub(crate) fn secret(&self) -> SecretSource<'_> {
        match self {
            HuaweiSettings::Aksk {
                secret_key_file,
                secret_key_env,
                ..
            } => SecretSource {
                setting: "upstream.huawei.secret_key",
                file: secret_key_file.as_ref(),
                env: secret_key_env.as_ref(),
            },
            HuaweiSettings::Token {
                password_file,
                password_env,
                ..
            } => SecretSource {
                setting: "upstream.huawei.password",
                file: password_file.as_ref(),
                env: password_env.as_ref(),
            },
        }
    }
}

impl GoGetSslSettings {
    pub(crate) fn password(&self) -> SecretSource<'_> {
        SecretSource {
            setting: "upstream.gogetssl.password",
            file: self.password_file.as_ref(),
            env: self.password_env.as_ref(),
        }
    }
}

impl CpanelSettings {
    pub(crate) fn token(&self) -> SecretSource<'_> {
        SecretSource {
            setting: "upstream.cpanel.token",
            file: self.token_file.as_ref(),
            env: self.token_env.as_ref(),
        }
    }

    pub(crate) fn access_token(&self) -> SecretSource<'_> {
        SecretSource {
            setting: "upstream.cpanel.access_token",
            file: self.access_token_file.as_ref(),
            env: self.access_token_env.as_ref(),
        }
    }
}

impl GenericSettings {
    pub(crate) fn token(&self) -> SecretSource<'_> {
        SecretSource {
            setting: "upstream.generic.token",
            file: self.token_file.as_ref(),
            env: self.token_env.as_ref(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<UpstreamSettings, toml::de::Error> {
        toml::from_str(text)
    }

    #[test]
    fn a_huawei_aksk_table_reads_with_the_default_timeout() {
        let settings = parse(
            r#"
            api = "huawei"
            base_url = "https://scm.example.com"
            [huawei]
            mode = "aksk"
            access_key = "AK"
            secret_key_file = "/run/secrets/sk"
            domain_id = "d"
            "#,
        )
        .unwrap();
        assert_eq!(settings.api, ApiName::Huawei);
        assert_eq!(settings.timeout_seconds, 30);
        let huawei = settings.huawei.unwrap();
        assert!(matches!(huawei, HuaweiSettings::Aksk { .. }));
        assert_eq!(
            huawei
                .secret()
                .file
                .map(|p| p.to_string_lossy().into_owned()),
            Some("/run/secrets/sk".to_string())
        );
    }

    #[test]
    fn the_token_mode_and_the_other_providers_read() {
        let settings = parse(
            r#"
            api = "gogetssl"
            base_url = "https://my.gogetssl.com/api"
            timeout_seconds = 5
            [huawei]
            mode = "token"
            iam_url = "https://iam.example.com"
            user = "u"
            password_env = "HUAWEI_PASSWORD"
            account = "a"
            [gogetssl]
            user = "reseller"
            password_env = "GOGETSSL_PASSWORD"
            [cpanel]
            user = "c"
            token_file = "t"
            access_token_env = "CPANEL_STORE_TOKEN"
            [generic]
            "#,
        )
        .unwrap();
        assert_eq!(settings.timeout_seconds, 5);
        assert_eq!(settings.api.api(), Api::GoGetSsl);
        assert_eq!(
            settings.huawei.unwrap().secret().env.map(String::as_str),
            Some("HUAWEI_PASSWORD")
        );
        assert_eq!(settings.generic.unwrap().token().file, None);
    }

    #[test]
    fn an_inline_secret_or_an_unknown_setting_is_refused() {
        let inline = parse(
            r#"
            api = "gogetssl"
            base_url = "https://my.gogetssl.com/api"
            [gogetssl]
            user = "reseller"
            password = "hunter2"
            "#,
        )
        .unwrap_err();
        assert!(inline.to_string().contains("password"), "{inline}");
        let aksk_password = parse(
            r#"
            api = "huawei"
            base_url = "https://scm.example.com"
            [huawei]
            mode = "aksk"
            access_key = "AK"
            secret_key = "inline"
            domain_id = "d"
            "#,
        )
        .unwrap_err();
        assert!(
            aksk_password.to_string().contains("secret_key"),
            "{aksk_password}"
        );
        let mode = parse(
            r#"
            api = "huawei"
            base_url = "https://scm.example.com"
            [huawei]
            mode = "basic"
            "#,
        )
        .unwrap_err();
        assert!(mode.to_string().contains("basic"), "{mode}");
        assert!(parse("api = \"acme\"\nbase_url = \"x\"").is_err());
    }
}
