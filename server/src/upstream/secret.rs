//! Reading a secret from where the settings say it is, and keeping it out of any text.

use std::ffi::OsString;

use secrecy::{ExposeSecret, SecretString};

use super::error::UpstreamError;
use super::settings::SecretSource;

/// What is printed in place of a secret.
pub const REDACTED: &str = "[redacted]";

/// Reads the secret from its file (trailing newline trimmed) or its environment variable.
pub fn read(source: &SecretSource<'_>) -> Result<SecretString, UpstreamError> {
    read_with(source, |name| std::env::var_os(name))
}

/// [`read`] with the environment given, so tests need not change the process's.
pub fn read_with(
    source: &SecretSource<'_>,
    env: impl Fn(&str) -> Option<OsString>,
) -> Result<SecretString, UpstreamError> {
    let setting = source.setting;
    let text = match (source.file, source.env) {
        (Some(_), Some(_)) => return Err(UpstreamError::TwoSources { setting }),
        (None, None) => return Err(UpstreamError::NoSource { setting }),
        (Some(path), None) => std::fs::read_to_string(path)
            .map_err(|error| UpstreamError::SecretFile {
                setting,
                path: path.clone(),
                reason: error.kind().to_string(),
            })?
            .trim_end_matches(['\n', '\r'])
            .to_string(),
        (None, Some(variable)) => env(variable)
            .ok_or_else(|| UpstreamError::SecretEnvUnset {
                setting,
                variable: variable.clone(),
            })?
            .into_string()
            .map_err(|_| UpstreamError::SecretEnvNotText {
                setting,
                variable: variable.clone(),
            })?,
    };
    if text.trim().is_empty() {
        return Err(UpstreamError::EmptySecret { setting });
    }
    Ok(SecretString::from(text))
}

/// The secrets a text might echo (a provider that repeats a refused token in its answer),
/// as they are and as a query string carries them.
#[derive(Clone, Default)]
pub struct Scrubber {
    secrets: Vec<SecretString>,
}

impl std::fmt::Debug for Scrubber {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Scrubber({} secrets)", self.secrets.len())
    }
}

impl Scrubber {
    pub fn add(&mut self, secret: &SecretString) {
        let raw = secret.expose_secret();
        let encoded: String = form_urlencoded::byte_serialize(raw.as_bytes()).collect();
        for form in [raw.to_string(), encoded] {
            if !form.is_empty() && !self.secrets.iter().any(|s| s.expose_secret() == form) {
                self.secrets.push(SecretString::from(form));
            }
        }
    }

    pub fn with(&self, secret: &SecretString) -> Scrubber {
        let mut more = self.clone();
        more.add(secret);
        more
    }

    /// `text` with every secret replaced by [`REDACTED`].
    pub fn scrub(&self, text: &str) -> String {
        let mut text = text.to_string();
        for secret in &self.secrets {
            text = text.replace(secret.expose_secret(), REDACTED);
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn source<'a>(file: Option<&'a PathBuf>, env: Option<&'a String>) -> SecretSource<'a> {
        SecretSource {
            setting: "upstream.gogetssl.password",
            file,
            env,
        }
    }

    fn no_env(_: &str) -> Option<OsString> {
        None
    }

    #[test]
    fn a_file_is_read_without_its_trailing_newline() {
        let path = std::env::temp_dir().join(format!("upstream-secret-{}", std::process::id()));
        std::fs::write(&path, "s3cret word\r\n").unwrap();
        let secret = read_with(&source(Some(&path), None), no_env).unwrap();
        assert_eq!(secret.expose_secret(), "s3cret word");
        std::fs::remove_file(path).unwrap();
    }

    #[test]
    fn a_variable_is_read_by_its_name() {
        let name = "GOGETSSL_PASSWORD".to_string();
        let env = |n: &str| (n == "GOGETSSL_PASSWORD").then(|| OsString::from("pw"));
        let secret = read_with(&source(None, Some(&name)), env).unwrap();
        assert_eq!(secret.expose_secret(), "pw");
    }

    #[test]
    fn each_missing_source_is_said_with_its_setting() {
        let name = "UNSET_VARIABLE".to_string();
        let missing = PathBuf::from("/nonexistent/upstream/secret");
        for (file, env, says) in [
            (None, None, "neither"),
            (Some(&missing), Some(&name), "both"),
            (None, Some(&name), "UNSET_VARIABLE"),
            (Some(&missing), None, "/nonexistent/upstream/secret"),
        ] {
            let error = read_with(&source(file, env), no_env)
                .unwrap_err()
                .to_string();
            assert!(error.contains("upstream.gogetssl.password"), "{error}");
            assert!(error.contains(says), "{error}");
        }
        let blank = |_: &str| Some(OsString::from(" \n"));
        let error = read_with(&source(None, Some(&name)), blank).unwrap_err();
        assert!(
            matches!(error, UpstreamError::EmptySecret { .. }),
            "{error}"
        );
    }

    #[test]
    fn the_scrubber_hides_a_secret_and_its_query_form() {
        let mut scrubber = Scrubber::default();
        scrubber.add(&SecretString::from("a b&c"));
        let text = scrubber.scrub("said a b&c, sent auth_key=a+b%26c");
        assert_eq!(text, "said [redacted], sent auth_key=[redacted]");
        assert!(!format!("{scrubber:?}").contains("a b"));
    }
}
