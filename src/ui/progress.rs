//! Where the person is in the wizard: an ordered list with the current step marked.

use super::state::use_wizard;
use crate::i18n::labels::step_short;
use crate::i18n::t;
use leptos::prelude::*;

#[component]
pub fn Progress() -> impl IntoView {
    let wizard = use_wizard();
    move || {
        let current = wizard.step.get();
        let steps = wizard.steps();
        let total = steps.len();
        let items = steps
            .into_iter()
            .enumerate()
            .map(|(i, step)| {
                let here = step == current;
                view! {
                    <li class=if here { "progress-step progress-current" } else { "progress-step" }
                        aria-current=here.then_some("step")>
                        <span class="visually-hidden">{(t().flow.step_of)(i + 1, total)}</span>
                        {step_short(step, t())}
                    </li>
                }
            })
            .collect_view();
        view! {
            <nav aria-label=t().flow.progress_label><ol class="progress">{items}</ol></nav>
        }
    }
}
