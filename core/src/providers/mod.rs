//! Provider adapters: pure functions from a validated order to the exact HTTP requests,
//! and from the provider's answers to outcomes. No I/O happens here.

#[cfg(all(test, not(target_arch = "wasm32")))]
mod contract;
pub mod cpanel;
pub mod generic;
pub mod gogetssl;
pub mod huawei;
pub mod link;
mod outcome;
pub mod requests;

pub use outcome::{
    merge_steps, validation_steps, Instruction, Placed, StatusReport, ValidationSteps,
};

use crate::i18n::t;
use serde::Deserialize;
use std::fmt;

/// Which wire format the wizard speaks: one of the three provider APIs, or the generic
/// JSON format for a proxy of one's own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Api {
    Huawei,
    GoGetSsl,
    Cpanel,
    Generic,
}

impl Api {
    pub fn from_slug(slug: &str) -> Option<Api> {
        match slug {
            "huawei" => Some(Api::Huawei),
            "gogetssl" => Some(Api::GoGetSsl),
            "cpanel" => Some(Api::Cpanel),
            "generic" => Some(Api::Generic),
            _ => None,
        }
    }

    pub fn slug(self) -> &'static str {
        match self {
            Api::Huawei => "huawei",
            Api::GoGetSsl => "gogetssl",
            Api::Cpanel => "cpanel",
            Api::Generic => "generic",
        }
    }

    /// Whether this is a provider's own API rather than the generic format a proxy speaks.
    pub fn is_providers_own(self) -> bool {
        match self {
            Api::Huawei | Api::GoGetSsl | Api::Cpanel => true,
            Api::Generic => false,
        }
    }

    /// Where a person can look to see whether an order went through.
    pub fn where_to_check(self) -> &'static str {
        let texts = &t().submit;
        match self {
            Api::Huawei => texts.where_huawei,
            Api::GoGetSsl => texts.where_gogetssl,
            Api::Cpanel => texts.where_cpanel,
            Api::Generic => texts.where_generic,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
        }
    }
}

/// What `Debug` prints in place of a credential.
pub(crate) const REDACTED: &str = "[redacted]";

/// One HTTP header; `secret` ones are masked wherever a request is shown.
#[derive(Clone, PartialEq, Eq)]
pub struct Header {
    pub name: &'static str,
    pub value: String,
    pub secret: bool,
}

impl fmt::Debug for Header {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let value = if self.secret {
            REDACTED
        } else {
            self.value.as_str()
        };
        f.debug_struct("Header")
            .field("name", &self.name)
            .field("value", &value)
            .field("secret", &self.secret)
            .finish()
    }
}

/// A request ready to send, byte for byte.
#[derive(Clone, PartialEq, Eq)]
pub struct PreparedRequest {
    pub method: Method,
    pub url: String,
    pub headers: Vec<Header>,
    pub body: Option<String>,
    /// Credentials carried in the URL (GoGetSSL's `auth_key`, cPanel's `access_token`),
    /// as they appear there, so they can be masked wherever the request is shown.
    pub url_secrets: Vec<String>,
}

// By hand, so a failed assertion or a log line never shows the credentials.
impl fmt::Debug for PreparedRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut url = self.url.clone();
        for secret in self.url_secrets.iter().filter(|s| !s.is_empty()) {
            url = url.replace(secret.as_str(), REDACTED);
        }
        f.debug_struct("PreparedRequest")
            .field("method", &self.method)
            .field("url", &url)
            .field("headers", &self.headers)
            .field("body", &self.body)
            .field("url_secrets", &self.url_secrets.len())
            .finish()
    }
}

