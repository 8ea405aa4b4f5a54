//! The generic format's error answer, `{"error":{"code","message","field"?}}`, and its codes.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;

/// Body is not JSON, or not a JSON object.
pub const MALFORMED_JSON: &str = "malformed_json";
/// `Content-Type` is not `application/json`.
pub const UNSUPPORTED_MEDIA_TYPE: &str = "unsupported_media_type";
/// `Authorization` is present but not `Bearer <token>`.
pub const UNAUTHORIZED: &str = "unauthorized";
/// The bearer token is refused (tokens containing `forbidden`).
pub const FORBIDDEN: &str = "forbidden";
/// Unknown order ID or unknown path.
pub const NOT_FOUND: &str = "not_found";
/// Known path, wrong HTTP method.
pub const METHOD_NOT_ALLOWED: &str = "method_not_allowed";
/// Request body larger than the sandbox accepts.
pub const BODY_TOO_LARGE: &str = "body_too_large";
/// `Idempotency-Key` missing, or not 8..255 characters of `[A-Za-z0-9-]`.
pub const IDEMPOTENCY_KEY_REQUIRED: &str = "idempotency_key_required";
/// The `Idempotency-Key` was used before with a different body.
pub const IDEMPOTENCY_MISMATCH: &str = "idempotency_mismatch";
/// A property the format does not define.
pub const UNKNOWN_FIELD: &str = "unknown_field";
/// A required property is missing.
pub const MISSING_FIELD: &str = "missing_field";
/// A property of the wrong JSON type.
pub const WRONG_TYPE: &str = "wrong_type";
/// A property breaks a rule of the schema or of the sandbox.
pub const INVALID_VALUE: &str = "invalid_value";
/// What a `provider_error` fault answers.
pub const INJECTED_FAULT: &str = "injected_fault";

/// An error answer in the generic format's shape.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
    /// A JSON pointer into the request body, when one property is at fault.
    pub field: Option<String>,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        Self {
            status,
            code,
            message: message.into(),
            field: None,
        }
    }

    /// A 422 about the property at `field`.
    pub fn at(field: impl Into<String>, code: &'static str, message: impl Into<String>) -> Self {
        Self {
            field: Some(field.into()),
            ..Self::new(StatusCode::UNPROCESSABLE_ENTITY, code, message)
        }
    }

    /// A 422 `invalid_value` about the property at `field`.
    pub fn invalid(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self::at(field, INVALID_VALUE, message)
    }
}

#[derive(Serialize)]
struct ErrorBody<'a> {
    error: ErrorJson<'a>,
}

#[derive(Serialize)]
struct ErrorJson<'a> {
    code: &'a str,
    message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    field: Option<&'a str>,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = ErrorBody {
            error: ErrorJson {
                code: self.code,
                message: &self.message,
                field: self.field.as_deref(),
            },
        };
        (self.status, Json(body)).into_response()
    }
}
