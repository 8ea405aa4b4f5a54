use crate::i18n::labels::{field_label, step_title};
use crate::i18n::t;
use crate::order::{org_need, Field, Need, OrgPart, Step};
use crate::ui::country_names::countries_in_current_language;
use crate::ui::fields::{Kind, TextField};
use crate::ui::state::use_wizard;
use leptos::prelude::*;

/// The country, chosen from the ISO 3166-1 list, named and sorted in the form's language.
#[component]
fn CountrySelect(#[prop(optional)] label_suffix: &'static str) -> impl IntoView {
    let wizard = use_wizard();
    let field = Field::Org(OrgPart::Country);
    let error = move || wizard.error_for(field);
    let error_id = format!("{}-error", field.id());
    let current = move || {
        wizard
            .draft
            .with(|d| d.organisation.country.to_ascii_uppercase())
    };
    let options = countries_in_current_language()
        .into_iter()
        .map(|(code, name)| {
            view! {
                <option value=code selected=move || current() == code>{name}</option>
            }
        })
        .collect_view();
    view! {
        <div class=move || if error().is_some() { "field field-error" } else { "field" }>
            <label class="label" for=field.id()>{field_label(field, t())}{label_suffix}</label>
            {
                let error_id = error_id.clone();
                move || error().map(|m| view! {
                    <p class="error-message" id=error_id.clone()><span class="visually-hidden">{t().start.error_prefix}</span>{m}</p>
                })
            }
            <select class="select" id=field.id() autocomplete="country"
                aria-describedby=move || error().is_some().then(|| error_id.clone())
                aria-invalid=move || error().is_some().then_some("true")
                on:change=move |ev| {
                    let value = event_target_value(&ev);
                    wizard.draft.update(|d| d.organisation.country = value);
                }>
                <option value="" selected=move || current().is_empty()>{t().people.choose_a_country}</option>
                {options}
            </select>
        </div>
    }
}

/// The organisation the CA checks (OV and EV), with the fields the provider asks for.
#[component]
pub fn OrganisationStep() -> impl IntoView {
    let wizard = use_wizard();
    let fields = move || {
        let Some(product) = wizard.product() else {
            return ().into_any();
        };
        OrgPart::ALL
            .into_iter()
            .filter_map(|part| {
                let need = org_need(product.provider, product.level, part);
                let label_suffix = match need {
                    Need::NotAsked => return None,
                    Need::Optional => t().people.optional_suffix,
                    Need::Required => "",
                };
                let field = Field::Org(part);
                Some(match part {
                    OrgPart::Country => view! { <CountrySelect label_suffix /> }.into_any(),
                    OrgPart::Phone => {
                        view! { <TextField field label_suffix kind=Kind::Tel autocomplete="tel" /> }
                            .into_any()
                    }
                    OrgPart::Name => {
                        view! { <TextField field label_suffix autocomplete="organization"
                        hint=t().people.org_name_hint /> }
                        .into_any()
                    }
                    OrgPart::Lei => view! { <TextField field label_suffix autocomplete="off"
                    hint=t().people.lei_hint /> }
                    .into_any(),
                    _ => view! { <TextField field label_suffix /> }.into_any(),
                })
            })
            .collect_view()
            .into_any()
    };
    view! {
        <h1 class="heading" id="step-heading" tabindex="-1">{step_title(Step::Organisation, t())}</h1>
        <p class="body">{t().people.organisation_intro}</p>
        {fields}
    }
}
