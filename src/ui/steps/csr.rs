use super::GenerateCsr;
use crate::csr::check;
use crate::i18n::problems::csr::{
    csr_note_words, csr_warning_words, public_key_words, signature_algorithm_words,
};
use crate::i18n::{labels, t};
use crate::order::{
    names_offer, organisation_offer, parse_name_list, read_name, Coverage, CsrSource, Field,
    KeyAlgorithm, Step,
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

/// The step's heading: the question until a way is chosen, then the chosen way.
fn step_title(source: Option<CsrSource>) -> &'static str {
    source.map_or(labels::step_title(Step::Csr, t()), |source| {
        labels::csr_source_title(source, t())
    })
}

/// How the CSR is provided, asked first: generate here, paste, or (Huawei) none at all.
#[component]
fn SourceChoice() -> impl IntoView {
    let wizard = use_wizard();
    let field = Field::CsrSource;
    let error = move || wizard.error_for(field);
    let current = wizard.select(CsrSource::of);
    // Only the provider's own API carries `key_algorithm`; a proxy's generic format needs a CSR.
    let own_api = wizard.env.api.get_untracked().is_providers_own();
    // A Memo: a choice (a draft change) must not re-create the radios, or focus is lost.
    let provider_makes_keys = Memo::new(move |_| {
        own_api
            && wizard
                .product()
                .is_some_and(|p| p.provider.profile().makes_key_pairs)
    });
    let radios = move || {
        CsrSource::offered(provider_makes_keys.get())
            .into_iter()
            .enumerate()
            .map(|(i, source)| {
                // The first choice carries the field's id, where an error's link lands.
                let id = if i == 0 {
                    field.id()
                } else {
                    format!("{}-{}", field.id(), source.slug())
                };
                let hint_id = format!("{id}-hint");
                view! {
                    <div class="radio">
                        <input class="radio-input" type="radio" name="csr-source" id=id.clone()
                            value=source.slug() aria-describedby=hint_id.clone()
                            prop:checked=move || current.get() == Some(source)
                            on:change=move |_| wizard.draft.update(|d| d.csr_source = source.slug().into()) />
                        <label class="radio-label" for=id>{labels::csr_source_label(source, t())}</label>
                        <p class="hint radio-hint" id=hint_id>{labels::csr_source_hint(source, t())}</p>
                    </div>
                }
            })
            .collect_view()
    };
    view! {
        <fieldset class=move || if error().is_some() { "fieldset field-error" } else { "fieldset" }
            aria-describedby=move || error().is_some().then(|| format!("{}-error", field.id()))>
            <legend class="legend">{labels::field_label(field, t())}</legend>
            {move || error().map(|message| view! {
                <p class="error-message" id=format!("{}-error", field.id())>
                    <span class="visually-hidden">{t().start.error_prefix}</span>{message}
                </p>
            })}
            <div class="radios">{radios}</div>
        </fieldset>
    }
}

/// Huawei makes the key pair: what that means, and which key type.
#[component]
fn ProviderKey() -> impl IntoView {
    let wizard = use_wizard();
    let current = move || wizard.draft.with(KeyAlgorithm::of);
    let radios = KeyAlgorithm::ALL
        .into_iter()
        .map(|algorithm| {
            let id = format!("key-algorithm-{}", algorithm.wire());
            view! {
                <div class="radio">
                    <input class="radio-input" type="radio" name="key-algorithm" id=id.clone()
                        value=algorithm.wire()
                        prop:checked=move || current() == algorithm
                        on:change=move |_| wizard.draft.update(|d| d.key_algorithm = algorithm.wire().into()) />
                    <label class="radio-label" for=id>{algorithm.label()}</label>
                    {(algorithm == KeyAlgorithm::default()).then(|| view! {
                        <p class="hint radio-hint">{t().csr.provider_key_default}</p>
                    })}
                </div>
            }
        })
        .collect_view();
    view! {
        <section class="panel" data-testid="provider-key">
            <p class="body">{t().csr.provider_key_intro}</p>
            <fieldset class="fieldset">
                <legend class="legend">{t().csr.provider_key_type}</legend>
                <div class="radios">{radios}</div>
            </fieldset>
        </section>
    }
}

