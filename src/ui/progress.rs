//! Where the person is in the wizard: an ordered list with the current step marked.

use super::state::use_wizard;
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
                        <span class="visually-hidden">{format!("Step {} of {total}: ", i + 1)}</span>
                        {step.short()}
                    </li>
                }
            })
            .collect_view();
        view! {
            <nav aria-label="Progress"><ol class="progress">{items}</ol></nav>
        }
    }
}
