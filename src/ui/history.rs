//! The browser's Back and Forward buttons move between steps: each step the person reaches
//! is a history entry (same address, the step in its state), and going back or forward to
//! one shows that step again.
//!
//! The address is left alone: the form may be embedded anywhere, under any path, and the
//! step itself is restored from the saved draft after a reload.

use super::state::WizardState;
use crate::order::{reachable, Step};
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// The key in `history.state` that holds the step's slug.
const STATE_KEY: &str = "sslOrderStep";

/// The history state of a step's entry (also the first module's, for its product step).
pub(super) fn entry(step: Step) -> JsValue {
    let state = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&state, &STATE_KEY.into(), &step.slug().into());
    state.into()
}

fn step_of(state: &JsValue) -> Option<Step> {
    let slug = js_sys::Reflect::get(state, &STATE_KEY.into())
        .ok()?
        .as_string()?;
    Step::from_slug(&slug)
}

fn record(step: Step, replace: bool) {
    let Ok(history) = window().history() else {
        return;
    };
    let _ = if replace {
        history.replace_state(&entry(step), "")
    } else {
        history.push_state(&entry(step), "")
    };
}

/// Keeps the history in step with the wizard, for as long as the calling component lives.
pub fn follow(wizard: WizardState) {
    // Set while a step change comes from the history itself, which must not be recorded again.
    let from_history = StoredValue::new(false);
    Effect::new(move |previous: Option<Step>| {
        let step = wizard.step.get();
        match previous {
            None => record(step, true),
            Some(before) if before != step && !from_history.get_value() => record(step, false),
            _ => {}
        }
        from_history.set_value(false);
        step
    });
    let handle = window_event_listener(leptos::ev::popstate, move |ev| {
        // Another script's entry, or the result page, which has no steps to go back to.
        let Some(target) = step_of(&ev.state()) else {
            return;
        };
        if wizard.submission.placed_untracked() || wizard.submission.in_flight() {
            return;
        }
        let current = wizard.step.get_untracked();
        let errors = untrack(|| wizard.all_errors());
        let landing = untrack(|| reachable(&wizard.steps(), &errors, target));
        match landing {
            Some(step) if step != current => {
                from_history.set_value(true);
                if !wizard.move_to(step) {
                    // The person chose to stay (an unsaved key): the entry is put back.
                    from_history.set_value(false);
                    record(current, false);
                    return;
                }
                if step != target {
                    record(step, true);
                    // Why the page stopped short: the problems of the step it stopped at.
                    wizard.checked.set(true);
                    super::dom::focus_later("error-summary".into());
                }
            }
            // Forward from a step whose answers are not complete: stay, and say why.
            Some(_) if target != current => {
                record(current, true);
                wizard.checked.set(true);
                super::dom::focus_later("error-summary".into());
            }
            // The product no longer has that step, or it is the one on show.
            _ => record(current, true),
        }
    });
    on_cleanup(move || handle.remove());
}
