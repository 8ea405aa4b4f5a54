//! The first step as the first wasm module draws it: the products, and Continue. It needs
//! none of the wizard's state or checks, so it is usable before the wizard's module has
//! arrived; Continue hands the choice to the wizard (`super::later`), which checks it.

use super::dom::mark;
use crate::i18n::s;
use crate::order::{Catalogue, Level, Product, Step};
use leptos::prelude::*;

/// The key in `history.state` that keeps the product chosen here over a reload.
const CHOICE_KEY: &str = "sslOrderProduct";

fn level_name(level: Level) -> &'static str {
    let texts = s();
    match level {
        Level::Dv => texts.level_dv,
        Level::Ov => texts.level_ov,
        Level::Ev => texts.level_ev,
    }
}

/// The hint under a product's name: its level, its term and the catalogue's description.
pub fn details(product: &Product) -> String {
    let texts = s();
    let months = product.validity.months();
    let term = if months.is_multiple_of(12) {
        (texts.term_years)(months / 12)
    } else {
        (texts.term_months)(months)
    };
    (texts.product_details)(
        level_name(product.level),
        &term,
        product.description.get(crate::i18n::current().tag()),
    )
}

/// The product chosen on this page before a reload, if any.
pub fn remembered_choice() -> Option<String> {
    let state = window().history().ok()?.state().ok()?;
    js_sys::Reflect::get(&state, &CHOICE_KEY.into())
        .ok()?
        .as_string()
}

/// Keeps the choice in this history entry, as the wizard keeps its step there.
fn remember(product_id: &str) {
    let Ok(history) = window().history() else {
        return;
    };
    // The wizard's own entry for the product step, with the choice beside it.
    let state = super::history::entry(Step::Product);
    let _ = js_sys::Reflect::set(&state, &CHOICE_KEY.into(), &product_id.into());
    let _ = history.replace_state(&state, "");
}

/// The attribute that marks the first step written into index.html at build time.
pub const STATIC_MARK: &str = "data-ssl-order-static";

/// Escapes text for HTML, in text and in quoted attributes alike.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The first step as static HTML, for index.html at build time (`examples/first_step_html.rs`):
/// the markup `FirstStep` draws, in the current language, for `catalogue` read from
/// `catalogue_url`. `fixed_language`: config.json names that language, so every visitor
/// gets it; otherwise loader.js keeps the step only for a browser that prefers it. It is
/// written `hidden`: loader.js shows it where the app would start with this step, and
/// removes it elsewhere, before it is ever drawn. It is usable before any wasm runs
/// (loader.js holds a Continue pressed there); the app takes it over when it matches what
/// config.json names (`take_static`).
pub fn static_markup(catalogue: &Catalogue, catalogue_url: &str, fixed_language: bool) -> String {
    let radios: String = catalogue
        .products
        .iter()
        .enumerate()
        .map(|(i, product)| {
            let id = radio_id(i);
            format!(
                r#"<div class="radio"><input class="radio-input" type="radio" name="product" id="{id}" value="{value}" aria-describedby="{id}-hint"><label class="radio-label" for="{id}">{name}</label><p class="hint radio-hint" id="{id}-hint">{details}</p></div>"#,
                value = escape(&product.id),
                name = escape(&product.name),
                details = escape(&details(product)),
            )
        })
        .collect();
    format!(
        r#"<main class="wizard" id="main" lang="{lang}" {STATIC_MARK}="{url}"{fixed} hidden><form class="step" novalidate><fieldset class="fieldset"><legend class="legend"><h1 class="heading" id="step-heading" tabindex="-1">{title}</h1></legend><div class="radios">{radios}</div></fieldset><button type="submit" class="button">{button}</button></form></main>"#,
        url = escape(catalogue_url),
        lang = crate::i18n::current().tag(),
        fixed = if fixed_language {
            " data-fixed-lang"
        } else {
            ""
        },
        title = escape(s().title_product),
        button = escape(s().continue_button),
    )
}

/// The id of the product radio at `index`: the first carries the field's id, so the error
/// summary can link to it.
fn radio_id(index: usize) -> String {
    if index == 0 {
        crate::order::Field::Product.id()
    } else {
        format!("product-{index}")
    }
}

