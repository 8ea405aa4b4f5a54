//! The only code that touches the network: sends a prepared request, returns status and body.

use crate::providers::PreparedRequest;
use gloo_timers::callback::Timeout;
use std::fmt;

pub struct RawResponse {
    pub status: u16,
    pub body: String,
}

/// The request got no HTTP answer: whether the provider acted on it is unknown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TransportError {
    TimedOut(u32),
    Network(String),
}

impl fmt::Display for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let texts = &crate::i18n::t().submit;
        f.write_str(&match self {
            TransportError::TimedOut(ms) => (texts.timed_out)(ms / 1000),
            TransportError::Network(detail) => (texts.unreachable)(detail),
        })
    }
}

/// The browser's request, exactly as prepared. Built directly rather than by gloo-net's
/// `RequestBuilder`, which re-writes the query and leaves a stray `&` after one that was
/// already in the URL (GoGetSSL's and cPanel's), so the URL sent differs from the one shown.
pub fn build(
    request: &PreparedRequest,
    signal: &web_sys::AbortSignal,
) -> Result<web_sys::Request, String> {
    let init = web_sys::RequestInit::new();
    init.set_method(request.method.as_str());
    init.set_signal(Some(signal));
    let headers = web_sys::Headers::new().map_err(js_message)?;
    for header in &request.headers {
        headers
            .append(header.name, &header.value)
            .map_err(js_message)?;
    }
    init.set_headers(&headers);
    if let Some(body) = &request.body {
        init.set_body(&wasm_bindgen::JsValue::from_str(body));
    }
    web_sys::Request::new_with_str_and_init(&request.url, &init).map_err(js_message)
}

/// The message of a JavaScript exception (a `TypeError` for a malformed URL or header).
fn js_message(error: wasm_bindgen::JsValue) -> String {
    use wasm_bindgen::JsCast;
    match error.dyn_ref::<js_sys::Error>() {
        Some(error) => error.message().into(),
        None => error.as_string().unwrap_or_default(),
    }
}

pub async fn send(
    request: &PreparedRequest,
    timeout_ms: u32,
) -> Result<RawResponse, TransportError> {
    let controller = web_sys::AbortController::new()
        .map_err(|_| TransportError::Network("no AbortController".into()))?;
    let signal = controller.signal();
    // Dropping the timer when the answer arrives cancels it.
    let _timer = Timeout::new(timeout_ms, move || controller.abort());

    let prepared = build(request, &signal)
        .map(gloo_net::http::Request::from)
        .map_err(TransportError::Network)?;

    let response = prepared.send().await.map_err(|e| {
        if signal.aborted() {
            TransportError::TimedOut(timeout_ms)
        } else {
            TransportError::Network(e.to_string())
        }
    })?;
    let status = response.status();
    let body = response
        .text()
        .await
        .map_err(|e| TransportError::Network(e.to_string()))?;
    Ok(RawResponse { status, body })
}

/// Sends a request that is safe to repeat, retrying a missing answer or a 5xx as
/// [`crate::retry`] allows. `on_retry` hears the retry's number before each wait.
pub async fn send_retrying(
    request: &PreparedRequest,
    timeout_ms: u32,
    on_retry: impl Fn(u32),
) -> Result<RawResponse, TransportError> {
    use crate::retry::{again, backoff_ms, Attempt};
    let mut attempt = 0;
    loop {
        let outcome = send(request, timeout_ms).await;
        let seen = match &outcome {
            Ok(answer) => Attempt::Answered(answer.status),
            Err(_) => Attempt::NoAnswer,
        };
        if !again(attempt, seen) {
            return outcome;
        }
        attempt += 1;
        on_retry(attempt);
        gloo_timers::future::TimeoutFuture::new(backoff_ms(attempt)).await;
    }
}

/// What loader.js already asked for under `url` (index.html's preloads: the configuration
/// and the catalogue), taken out so that a later read asks again.
fn prefetched(url: &str) -> Option<js_sys::Promise> {
    use wasm_bindgen::JsCast;
    let window = web_sys::window()?;
    let handed = js_sys::Reflect::get(&window, &"sslOrderPrefetch".into()).ok()?;
    if !handed.is_object() {
        return None;
    }
    let base = window.document()?.base_uri().ok()??;
    let key: wasm_bindgen::JsValue = web_sys::Url::new_with_base(url, &base).ok()?.href().into();
    let promise = js_sys::Reflect::get(&handed, &key).ok()?;
    let _ = js_sys::Reflect::delete_property(&handed.unchecked_into::<js_sys::Object>(), &key);
    promise.dyn_into().ok()
}

/// Reads a static file of the app itself (configuration, catalogue).
pub async fn fetch_text(url: &str) -> Result<String, String> {
    let url = crate::embed::asset_url(url);
    // Fetched by loader.js before the wasm ran; a failure there is asked again below, so
    // its message is the one this function gives.
    if let Some(promise) = prefetched(&url) {
        if let Some(text) = wasm_bindgen_futures::JsFuture::from(promise)
            .await
            .ok()
            .and_then(|text| text.as_string())
        {
            return Ok(text);
        }
    }
    let response = gloo_net::http::Request::get(&url)
        .send()
        .await
        .map_err(|e| e.to_string())?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    response.text().await.map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{set, Locale};

    #[test]
    fn a_missing_answer_is_told_in_the_current_language() {
        set(Locale::ZhCn);
        assert_eq!(
            TransportError::TimedOut(30_000).to_string(),
            "服务商未在 30 秒内响应"
        );
        assert_eq!(
            TransportError::Network("offline".into()).to_string(),
            "无法连接服务商（offline）"
        );
        set(Locale::En);
        assert_eq!(
            TransportError::TimedOut(30_000).to_string(),
            "The provider did not answer within 30 seconds"
        );
    }
}
