//! Provider adapters: pure functions from a validated order to the exact HTTP requests,
//! and from the provider's answers to outcomes. No I/O happens here.

#[cfg(all(test, not(target_arch = "wasm32")))]
mod contract;
pub mod cpanel;
pub mod facade;
pub mod generic;
pub mod gogetssl;
pub mod huawei;
pub mod huawei_signing;
pub mod link;
mod outcome;
pub mod requests;

pub use outcome::{
    merge_steps, validation_steps, AutoProof, Check, CheckState, CheckSubject, CpanelCheck,
    CpanelStatus, GenericStatus, GoGetSslStatus, Instruction, Placed, Status, StatusReport,
    ValidationSteps,
};

use crate::order::FieldErrors;
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
    /// The request as text for a person to read, every credential replaced by `hidden`
    /// (the words for it are the caller's).
    pub fn masked(&self, hidden: &str) -> String {
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

/// The first 200 characters of an answer, for messages about answers that make no sense;
/// empty for an empty (or blank) body, which the words say as such.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excerpt(String);

impl Excerpt {
    pub fn of(body: &str) -> Excerpt {
        let trimmed = body.trim();
        let short: String = trimmed.chars().take(200).collect();
        if short.len() < trimmed.len() {
            Excerpt(format!("{short}…"))
        } else {
            Excerpt(short)
        }
    }

    /// The excerpt, or None for an empty body.
    pub fn text(&self) -> Option<&str> {
        Some(self.0.as_str()).filter(|text| !text.is_empty())
    }
}

/// An answer that is neither the provider's success nor its error shape (a proxy's HTML
/// error page, an empty body): reported with what came, never parsed further.
pub(crate) fn unexpected(status: u16, body: &str) -> ProviderError {
    ProviderError {
        status,
        code: None,
        message: Message::Unexpected(Excerpt::of(body)),
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
    pub message: Message,
    /// The answer could not be read as a success or a refusal (a proxy's HTML page, a
    /// success without its IDs): the provider may have acted on the request.
    pub unreadable: bool,
}

/// What a failure says: the provider's own words where it gave some, else what the
/// adapter found wrong with the answer. The words for the latter are the app's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    /// The provider's own message, as it came.
    Provider(String),
    /// The provider's message about one field of the order (the generic format's `field`).
    AtField { message: String, field: String },
    /// The order server's validation refused the order (`invalid_order`): its message, and
    /// each problem as data, tied to its field, which the wizard shows beside that field.
    Problems {
        message: String,
        problems: FieldErrors,
    },
    /// An error flagged with no message at all.
    NoMessage,
    /// cPanel reported a failure without saying why.
    FailedSilently,
    /// An answer in neither the provider's success nor its error shape.
    Unexpected(Excerpt),
    /// A success without the order's ID (GoGetSSL).
    NoOrderId(Excerpt),
    /// A buy's success without a usable certificate ID (Huawei).
    NoCertificateId(Excerpt),
}

/// The provider's own message.
impl From<&str> for Message {
    fn from(said: &str) -> Message {
        Message::Provider(said.to_string())
    }
}

/// What the person can do about a failure: from the provider's own code where its meaning
/// is known, else from the HTTP status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NextStep {
    /// GoGetSSL 115: a wildcard order's CSR must name the wildcard itself.
    WildcardCsr,
    /// Huawei SCM.1005: the certificate is no longer PAID, its application went in.
    AlreadyApplied,
    /// `ssl-order/1`: the proxy refused a value of the order.
    ProxyRefusedValue,
    /// `ssl-order/1`: the proxy does not take the order's format.
    ProxyWrongFormat,
    /// The order server's validation refused answers, each shown beside its field.
    CorrectMarked,
    /// The order server no longer accepts the control panel's token (`unauthorized`): the
    /// session with the control panel expired.
    SessionExpired,
    /// The order's price is over the customer's spending cap (`spending_cap`).
    SpendingCap,
    /// A success status with an answer no provider gives: something else answered.
    NotTheProviders,
    BadRequest,
    Unauthorised,
    Forbidden,
    NotFound,
    TooManyRequests,
    ServerFailure,
    Other,
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
    pub fn next_step(&self) -> NextStep {
        if let Some(step) = self.code.as_deref().and_then(next_step_for_code) {
            return step;
        }
        if self.unreadable && self.status < 400 {
            return NextStep::NotTheProviders;
        }
        match self.status {
            400 => NextStep::BadRequest,
            401 => NextStep::Unauthorised,
            403 => NextStep::Forbidden,
            404 => NextStep::NotFound,
            429 => NextStep::TooManyRequests,
            500..=599 => NextStep::ServerFailure,
            _ => NextStep::Other,
        }
    }
}

