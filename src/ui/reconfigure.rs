//! The host's `init` message moving the order to another endpoint, provider or catalogue,
//! where config.json's `allow_init` lets it (see `Config::with_init`).

use super::state::WizardState;
use crate::embed::protocol::message;
use crate::i18n::problems::config::config_error_words;
use crate::i18n::t;
use crate::order::{Catalogue, Step};
use leptos::prelude::*;
use serde_json::{json, Map, Value};

/// Applies the init message's `settings`; tells the host (`refused`) what was not taken
/// and why. Nothing changes while an order is under way, paid for or in doubt
/// ([`super::submission::Submission::under_way`]): it must finish where it started.
pub fn apply(wizard: WizardState, settings: &Map<String, Value>, send: impl Fn(Value) + 'static) {
    let names: Vec<String> = settings.keys().cloned().collect();
    let refuse = move |settings: Vec<String>, reason: String| {
        send(message(
            "refused",
            json!({"settings": settings, "reason": reason}),
        ))
    };
    if wizard.submission.under_way() {
        return refuse(
            names,
            "an order is under way or may already have been placed: it must finish where it started"
                .into(),
        );
    }
    let next = match wizard.env.config.with_untracked(|c| c.with_init(settings)) {
        Ok((next, refused)) => {
            if !refused.is_empty() {
                refuse(refused, "not listed in allow_init".into());
            }
            next
        }
        Err(err) => return refuse(names, config_error_words(&err, t().start)),
    };
    let same_products = wizard
        .env
        .config
        .with_untracked(|c| c.api == next.api && c.catalogue_url == next.catalogue_url);
    if same_products {
        wizard.env.config.set(next);
        return;
    }
    leptos::task::spawn_local(async move {
        let catalogue = crate::transport::fetch_text(&next.catalogue_url)
            .await
            .and_then(|text| {
                Catalogue::from_json(&text)
                    .map_err(|e| crate::i18n::problems::catalogue_words(&e, crate::i18n::t().start))
            })
            .and_then(|catalogue| {
                if next.sells(catalogue.provider) {
                    Ok(catalogue)
                } else {
                    Err(format!(
                        "{} lists another provider's products",
                        next.catalogue_url
                    ))
                }
            });
        let catalogue = match catalogue {
            Ok(catalogue) => catalogue,
            Err(reason) => return refuse(names, reason),
        };
        let known = wizard
            .draft
            .with_untracked(|d| catalogue.find(&d.product_id).is_some());
        wizard.env.config.set(next);
        wizard.env.catalogue.set(catalogue);
        // Another provider's products: the choice is made again, the rest is kept.
        if !known {
            wizard.draft.update(|d| d.product_id.clear());
            wizard.step.set(Step::Product);
        }
    });
}