/// Asks how the CSR is provided, then shows that way only; what a CSR contains is shown
/// as soon as it reads.
#[component]
pub fn CsrStep() -> impl IntoView {
    let wizard = use_wizard();
    let source = wizard.select(CsrSource::of);
    let showing = move |wanted: CsrSource| source.get() == Some(wanted);
    let has_csr = move || matches!(source.get(), Some(CsrSource::Generate | CsrSource::Paste));
    let csr_hint = move || {
        if showing(CsrSource::Generate) {
            t().csr.generated_field_hint
        } else {
            t().csr.paste_hint
        }
    };
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
        wizard.product().map_or(crate::csr::HUAWEI_MAX_LEN, |p| {
            p.provider.profile().csr_max_len
        })
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
            (texts.row_key, public_key_words(&info.key, t())),
            (
                texts.row_signed_with,
                signature_algorithm_words(&info.signature, t()),
            ),
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
        let mut notes: Vec<String> = csr
            .warnings
            .iter()
            .map(|warning| csr_warning_words(warning, t()).to_string())
            .collect();
        let names = order_names();
        let wildcard = wizard
            .product()
            .is_some_and(|p| p.coverage == Coverage::Wildcard);
        if let Ok(more) = crate::csr::match_order(info, &names, wildcard) {
            notes.extend(more.iter().map(|note| csr_note_words(note, t())));
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
        <h1 class="heading" id="step-heading" tabindex="-1">{move || step_title(source.get())}</h1>
        <SourceChoice/>
        <p class="body" hidden=move || !showing(CsrSource::Paste)>
            {t().csr.intro_before_command}
            <code>"openssl req -new -newkey rsa:2048 -nodes -keyout site.key -out site.csr"</code>
            {t().csr.intro_after_command}
        </p>
        {move || key_warning.get().then(|| view! {
            <div class="warning" role="alert">{t().csr.private_key_pasted}</div>
        })}
        // Placed directly and hidden, not under a closure: generating writes the CSR into the
        // draft, and a re-render would lose the key the component holds (also when the person
        // looks at another way and comes back).
        <div hidden=move || !showing(CsrSource::Generate)>
            <GenerateCsr/>
        </div>
        // Re-rendered only when the way changes (`source` is a Memo), never on typing.
        {move || has_csr().then(|| view! {
            <TextField
                field=Field::Csr
                hint=csr_hint()
                kind=Kind::Multiline
                filter=refuse_private_key
            />
        })}
        {move || showing(CsrSource::Provider).then(|| view! { <ProviderKey/> })}
        {move || has_csr().then_some(()).and(summary.get()).map(|(rows, notes, _)| view! {
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
    fn the_heading_matches_the_way_chosen() {
        assert_eq!(step_title(None), "Your certificate signing request (CSR)");
        assert_eq!(
            step_title(Some(CsrSource::Paste)),
            "Paste your certificate signing request"
        );
        assert_eq!(
            step_title(Some(CsrSource::Generate)),
            "Generate your key pair and CSR"
        );
        set(Locale::ZhCn);
        assert_eq!(step_title(Some(CsrSource::Provider)), "由华为云生成密钥对");
        set(Locale::En);
    }

    #[test]
    fn the_signature_verdict_is_in_the_current_language() {
        set(Locale::ZhCn);
        assert_eq!(verdict_text(Some(true)), "已验证：CSR 完整无误");
        assert_eq!(verdict_text(None), "此浏览器未检查");
        set(Locale::En);
        assert_eq!(verdict_text(Some(false)), "does not verify");
    }
}
