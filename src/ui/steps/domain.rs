use crate::order::{clean_input, Field, Step};
use crate::ui::fields::TextField;
use crate::ui::state::use_wizard;
use leptos::prelude::*;

/// The one name a single-domain certificate covers.
#[component]
pub fn DomainStep() -> impl IntoView {
    let wizard = use_wizard();
    // Tell the person what will be removed from a pasted URL before they continue.
    let note = Memo::new(move |_| wizard.draft.with(|d| clean_input(&d.domain).note));
    view! {
        <h1 class="heading" id="step-heading" tabindex="-1">{Step::Domain.title()}</h1>
        <TextField
            field=Field::Domain
            get=|d| d.domain.clone()
            set=|d, v| d.domain = v
            hint="The full name people type to reach the site, like www.example.com. It must match the Common Name of your CSR."
            autocomplete="off"
        />
        {move || note.get().map(|text| view! { <p class="note" role="status">{text}</p> })}
    }
}
