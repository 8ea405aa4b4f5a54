//! The root component: reads the configuration and catalogue, shows the first step, and
//! hands over to the wizard once Continue is pressed. This, the first step and the texts
//! they read (`i18n::s`) are the first wasm module; the wizard is fetched as soon as the
//! first step is usable (`super::later`).

use super::dom::mark;
use super::first_step::{remembered_choice, FirstStep};
use super::later::{self, Render, Start};
use crate::config::{Config, DEFAULT_CATALOGUE};
use crate::draft_store;
use crate::i18n::problems::catalogue_words;
use crate::i18n::problems::config::config_error_words;
use crate::i18n::{load_start, s, Locale};
use crate::order::Catalogue;
use crate::transport::fetch_text;
use futures_util::future::join3;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsValue;

#[derive(Clone)]
enum Load {
    Loading,
    Failed(String),
    Ready(Box<(Config, Catalogue, Vec<String>)>),
}

/// Fetches the first step's words in the current language where they are a module of their
/// own; where that fails, the form speaks English rather than a mix of two languages.
async fn start_words() {
    if load_start(crate::i18n::current()).await.is_err() {
        super::locale::apply(Locale::En);
    }
}

async fn load(worded: RwSignal<bool>) -> Load {
    let page = crate::embed::page_options();
    let config_url = crate::config::page_options(page.as_deref()).config_url;
    let query = window().location().search().unwrap_or_default();
    // index.html preloads both files; asking for them together saves a round trip. A
    // deployment that names another catalogue pays for one more fetch.
    let words = async {
        start_words().await;
        worded.set(true);
    };
    let (config_text, default_catalogue, ()) = join3(
        fetch_text(&config_url),
        fetch_text(DEFAULT_CATALOGUE),
        words,
    )
    .await;
    let (config, refused) = match config_text
        .map_err(|e| (s().config_unreadable)(&config_url, &e))
        .and_then(|text| {
            Config::from_layers(&text, page.as_deref(), &query)
                .map_err(|e| config_error_words(&e, s()))
        }) {
        Ok(loaded) => (loaded.config, loaded.refused),
        Err(message) => return Load::Failed(message),
    };
    // The catalogue's messages are read in the language config.json asks for.
    super::locale::apply(super::locale::choose(config.locale.as_deref()));
    start_words().await;
    let catalogue_text = if config.catalogue_url == DEFAULT_CATALOGUE {
        default_catalogue
    } else {
        fetch_text(&config.catalogue_url).await
    };
    let url = config.catalogue_url.as_str();
    let catalogue = match catalogue_text
        .map_err(|e| (s().catalogue_unreadable)(url, &e))
        .and_then(|text| {
            Catalogue::from_json(&text)
                .map_err(|e| (s().catalogue_invalid)(url, &catalogue_words(&e, s())))
        }) {
        Ok(catalogue) if !config.sells(catalogue.provider) => {
            return Load::Failed((s().catalogue_other_provider)(url, config.api.slug()))
        }
        Ok(catalogue) => catalogue,
        Err(message) => return Load::Failed(message),
    };
    Load::Ready(Box::new((config, catalogue, refused)))
}

#[component]
pub fn App() -> impl IntoView {
    // The loading and failure messages are shown before config.json says anything.
    let page = crate::embed::page_options();
    let asked = crate::config::page_options(page.as_deref()).locale;
    super::locale::apply(super::locale::choose(asked.as_deref()));
    // The embedding page's options name another language than index.html's first step.
    if asked.is_some() {
        if let Some(element) = static_element() {
            let lang = element.get_attribute("lang").unwrap_or_default();
            if Locale::from_tag(&lang) != Some(crate::i18n::current()) {
                element.remove();
            }
        }
    }
    let state = RwSignal::new(Load::Loading);
    // Whether the loading message has its words (in the split build, Chinese is fetched).
    let worded = RwSignal::new(false);
    mark("ssl-order:start");
    spawn_local(async move {
        let loaded = load(worded).await;
        mark("ssl-order:loaded");
        state.set(loaded);
    });
    // index.html's own first step stands, and is usable, until the app can take it over.
    let has_static = static_step().is_some();
    move || match state.get() {
        Load::Loading if has_static => ().into_any(),
        Load::Loading => worded
            .get()
            .then(|| view! { <p class="loading" role="status">{s().loading}</p> })
            .into_any(),
        Load::Failed(message) => {
            drop(take_static());
            view! {
            <div class="failure" role="alert">
                <h1 class="heading">{s().cannot_start}</h1>
                <p class="body">{message}</p>
                <p class="body">{s().ask_administrator}</p>
            </div>
            }
            .into_any()
        }
        Load::Ready(ready) => {
            let (config, catalogue, refused) = *ready;
            // Taken over in the same task that draws the app, so nothing flickers; what was
            // done there counts only where it was done on this catalogue.
            let before = take_static().filter(|step| {
                step.catalogue_url == config.catalogue_url
                    && step
                        .chosen
                        .as_ref()
                        .is_none_or(|id| catalogue.products.iter().any(|p| &p.id == id))
            });
            view! {
                {(!refused.is_empty()).then(|| view! {
                    <p class="warning" role="alert" data-testid="refused-settings">
                        {(s().refused_settings)(&refused.join(", "))}
                    </p>
                })}
                <Begin config catalogue before/>
            }
            .into_any()
        }
    }
}

/// What was done on index.html's own first step before the app took it over.
struct StaticStep {
    /// The catalogue it was built from.
    catalogue_url: String,
    chosen: Option<String>,
    /// Continue was pressed there (loader.js holds it as `data-continued`).
    continued: bool,
    /// The id of the element that had the focus in it.
    focused: Option<String>,
}

