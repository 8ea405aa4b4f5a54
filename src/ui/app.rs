//! The root component: reads the configuration and catalogue, then shows the wizard.

use super::wizard::Wizard;
use crate::config::Config;
use crate::draft_store::{self, SavedState};
use crate::order::Catalogue;
use crate::transport::fetch_text;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[derive(Clone)]
enum Load {
    Loading,
    Failed(String),
    Ready(Box<(Config, Catalogue, Option<SavedState>)>),
}

async fn load() -> Load {
    let config = match fetch_text("config.json")
        .await
        .map_err(|e| format!("config.json could not be read: {e}"))
        .and_then(|text| Config::from_json(&text).map_err(|e| e.to_string()))
    {
        Ok(config) => config,
        Err(message) => return Load::Failed(message),
    };
    let catalogue = match fetch_text(&config.catalogue_url)
        .await
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
        Ok(catalogue) => catalogue,
        Err(message) => return Load::Failed(message),
    };
    let saved = draft_store::load(config.storage);
    Load::Ready(Box::new((config, catalogue, saved)))
}

#[component]
pub fn App() -> impl IntoView {
    let state = RwSignal::new(Load::Loading);
    spawn_local(async move {
        state.set(load().await);
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
            let (config, catalogue, saved) = *ready;
            view! { <Wizard config catalogue saved=saved.unwrap_or_default()/> }.into_any()
        }
    }
}
