//! GoGetSSL's error shape, `{"error":true,"message":"..","description":".."}`.
//!
//! The real API answers refusals with HTTP 200 (the documented example error is one), so a client
//! must look at `error`, never only at the status. The sandbox does the same for every refused
//! request; only authentication, unknown paths and oversized bodies get a 4xx as well.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;

/// A required parameter is absent or blank.
pub const MISSING_PARAMETER: &str = "Missing required parameter";
/// A parameter breaks one of the documented rules.
pub const INVALID_PARAMETER: &str = "Invalid parameter";
/// The documentation's code for a CSR whose Common Name has the asterisk wrong for the product.
pub const WILDCARD_MISMATCH: &str = "115";
/// The body is not `application/x-www-form-urlencoded`.
pub const UNSUPPORTED_CONTENT_TYPE: &str = "Unsupported content type";
/// `auth_key` missing or refused, or wrong credentials at `/auth/`.
pub const AUTH_FAILED: &str = "Authentication failed";
/// `/orders/status/{id}` of an order this sandbox never took.
pub const ORDER_NOT_FOUND: &str = "Order not found";
/// No such path.
pub const UNKNOWN_METHOD: &str = "Unknown API method";
/// Known path, wrong HTTP method.
pub const METHOD_NOT_ALLOWED: &str = "Method not allowed";
/// Request body larger than the sandbox accepts.
pub const BODY_TOO_LARGE: &str = "Request too large";

/// An error answer in GoGetSSL's shape.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub status: StatusCode,
    pub message: &'static str,
    pub description: String,
}

impl ApiError {
    pub fn new(status: StatusCode, message: &'static str, description: impl Into<String>) -> Self {
        Self {
            status,
            message,
            description: description.into(),
        }
    }

    /// A refusal as the real API sends it: with HTTP 200.
    pub fn refused(message: &'static str, description: impl Into<String>) -> Self {
        Self::new(StatusCode::OK, message, description)
    }

    pub fn missing(field: &str) -> Self {
        Self::refused(MISSING_PARAMETER, format!("Field {field} is required."))
    }

    /// Required only in some cases: `when` says which, e.g. "for OV certificates".
    pub fn missing_when(field: &str, when: &str) -> Self {
        Self::refused(
            MISSING_PARAMETER,
            format!("Field {field} is required {when}."),
        )
    }

    /// A documented rule is broken: always names the field.
    pub fn invalid(field: &str, rule: impl std::fmt::Display) -> Self {
        Self::refused(INVALID_PARAMETER, format!("Invalid {field}: {rule}."))
    }

    pub fn unauthorized(description: impl Into<String>) -> Self {
        Self::new(StatusCode::UNAUTHORIZED, AUTH_FAILED, description)
    }
}

#[derive(Serialize)]
struct ErrorBody<'a> {
    error: bool,
    message: &'a str,
    description: &'a str,
}

fn error_body(status: StatusCode, message: &str, description: &str) -> Response {
    let body = ErrorBody {
        error: true,
        message,
        description,
    };
    (status, Json(body)).into_response()
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        error_body(self.status, self.message, &self.description)
    }
}

/// A provider error in GoGetSSL's shape with HTTP 200, as the real API answers one; for
/// callers outside this module that need to answer "GoGetSSL said no".
pub fn error_response(message: &str, description: &str) -> Response {
    error_body(StatusCode::OK, message, description)
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::to_bytes;
    use serde_json::{json, Value};

    async fn body_of(response: Response) -> (StatusCode, Value) {
        let status = response.status();
        let bytes = to_bytes(response.into_body(), 4096).await.unwrap();
        (status, serde_json::from_slice(&bytes).unwrap())
    }

    #[tokio::test]
    async fn error_response_is_the_documented_shape_with_http_200() {
        let (status, body) = body_of(error_response("115", "about the asterisk")).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(
            body,
            json!({"error": true, "message": "115", "description": "about the asterisk"})
        );
    }

    #[tokio::test]
    async fn invalid_names_the_field_in_the_description() {
        let error = ApiError::invalid("period", "must be 12, got 24");
        assert_eq!(error.description, "Invalid period: must be 12, got 24.");
        let (status, body) = body_of(error.into_response()).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(body["message"], INVALID_PARAMETER);
    }
}
