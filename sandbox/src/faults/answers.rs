//! The answers injected faults give in place of the provider's.

use axum::http::header::{CONTENT_TYPE, RETRY_AFTER};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

use super::DropConnection;

/// What the log shows for a dropped request: nginx's "connection closed without response".
pub const DROPPED_STATUS: u16 = 444;

/// A short plain body, as a gateway or rate limiter sends, e.g. `503 Service Unavailable`.
pub fn gateway_status(status: u16, message: Option<&str>) -> Response {
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_GATEWAY);
    let body = match message {
        Some(message) => format!("{message}\n"),
        None => format!(
            "{} {}\n",
            status.as_u16(),
            status.canonical_reason().unwrap_or_default()
        ),
    };
    let mut response =
        (status, [(CONTENT_TYPE, "text/plain; charset=utf-8")], body).into_response();
    if matches!(
        status,
        StatusCode::TOO_MANY_REQUESTS | StatusCode::SERVICE_UNAVAILABLE
    ) {
        response
            .headers_mut()
            .insert(RETRY_AFTER, HeaderValue::from_static("1"));
    }
    response
}

/// HTTP 200 with the HTML error page a misconfigured gateway serves in place of the API.
pub fn gateway_page(message: Option<&str>) -> Response {
    let text = message.unwrap_or("The upstream server sent an invalid response.");
    let page = format!(
        "<html><head><title>502 Bad gateway</title></head><body><h1>Bad gateway</h1><p>{}</p></body></html>\n",
        escape_html(text)
    );
    (
        StatusCode::OK,
        [(CONTENT_TYPE, "text/html; charset=utf-8")],
        page,
    )
        .into_response()
}

fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

pub fn dropped() -> Response {
    let status = StatusCode::from_u16(DROPPED_STATUS).unwrap_or(StatusCode::BAD_GATEWAY);
    let mut response = status.into_response();
    response.extensions_mut().insert(DropConnection);
    response
}
