//! A field's error appears when the field is changed and left. Leaving it by pressing a
//! button (Continue, Back) must not move that button: the message above it would push it
//! down between press and release, and the click would be lost. So while a pointer is
//! pressed, the field's error waits until just after the release and its click.

use super::state::WizardState;
use crate::order::Field;
use leptos::prelude::*;
use std::time::Duration;

/// Registers the pointer listeners for as long as the calling component lives.
pub fn follow_pointer(wizard: WizardState) {
    let down = window_event_listener(leptos::ev::pointerdown, move |_| {
        wizard.pointer_down.set_value(true);
    });
    let release = move || {
        wizard.pointer_down.set_value(false);
        // After the click that this release completes has been handled.
        set_timeout(
            move || {
                let waiting = wizard.waiting_touch.try_update_value(std::mem::take);
                for field in waiting.unwrap_or_default() {
                    wizard.touch(field);
                }
            },
            Duration::ZERO,
        );
    };
    let up = window_event_listener(leptos::ev::pointerup, move |_| release());
    let cancel = window_event_listener(leptos::ev::pointercancel, move |_| release());
    on_cleanup(move || {
        down.remove();
        up.remove();
        cancel.remove();
    });
}

/// The field was changed and left: show its errors now, or once the pointer is released.
pub fn left(wizard: WizardState, field: Field) {
    if wizard.pointer_down.get_value() {
        wizard
            .waiting_touch
            .update_value(|fields| fields.push(field));
    } else {
        wizard.touch(field);
    }
}
