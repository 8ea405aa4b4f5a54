//! Small browser helpers the components share.

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
    document().set_title(&(crate::i18n::t().flow.page_title)(title));
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

/// A random UUID (v4) from the browser's CSPRNG. `randomUUID` needs a secure context; a page
/// served over plain http elsewhere than localhost builds one from `getRandomValues`.
pub fn random_uuid() -> String {
    let Ok(crypto) = window().crypto() else {
        return String::new();
    };
    if js_sys::Reflect::has(&crypto, &"randomUUID".into()).unwrap_or(false) {
        return crypto.random_uuid();
    }
    let mut bytes = [0u8; 16];
    let _ = crypto.get_random_values_with_u8_array(&mut bytes);
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    )
}
