//! Huawei's error shape, `{"error_code":"SCM.XXXX","error_msg":"..."}`, and the codes the
//! sandbox chose for it (the provider's documentation only shows `SCM.XXX` placeholders).

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;

/// Body is not JSON, or not a JSON object.
pub const MALFORMED_BODY: &str = "SCM.0400";
/// `X-Auth-Token` missing or of the wrong length.
pub const AUTH_FAILED: &str = "SCM.0401";
/// An AK/SK signed request is refused (unknown key, bad signature, date skew, a header
/// missing or unsigned): API Gateway's code, its message saying which check failed.
pub const SIGNATURE_REFUSED: &str = "APIGW.0301";
/// The token is refused (tokens containing `forbidden`).
pub const ACCESS_DENIED: &str = "SCM.0403";
/// Unknown certificate ID or unknown path.
pub const NOT_FOUND: &str = "SCM.0404";
/// Known path, wrong HTTP method.
pub const METHOD_NOT_ALLOWED: &str = "SCM.0405";
/// Request body larger than the sandbox accepts.
pub const BODY_TOO_LARGE: &str = "SCM.0413";
/// A field the API does not define.
pub const UNKNOWN_FIELD: &str = "SCM.1001";
/// A field of the wrong JSON type.
pub const WRONG_TYPE: &str = "SCM.1002";
/// A required field is missing (or `null`).
pub const MISSING_FIELD: &str = "SCM.1003";
/// A field breaks one of the documented rules.
pub const INVALID_VALUE: &str = "SCM.1004";
/// Apply called for a certificate that is no longer `PAID`.
pub const NOT_PAID: &str = "SCM.1005";

/// An error answer in Huawei's shape.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub msg: String,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str, msg: impl Into<String>) -> Self {
        Self {
            status,
            code,
            msg: msg.into(),
        }
    }

    pub fn bad_request(code: &'static str, msg: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, code, msg)
    }

    /// A documented rule is broken: always names the field.
    pub fn invalid(field: &str, rule: impl std::fmt::Display) -> Self {
        Self::bad_request(INVALID_VALUE, format!("Invalid {field}: {rule}."))
    }
}

#[derive(Serialize)]
struct ErrorBody<'a> {
    error_code: &'a str,
    error_msg: &'a str,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = ErrorBody {
            error_code: self.code,
            error_msg: &self.msg,
        };
        (self.status, Json(body)).into_response()
    }
}
