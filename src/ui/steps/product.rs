use crate::order::{Field, Level, Step};
use crate::ui::state::use_wizard;
use leptos::prelude::*;

fn level_name(level: Level) -> &'static str {
    match level {
        Level::Dv => "Domain validated (DV)",
        Level::Ov => "Organisation validated (OV)",
        Level::Ev => "Extended validation (EV)",
    }
}

/// Choose the product: one radio button per catalogue entry.
#[component]
pub fn ProductStep() -> impl IntoView {
    let wizard = use_wizard();
    let error = move || wizard.error_for(Field::Product);
    let products = wizard.catalogue.with_value(|c| c.products.clone());
    let options = products
        .into_iter()
        .enumerate()
        .map(|(i, product)| {
            // The first radio carries the field's id, so the error summary can link to it.
            let id = if i == 0 {
                Field::Product.id()
            } else {
                format!("product-{i}")
            };
            let hint_id = format!("{id}-hint");
            let product_id = product.id.clone();
            let checked = {
                let product_id = product_id.clone();
                move || wizard.draft.with(|d| d.product_id == product_id)
            };
            let on_change = move |_| {
                let product_id = product_id.clone();
                wizard.draft.update(|d| d.product_id = product_id);
            };
            let months = product.validity.months();
            let term = if months % 12 == 0 {
                let years = months / 12;
                format!("{years} year{}", if years == 1 { "" } else { "s" })
            } else {
                format!("{months} months")
            };
            let details = format!(
                "{}. {term}. {}",
                level_name(product.level),
                product.description
            );
            view! {
                <div class="radio">
                    <input class="radio-input" type="radio" name="product" id=id.clone()
                        value=product.id.clone() aria-describedby=hint_id.clone()
                        prop:checked=checked on:change=on_change />
                    <label class="radio-label" for=id>{product.name.clone()}</label>
                    <p class="hint radio-hint" id=hint_id>{details}</p>
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset class=move || if error().is_some() { "fieldset field-error" } else { "fieldset" }
            aria-describedby=move || error().is_some().then_some("product-error")>
            <legend class="legend"><h1 class="heading" id="step-heading" tabindex="-1">{Step::Product.title()}</h1></legend>
            {move || error().map(|message| view! {
                <p class="error-message" id="product-error">
                    <span class="visually-hidden">"Error: "</span>{message}
                </p>
            })}
            <div class="radios">{options}</div>
        </fieldset>
    }
}
