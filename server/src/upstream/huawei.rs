//! Huawei Cloud's two credentials: every request signed with an access key pair, or an IAM
//! user's token fetched with its password and kept until shortly before it expires.

use std::time::{Duration, SystemTime};

use reqwest::Url;
use secrecy::{ExposeSecret, SecretString};
use serde_json::{json, Value};
use ssl_order_core::providers::huawei_signing::{sign, AccessKey};
use ssl_order_core::providers::{Method, PreparedRequest};

use super::cache::{Login, LoginCache};
use super::calendar::{parse_rfc3339, sdk_date};
use super::error::SendError;
use super::wire::{exchange, parse_url, Outgoing};
use super::Context;

/// A token is renewed this long before IAM says it expires (or half its life, if shorter).
const RENEW_MARGIN: Duration = Duration::from_secs(5 * 60);
/// How long a token is kept when IAM does not say when it expires (its tokens last 24 h).
const UNDATED_TOKEN: Duration = Duration::from_secs(60 * 60);

pub struct AkSk {
    pub access_key: String,
    pub secret_key: SecretString,
    pub domain_id: String,
}

impl AkSk {
    /// The request signed at `now`, exactly as it will go out: the URL is normalised the
    /// way reqwest sends it (default port dropped, so the signed host is the `Host` header).
    pub fn sign(
        &self,
        mut request: PreparedRequest,
        now: SystemTime,
    ) -> Result<Outgoing, SendError> {
        request.url = parse_url(&request.url)?.to_string();
        let date = sdk_date(now).ok_or_else(|| SendError::NotSent {
            reason: "the system clock is not a date Huawei takes; check the machine's time".into(),
        })?;
        let key = AccessKey::new(self.access_key.as_str(), self.secret_key.expose_secret());
        sign(&mut request, &key, Some(&self.domain_id), &date).map_err(|_| SendError::NotSent {
            reason: "the request's URL cannot be signed (not absolute); check upstream.base_url"
                .into(),
        })?;
        Outgoing::from_prepared(request)
    }
}

pub struct IamToken {
    /// `{iam_url}/v3/auth/tokens`.
    pub tokens_url: Url,
    pub user: String,
    pub password: SecretString,
    pub account: String,
    pub cache: LoginCache,
}

impl IamToken {
    /// The token to send, logging in when there is none, it is due, or SCM `refused` it.
    pub async fn token(
        &self,
        refused: Option<&SecretString>,
        context: &Context<'_>,
    ) -> Result<SecretString, SendError> {
        self.cache
            .get(refused, context.now, || self.login(context))
            .await
    }

    /// `POST /v3/auth/tokens` with the password, scoped to the account: the token comes in
    /// `X-Subject-Token`, its expiry in the body's `token.expires_at`.
    async fn login(&self, context: &Context<'_>) -> Result<Login, SendError> {
        let body = json!({
            "auth": {
                "identity": {
                    "methods": ["password"],
                    "password": {
                        "user": {
                            "name": self.user,
                            "password": self.password.expose_secret(),
                            "domain": { "name": self.account },
                        },
                    },
                },
                "scope": { "domain": { "name": self.account } },
            }
        });
        let mut outgoing = Outgoing {
            method: Method::Post,
            url: self.tokens_url.clone(),
            headers: Vec::new(),
            body: Some(body.to_string()),
        };
        outgoing.add_header("Content-Type", "application/json;charset=utf8", false)?;
        let scrubber = context.scrubber;
        // Whatever happened to the login, the SCM call itself has not gone out.
        let answer = exchange(context.client, outgoing, scrubber)
            .await
            .map_err(|error| SendError::NotSent {
                reason: format!("logging in to Huawei IAM failed: {error}"),
            })?;
        match answer.status {
            200 | 201 => {}
            400 | 401 | 403 => {
                return Err(SendError::Credentials {
                    reason: scrubber.scrub(&format!(
                        "Huawei IAM refused user {:?} of account {:?} (HTTP {}: {}); check \
                         upstream.huawei.user, upstream.huawei.account and \
                         upstream.huawei.password_file/_env",
                        self.user,
                        self.account,
                        answer.status,
                        excerpt(&answer.body)
                    )),
                })
            }
            status => {
                return Err(SendError::NotSent {
                    reason: format!(
                        "Huawei IAM answered the login with HTTP {status}; check \
                         upstream.huawei.iam_url if it persists"
                    ),
                })
            }
        }
        let token = answer
            .headers
            .get("x-subject-token")
            .and_then(|v| v.to_str().ok())
            .filter(|v| !v.is_empty())
            .ok_or_else(|| SendError::NotSent {
                reason: "Huawei IAM answered the login without an X-Subject-Token header; \
                         check upstream.huawei.iam_url"
                    .into(),
            })?;
        let expires = serde_json::from_str::<Value>(&answer.body)
            .ok()
            .and_then(|body| {
                body.pointer("/token/expires_at")
                    .and_then(Value::as_str)
                    .and_then(parse_rfc3339)
            });
        Ok(Login {
            value: SecretString::from(token),
            renew_at: Some(renew_at(context.now, expires)),
        })
    }
}

