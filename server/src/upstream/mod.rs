//! The order server's calls to the provider, with the credentials it holds.
//!
//! The core builds every request without a credential (from [`Upstream::endpoint`]);
//! [`Upstream::send`] adds the credential the settings name (Huawei's AK/SK signature or
//! IAM token, GoGetSSL's `auth_key`, cPanel's API token, the generic proxy's bearer token),
//! sends it, and says whether a failed call can have reached the provider. Secrets are read
//! once, from files or environment variables, and never shown: not by `Debug`, not in an
//! error, not in a URL (nothing here logs one).

mod cache;
pub(crate) mod calendar;
mod error;
mod gogetssl;
mod huawei;
mod secret;
mod settings;
mod wire;

use std::fmt;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use reqwest::{Client, Url};
use secrecy::{ExposeSecret, SecretString};
use ssl_order_core::providers::{Api, Endpoint, PreparedRequest};

pub use error::{SendError, UpstreamError};
pub use settings::{
    ApiName, CpanelSettings, GenericSettings, GoGetSslSettings, HuaweiSettings, UpstreamSettings,
    DEFAULT_TIMEOUT_SECONDS,
};

use cache::LoginCache;
use gogetssl::GoGetSsl;
use huawei::{excerpt, AkSk, IamToken};
use secret::Scrubber;
use wire::{exchange, Answer, Outgoing};

/// The provider's whole answer to one request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    pub status: u16,
    pub body: String,
    pub elapsed: Duration,
}

impl From<Answer> for Reply {
    fn from(answer: Answer) -> Reply {
        Reply {
            status: answer.status,
            body: answer.body,
            elapsed: answer.elapsed,
        }
    }
}

/// The calls to one provider. Cheap to clone: clones share the client and the logins.
#[derive(Clone)]
pub struct Upstream {
    inner: Arc<Inner>,
}

type Now = Box<dyn Fn() -> SystemTime + Send + Sync>;

struct Inner {
    api: Api,
    base_url: String,
    client: Client,
    credential: Credential,
    /// Every secret held, to take out of any text an error carries.
    scrubber: Scrubber,
    now: Now,
}

enum Credential {
    HuaweiAkSk(AkSk),
    HuaweiToken(IamToken),
    GoGetSsl(GoGetSsl),
    Cpanel {
        /// `cpanel USER:TOKEN`, the whole `Authorization` value.
        authorization: SecretString,
        /// The cPanel Store's `access_token`, for `Market::request_ssl_certificates`.
        access_token: SecretString,
    },
    Generic {
        token: Option<SecretString>,
    },
}

impl Credential {
    fn kind(&self) -> &'static str {
        match self {
            Credential::HuaweiAkSk(_) => "huawei AK/SK",
            Credential::HuaweiToken(_) => "huawei IAM token",
            Credential::GoGetSsl(_) => "gogetssl login",
            Credential::Cpanel { .. } => "cpanel API token",
            Credential::Generic { token: Some(_) } => "generic bearer token",
            Credential::Generic { token: None } => "generic, no token",
        }
    }
}

// By hand: only what is not secret.
impl fmt::Debug for Upstream {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Upstream")
            .field("api", &self.inner.api)
            .field("base_url", &self.inner.base_url)
            .field("credential", &self.inner.credential.kind())
            .finish_non_exhaustive()
    }
}

/// What a provider's module needs for one call.
pub(crate) struct Context<'a> {
    client: &'a Client,
    scrubber: &'a Scrubber,
    now: SystemTime,
}

/// An absolute `http(s)://` URL without credentials, query or fragment.
fn checked_url(setting: &'static str, text: &str) -> Result<Url, UpstreamError> {
    let bad = |reason| UpstreamError::BadUrl { setting, reason };
    let url = Url::parse(text)
        .map_err(|_| bad("not an absolute URL; write it as https://host[:port][/path]"))?;
    if !matches!(url.scheme(), "https" | "http") || !url.has_host() {
        return Err(bad("must be an https:// (or http://) URL with a host"));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(bad(
            "must not carry a user or password; secrets go in their own _file/_env settings",
        ));
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(bad("must not have a query (?...) or a fragment (#...)"));
    }
    Ok(url)
}

/// `base` with `path` added after its own path.
fn join(base: &str, path: &str) -> String {
    format!(
        "{}/{}",
        base.trim_end_matches('/'),
        path.trim_start_matches('/')
    )
}

fn require<'a, T>(section: &'static str, table: Option<&'a T>) -> Result<&'a T, UpstreamError> {
    table.ok_or(UpstreamError::MissingSection { section })
}

impl Upstream {
    /// Reads the secrets now: a missing file or variable, or a missing table for `api`, is
    /// an error naming the setting.
    pub fn from_settings(settings: &UpstreamSettings) -> Result<Upstream, UpstreamError> {
        Upstream::with_clock(settings, SystemTime::now)
    }

