use super::GenerateCsr;
use crate::csr::check;
use crate::order::{
    names_offer, organisation_offer, parse_name_list, read_name, Coverage, Field, Step,
};
use crate::ui::fields::{Kind, TextField};
use crate::ui::state::use_wizard;
use leptos::prelude::*;
/// The order's names in ASCII form, the primary first, as far as they read now.
fn order_names() -> Vec<String> {
    let wizard = use_wizard();
    let multi = wizard.product().is_some_and(|p| p.is_multi());
    wizard.draft.with(|d| {
        wizard.with_rules(|rules| {
            let Ok(primary) = read_name(&d.domain, rules) else {
                return Vec::new();
            };
            let mut names = vec![primary.name.to_string()];
            if multi {
                let list = parse_name_list(&d.other_names, Some(&d.domain), rules);
                names.extend(list.names().map(ToString::to_string));
            }
            names
        })
    })
}

/// Paste the CSR; what it contains is shown as soon as it reads.
#[component]
pub fn CsrStep() -> impl IntoView {
    let wizard = use_wizard();
    let key_warning = RwSignal::new(false);
    // A private key must never be kept: it is emptied before the draft (and storage) sees it.
    let refuse_private_key = Callback::new(move |raw: String| {
        if raw.contains("PRIVATE KEY") {
            key_warning.set(true);
            String::new()
        } else {
            if !raw.is_empty() {
                key_warning.set(false);
            }
            raw
        }
    });
    let max_len = move || {
        wizard
            .product()
            .map_or(crate::csr::HUAWEI_MAX_LEN, |p| p.provider.csr_max_len())
    };
    // What the CSR holds, as rows of a description list, and what differs from the order.
    let summary = Memo::new(move |_| {
        let csr = wizard.draft.with(|d| check(&d.csr, max_len())).ok()?;
        let info = &csr.info;
        let subject = &info.subject;
        let mut rows = vec![
            ("Common Name", info.common_name.clone().unwrap_or_default()),
            (
                "Other names",
                if info.dns_names.is_empty() {
                    "none".to_string()
                } else {
                    info.dns_names.join(", ")
                },
            ),
            ("Key", info.key.to_string()),
            ("Signed with", info.signature.to_string()),
        ];
        for (label, value) in [
            ("Organisation", &subject.organisation),
            ("Department", &subject.unit),
            ("Town or city", &subject.locality),
            ("State or province", &subject.state),
            ("Country", &subject.country),
            ("Email", &subject.email),
        ] {
            if let Some(value) = value {
                rows.push((label, value.clone()));
            }
        }
        let mut notes = csr.warnings.clone();
        let names = order_names();
        let wildcard = wizard
            .product()
            .is_some_and(|p| p.coverage == Coverage::Wildcard);
        if let Ok(more) = crate::csr::match_order(info, &names, wildcard) {
            notes.extend(more);
        }
        Some((rows, notes, csr.signed.signature))
    });
    // The browser's verdict on this CSR's signature, once it has one.
    let verdict = move || {
        summary.with(|s| {
            let (_, _, signature) = s.as_ref()?;
            wizard.csr_verdict.with(|v| match v {
                Some((checked, ok)) if checked == signature => Some(*ok),
                _ => None,
            })
        })
    };
    // Answers the CSR already holds, offered for fields still empty.
    let offers = Memo::new(move |_| {
        let csr = wizard.draft.with(|d| check(&d.csr, max_len())).ok()?;
        let product = wizard.product();
        let multi = product.as_ref().is_some_and(|p| p.is_multi());
        let needs_org = product
            .as_ref()
            .is_some_and(|p| p.level.needs_organisation());
        wizard.draft.with(|d| {
            let names = names_offer(d, &csr.info, multi);
            let organisation = needs_org
                .then(|| organisation_offer(d, &csr.info))
                .flatten();
            (names.is_some() || organisation.is_some()).then_some((names, organisation))
        })
    });
    view! {
        <h1 class="heading" id="step-heading" tabindex="-1">{Step::Csr.title()}</h1>
        <p class="body">
            "Generate the CSR on your server (for example with "
            <code>"openssl req -new -newkey rsa:2048 -nodes -keyout site.key -out site.csr"</code>
            "), keep the key there, and paste only the CSR here."
        </p>
        {move || key_warning.get().then(|| view! {
            <div class="warning" role="alert">
                "You pasted a private key. It has been removed from the page and was not saved or sent. "
                "Keep it secret, and paste the certificate signing request instead."
            </div>
        })}
        // Placed directly, not under a closure that reads the draft: generating writes the
        // CSR into the draft, and a re-render would lose the key the component holds.
        <GenerateCsr/>
        <TextField
            field=Field::Csr
            hint="Paste everything from -----BEGIN CERTIFICATE REQUEST----- to -----END CERTIFICATE REQUEST-----."
            kind=Kind::Multiline
            filter=refuse_private_key
        />
        {move || summary.get().map(|(rows, notes, _)| view! {
            <dl class="csr-summary" data-testid="csr-summary">
                {rows.into_iter().map(|(label, value)| view! { <dt>{label}</dt><dd>{value}</dd> }).collect_view()}
                <dt>"Signature"</dt>
                <dd data-testid="csr-signature">{move || match verdict() {
                    Some(true) => "verified: the CSR is intact",
                    Some(false) => "does not verify",
                    None => "not checked by this browser",
                }}</dd>
            </dl>
            {move || offers.get().map(|(names, organisation)| view! {
                <div class="offers">
                    {names.map(|(primary, others)| view! {
                        <button type="button" class="button button-secondary"
                            on:click=move |_| wizard.draft.update(|d| {
                                d.domain = primary.clone();
                                d.other_names = others.clone();
                            })>"Use the CSR's names for the order"</button>
                    })}
                    {organisation.map(|org| view! {
                        <button type="button" class="button button-secondary"
                            on:click=move |_| wizard.draft.update(|d| d.organisation = org.clone())>
                            "Use the CSR's organisation details"
                        </button>
                    })}
                </div>
            })}
            <ul class="notes" data-testid="csr-notes">
                {notes.into_iter().map(|note| view! { <li class="note">{note}</li> }).collect_view()}
            </ul>
        })}
    }
}