impl PreparedRequest {
    /// The request as text for a person to read, with every credential masked.
    pub fn masked(&self) -> String {
        let hidden = t().submit.hidden_secret;
        let mut url = self.url.clone();
        for secret in self.url_secrets.iter().filter(|s| !s.is_empty()) {
            url = url.replace(secret.as_str(), hidden);
        }
        let mut text = format!("{} {}\n", self.method.as_str(), url);
        for header in &self.headers {
            let value = match (header.secret, header.value.split_once(' ')) {
                // An authorisation scheme (`Bearer`) is not secret; what follows it is.
                (true, Some((scheme, _))) => format!("{scheme} {hidden}"),
                (true, None) => hidden.to_string(),
                (false, _) => header.value.clone(),
            };
            text.push_str(&format!("{}: {}\n", header.name, value));
        }
        if let Some(body) = &self.body {
            text.push('\n');
            text.push_str(body);
        }
        text
    }

    /// The value of query parameter `name`, decoded; for tests and the review page.
    pub fn query_param(&self, name: &str) -> Option<String> {
        let query = self.url.split_once('?')?.1;
        form_urlencoded::parse(query.as_bytes())
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.into_owned())
    }
}

/// The first 200 characters of an answer, for messages about answers that make no sense.
pub(crate) fn excerpt(body: &str) -> String {
    let trimmed = body.trim();
    if trimmed.is_empty() {
        return t().submit.empty_body.into();
    }
    let short: String = trimmed.chars().take(200).collect();
    if short.len() < trimmed.len() {
        format!("{short}…")
    } else {
        short
    }
}

/// An answer that is neither the provider's success nor its error shape (a proxy's HTML
/// error page, an empty body): reported with what came, never parsed further.
pub(crate) fn unexpected(status: u16, body: &str) -> ProviderError {
    ProviderError {
        status,
        code: None,
        message: (t().submit.unexpected_answer)(&excerpt(body)),
        unreadable: true,
    }
}

/// Parses a JSON answer, or reports it as unexpected.
pub(crate) fn parse_json<T: for<'de> Deserialize<'de>>(
    status: u16,
    body: &str,
) -> Result<T, ProviderError> {
    serde_json::from_str(body).map_err(|_| unexpected(status, body))
}

/// Where the provider (or a proxy in front of it) is, and the credential to send, if any.
/// The token lives in memory only: it is never saved and never shown.
#[derive(Clone, PartialEq, Eq)]
pub struct Endpoint {
    pub base_url: String,
    pub token: Option<String>,
}

impl fmt::Debug for Endpoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Endpoint")
            .field("base_url", &self.base_url)
            .field("token", &self.token.as_ref().map(|_| REDACTED))
            .finish()
    }
}

impl Endpoint {
    /// Joins the base URL and an API path without doubling or dropping the slash.
    pub fn url(&self, path: &str) -> String {
        format!(
            "{}/{}",
            self.base_url.trim_end_matches('/'),
            path.trim_start_matches('/')
        )
    }
}

/// A refusal or failure reported by the provider, with its own code and message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProviderError {
    pub status: u16,
    pub code: Option<String>,
    pub message: String,
    /// The answer could not be read as a success or a refusal (a proxy's HTML page, a
    /// success without its IDs): the provider may have acted on the request.
    pub unreadable: bool,
}

impl ProviderError {
    /// Whether the provider may have acted on the request despite the failure: it failed
    /// on its own side, or a success status came with an answer that could not be read.
    /// A 4xx, readable or not (a gateway's 429 page), refused the request.
    pub fn maybe_acted(&self) -> bool {
        self.status >= 500 || (self.unreadable && self.status < 400)
    }

    /// What the person can do: from the provider's own code where its meaning is known,
    /// else from the HTTP status.
    pub fn next_step(&self) -> &'static str {
        if let Some(step) = self.code.as_deref().and_then(next_step_for_code) {
            return step;
        }
        let texts = &t().submit;
        if self.unreadable && self.status < 400 {
            return texts.next_not_the_providers;
        }
        match self.status {
            401 => texts.next_401,
            403 => texts.next_403,
            404 => texts.next_404,
            429 => texts.next_429,
            400 => texts.next_400,
            500..=599 => texts.next_5xx,
            _ => texts.next_other,
        }
    }
}