    /// [`Upstream::from_settings`] with the time given: tests move it on to expire tokens.
    pub fn with_clock(
        settings: &UpstreamSettings,
        now: impl Fn() -> SystemTime + Send + Sync + 'static,
    ) -> Result<Upstream, UpstreamError> {
        let api = settings.api.api();
        let base = checked_url("upstream.base_url", &settings.base_url)?;
        if settings.timeout_seconds == 0 {
            return Err(UpstreamError::ZeroTimeout);
        }
        let client = wire::client(Duration::from_secs(settings.timeout_seconds))?;
        let mut scrubber = Scrubber::default();
        let mut secret = |source| {
            let value = secret::read(&source)?;
            scrubber.add(&value);
            Ok::<_, UpstreamError>(value)
        };
        let credential = match settings.api {
            ApiName::Huawei => {
                let huawei = require("upstream.huawei", settings.huawei.as_ref())?;
                let value = secret(huawei.secret())?;
                match huawei {
                    HuaweiSettings::Aksk {
                        access_key,
                        domain_id,
                        ..
                    } => Credential::HuaweiAkSk(AkSk {
                        access_key: access_key.clone(),
                        secret_key: value,
                        domain_id: domain_id.clone(),
                    }),
                    HuaweiSettings::Token {
                        iam_url,
                        user,
                        account,
                        ..
                    } => {
                        let iam = checked_url("upstream.huawei.iam_url", iam_url)?;
                        Credential::HuaweiToken(IamToken {
                            tokens_url: checked_url(
                                "upstream.huawei.iam_url",
                                &join(iam.as_str(), "v3/auth/tokens"),
                            )?,
                            user: user.clone(),
                            password: value,
                            account: account.clone(),
                            cache: LoginCache::default(),
                        })
                    }
                }
            }
            ApiName::GoGetSsl => {
                let gogetssl = require("upstream.gogetssl", settings.gogetssl.as_ref())?;
                Credential::GoGetSsl(GoGetSsl {
                    auth_url: checked_url("upstream.base_url", &join(base.as_str(), "auth/"))?,
                    user: gogetssl.user.clone(),
                    password: secret(gogetssl.password())?,
                    cache: LoginCache::default(),
                })
            }
            ApiName::Cpanel => {
                let cpanel = require("upstream.cpanel", settings.cpanel.as_ref())?;
                let token = secret(cpanel.token())?;
                let authorization =
                    SecretString::from(format!("cpanel {}:{}", cpanel.user, token.expose_secret()));
                Credential::Cpanel {
                    authorization,
                    access_token: secret(cpanel.access_token())?,
                }
            }
            ApiName::Generic => {
                let generic = settings.generic.clone().unwrap_or_default();
                let source = generic.token();
                let token = if source.file.is_none() && source.env.is_none() {
                    None
                } else {
                    Some(secret(source)?)
                };
                Credential::Generic { token }
            }
        };
        Ok(Upstream {
            inner: Arc::new(Inner {
                api,
                base_url: settings.base_url.clone(),
                client,
                credential,
                scrubber,
                now: Box::new(now),
            }),
        })
    }

    pub fn api(&self) -> Api {
        self.inner.api
    }

    /// Where the core builds the requests to: the base URL and no credential (`send` adds
    /// it). cPanel's UAPI is under `/execute` of the cPanel address.
    pub fn endpoint(&self) -> Endpoint {
        let base = self.inner.base_url.trim_end_matches('/');
        let base_url = match self.inner.api {
            Api::Cpanel if !base.ends_with("/execute") => join(base, "execute"),
            Api::Cpanel | Api::Huawei | Api::GoGetSsl | Api::Generic => base.to_string(),
        };
        Endpoint {
            base_url,
            token: None,
        }
    }