/// The products as radio buttons with their hints: the markup of both product steps, this one
/// and the wizard's (`steps::ProductStep`). The first carries the field's id, so the error
/// summary can link to it. `is_chosen` says whether a product id is the one chosen; `choose`
/// is called with the id a person picks.
pub fn product_radios(
    products: Vec<Product>,
    is_chosen: impl Fn(&str) -> bool + Copy + Send + Sync + 'static,
    choose: impl Fn(String) + Copy + 'static,
) -> impl IntoView {
    products
        .into_iter()
        .enumerate()
        .map(|(i, product)| {
            let id = radio_id(i);
            let hint_id = format!("{id}-hint");
            let checked = {
                let product_id = product.id.clone();
                move || is_chosen(&product_id)
            };
            let on_change = {
                let product_id = product.id.clone();
                move |_| choose(product_id.clone())
            };
            let details = details(&product);
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
        .collect_view()
}

/// The products as radio buttons (the markup of the wizard's own product step) and
/// Continue. `chosen` holds the choice; `on_continue` is called on Continue or Enter.
#[component]
pub fn FirstStep(
    catalogue: Catalogue,
    chosen: RwSignal<String>,
    on_continue: impl Fn() + 'static,
) -> impl IntoView {
    super::dom::set_title(s().title_product);
    let options = product_radios(
        catalogue.products,
        move |id| chosen.with(|chosen| chosen == id),
        move |id| {
            remember(&id);
            chosen.set(id);
        },
    );
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        on_continue();
    };
    Effect::new(move |_| {
        mark("ssl-order:interactive");
        // The wizard's module is fetched once this step is usable, not before: it must not
        // compete with what this step needs.
        leptos::task::spawn_local(async {
            let _ = super::later::preload().await;
        });
    });
    view! {
        <main class="wizard" id="main">
            <form class="step" novalidate on:submit=on_submit>
                <fieldset class="fieldset">
                    <legend class="legend"><h1 class="heading" id="step-heading" tabindex="-1">{s().title_product}</h1></legend>
                    <div class="radios">{options}</div>
                </fieldset>
                <button type="submit" class="button">{s().continue_button}</button>
            </form>
        </main>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{set, Locale};

    #[test]
    fn the_static_first_step_has_the_apps_ids_and_words_escaped() {
        let mut catalogue = crate::order::fixtures::catalogue();
        catalogue.products[0].name = "Tom & Jerry <SSL>".into();
        let html = static_markup(&catalogue, "catalog/a\"b.json", false);
        assert!(html.contains(r#"id="product" value=""#), "{html}");
        assert!(html.contains(r#"for="product-1""#), "{html}");
        assert!(html.contains("Tom &amp; Jerry &lt;SSL&gt;"), "{html}");
        assert!(
            html.contains(r#"data-ssl-order-static="catalog/a&quot;b.json""#),
            "{html}"
        );
        assert!(
            html.contains(r#"lang="en""#) && !html.contains("data-fixed-lang"),
            "{html}"
        );
        assert!(html.contains(&details(&catalogue.products[1])), "{html}");
        // One radio per product, and the step's own heading and button.
        assert_eq!(
            html.matches(r#"type="radio""#).count(),
            catalogue.products.len()
        );
        assert!(html.contains(">Choose a certificate</h1>") && html.contains(">Continue</button>"));
        // Drawn only once loader.js has seen that the app starts with this step.
        assert!(
            html.starts_with("<main ") && html.contains(" hidden>"),
            "{html}"
        );
    }

    #[test]
    fn a_language_config_json_fixes_is_written_and_marked() {
        let catalogue = crate::order::fixtures::catalogue();
        set(Locale::ZhCn);
        let html = static_markup(&catalogue, "catalog/huawei.json", true);
        set(Locale::En);
        assert!(
            html.contains(r#"lang="zh-CN""#) && html.contains("data-fixed-lang"),
            "{html}"
        );
        assert!(html.contains(Locale::ZhCn.start().title_product), "{html}");
    }
}
