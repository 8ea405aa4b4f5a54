//! What the order is made against, as opposed to what is typed: the configuration, the
//! catalogue, the Public Suffix List, the language and today. Each is a signal of its own,
//! so what reads one follows its changes and nobody else's.

use crate::config::Config;
use crate::i18n::Locale;
use crate::order::{Catalogue, Day, PublicSuffixList, Rules};
use crate::providers::Api;
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Environment {
    /// config.json with the page's options and query; an init message may change it
    /// (`ui/reconfigure.rs`).
    pub config: RwSignal<Config>,
    /// The products on offer; an init message may bring another provider's.
    pub catalogue: RwSignal<Catalogue>,
    /// The Public Suffix List, once fetched; validation re-runs when it arrives.
    pub suffixes: RwSignal<Option<PublicSuffixList>>,
    /// The language of the form; the view and the errors' messages follow it.
    pub locale: RwSignal<Locale>,
    /// Today, read once: the email method's dates are judged against it.
    pub today: Day,
    /// The configured API alone: the questions asked depend on it, not on the endpoint or
    /// the token, which an init message may change under a step without redrawing it.
    pub api: Memo<Api>,
}

impl Environment {
    pub fn new(config: Config, catalogue: Catalogue, locale: Locale, today: Day) -> Environment {
        let config = RwSignal::new(config);
        Environment {
            config,
            catalogue: RwSignal::new(catalogue),
            suffixes: RwSignal::new(None),
            locale: RwSignal::new(locale),
            today,
            api: Memo::new(move |_| config.with(|c| c.api)),
        }
    }

    /// Speaks `locale` from now on, drawing the form again in it.
    pub fn set_locale(&self, locale: Locale) {
        super::locale::apply(locale);
        if self.locale.get_untracked() != locale {
            self.locale.set(locale);
        }
    }

    /// Runs `f` with the rules of the moment (tracking the suffix list and the API).
    pub fn with_rules<T>(&self, f: impl FnOnce(&Rules) -> T) -> T {
        let provider_api = self.api.get().is_providers_own();
        self.suffixes.with(|list| {
            let rules = Rules {
                suffixes: list.as_ref(),
                to_ascii: Some(super::dom::to_ascii),
                today: self.today,
                provider_api,
            };
            f(&rules)
        })
    }
}
