use crate::i18n::labels::step_title;
use crate::i18n::t;
use crate::order::{contact_parts, ContactPart, Field, Role, Step};
use crate::ui::fields::{Kind, TextField};
use crate::ui::state::use_wizard;
use leptos::prelude::*;

/// The fields of one contact, as the provider asks for them.
fn contact_fields(role: Role, parts: Vec<ContactPart>) -> impl IntoView {
    parts
        .into_iter()
        .map(|part| {
            let field = Field::Contact(role, part);
            let (kind, autocomplete, hint) = match part {
                ContactPart::FullName => (Kind::Text, "name", None),
                ContactPart::FirstName => (Kind::Text, "given-name", None),
                ContactPart::LastName => (Kind::Text, "family-name", None),
                ContactPart::Title => (Kind::Text, "organization-title", None),
                ContactPart::Phone => (Kind::Tel, "tel", Some(t().people.phone_hint)),
                ContactPart::Fax => (Kind::Tel, "fax tel", Some(t().people.fax_hint)),
                ContactPart::Email => (Kind::Email, "email", None),
            };
            // The browser fills in the person's own details only for the applicant.
            let autocomplete = if role == Role::Applicant {
                autocomplete
            } else {
                "off"
            };
            match hint {
                Some(hint) => view! { <TextField field kind autocomplete hint /> }.into_any(),
                None => view! { <TextField field kind autocomplete /> }.into_any(),
            }
        })
        .collect_view()
}

/// The applicant and, if different, the technical contact.
#[component]
pub fn ContactsStep() -> impl IntoView {
    let wizard = use_wizard();
    let parts = move |role| {
        wizard
            .product()
            .map(|p| contact_parts(p.provider, p.level, role))
            .unwrap_or_default()
    };
    let differs = wizard.select(|d| d.tech_differs);
    view! {
        <h1 class="heading" id="step-heading" tabindex="-1">{step_title(Step::Contacts, t())}</h1>
        <p class="body">{t().people.contacts_intro}</p>
        {move || contact_fields(Role::Applicant, parts(Role::Applicant))}
        <div class="checkbox">
            <input class="checkbox-input" type="checkbox" id="tech-differs"
                prop:checked=differs
                on:change=move |ev| {
                    let checked = event_target_checked(&ev);
                    wizard.draft.update(|d| d.tech_differs = checked);
                } />
            <label class="checkbox-label" for="tech-differs">
                {t().people.tech_differs}
            </label>
        </div>
        {move || differs.get().then(|| view! {
            <h2 class="subheading">{t().people.tech_heading}</h2>
            {contact_fields(Role::Tech, parts(Role::Tech))}
        })}
    }
}
