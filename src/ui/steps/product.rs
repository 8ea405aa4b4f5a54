use crate::i18n::labels::step_title;
use crate::i18n::t;
use crate::order::{Field, Step};
use crate::ui::first_step::product_radios;
use crate::ui::state::use_wizard;
use leptos::prelude::*;

/// Choose the product: one radio button per catalogue entry.
#[component]
pub fn ProductStep() -> impl IntoView {
    let wizard = use_wizard();
    let error = move || wizard.error_for(Field::Product);
    let selected = wizard.select(|d| d.product_id.clone());
    // Drawn again when an init message brings another catalogue.
    let options = move || {
        product_radios(
            wizard.env.catalogue.with(|c| c.products.clone()),
            move |id| selected.with(|selected| selected == id),
            move |id| wizard.draft.update(|d| d.product_id = id),
        )
    };
    view! {
        <fieldset class=move || if error().is_some() { "fieldset field-error" } else { "fieldset" }
            aria-describedby=move || error().is_some().then_some("product-error")>
            <legend class="legend"><h1 class="heading" id="step-heading" tabindex="-1">{step_title(Step::Product, t())}</h1></legend>
            {move || error().map(|message| view! {
                <p class="error-message" id="product-error">
                    <span class="visually-hidden">{t().start.error_prefix}</span>{message}
                </p>
            })}
            <div class="radios">{options}</div>
        </fieldset>
    }
}

#[cfg(test)]
mod tests {
    use crate::i18n::{set, Locale};
    use crate::order::{Level, Validity};
    use crate::ui::first_step::details;

    #[test]
    fn a_products_hint_names_its_level_and_term_in_the_current_language() {
        let catalogue = crate::order::fixtures::catalogue();
        let mut product = catalogue.products[0].clone();
        product.level = Level::Ov;
        product.validity = Validity::Years(2);
        product.description = "For shops.".into();
        assert_eq!(
            details(&product),
            "Organisation validated (OV). 2 years. For shops."
        );
        product.validity = Validity::Months(18);
        assert_eq!(
            details(&product),
            "Organisation validated (OV). 18 months. For shops."
        );
        set(Locale::ZhCn);
        product.validity = Validity::Years(1);
        let chinese = details(&product);
        set(Locale::En);
        assert_eq!(chinese, "企业型（OV）。1 年。For shops.");
    }
}
