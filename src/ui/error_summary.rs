//! The list of problems at the top of a step, each linking to its field.

use super::dom::focus_later;
use super::state::use_wizard;
use crate::i18n::problems::field_problem_words;
use crate::i18n::t;
use crate::order::Step;
use leptos::prelude::*;

#[component]
pub fn ErrorSummary() -> impl IntoView {
    let wizard = use_wizard();
    move || {
        let errors = wizard.summary_errors();
        // The problems are data: their words are made in the language of the moment.
        let texts = wizard.env.locale.get().texts();
        (!errors.is_empty()).then(|| {
            let items = errors
                .iter()
                .map(|error| {
                    let field = error.field;
                    let href = format!("#{}", field.id());
                    let on_click = move |ev: leptos::ev::MouseEvent| {
                        ev.prevent_default();
                        let target = Step::of_field(field);
                        if wizard.step.get_untracked() != target {
                            wizard.step.set(target);
                        }
                        focus_later(field.id().to_string());
                    };
                    let words = field_problem_words(&error.problem, texts);
                    view! { <li><a href=href on:click=on_click>{words}</a></li> }
                })
                .collect_view();
            view! {
                <div class="error-summary" id="error-summary" role="alert" tabindex="-1"
                    aria-labelledby="error-summary-title">
                    <h2 class="error-summary-title" id="error-summary-title">{t().flow.problem_heading}</h2>
                    <ul class="error-summary-list">{items}</ul>
                </div>
            }
        })
    }
}
