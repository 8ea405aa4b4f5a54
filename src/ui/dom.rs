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
    document().set_title(&format!("{title} – Order an SSL certificate"));
}