/// When a token that `expires` (if IAM said) should be replaced.
fn renew_at(now: SystemTime, expires: Option<SystemTime>) -> SystemTime {
    match expires {
        Some(expires) => {
            let life = expires.duration_since(now).unwrap_or_default();
            expires - RENEW_MARGIN.min(life / 2)
        }
        None => now + UNDATED_TOKEN,
    }
}

/// The start of a provider's answer, for an operator to read.
pub fn excerpt(body: &str) -> String {
    let trimmed = body.trim();
    let short: String = trimmed.chars().take(200).collect();
    if short.len() < trimmed.len() {
        format!("{short}…")
    } else {
        short
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::UNIX_EPOCH;

    #[test]
    fn a_token_is_renewed_before_it_expires() {
        let now = UNIX_EPOCH + Duration::from_secs(1_000_000);
        let day = now + Duration::from_secs(86_400);
        assert_eq!(renew_at(now, Some(day)), day - RENEW_MARGIN);
        // A short-lived token is renewed half-way, not at once.
        let soon = now + Duration::from_secs(60);
        assert_eq!(renew_at(now, Some(soon)), now + Duration::from_secs(30));
        assert_eq!(renew_at(now, None), now + UNDATED_TOKEN);
    }

    #[test]
    fn the_signed_request_names_the_host_reqwest_sends() {
        let aksk = AkSk {
            access_key: "SANDBOXAKEXAMPLE0001".into(),
            secret_key: SecretString::from("sandbox-secret-key-not-a-secret-00000000"),
            domain_id: "0123456789abcdef0123456789abcdef".into(),
        };
        let request = PreparedRequest {
            method: Method::Get,
            url: "https://scm.example.com:443/v3/scm/certificates/scs1".into(),
            headers: Vec::new(),
            body: None,
            url_secrets: Vec::new(),
        };
        let now = UNIX_EPOCH + Duration::from_secs(1_573_789_015);
        let outgoing = aksk.sign(request, now).unwrap();
        assert_eq!(
            outgoing.url.as_str(),
            "https://scm.example.com/v3/scm/certificates/scs1"
        );
        let value = |name: &str| {
            outgoing
                .headers
                .iter()
                .find(|(n, _)| n.as_str() == name)
                .map(|(_, v)| v.to_str().unwrap().to_string())
        };
        assert_eq!(value("x-sdk-date").as_deref(), Some("20191115T033655Z"));
        assert_eq!(
            value("x-domain-id").as_deref(),
            Some("0123456789abcdef0123456789abcdef")
        );
        // The same request signed for `scm.example.com`, without the default port.
        let mut expected = PreparedRequest {
            method: Method::Get,
            url: "https://scm.example.com/v3/scm/certificates/scs1".into(),
            headers: Vec::new(),
            body: None,
            url_secrets: Vec::new(),
        };
        let key = AccessKey::new(
            "SANDBOXAKEXAMPLE0001",
            "sandbox-secret-key-not-a-secret-00000000",
        );
        let date = sdk_date(now).unwrap();
        sign(
            &mut expected,
            &key,
            Some("0123456789abcdef0123456789abcdef"),
            &date,
        )
        .unwrap();
        let authorization = value("authorization").unwrap();
        assert_eq!(
            Some(&authorization),
            expected.headers.last().map(|h| &h.value)
        );
        let sensitive = outgoing
            .headers
            .iter()
            .find(|(n, _)| n.as_str() == "authorization")
            .is_some_and(|(_, v)| v.is_sensitive());
        assert!(sensitive, "the signature is marked sensitive");
    }
}
