//! GoGetSSL: `POST /auth/` exchanges the API user's password for an `auth_key`, which every
//! other call carries in its query string. The key is kept until GoGetSSL refuses it.

use reqwest::Url;
use secrecy::{ExposeSecret, SecretString};
use serde_json::Value;
use ssl_order_core::providers::Method;

use super::cache::{Login, LoginCache};
use super::error::SendError;
use super::huawei::excerpt;
use super::wire::{exchange, Answer, Outgoing};
use super::Context;

pub struct GoGetSsl {
    /// `{base_url}/auth/`.
    pub auth_url: Url,
    pub user: String,
    pub password: SecretString,
    pub cache: LoginCache,
}

impl GoGetSsl {
    /// The key to send, logging in when there is none or GoGetSSL `refused` it.
    pub async fn key(
        &self,
        refused: Option<&SecretString>,
        context: &Context<'_>,
    ) -> Result<SecretString, SendError> {
        self.cache
            .get(refused, context.now, || self.login(context))
            .await
    }

    async fn login(&self, context: &Context<'_>) -> Result<Login, SendError> {
        // Not held across an await: the serializer is not Send.
        let form = form_urlencoded::Serializer::new(String::new())
            .append_pair("user", &self.user)
            .append_pair("pass", self.password.expose_secret())
            .finish();
        let mut outgoing = Outgoing {
            method: Method::Post,
            url: self.auth_url.clone(),
            headers: Vec::new(),
            body: Some(form),
        };
        outgoing.add_header("Content-Type", "application/x-www-form-urlencoded", false)?;
        let scrubber = context.scrubber;
        // Whatever happened to the login, the call itself has not gone out.
        let answer = exchange(context.client, outgoing, scrubber)
            .await
            .map_err(|error| SendError::NotSent {
                reason: format!("logging in to GoGetSSL failed: {error}"),
            })?;
        let body: Option<Value> = serde_json::from_str(&answer.body).ok();
        let key = body
            .as_ref()
            .and_then(|b| b.get("key"))
            .and_then(Value::as_str)
            .filter(|key| !key.is_empty());
        match key {
            Some(key) if answer.status == 200 && !body.as_ref().is_some_and(flagged) => Ok(Login {
                value: SecretString::from(key),
                renew_at: None,
            }),
            _ if answer.status == 404 => Err(SendError::NotSent {
                reason: "GoGetSSL has no /auth/ there (HTTP 404); check upstream.base_url".into(),
            }),
            _ if answer.status >= 500 => Err(SendError::NotSent {
                reason: format!("GoGetSSL answered the login with HTTP {}", answer.status),
            }),
            _ => Err(SendError::Credentials {
                reason: scrubber.scrub(&format!(
                    "GoGetSSL refused the login of user {:?} (HTTP {}: {}); check \
                     upstream.gogetssl.user and upstream.gogetssl.password_file/_env",
                    self.user,
                    answer.status,
                    excerpt(&answer.body)
                )),
            }),
        }
    }
}

/// GoGetSSL's error shape: `error` true (or "true" or 1, from its PHP).
fn flagged(body: &Value) -> bool {
    match body.get("error") {
        Some(Value::Bool(flag)) => *flag,
        Some(Value::String(flag)) => flag == "true" || flag == "1",
        Some(Value::Number(n)) => n.as_u64() == Some(1),
        _ => false,
    }
}

/// Whether GoGetSSL refused the `auth_key` itself (a 401, or its error shape with an
/// authentication message): then it acted on nothing.
pub fn refused_key(answer: &Answer) -> bool {
    if answer.status == 401 {
        return true;
    }
    let Ok(body) = serde_json::from_str::<Value>(&answer.body) else {
        return false;
    };
    flagged(&body)
        && body
            .get("message")
            .and_then(Value::as_str)
            .is_some_and(|m| m.to_ascii_lowercase().contains("auth"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderMap;
    use std::time::Duration;

    fn answer(status: u16, body: &str) -> Answer {
        Answer {
            status,
            headers: HeaderMap::new(),
            body: body.into(),
            elapsed: Duration::ZERO,
        }
    }

    #[test]
    fn an_authentication_error_is_told_from_other_refusals() {
        assert!(refused_key(&answer(
            401,
            r#"{"error":true,"message":"Authentication failed","description":"Invalid auth_key"}"#
        )));
        assert!(refused_key(&answer(
            200,
            r#"{"error":"true","message":"Auth error","description":"key expired"}"#
        )));
        assert!(!refused_key(&answer(
            200,
            r#"{"error":true,"message":"Invalid parameter","description":"Invalid approver: authority"}"#
        )));
        assert!(!refused_key(&answer(
            200,
            r#"{"order_id":"1","success":true}"#
        )));
        assert!(!refused_key(&answer(502, "<html>Bad gateway</html>")));
    }
}