/// The codes whose meaning is documented (GoGetSSL, Huawei) or defined (`ssl-order/1`).
fn next_step_for_code(code: &str) -> Option<&'static str> {
    let texts = &t().submit;
    Some(match code {
        // GoGetSSL: a wildcard order's CSR must name the wildcard itself.
        "115" => texts.next_wildcard_csr,
        // Huawei: apply for a certificate that is no longer PAID.
        "SCM.1005" => texts.next_already_applied,
        "invalid_value" | "missing_field" | "wrong_type" => texts.next_proxy_refused_value,
        "unknown_field" | "malformed_json" | "body_too_large" | "idempotency_key_required" => {
            texts.next_proxy_wrong_format
        }
        _ => return None,
    })
}

impl fmt::Display for ProviderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let texts = &t().submit;
        f.write_str(&match &self.code {
            Some(code) => (texts.error_with_code)(&self.message, self.status, code),
            None => (texts.error_without_code)(&self.message, self.status),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_output_never_shows_a_credential() {
        let request = PreparedRequest {
            method: Method::Get,
            url: "https://api.example/orders?auth_key=url-secret-123".into(),
            headers: vec![
                Header {
                    name: "X-Auth-Token",
                    value: "header-secret-456".into(),
                    secret: true,
                },
                Header {
                    name: "Accept",
                    value: "application/json".into(),
                    secret: false,
                },
            ],
            body: None,
            url_secrets: vec!["url-secret-123".into()],
        };
        let endpoint = Endpoint {
            base_url: "https://api.example/".into(),
            token: Some("endpoint-secret-789".into()),
        };
        let shown = format!("{request:?} {endpoint:?}");
        for secret in ["url-secret", "header-secret", "endpoint-secret"] {
            assert!(!shown.contains(secret), "{shown}");
        }
        assert!(shown.contains("application/json"), "{shown}");
        assert!(shown.contains("https://api.example/orders?auth_key=[redacted]"));
    }

    fn refusal(status: u16) -> ProviderError {
        ProviderError {
            status,
            code: Some("E1".into()),
            message: "refused".into(),
            unreadable: false,
        }
    }

    #[test]
    fn a_refusal_did_nothing_but_a_server_failure_may_have_acted() {
        assert!(!refusal(400).maybe_acted());
        assert!(!refusal(429).maybe_acted());
        assert!(refusal(500).maybe_acted());
        assert!(refusal(503).maybe_acted());
    }

    #[test]
    fn an_answer_that_cannot_be_read_may_have_been_acted_on() {
        let html = unexpected(200, "<html><body>Bad gateway</body></html>");
        assert!(html.maybe_acted());
        assert!(html.next_step().contains("Check with the provider"));
    }

    #[test]
    fn a_known_provider_code_says_what_to_do_about_it() {
        let wildcard = ProviderError {
            code: Some("115".into()),
            ..refusal(200)
        };
        assert!(wildcard.next_step().contains("Common Name starts with *."));
        let changed = ProviderError {
            code: Some("invalid_value".into()),
            ..refusal(422)
        };
        assert!(changed.next_step().contains("Change link"));
        // An unknown code falls back on the status.
        assert!(refusal(403).next_step().contains("permission"));
    }

    #[test]
    fn the_messages_are_in_the_current_language() {
        use crate::i18n::{set, Locale};
        set(Locale::ZhCn);
        assert_eq!(refusal(429).next_step(), t().submit.next_429);
        assert!(refusal(429).next_step().contains("请等待一分钟"));
        assert_eq!(refusal(401).to_string(), "refused（HTTP 401，E1）");
        assert!(unexpected(502, "").message.contains("空响应"));
        assert_eq!(Api::Huawei.where_to_check(), "华为云控制台的证书列表");
        set(Locale::En);
        assert_eq!(refusal(401).to_string(), "refused (HTTP 401, E1)");
        assert_eq!(
            unexpected(502, " ").message,
            "Unexpected answer from the provider: an empty body"
        );
    }

    #[test]
    fn too_many_requests_says_to_wait() {
        assert!(refusal(429).next_step().contains("wait a minute"));
        let page = unexpected(429, "<html>Slow down</html>");
        assert!(!page.maybe_acted());
        assert!(page.next_step().contains("wait a minute"));
    }
}
