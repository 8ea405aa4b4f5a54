//! Why a request's customer is not believed, and what the API answers (always 401).

use std::fmt;

/// Why [`Gate::identify`](super::Gate::identify) refused a request. Never holds the token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// No `Authorization: Bearer ...` header.
    NoToken,
    /// The header or the token is not a well-formed JWT.
    Malformed,
    /// The token is signed with another algorithm than the configured one (or `none`).
    WrongAlgorithm {
        expected: &'static str,
    },
    /// The signature does not match the configured key.
    BadSignature,
    Expired,
    /// `nbf` or `iat` is in the future.
    NotYetValid,
    WrongAudience,
    WrongIssuer,
    /// `exp - iat` is longer than `max_lifetime_seconds`.
    TooLongLived {
        max_seconds: u64,
    },
    /// `sub` is missing or empty.
    NoSubject,
    /// A required claim (`exp`, `aud`, `iat`, `iss`) is missing.
    MissingClaim(&'static str),
    /// The customer's name (`sub` or the trusted header) is too long or holds control characters.
    BadCustomerId,
    /// The spending cap (claim or header) is not a whole number of cents.
    BadCap,
    /// The trusted header came from an address that is not the gateway's.
    NotFromGateway,
    /// The gateway did not send the trusted header.
    NoHeader {
        header: String,
    },
}

impl Refusal {
    /// The HTTP status of the answer: every refusal is 401.
    pub fn status(&self) -> u16 {
        401
    }

    /// The API's error code.
    pub fn code(&self) -> &'static str {
        "unauthorized"
    }

    /// What is wrong and what to do, in English, for the answer's `message`.
    pub fn message(&self) -> String {
        const NEW: &str =
            "ask the control panel for a new one (reload the page that shows the form)";
        match self {
            Self::NoToken => "no customer token: send `Authorization: Bearer <token>`, the token \
                              the control panel signed for this customer (hand it to the form \
                              with the `init` message or `setToken`)"
                .to_string(),
            Self::Malformed => format!("the customer token is not a well-formed JWT; {NEW}"),
            Self::WrongAlgorithm { expected } => format!(
                "the customer token is not signed with {expected}, the only algorithm this \
                 server accepts; the control panel must sign with the key the server is set up for"
            ),
            Self::BadSignature => format!(
                "the customer token's signature does not match the server's key: it was forged \
                 or signed with another key; {NEW}"
            ),
            Self::Expired => format!("the customer token has expired; {NEW}"),
            Self::NotYetValid => format!(
                "the customer token is not valid yet (its nbf or iat is in the future): check \
                 the control panel's clock, or {NEW}"
            ),
            Self::WrongAudience => "the customer token is meant for another service (its aud is \
                                    not this server's audience); the control panel must sign it \
                                    with the audience in the server's [customers] settings"
                .to_string(),
            Self::WrongIssuer => {
                "the customer token's iss is not the issuer this server trusts".to_string()
            }
            Self::TooLongLived { max_seconds } => format!(
                "the customer token lives longer than {max_seconds} seconds (exp - iat); the \
                 control panel must sign short-lived tokens"
            ),
            Self::NoSubject => "the customer token has no sub: the control panel must put the \
                                customer's id in sub"
                .to_string(),
            Self::MissingClaim(claim) => format!(
                "the customer token has no {claim} claim, which this server requires; the \
                 control panel must add it"
            ),
            Self::BadCustomerId => "the customer id is empty, longer than 200 characters or \
                                    holds control characters"
                .to_string(),
            Self::BadCap => {
                "the spending cap is not a whole number of cents (spending_cap_cents)".to_string()
            }
            Self::NotFromGateway => "the customer header is only believed from the operator's \
                                     gateway, and this request did not come through it"
                .to_string(),
            Self::NoHeader { header } => format!(
                "the gateway did not name the customer: the {header} header is missing or empty"
            ),
        }
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for Refusal {}

/// The API's answer: 401 `{"error":{"code":"unauthorized","message":...}}`, with
/// `WWW-Authenticate: Bearer` as RFC 6750 asks and `Cache-Control: no-store`.
impl axum::response::IntoResponse for Refusal {
    fn into_response(self) -> axum::response::Response {
        use axum::http::{header, HeaderValue, StatusCode};
        let body = serde_json::json!({"error": {"code": self.code(), "message": self.message()}});
        let mut answer = (StatusCode::UNAUTHORIZED, axum::Json(body)).into_response();
        let headers = answer.headers_mut();
        headers.insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        answer
    }
}

#[cfg(test)]
mod tests {
    use axum::http::header;
    use axum::response::IntoResponse;
    use http_body_util::BodyExt;

    use super::Refusal;

    #[tokio::test]
    async fn a_refusal_answers_401_with_the_api_error() {
        let answer = Refusal::Expired.into_response();
        assert_eq!(answer.status(), 401);
        assert_eq!(answer.headers()[header::WWW_AUTHENTICATE], "Bearer");
        assert_eq!(answer.headers()[header::CACHE_CONTROL], "no-store");
        let body = answer.into_body().collect().await.unwrap().to_bytes();
        let json: serde_json::Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(json["error"]["code"], "unauthorized");
        assert_eq!(json["error"]["message"], Refusal::Expired.message());
        assert!(json["error"]["message"]
            .as_str()
            .unwrap()
            .contains("expired"));
    }
}
