//! Provider adapters: pure functions from a validated order to the exact HTTP requests,
//! and from the provider's answers to outcomes. No I/O happens here.

pub mod huawei;

use std::fmt;

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

/// One HTTP header; `secret` ones are masked wherever a request is shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    pub name: &'static str,
    pub value: String,
    pub secret: bool,
}

/// A request ready to send, byte for byte.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreparedRequest {
    pub method: Method,
    pub url: String,
    pub headers: Vec<Header>,
    pub body: Option<String>,
}

impl PreparedRequest {
    /// The request as text for a person to read, with secret header values masked.
    pub fn masked(&self) -> String {
        let mut text = format!("{} {}\n", self.method.as_str(), self.url);
        for header in &self.headers {
            let value = if header.secret {
                "•••••• (hidden)"
            } else {
                header.value.as_str()
            };
            text.push_str(&format!("{}: {}\n", header.name, value));
        }
        if let Some(body) = &self.body {
            text.push('\n');
            text.push_str(body);
        }
        text
    }
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
            .field("token", &self.token.as_ref().map(|_| "<hidden>"))
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
}

impl ProviderError {
    /// What the person can do about it, where the meaning of the status is known.
    pub fn next_step(&self) -> &'static str {
        match self.status {
            401 => "The API token was not accepted: ask your administrator for a valid token, then try again.",
            403 => "This account may not buy certificates: ask your administrator for the permission, then try again.",
            404 => "The provider does not know this certificate: check the certificate ID.",
            400 => "The provider refused a value: correct it using the message above, then try again.",
            500..=599 => "The provider had a problem of its own: wait a few minutes, then try again.",
            _ => "Try again; if it happens again, contact the provider's support with the code above.",
        }
    }
}

impl fmt::Display for ProviderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.code {
            Some(code) => write!(f, "{} (HTTP {}, {})", self.message, self.status, code),
            None => write!(f, "{} (HTTP {})", self.message, self.status),
        }
    }
}
