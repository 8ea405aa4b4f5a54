//! The `[database]` table of the settings file.

use std::fmt;

use serde::Deserialize;

/// Where the order log lives. `Debug` hides a password in the URL.
#[derive(Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, default)]
pub struct LogSettings {
    /// `sqlite://orders.db` (the default: a file in the working directory, created if missing, in
    /// WAL mode with a busy timeout) or `postgres://user:password@host/database` for several
    /// servers sharing one log.
    pub url: String,
    /// The most connections the pool opens (default 16).
    pub max_connections: u32,
}

impl Default for LogSettings {
    fn default() -> Self {
        Self {
            url: "sqlite://orders.db".to_string(),
            max_connections: 16,
        }
    }
}

impl fmt::Debug for LogSettings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LogSettings")
            .field("url", &redacted_url(&self.url))
            .field("max_connections", &self.max_connections)
            .finish()
    }
}

/// The URL with its password and query (PostgreSQL takes `?password=` too) replaced by
/// `[redacted]`: what messages and `Debug` show.
pub fn redacted_url(url: &str) -> String {
    let (without_query, had_query) = match url.split_once('?') {
        Some((head, _)) => (head, true),
        None => (url, false),
    };
    let mut shown = match without_query.split_once("://") {
        Some((scheme, rest)) => {
            let authority_end = rest.find('/').unwrap_or(rest.len());
            let (authority, path) = rest.split_at(authority_end);
            let authority = match authority.rsplit_once('@') {
                Some((user_info, host)) => match user_info.split_once(':') {
                    Some((user, _password)) => format!("{user}:[redacted]@{host}"),
                    None => format!("{user_info}@{host}"),
                },
                None => authority.to_string(),
            };
            format!("{scheme}://{authority}{path}")
        }
        None => without_query.to_string(),
    };
    if had_query {
        shown.push_str("?[redacted]");
    }
    shown
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_an_sqlite_file_and_16_connections() {
        let settings: LogSettings = toml::from_str("").unwrap();
        assert_eq!(settings.url, "sqlite://orders.db");
        assert_eq!(settings.max_connections, 16);
        let set: LogSettings =
            toml::from_str("url = \"postgres://h/db\"\nmax_connections = 4").unwrap();
        assert_eq!(
            (set.url.as_str(), set.max_connections),
            ("postgres://h/db", 4)
        );
    }

    #[test]
    fn an_unknown_key_is_refused() {
        let error = toml::from_str::<LogSettings>("uri = \"sqlite://x.db\"").unwrap_err();
        assert!(error.to_string().contains("unknown field `uri`"), "{error}");
    }

    #[test]
    fn debug_hides_the_password_and_the_query() {
        let settings = LogSettings {
            url: "postgres://orders:s3cret-pw@db.example:5432/orders?password=other-pw".into(),
            max_connections: 16,
        };
        let shown = format!("{settings:?}");
        assert!(
            !shown.contains("s3cret-pw") && !shown.contains("other-pw"),
            "{shown}"
        );
        assert!(
            shown.contains("postgres://orders:[redacted]@db.example:5432/orders?[redacted]"),
            "{shown}"
        );
    }

    #[test]
    fn a_url_without_a_password_is_shown_whole() {
        assert_eq!(redacted_url("sqlite://orders.db"), "sqlite://orders.db");
        assert_eq!(
            redacted_url("postgres://orders@db.example/orders"),
            "postgres://orders@db.example/orders"
        );
        // An @ in the password does not leave its tail behind.
        assert_eq!(
            redacted_url("postgres://u:p@ss@h/d"),
            "postgres://u:[redacted]@h/d"
        );
    }
}
