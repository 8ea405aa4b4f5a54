//! Small browser helpers the components share.

use crate::providers::generic::OrderKey;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Moves keyboard focus to the element with `id` once the pending render has happened.
pub fn focus_later(id: String) {
    request_animation_frame(move || {
        if let Some(element) = document()
            .get_element_by_id(&id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = element.focus();
        }
    });
}

/// A `performance.mark` the benchmark reads: `ssl-order:start` (the wasm runs),
/// `ssl-order:loaded` (configuration and catalogue read), `ssl-order:interactive`
/// (the first step is mounted and usable).
pub fn mark(name: &str) {
    if let Some(performance) = window().performance() {
        let _ = performance.mark(name);
    }
}

pub fn set_title(title: &str) {
    document().set_title(&(crate::i18n::s().page_title)(title));
}

/// UTS 46 ToASCII by the browser's own URL parser, at no cost in wasm size.
pub fn to_ascii(host: &str) -> Option<String> {
    // The parser would take a path, port or credentials as part of the URL; refuse them.
    if host.contains(['/', ':', '@', '?', '#', '\\', '%']) {
        return None;
    }
    web_sys::Url::new(&format!("http://{host}/"))
        .ok()
        .map(|url| url.hostname())
}

/// Today's date in the person's time zone.
pub fn today() -> crate::order::Day {
    let now = js_sys::Date::new_0();
    let year = u16::try_from(now.get_full_year()).unwrap_or(2026);
    let month = u8::try_from(now.get_month() + 1).unwrap_or(1);
    let day = u8::try_from(now.get_date()).unwrap_or(1);
    (year, month, day)
}

/// A random UUID (v4) from the browser's CSPRNG, as an order key. `randomUUID` needs a
/// secure context; a page served over plain http elsewhere than localhost builds one from
/// `getRandomValues`. None when the browser can give no randomness: then no key is sent.
pub fn random_uuid() -> Option<OrderKey> {
    let crypto = window().crypto().ok()?;
    if js_sys::Reflect::has(&crypto, &"randomUUID".into()).unwrap_or(false) {
        return OrderKey::parse(&crypto.random_uuid());
    }
    let mut bytes = [0u8; 16];
    crypto.get_random_values_with_u8_array(&mut bytes).ok()?;
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    // The check refuses what a source that gave nothing leaves: zeros.
    OrderKey::parse(&format!(
        "{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    ))
}
