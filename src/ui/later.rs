//! The wizard past its start lives in a second wasm module when the app is built with the
//! `split` feature (see scripts/split.sh): the first download holds what the first step
//! needs, and this module is fetched once that step is usable. Without the feature (trunk
//! serve, the component tests) the same functions run from the one module.

use super::wizard::Wizard;
use crate::config::Config;
use crate::draft_store;
use crate::order::{Catalogue, Step};
use leptos::prelude::*;

/// What the wizard starts from.
#[derive(Clone)]
pub struct Start {
    pub config: Config,
    pub catalogue: Catalogue,
    /// The product chosen on the first module's own first step: the wizard starts on that
    /// step with it. None: the wizard starts from what a previous visit saved, as on any
    /// start.
    pub chosen: Option<String>,
    /// Continue was pressed there: the wizard carries on as after any Continue.
    pub continued: bool,
}

pub use crate::split::NotLoaded;

/// Draws the wizard from where it starts. It lives in the later module; the caller draws it
/// under its own owner, as any view.
pub type Render = fn(Start) -> AnyView;

fn render(start: Start) -> AnyView {
    let Start {
        config,
        catalogue,
        chosen,
        continued,
    } = start;
    crate::i18n::have_every_language();
    let mut saved = draft_store::load(config.storage).unwrap_or_default();
    if let Some(product_id) = chosen {
        saved.draft.product_id = product_id;
        saved.step = Step::Product.slug().to_string();
    }
    view! { <Wizard config catalogue saved continued/> }.into_any()
}

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(
        wizard,
        wasm_split_path = ::leptos::wasm_split,
        preload(preload_wizard),
        fallible
    )
)]
fn wizard_renderer() -> Result<Render, NotLoaded> {
    Ok(render)
}

/// The wizard's renderer, once its module is there.
pub async fn wizard() -> Result<Render, NotLoaded> {
    #[cfg(feature = "split")]
    return wizard_renderer().await;
    #[cfg(not(feature = "split"))]
    return wizard_renderer();
}

/// Fetches the wizard's module without starting it, so that Continue never waits for it.
pub async fn preload() -> Result<(), NotLoaded> {
    #[cfg(feature = "split")]
    return preload_wizard().await.map_err(NotLoaded::from);
    #[cfg(not(feature = "split"))]
    return Ok(());
}
