use super::GenerateCsr;
use crate::csr::check;
use crate::i18n::t;
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

/// What the summary says of the browser's check of the CSR's signature.
fn verdict_text(verdict: Option<bool>) -> &'static str {
    match verdict {
        Some(true) => t().csr.signature_verified,
        Some(false) => t().csr.signature_failed,
        None => t().csr.signature_unchecked,
    }
}

/// Paste the CSR; what it contains is shown as soon as it reads.
#[component]
pub fn CsrStep() -> impl IntoView {
    let wizard = use_wizard();
    let key_warning = RwSignal::new(false);
    // A private key must never be kept: it is emptied before the draft (and storage) sees it.
    let refuse_private_key = Callback::new(move |raw: String| {
        if crate::csr::holds_private_key(&raw) {
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
        let texts = &t().csr;
        let mut rows = vec![
            (
                texts.row_common_name,
                info.common_name.clone().unwrap_or_default(),
            ),
            (
                texts.row_other_names,
                if info.dns_names.is_empty() {
                    texts.row_none.to_string()
                } else {
                    info.dns_names.join(", ")
                },
            ),
            (texts.row_key, info.key.to_string()),
            (texts.row_signed_with, info.signature.to_string()),
        ];
        for (label, value) in [
            (texts.row_organisation, &subject.organisation),
            (texts.row_department, &subject.unit),
            (texts.row_locality, &subject.locality),
            (texts.row_state, &subject.state),
            (texts.row_country, &subject.country),
            (texts.row_email, &subject.email),
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
            {t().csr.intro_before_command}
            <code>"openssl req -new -newkey rsa:2048 -nodes -keyout site.key -out site.csr"</code>
            {t().csr.intro_after_command}
        </p>
        {move || key_warning.get().then(|| view! {
            <div class="warning" role="alert">{t().csr.private_key_pasted}</div>
        })}
        // Placed directly, not under a closure that reads the draft: generating writes the
        // CSR into the draft, and a re-render would lose the key the component holds.
        <GenerateCsr/>
        <TextField
            field=Field::Csr
            hint=t().csr.paste_hint
            kind=Kind::Multiline
            filter=refuse_private_key
        />
        {move || summary.get().map(|(rows, notes, _)| view! {
            <dl class="csr-summary" data-testid="csr-summary">
                {rows.into_iter().map(|(label, value)| view! { <dt>{label}</dt><dd>{value}</dd> }).collect_view()}
                <dt>{t().csr.row_signature}</dt>
                <dd data-testid="csr-signature">{move || verdict_text(verdict())}</dd>
            </dl>
            {move || offers.get().map(|(names, organisation)| view! {
                <div class="offers">
                    {names.map(|(primary, others)| view! {
                        <button type="button" class="button button-secondary"
                            on:click=move |_| wizard.draft.update(|d| {
                                d.domain = primary.clone();
                                d.other_names = others.clone();
                            })>{t().csr.use_csr_names}</button>
                    })}
                    {organisation.map(|org| view! {
                        <button type="button" class="button button-secondary"
                            on:click=move |_| wizard.draft.update(|d| d.organisation = org.clone())>
                            {t().csr.use_csr_organisation}
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{set, Locale};

    #[test]
    fn the_signature_verdict_is_in_the_current_language() {
        set(Locale::ZhCn);
        assert_eq!(verdict_text(Some(true)), "已验证：CSR 完整无误");
        assert_eq!(verdict_text(None), "此浏览器未检查");
        set(Locale::En);
        assert_eq!(verdict_text(Some(false)), "does not verify");
    }
}