fn static_element() -> Option<web_sys::Element> {
    document()
        .query_selector(&format!("[{}]", super::first_step::STATIC_MARK))
        .ok()
        .flatten()
}

fn static_step() -> Option<StaticStep> {
    let element = static_element()?;
    let chosen = element
        .query_selector("input[name=product]:checked")
        .ok()
        .flatten()
        .and_then(|input| input.get_attribute("value"));
    let focused = document()
        .active_element()
        .filter(|active| element.contains(Some(active)))
        .map(|active| active.id())
        .filter(|id| !id.is_empty());
    Some(StaticStep {
        catalogue_url: element
            .get_attribute(super::first_step::STATIC_MARK)
            .unwrap_or_default(),
        chosen,
        continued: element.has_attribute("data-continued"),
        focused,
    })
}

/// Reads index.html's first step and takes it out of the page.
fn take_static() -> Option<StaticStep> {
    let step = static_step()?;
    if let Some(element) = static_element() {
        element.remove();
    }
    Some(step)
}

/// Whether the page is in a frame: the host talks to the wizard (`ready`, `init`), so the
/// wizard takes the first step over as soon as its module is there.
fn in_frame() -> bool {
    let own = window();
    own.top()
        .ok()
        .flatten()
        .is_some_and(|top| JsValue::from(top) != JsValue::from(own))
}

/// When the wizard takes over from the first step drawn here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Handover {
    /// Not yet: the first step stands.
    NotYet,
    /// At once, where a previous visit left a draft: the wizard starts where it was.
    Saved,
    /// In a frame, once the wizard's module has arrived: it starts on this step, with the
    /// choice made here, and speaks to the host from then on.
    Arrived,
    /// Continue was pressed: the wizard goes on from this step with the choice.
    Continued,
}

/// The id of the focused element, where it is in the first step.
fn focused_in_first_step() -> Option<String> {
    let main = document().get_element_by_id("main")?;
    document()
        .active_element()
        .filter(|active| main.contains(Some(active)))
        .map(|active| active.id())
        .filter(|id| !id.is_empty())
}

/// The first step on its own, then the wizard. A visit that left a draft goes to the
/// wizard at once, which reads it; in a frame the wizard takes over once its module is
/// there. A choice made on index.html's own first step is kept, and a Continue pressed
/// there goes on.
#[component]
fn Begin(
    config: Config,
    catalogue: Catalogue,
    /// What was done on index.html's own first step, if it stood there.
    before: Option<StaticStep>,
) -> impl IntoView {
    let (chosen, continued) = match before {
        Some(step) => {
            if let Some(id) = step.focused {
                super::dom::focus_later(id);
            }
            (step.chosen, step.continued)
        }
        None => (None, false),
    };
    let chosen = RwSignal::new(chosen.or_else(remembered_choice).unwrap_or_default());
    let handover = RwSignal::new(if draft_store::has_saved(config.storage) {
        Handover::Saved
    } else if continued {
        Handover::Continued
    } else {
        Handover::NotYet
    });
    if handover.get_untracked() == Handover::NotYet && in_frame() {
        spawn_local(async move {
            // A failure here is met again, with its message and retry, on Continue.
            if later::preload().await.is_ok() && handover.get_untracked() == Handover::NotYet {
                if let Some(id) = focused_in_first_step() {
                    super::dom::focus_later(id);
                }
                handover.set(Handover::Arrived);
            }
        });
    }
    let first_step = {
        let catalogue = catalogue.clone();
        move || {
            view! { <FirstStep catalogue chosen on_continue=move || handover.set(Handover::Continued)/> }
        }
    };
    move || {
        let (chosen, continued) = match handover.get() {
            Handover::NotYet => return untrack(first_step.clone()).into_any(),
            Handover::Saved => (None, false),
            Handover::Arrived => (
                Some(chosen.get_untracked()).filter(|id| !id.is_empty()),
                false,
            ),
            Handover::Continued => (Some(chosen.get_untracked()), true),
        };
        let start = Start {
            config: config.clone(),
            catalogue: catalogue.clone(),
            chosen,
            continued,
        };
        view! { <LaterWizard start/> }.into_any()
    }
}

/// The wizard from its own module: a message while it is fetched, and a retry if it fails.
/// What was chosen stays in `start`, so nothing is lost however often it is tried.
#[component]
fn LaterWizard(start: Start) -> impl IntoView {
    let loaded = RwSignal::new(None::<Result<Render, later::NotLoaded>>);
    let fetch = move || {
        loaded.set(None);
        spawn_local(async move {
            let result = later::wizard().await;
            if result.is_err() {
                super::dom::focus_later("next-retry".into());
            }
            loaded.set(Some(result));
        });
    };
    fetch();
    move || match loaded.get() {
        None => view! { <p class="loading" role="status">{s().next_loading}</p> }.into_any(),
        Some(Ok(render)) => untrack(|| render(start.clone())),
        Some(Err(later::NotLoaded)) => view! {
            <div class="failure" role="alert" data-testid="next-failed">
                <p class="body">{s().next_failed}</p>
                <button type="button" class="button" id="next-retry"
                    on:click=move |_| fetch()>{s().try_again}</button>
            </div>
        }
        .into_any(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{set, Locale};

    #[test]
    fn a_catalogue_that_cannot_be_used_is_told_in_the_current_language() {
        let english = (s().catalogue_other_provider)("catalog/x.json", "gogetssl");
        assert_eq!(
            english,
            "The catalogue catalog/x.json lists products of another provider than \"gogetssl\", which config.json names."
        );
        set(Locale::ZhCn);
        let chinese = (s().catalogue_unreadable)("catalog/x.json", "HTTP 404");
        set(Locale::En);
        assert_eq!(chinese, "无法读取产品目录 catalog/x.json：HTTP 404");
    }
}
