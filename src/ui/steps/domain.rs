use crate::order::{clean_input, parse_name_list, read_name, Field, Step};
use crate::ui::fields::{Kind, TextField};
use crate::ui::state::use_wizard;
use leptos::prelude::*;

/// The primary name and, for a multi-domain certificate, the other names.
#[component]
pub fn DomainStep() -> impl IntoView {
    let wizard = use_wizard();
    let product = Memo::new(move |_| wizard.product());
    let multi = move || product.with(|p| p.as_ref().is_some_and(|p| p.is_multi()));
    let wildcard = move || {
        product.with(|p| {
            p.as_ref()
                .is_some_and(|p| p.coverage == crate::order::Coverage::Wildcard)
        })
    };
    // What will be sent, said before Continue: a cleaned URL, an internationalised name's
    // xn-- form, repeats removed from the list.
    let notes = Memo::new(move |_| {
        wizard.draft.with(|d| {
            wizard.with_rules(|rules| {
                let mut notes: Vec<String> = clean_input(&d.domain).note.into_iter().collect();
                if let Ok(read) = read_name(&d.domain, rules) {
                    if let Some(unicode) = read.unicode {
                        notes.push(format!("{unicode} will be sent as {}.", read.name));
                    }
                }
                if multi() {
                    let list = parse_name_list(&d.other_names, Some(&d.domain), rules);
                    for read in list.read() {
                        if let Some(unicode) = &read.unicode {
                            notes.push(format!("{unicode} will be sent as {}.", read.name));
                        }
                    }
                    let count = 1 + list.entries.len();
                    notes.extend(list.notes);
                    if let Some(p) = product.get() {
                        notes.push(format!(
                            "{count} name{} in all; this certificate covers {} to {}{}.",
                            if count == 1 { "" } else { "s" },
                            p.names.min,
                            p.names.max,
                            if p.coverage.allows_wildcards() {
                                ", wildcards included"
                            } else {
                                ", no wildcards"
                            }
                        ));
                    }
                }
                notes
            })
        })
    });
    view! {
        <h1 class="heading" id="step-heading" tabindex="-1">
            {move || if multi() { "Which domain names should the certificate cover?" } else { Step::Domain.title() }}
        </h1>
        {move || if wildcard() {
            view! {
                <TextField
                    field=Field::Domain
                    hint="A * followed by your domain, like *.example.com: it covers every name one level below example.com."
                    autocomplete="off"
                />
            }.into_any()
        } else {
            view! {
                <TextField
                    field=Field::Domain
                    hint="The full name people type to reach the site, like www.example.com. It must match the Common Name of your CSR."
                    autocomplete="off"
                />
            }.into_any()
        }}
        {move || multi().then(|| view! {
            <TextField field=Field::OtherNames kind=Kind::Multiline autocomplete="off"
                hint="One name per line, or separated by commas or spaces. The name above is included already." />
        })}
        // The live region wraps the list: a role on the <ul> itself would hide that it is a list.
        <div role="status">
            <ul class="notes">
                {move || notes.get().into_iter().map(|text| view! { <li class="note">{text}</li> }).collect_view()}
            </ul>
        </div>
    }
}
