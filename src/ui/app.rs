//! The root component: reads the configuration and catalogue, then shows the wizard.

use super::dom::mark;
use super::wizard::Wizard;
use crate::config::{Config, DEFAULT_CATALOGUE};
use crate::draft_store::{self, SavedState};
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

async fn load() -> Load {
    let page = crate::embed::page_options();
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
            view! { <p class="loading" role="status">"Loading the order form…"</p> }.into_any()
        }
        Load::Failed(message) => view! {
            <div class="failure" role="alert">
                <h1 class="heading">"The order form could not start"</h1>
                <p class="body">{message}</p>
                <p class="body">"Ask the site's administrator to check the configuration."</p>
            </div>
        }
        .into_any(),
        Load::Ready(ready) => {
            let (config, catalogue, saved, refused) = *ready;
            view! {
                {(!refused.is_empty()).then(|| view! {
                    <p class="warning" role="alert" data-testid="refused-settings">
                        {format!(
                            "This page's address tried to change {} for this form. That was ignored: your order goes only where this site is set up to send it.",
                            refused.join(", ")
                        )}
                    </p>
                })}
                <Wizard config catalogue saved=saved.unwrap_or_default()/>
            }
            .into_any()
        }
    }
}