/// The codes whose meaning is documented (GoGetSSL, Huawei) or defined (`ssl-order/1` and
/// the order server's API).
fn next_step_for_code(code: &str) -> Option<NextStep> {
    Some(match code {
        "115" => NextStep::WildcardCsr,
        "SCM.1005" => NextStep::AlreadyApplied,
        "invalid_value" | "missing_field" | "wrong_type" | "provider_refused" => {
            NextStep::ProxyRefusedValue
        }
        "unknown_field"
        | "malformed_json"
        | "body_too_large"
        | "idempotency_key_required"
        | "schema"
        | "too_large"
        | "idempotency_key_missing"
        | "idempotency_key_malformed" => NextStep::ProxyWrongFormat,
        "invalid_order" => NextStep::CorrectMarked,
        "unauthorized" => NextStep::SessionExpired,
        "spending_cap" => NextStep::SpendingCap,
        _ => return None,
    })
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
        assert_eq!(html.next_step(), NextStep::NotTheProviders);
        assert_eq!(
            html.message,
            Message::Unexpected(Excerpt::of("<html><body>Bad gateway</body></html>"))
        );
    }

    #[test]
    fn a_known_provider_code_says_what_to_do_about_it() {
        let with_code = |code: &str, status| ProviderError {
            code: Some(code.into()),
            ..refusal(status)
        };
        assert_eq!(with_code("115", 200).next_step(), NextStep::WildcardCsr);
        assert_eq!(
            with_code("SCM.1005", 400).next_step(),
            NextStep::AlreadyApplied
        );
        assert_eq!(
            with_code("invalid_value", 422).next_step(),
            NextStep::ProxyRefusedValue
        );
        assert_eq!(
            with_code("malformed_json", 400).next_step(),
            NextStep::ProxyWrongFormat
        );
        // An unknown code falls back on the status.
        assert_eq!(refusal(403).next_step(), NextStep::Forbidden);
    }

    #[test]
    fn the_order_servers_codes_say_what_to_do_about_them() {
        let with_code = |code: &str, status| ProviderError {
            code: Some(code.into()),
            ..refusal(status)
        };
        assert_eq!(
            with_code("unauthorized", 401).next_step(),
            NextStep::SessionExpired
        );
        assert_eq!(
            with_code("spending_cap", 403).next_step(),
            NextStep::SpendingCap
        );
        assert_eq!(
            with_code("invalid_order", 422).next_step(),
            NextStep::CorrectMarked
        );
        assert_eq!(
            with_code("rate_limited", 429).next_step(),
            NextStep::TooManyRequests
        );
        for code in ["schema", "too_large", "idempotency_key_missing"] {
            assert_eq!(
                with_code(code, 400).next_step(),
                NextStep::ProxyWrongFormat,
                "{code}"
            );
        }
        assert_eq!(
            with_code("provider_refused", 422).next_step(),
            NextStep::ProxyRefusedValue
        );
        for code in ["not_ready", "provider_unavailable"] {
            assert_eq!(
                with_code(code, 503).next_step(),
                NextStep::ServerFailure,
                "{code}"
            );
            assert!(
                with_code(code, 503).maybe_acted(),
                "{code}: retried under its key"
            );
        }
    }

    #[test]
    fn without_a_known_code_the_status_says_what_to_do() {
        for (status, step) in [
            (400, NextStep::BadRequest),
            (401, NextStep::Unauthorised),
            (404, NextStep::NotFound),
            (409, NextStep::Other),
            (500, NextStep::ServerFailure),
            (599, NextStep::ServerFailure),
        ] {
            assert_eq!(refusal(status).next_step(), step, "{status}");
        }
    }

    #[test]
    fn an_excerpt_is_the_first_200_characters_and_an_empty_body_has_none() {
        assert_eq!(Excerpt::of(" \n ").text(), None);
        assert_eq!(Excerpt::of(" <p>x</p> ").text(), Some("<p>x</p>"));
        let long = "é".repeat(300);
        let cut = Excerpt::of(&long);
        assert_eq!(cut.text(), Some(format!("{}…", "é".repeat(200)).as_str()));
    }

    #[test]
    fn the_masked_request_hides_credentials_with_the_words_given() {
        let request = PreparedRequest {
            method: Method::Post,
            url: "https://api.example/o?auth_key=k3y".into(),
            headers: vec![Header {
                name: "Authorization",
                value: "Bearer s3cret".into(),
                secret: true,
            }],
            body: Some("{}".into()),
            url_secrets: vec!["k3y".into()],
        };
        assert_eq!(
            request.masked("[hidden]"),
            "POST https://api.example/o?auth_key=[hidden]\nAuthorization: Bearer [hidden]\n\n{}"
        );
    }

    #[test]
    fn too_many_requests_says_to_wait() {
        assert_eq!(refusal(429).next_step(), NextStep::TooManyRequests);
        let page = unexpected(429, "<html>Slow down</html>");
        assert!(!page.maybe_acted());
        assert_eq!(page.next_step(), NextStep::TooManyRequests);
    }
}
