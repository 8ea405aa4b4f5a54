//! Labelled form controls that show their own error, tied to the control for screen readers.

use super::state::use_wizard;
use crate::i18n::labels::field_label;
use crate::i18n::t;
use crate::order::Field;
use leptos::prelude::*;

/// How a text field is entered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Kind {
    #[default]
    Text,
    Email,
    Tel,
    /// Several lines, such as a pasted CSR.
    Multiline,
}

/// A text control bound to one answer of the draft.
#[component]
pub fn TextField(
    /// Which answer this is: gives the id, the label, the draft's text and the error.
    field: Field,
    /// Appended to the label, such as " (optional)".
    #[prop(optional)]
    label_suffix: &'static str,
    /// A line under the label saying what to enter.
    #[prop(optional)]
    hint: Option<&'static str>,
    #[prop(optional)] kind: Kind,
    /// The `autocomplete` token, so browsers can fill it in.
    #[prop(optional)]
    autocomplete: Option<&'static str>,
    /// Called with the raw value before it is stored; returns the value to store.
    #[prop(optional)]
    filter: Option<Callback<String, String>>,
) -> impl IntoView {
    let wizard = use_wizard();
    let id = field.id();
    let id_for_control = id.clone();
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    // This field's part of `shown`, so that typing elsewhere, which changes other
    // fields' errors, does not touch this one. A list field may have several messages;
    // all are shown beside it.
    let error = Memo::new(move |_| {
        wizard
            .shown_errors_for(field)
            .filter(|messages| !messages.is_empty())
            .map(|messages| messages.join(" "))
    });
    let error = move || error.get();
    let described_by = {
        let hint_id = hint_id.clone();
        let error_id = error_id.clone();
        move || {
            let mut ids = Vec::new();
            if hint.is_some() {
                ids.push(hint_id.clone());
            }
            if error().is_some() {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let value = wizard.select(move |d| d.text(field).to_string());
    let on_input = move |ev: leptos::ev::Event| {
        let raw = event_target_value(&ev);
        let kept = match filter {
            Some(filter) => filter.run(raw.clone()),
            None => raw.clone(),
        };
        if kept != raw {
            // The control still shows what was typed; make it show what was kept.
            set_control_value(&ev, &kept);
        }
        wizard.draft.update(|d| d.set_text(field, kept));
    };
    let invalid = move || error().is_some().then_some("true");
    let control = match kind {
        Kind::Multiline => view! {
            <textarea
                id=id_for_control.clone()
                name=id_for_control
                rows="12"
                spellcheck="false"
                autocomplete="off"
                class="input input-code"
                aria-describedby=described_by
                aria-invalid=invalid
                prop:value=value
                on:input=on_input
                on:change=move |_| super::leaving::left(wizard, field)
            ></textarea>
        }
        .into_any(),
        single => {
            let input_type = match single {
                Kind::Email => "email",
                Kind::Tel => "tel",
                _ => "text",
            };
            view! {
                <input
                    id=id_for_control.clone()
                    name=id_for_control
                    type=input_type
                    class="input"
                    autocomplete=autocomplete
                    spellcheck="false"
                    aria-describedby=described_by
                    aria-invalid=invalid
                    prop:value=value
                    on:input=on_input
                    on:change=move |_| super::leaving::left(wizard, field)
                />
            }
            .into_any()
        }
    };
    view! {
        <div class=move || if error().is_some() { "field field-error" } else { "field" }>
            <label class="label" for=id>{field_label(field, t())}{label_suffix}</label>
            {hint.map(|text| view! { <p class="hint" id=hint_id.clone()>{text}</p> })}
            {move || error().map(|message| view! {
                <p class="error-message" id=error_id.clone()>
                    <span class="visually-hidden">{t().start.error_prefix}</span>{message}
                </p>
            })}
            {control}
        </div>
    }
}

fn set_control_value(ev: &leptos::ev::Event, value: &str) {
    use wasm_bindgen::JsCast;
    let Some(target) = ev.target() else { return };
    if let Some(area) = target.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        area.set_value(value);
    } else if let Some(input) = target.dyn_ref::<web_sys::HtmlInputElement>() {
        input.set_value(value);
    }
}
