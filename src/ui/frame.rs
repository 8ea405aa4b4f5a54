//! The iframe side of the embedding protocol (`embed::protocol`): says `ready`, takes an
//! `init` from an allowed parent origin, and reports the step, the outcome and the content
//! height, so a control panel can follow the order and size the frame.

use super::state::WizardState;
use super::submission::Status;
use crate::embed::protocol::{self, message};
use crate::i18n::labels::step_title;
use crate::i18n::problems::submission::failure_words;
use crate::i18n::Locale;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use serde_json::{json, Value};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The parent window, when the page is framed.
fn parent() -> Option<web_sys::Window> {
    let own = window();
    let parent = own.parent().ok().flatten()?;
    // A top-level page is its own parent.
    (!js_sys::Object::is(&parent, &own)).then_some(parent)
}

/// Sends `data` to the host: to the origin that sent `init`, else to each allowed origin
/// (the browser delivers it only where the parent's origin matches).
fn post(parent: &web_sys::Window, targets: &[String], data: &Value) {
    let Ok(value) = js_sys::JSON::parse(&data.to_string()) else {
        return;
    };
    for origin in targets {
        let _ = parent.post_message(&value, origin);
    }
}

/// Talks to the embedding page for as long as the calling component lives; does nothing
/// unless the page is framed and config.json names the origins allowed to frame it.
pub fn follow(wizard: WizardState) {
    let allowed = wizard
        .env
        .config
        .with_untracked(|c| c.parent_origins.clone());
    let Some(parent) = parent().filter(|_| !allowed.is_empty()) else {
        return;
    };
    let targets = StoredValue::new(allowed.clone());
    let send = {
        let parent = parent.clone();
        move |data: Value| targets.with_value(|t| post(&parent, t, &data))
    };
    let send_refused = send.clone();
    let handle = window_event_listener(leptos::ev::message, {
        let parent = parent.clone();
        move |ev: web_sys::MessageEvent| {
            let origin = ev.origin();
            let from_parent = ev
                .source()
                .is_some_and(|source| js_sys::Object::is(&source, &parent));
            if !from_parent || !protocol::allowed(&origin, &allowed) {
                return;
            }
            let data = js_sys::JSON::stringify(&ev.data())
                .ok()
                .and_then(|s| s.as_string())
                .and_then(|s| serde_json::from_str::<Value>(&s).ok());
            let Some(init) = data.as_ref().and_then(protocol::parse_init) else {
                return;
            };
            // From now on, only the host that introduced itself hears from the form.
            targets.set_value(vec![origin]);
            if init.token.is_some() {
                crate::embed::set_token(init.token.clone());
            }
            wizard.draft.update(|draft| protocol::prefill(draft, &init));
            // A language without a catalogue leaves the form in the one it speaks.
            if let Some(locale) = init.locale.as_deref().and_then(Locale::from_tag) {
                wizard.env.set_locale(locale);
            }
            if !init.settings.is_empty() {
                super::reconfigure::apply(wizard, &init.settings, send_refused.clone());
            }
            // On the body, which carries the form's root class and its custom properties.
            if let Some(root) = document().body() {
                for (key, value) in &init.theme {
                    // CSSOM, not a style attribute: allowed under style-src 'self'.
                    let _ = root.style().set_property(key, value);
                }
            }
        }
    });
    send(message("ready", json!({})));

    let send_step = send.clone();
    // The step's place, derived once: the steps depend on the draft, which changes on
    // every keystroke, but the host hears only of a new step or a new number of steps, or
    // of the step's title in a new language (the slug stays the same in every language).
    let place = Memo::new(move |_| {
        let step = wizard.step.get();
        let steps = wizard.steps();
        let index = steps.iter().position(|s| *s == step).unwrap_or(0);
        (step, index + 1, steps.len(), wizard.env.locale.get())
    });
    Effect::new(move |_| {
        let (step, index, total, _) = place.get();
        if wizard.submission.placed_untracked() {
            return;
        }
        send_step(message(
            "step-changed",
            json!({"step": step.slug(), "index": index, "total": total, "title": step_title(step, crate::i18n::t())}),
        ));
    });
    let send_outcome = send.clone();
    // Not on the first run: a reload of the result page is no new submission.
    Effect::new(move |first: Option<()>| match wizard.submission.status() {
        _ if first.is_none() => {}
        Status::Placed => {
            let purchase = wizard.submission.purchase_untracked().unwrap_or_default();
            send_outcome(message(
                "submitted",
                json!({"order_id": purchase.order_id, "cert_id": purchase.cert_id}),
            ));
        }
        Status::Failed(failure) => {
            let words = failure_words(&failure, crate::i18n::t());
            send_outcome(message(
                "failed",
                json!({"summary": words.summary, "detail": words.detail}),
            ))
        }
        Status::Idle | Status::Busy(_) => {}
    });
    let observer = height_observer(send);
    on_cleanup(move || {
        handle.remove();
        if let Some(observer) = observer {
            observer.0.disconnect();
        }
    });
}

/// The observer and its callback, dropped together when the form goes away.
type Observer = SendWrapper<(web_sys::ResizeObserver, Closure<dyn FnMut()>)>;

/// Reports the content height whenever it changes.
fn height_observer(send: impl Fn(Value) + 'static) -> Option<Observer> {
    let body = document().body()?;
    let last = std::cell::Cell::new(0);
    let callback = Closure::<dyn FnMut()>::new(move || {
        let height = document()
            .document_element()
            .map(|e| e.scroll_height())
            .unwrap_or(0);
        if height != last.replace(height) {
            send(message("height", json!({"height": height})));
        }
    });
    let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(&body);
    Some(SendWrapper::new((observer, callback)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{set, Locale};
    use crate::order::Step;

    #[test]
    fn the_hosts_step_message_keeps_the_slug_and_translates_the_title() {
        set(Locale::ZhCn);
        let step = Step::Csr;
        let sent = message(
            "step-changed",
            json!({"step": step.slug(), "title": step_title(step, crate::i18n::t())}),
        );
        set(Locale::En);
        assert_eq!(sent["step"], "csr");
        assert_eq!(sent["title"], "您的证书签名请求（CSR）");
    }
}
