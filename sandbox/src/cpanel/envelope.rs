//! The UAPI envelope every `execute` call is answered with, success or failure:
//! `{"apiversion":3,"func":..,"module":..,"result":{"data","errors","messages","metadata",
//! "status","warnings"}}`. Failures are HTTP 200 too, with `status` 0.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};

/// What a function answers when it succeeds.
pub struct Success {
    pub data: Value,
    pub messages: Option<Vec<String>>,
}

impl Success {
    pub fn data(data: Value) -> Self {
        Self {
            data,
            messages: None,
        }
    }
}

pub fn success(module: &str, func: &str, success: Success) -> Response {
    let body = envelope(
        Some(module),
        Some(func),
        1,
        success.data,
        None,
        success.messages,
    );
    (StatusCode::OK, Json(body)).into_response()
}

/// A failure in cPanel's shape with `errors`, answered with `status`. `func` is `None` when
/// the request was refused before its function was known.
pub fn failure(
    status: StatusCode,
    module: &str,
    func: Option<&str>,
    errors: &[String],
) -> Response {
    let body = envelope(Some(module), func, 0, Value::Null, Some(errors), None);
    (status, Json(body)).into_response()
}

fn envelope(
    module: Option<&str>,
    func: Option<&str>,
    status: u8,
    data: Value,
    errors: Option<&[String]>,
    messages: Option<Vec<String>>,
) -> Value {
    json!({
        "apiversion": 3,
        "func": func,
        "module": module,
        "result": {
            "data": data,
            "errors": errors,
            "messages": messages,
            "metadata": {},
            "status": status,
            "warnings": null,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::to_bytes;

    async fn body_of(response: Response) -> (StatusCode, Value) {
        let status = response.status();
        let bytes = to_bytes(response.into_body(), usize::MAX).await.unwrap();
        (status, serde_json::from_slice(&bytes).unwrap())
    }

    #[tokio::test]
    async fn success_has_status_1_and_nulls_elsewhere() {
        let (status, body) = body_of(success(
            "Market",
            "get_all_products",
            Success::data(json!([])),
        ))
        .await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(
            body,
            json!({
                "apiversion": 3,
                "func": "get_all_products",
                "module": "Market",
                "result": {"data": [], "errors": null, "messages": null, "metadata": {}, "status": 1, "warnings": null}
            })
        );
    }

    #[tokio::test]
    async fn failure_lists_the_errors_with_status_0() {
        let errors = ["provider: the parameter is required".to_string()];
        let response = failure(StatusCode::OK, "Market", Some("get_all_products"), &errors);
        let (status, body) = body_of(response).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(body["result"]["status"], 0);
        assert_eq!(body["result"]["errors"], json!(errors));
        assert!(body["result"]["data"].is_null());
    }
}