    /// Adds the credential to `request`, sends it and reads the whole answer. A refused
    /// login token or key is renewed and the request sent once more.
    pub async fn send(&self, request: PreparedRequest) -> Result<Reply, SendError> {
        let inner = &*self.inner;
        let context = Context {
            client: &inner.client,
            scrubber: &inner.scrubber,
            now: (inner.now)(),
        };
        match &inner.credential {
            Credential::HuaweiAkSk(aksk) => {
                let outgoing = aksk.sign(request, context.now)?;
                let answer = exchange(context.client, outgoing, context.scrubber).await?;
                refused_if(
                    answer,
                    401,
                    "Huawei refused the signature; check upstream.huawei.access_key, \
                     upstream.huawei.secret_key_file/_env, upstream.huawei.domain_id and the \
                     machine's clock",
                    context.scrubber,
                )
            }
            Credential::HuaweiToken(iam) => {
                let token = iam.token(None, &context).await?;
                let answer = send_with_token(&context, request.clone(), &token).await?;
                if answer.status != 401 {
                    return Ok(answer.into());
                }
                // SCM checks the token before it acts on anything, so a call that got a 401
                // (a POST included) did nothing and is safe to send once more.
                let renewed = iam.token(Some(&token), &context).await?;
                let answer = send_with_token(&context, request, &renewed).await?;
                refused_if(
                    answer,
                    401,
                    "Huawei SCM refused a new IAM token; check that upstream.huawei.user may \
                     use SCM in upstream.huawei.account",
                    &context.scrubber.with(&renewed),
                )
            }
            Credential::GoGetSsl(gogetssl) => {
                let key = gogetssl.key(None, &context).await?;
                let answer = send_with_key(&context, request.clone(), &key).await?;
                if !gogetssl::refused_key(&answer) {
                    return Ok(answer.into());
                }
                // GoGetSSL refuses a key before it acts on the call: sending it once more
                // with a new key cannot place the order twice.
                let renewed = gogetssl.key(Some(&key), &context).await?;
                let answer = send_with_key(&context, request, &renewed).await?;
                if gogetssl::refused_key(&answer) {
                    return Err(SendError::Credentials {
                        reason: context.scrubber.with(&renewed).scrub(&format!(
                            "GoGetSSL refused a fresh auth_key ({}); check upstream.gogetssl.user",
                            excerpt(&answer.body)
                        )),
                    });
                }
                Ok(answer.into())
            }
            Credential::Cpanel {
                authorization,
                access_token,
            } => {
                let mut outgoing = Outgoing::from_prepared(request)?;
                outgoing.add_header("Authorization", authorization.expose_secret(), true)?;
                // Only the purchase takes the cPanel Store's token (as the core's adapter says).
                if outgoing
                    .url
                    .path()
                    .ends_with("/Market/request_ssl_certificates")
                {
                    outgoing.add_query("access_token", access_token.expose_secret());
                }
                let answer = exchange(context.client, outgoing, context.scrubber).await?;
                refused_if(
                    answer,
                    401,
                    "cPanel refused the API token; check upstream.cpanel.user and \
                     upstream.cpanel.token_file/_env",
                    context.scrubber,
                )
            }
            Credential::Generic { token } => {
                let mut outgoing = Outgoing::from_prepared(request)?;
                if let Some(token) = token {
                    let value = format!("Bearer {}", token.expose_secret());
                    outgoing.add_header("Authorization", &value, true)?;
                }
                let answer = exchange(context.client, outgoing, context.scrubber).await?;
                refused_if(
                    answer,
                    401,
                    "the order proxy refused us; check upstream.generic.token_file/_env",
                    context.scrubber,
                )
            }
        }
    }
}

async fn send_with_token(
    context: &Context<'_>,
    request: PreparedRequest,
    token: &SecretString,
) -> Result<Answer, SendError> {
    let mut outgoing = Outgoing::from_prepared(request)?;
    outgoing.add_header("X-Auth-Token", token.expose_secret(), true)?;
    exchange(context.client, outgoing, &context.scrubber.with(token)).await
}

async fn send_with_key(
    context: &Context<'_>,
    request: PreparedRequest,
    key: &SecretString,
) -> Result<Answer, SendError> {
    let mut outgoing = Outgoing::from_prepared(request)?;
    outgoing.add_query("auth_key", key.expose_secret());
    exchange(context.client, outgoing, &context.scrubber.with(key)).await
}

