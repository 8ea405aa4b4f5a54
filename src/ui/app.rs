//! The root component: reads the configuration and catalogue, then shows the wizard.

use super::dom::mark;
use super::wizard::Wizard;
use crate::config::{Config, DEFAULT_CATALOGUE};
use crate::draft_store::{self, SavedState};
use crate::i18n::t;
use crate::order::Catalogue;
use crate::transport::fetch_text;
use futures_util::future::join;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[derive(Clone)]
enum Load {
    Loading,
    Failed(String),
    Ready(Box<(Config, Catalogue, Option<SavedState>, Vec<String>)>),
}

/// The `locale` the embedding page's options ask for, before config.json is read.
fn page_locale(page: Option<&str>) -> Option<String> {
    let options = serde_json::from_str::<serde_json::Value>(page?).ok()?;
    options.get("locale")?.as_str().map(str::to_string)
}

async fn load() -> Load {
    let page = crate::embed::page_options();
    // The loading and failure messages are read before config.json says anything.
    super::locale::apply(super::locale::choose(
        page_locale(page.as_deref()).as_deref(),
    ));
    let config_url = crate::config::config_url(page.as_deref());
    let query = window().location().search().unwrap_or_default();
    // index.html preloads both files; asking for them together saves a round trip. A
    // deployment that names another catalogue pays for one more fetch.
    let (config_text, default_catalogue) =
        join(fetch_text(&config_url), fetch_text(DEFAULT_CATALOGUE)).await;
    let (config, refused) = match config_text
        .map_err(|e| format!("{config_url} could not be read: {e}"))
        .and_then(|text| {
            Config::from_layers(&text, page.as_deref(), &query).map_err(|e| e.to_string())
        }) {
        Ok(loaded) => (loaded.config, loaded.refused),
        Err(message) => return Load::Failed(message),
    };
    let catalogue_text = if config.catalogue_url == DEFAULT_CATALOGUE {
        default_catalogue
    } else {
        fetch_text(&config.catalogue_url).await
    };
    let catalogue = match catalogue_text
        .map_err(|e| {
            format!(
                "The catalogue {} could not be read: {e}",
                config.catalogue_url
            )
        })
        .and_then(|text| {
            Catalogue::from_json(&text)
                .map_err(|e| format!("The catalogue {}: {e}", config.catalogue_url))
        }) {
        Ok(catalogue) if !config.sells(catalogue.provider) => {
            return Load::Failed(format!(
                "The catalogue {} lists products of another provider than \"{}\", which config.json names.",
                config.catalogue_url,
                config.api.slug()
            ))
        }
        Ok(catalogue) => catalogue,
        Err(message) => return Load::Failed(message),
    };
    super::locale::apply(super::locale::choose(config.locale.as_deref()));
    let saved = draft_store::load(config.storage);
    Load::Ready(Box::new((config, catalogue, saved, refused)))
}

#[component]
pub fn App() -> impl IntoView {
    let state = RwSignal::new(Load::Loading);
    mark("ssl-order:start");
    spawn_local(async move {
        let loaded = load().await;
        mark("ssl-order:loaded");
        state.set(loaded);
    });
    move || match state.get() {
        Load::Loading => {
            view! { <p class="loading" role="status">{t().flow.loading}</p> }.into_any()
        }
        Load::Failed(message) => view! {
            <div class="failure" role="alert">
                <h1 class="heading">{t().flow.cannot_start}</h1>
                <p class="body">{message}</p>
                <p class="body">{t().flow.ask_administrator}</p>
            </div>
        }
        .into_any(),
        Load::Ready(ready) => {
            let (config, catalogue, saved, refused) = *ready;
            view! {
                {(!refused.is_empty()).then(|| view! {
                    <p class="warning" role="alert" data-testid="refused-settings">
                        {(t().flow.refused_settings)(&refused.join(", "))}
                    </p>
                })}
                <Wizard config catalogue saved=saved.unwrap_or_default()/>
            }
            .into_any()
        }
    }
}