/// The answer, unless its status says our credential was refused.
fn refused_if(
    answer: Answer,
    status: u16,
    what: &str,
    scrubber: &Scrubber,
) -> Result<Reply, SendError> {
    if answer.status == status {
        return Err(SendError::Credentials {
            reason: scrubber.scrub(&format!(
                "{what} (HTTP {status}: {})",
                excerpt(&answer.body)
            )),
        });
    }
    Ok(answer.into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn secret_file(name: &str, secret: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("upstream-unit-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(name);
        std::fs::write(&path, format!("{secret}\n")).unwrap();
        path
    }

    fn base(api: ApiName, base_url: &str) -> UpstreamSettings {
        UpstreamSettings {
            api,
            base_url: base_url.into(),
            timeout_seconds: DEFAULT_TIMEOUT_SECONDS,
            huawei: None,
            gogetssl: None,
            cpanel: None,
            generic: None,
        }
    }

    fn every_credential() -> Vec<(UpstreamSettings, &'static str)> {
        let sk = "unit-secret-key-0001";
        let password = "unit-password-0002";
        let token = "UNITCPANELTOKEN0003";
        let store = "unit-store-token-0004";
        let bearer = "unit-bearer-0005";
        vec![
            (
                UpstreamSettings {
                    huawei: Some(HuaweiSettings::Aksk {
                        access_key: "AK".into(),
                        secret_key_file: Some(secret_file("sk", sk)),
                        secret_key_env: None,
                        domain_id: "d".into(),
                    }),
                    ..base(ApiName::Huawei, "https://scm.example.com")
                },
                sk,
            ),
            (
                UpstreamSettings {
                    huawei: Some(HuaweiSettings::Token {
                        iam_url: "https://iam.example.com".into(),
                        user: "u".into(),
                        password_file: Some(secret_file("iam", password)),
                        password_env: None,
                        account: "a".into(),
                    }),
                    ..base(ApiName::Huawei, "https://scm.example.com")
                },
                password,
            ),
            (
                UpstreamSettings {
                    gogetssl: Some(GoGetSslSettings {
                        user: "u".into(),
                        password_file: Some(secret_file("gogetssl", password)),
                        password_env: None,
                    }),
                    ..base(ApiName::GoGetSsl, "https://my.gogetssl.com/api")
                },
                password,
            ),
            (
                UpstreamSettings {
                    cpanel: Some(CpanelSettings {
                        user: "u".into(),
                        token_file: Some(secret_file("cpanel", token)),
                        token_env: None,
                        access_token_file: Some(secret_file("store", store)),
                        access_token_env: None,
                    }),
                    ..base(ApiName::Cpanel, "https://host.example:2083")
                },
                token,
            ),
            (
                UpstreamSettings {
                    generic: Some(GenericSettings {
                        token_file: Some(secret_file("bearer", bearer)),
                        token_env: None,
                    }),
                    ..base(ApiName::Generic, "https://proxy.example/api")
                },
                bearer,
            ),
        ]
    }

    #[test]
    fn no_secret_shows_in_debug() {
        for (settings, secret) in every_credential() {
            let upstream = Upstream::from_settings(&settings).unwrap();
            let shown = format!("{upstream:?} {settings:?} {:?}", upstream.endpoint());
            assert!(!shown.contains(secret), "{shown}");
            assert!(shown.contains(settings.api.api().slug()), "{shown}");
        }
    }

    #[test]
    fn the_endpoint_has_no_token_and_cpanel_is_under_execute() {
        for (settings, _) in every_credential() {
            let upstream = Upstream::from_settings(&settings).unwrap();
            let endpoint = upstream.endpoint();
            assert_eq!(endpoint.token, None);
            let expected = match upstream.api() {
                Api::Cpanel => "https://host.example:2083/execute".to_string(),
                Api::Huawei | Api::GoGetSsl | Api::Generic => settings.base_url.clone(),
            };
            assert_eq!(endpoint.base_url, expected);
        }
        let already = UpstreamSettings {
            base_url: "https://host.example:2083/execute/".into(),
            ..every_credential().remove(3).0
        };
        assert_eq!(
            Upstream::from_settings(&already)
                .unwrap()
                .endpoint()
                .base_url,
            "https://host.example:2083/execute"
        );
    }

    #[test]
    fn a_missing_table_or_secret_names_the_setting() {
        for api in [ApiName::Huawei, ApiName::GoGetSsl, ApiName::Cpanel] {
            let error = Upstream::from_settings(&base(api, "https://x.example")).unwrap_err();
            assert!(
                matches!(error, UpstreamError::MissingSection { .. }),
                "{error}"
            );
        }
        // The generic proxy needs no table: without a token, no Authorization.
        assert!(Upstream::from_settings(&base(ApiName::Generic, "https://x.example")).is_ok());
        let no_store_token = UpstreamSettings {
            cpanel: Some(CpanelSettings {
                user: "u".into(),
                token_file: Some(secret_file("cpanel-only", "T")),
                token_env: None,
                access_token_file: None,
                access_token_env: None,
            }),
            ..base(ApiName::Cpanel, "https://host.example:2083")
        };
        let error = Upstream::from_settings(&no_store_token)
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("upstream.cpanel.access_token_file"),
            "{error}"
        );
    }

    #[test]
    fn urls_are_absolute_without_credentials_or_queries() {
        for (url, says) in [
            ("scm.example.com", "absolute"),
            ("ftp://scm.example.com", "https://"),
            ("https://user:pw@scm.example.com", "user or password"),
            ("https://scm.example.com/?auth_key=k", "query"),
        ] {
            let error = Upstream::from_settings(&base(ApiName::Generic, url))
                .unwrap_err()
                .to_string();
            assert!(error.contains("upstream.base_url"), "{error}");
            assert!(error.contains(says), "{url}: {error}");
            assert!(!error.contains("pw@"), "{error}");
        }
        let zero = UpstreamSettings {
            timeout_seconds: 0,
            ..base(ApiName::Generic, "https://x.example")
        };
        assert_eq!(
            Upstream::from_settings(&zero).unwrap_err(),
            UpstreamError::ZeroTimeout
        );
    }
}
