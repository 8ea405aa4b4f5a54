//! "Generate in the browser": a key pair from WebCrypto and a CSR for the order's names,
//! put in the CSR field. The private key stays in this component only, until the person
//! downloads or copies it; leaving the page before that asks first.

use crate::csr::build::{key_file_name, KeyKind, Subject};
use crate::i18n::problems::csr::key_kind_words;
use crate::i18n::t;
use crate::order::{parse_name_list, read_name, Step};
use crate::ui::keygen::{self, GeneratedCsr};
use crate::ui::state::{use_wizard, WizardState};
use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// How the person kept the private key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Saved {
    Downloaded,
    Copied,
}

/// The order's subject and names (ASCII form, the primary first), or `None` while the
/// names cannot be read.
fn order_subject(wizard: WizardState) -> Option<(Subject, Vec<String>)> {
    if !wizard.all_errors().on_step(Step::Domain).is_empty() {
        return None;
    }
    let product = wizard.product()?;
    let names = wizard.draft.with(|d| {
        wizard.with_rules(|rules| {
            let primary = read_name(&d.domain, rules).ok()?;
            let mut names = vec![primary.name.to_string()];
            if product.is_multi() {
                let list = parse_name_list(&d.other_names, Some(&d.domain), rules);
                if list.problems().next().is_some() {
                    return None;
                }
                names.extend(list.names().map(ToString::to_string));
            }
            Some(names)
        })
    })?;
    let primary = names.first()?.clone();
    let subject = if product.level.needs_organisation() {
        let present = |value: &str| Some(value.trim().to_string()).filter(|v| !v.is_empty());
        wizard.draft.with(|d| {
            let org = &d.organisation;
            Subject {
                common_name: primary,
                organisation: present(&org.name),
                locality: present(&org.city),
                state: present(&org.state),
                country: present(&org.country).map(|c| c.to_ascii_uppercase()),
            }
        })
    } else {
        Subject {
            common_name: primary,
            ..Subject::default()
        }
    };
    Some((subject, names))
}

fn kind_hint(kind: KeyKind) -> &'static str {
    match kind {
        KeyKind::P256 => t().csr.hint_p256,
        KeyKind::P384 => t().csr.hint_p384,
        KeyKind::Rsa2048 => t().csr.hint_rsa_2048,
        KeyKind::Rsa3072 | KeyKind::Rsa4096 => t().csr.hint_rsa_larger,
    }
}

/// What the status line says once the key was kept: `file` is the downloaded file's name.
fn saved_text(saved: Option<Saved>, file: &str) -> String {
    match saved {
        Some(Saved::Downloaded) => (t().csr.key_downloaded)(file),
        Some(Saved::Copied) => t().csr.key_copied.to_string(),
        None => String::new(),
    }
}

/// Generates a key pair and CSR in the browser and puts the CSR in the CSR field.
#[component]
pub fn GenerateCsr() -> impl IntoView {
    let wizard = use_wizard();
    let kind = RwSignal::new(KeyKind::default());
    // Checked and set synchronously, so a second click while the browser works is ignored.
    let busy = StoredValue::new(false);
    let running = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    // The private key: here only, never in the draft, the wizard's state or storage.
    let key = RwSignal::new(None::<String>);
    let key_file = RwSignal::new(String::new());
    let made_csr = RwSignal::new(None::<String>);
    let saved = RwSignal::new(None::<Saved>);
    let leave_guard = StoredValue::new(None::<WindowListenerHandle>);

    let disarm = move || {
        wizard.unsaved_key.try_set_value(false);
        leave_guard.try_update_value(|handle| {
            if let Some(handle) = handle.take() {
                handle.remove();
            }
        });
    };
    let arm = move || {
        disarm();
        let handle = window_event_listener(ev::beforeunload, |event| {
            event.prevent_default();
            event.set_return_value(t().csr.leave_warning);
        });
        leave_guard.set_value(Some(handle));
        wizard.unsaved_key.set_value(true);
    };
    on_cleanup(disarm);

    let max_len = move || {
        wizard.product().map_or(crate::csr::HUAWEI_MAX_LEN, |p| {
            p.provider.profile().csr_max_len
        })
    };
    let organisation_missing = move || {
        wizard
            .product()
            .is_some_and(|p| p.level.needs_organisation())
            && wizard.draft.with(|d| d.organisation.name.trim().is_empty())
    };

    let generate = move |_| {
        if busy.get_value() {
            return;
        }
        error.set(None);
        let Some((subject, names)) = untrack(|| order_subject(wizard)) else {
            error.set(Some(t().csr.names_first.into()));
            return;
        };
        let kind = kind.get_untracked();
        let max_len = untrack(max_len);
        busy.set_value(true);
        running.set(true);
        spawn_local(async move {
            let result = keygen::generate(kind, &subject, &names).await;
            busy.try_set_value(false);
            running.try_set(false);
            let GeneratedCsr { csr_pem, key_pem } = match result {
                Ok(generated) => generated,
                Err(err) => {
                    error.try_set(Some(err.to_string()));
                    return;
                }
            };
            if csr_pem.len() > max_len {
                error.try_set(Some((t().csr.generated_too_long)(csr_pem.len(), max_len)));
                return;
            }
            // Gone while the browser worked (the person moved on): the key goes with it,
            // and the CSR made with it is not used.
            if key.try_set(Some(key_pem)).is_some() {
                return;
            }
            saved.set(None);
            key_file.set(key_file_name(&subject.common_name));
            made_csr.set(Some(csr_pem.clone()));
            wizard.draft.update(|d| d.csr = csr_pem);
            arm();
        });
    };

    let download = move |_| {
        let Some(pem) = key.get_untracked() else {
            return;
        };
        match keygen::download(&key_file.get_untracked(), &pem, "application/x-pem-file") {
            Ok(()) => {
                saved.set(Some(Saved::Downloaded));
                disarm();
            }
            Err(err) => error.set(Some(err.to_string())),
        }
    };
    let copy = move |_| {
        let Some(pem) = key.get_untracked() else {
            return;
        };
        spawn_local(async move {
            match keygen::copy_to_clipboard(&pem).await {
                Ok(()) => {
                    saved.try_set(Some(Saved::Copied));
                    disarm();
                }
                Err(err) => {
                    error.try_set(Some(err.to_string()));
                }
            }
        });
    };

    let radios = KeyKind::ALL
        .into_iter()
        .map(|option| {
            let id = format!("key-type-{}", option.slug());
            let hint_id = format!("{id}-hint");
            view! {
                <div class="radio">
                    <input class="radio-input" type="radio" name="key-type" id=id.clone()
                        value=option.slug() aria-describedby=hint_id.clone()
                        prop:checked=move || kind.get() == option
                        on:change=move |_| kind.set(option) />
                    <label class="radio-label" for=id>{key_kind_words(option, t())}</label>
                    <p class="hint radio-hint" id=hint_id>{kind_hint(option)}</p>
                </div>
            }
        })
        .collect_view();

    let status = move || {
        if running.get() {
            t().csr.generating.to_string()
        } else if key.with(Option::is_some) {
            t().csr.generated.to_string()
        } else {
            String::new()
        }
    };
    let saved_status = move || key_file.with(|file| saved_text(saved.get(), file));
    let csr_replaced = move || {
        made_csr.with(|made| {
            made.as_deref()
                .is_some_and(|made| wizard.draft.with(|d| d.csr.trim() != made.trim()))
        })
    };

    view! {
        <section class="panel csr-generate" aria-labelledby="csr-generate-heading" data-testid="csr-generate">
            <h2 class="subheading" id="csr-generate-heading">{t().csr.generate_heading}</h2>
            <p class="body">{t().csr.generate_intro}</p>
            {move || organisation_missing().then(|| view! {
                <p class="note">{t().csr.organisation_later}</p>
            })}
            <fieldset class="fieldset">
                <legend class="legend">{t().csr.key_type}</legend>
                <div class="radios">{radios}</div>
            </fieldset>
            <p class="body">
                <button type="button" class="button button-secondary" id="generate-csr"
                    aria-disabled=move || running.get().then_some("true")
                    on:click=generate>{t().csr.generate_button}</button>
            </p>
            <p class="hint" role="status" data-testid="csr-generate-status">{status}</p>
            {move || error.get().map(|message| view! {
                <p class="error-message" role="alert" data-testid="csr-generate-error">{message}</p>
            })}
            {move || key.with(Option::is_some).then(|| view! {
                <div class="generated-key" data-testid="generated-key">
                    <p class="warning" id="private-key-warning">
                        <strong>{t().csr.save_key_now}</strong>
                        {t().csr.save_key_now_rest}
                    </p>
                    <div class="field">
                        <label class="label" for="private-key">{t().csr.private_key_label}</label>
                        <textarea id="private-key" class="input input-code" rows="8" readonly
                            spellcheck="false" autocomplete="off" aria-describedby="private-key-warning"
                            prop:value=move || key.get().unwrap_or_default()></textarea>
                    </div>
                    <p class="body">
                        <button type="button" class="button button-secondary" on:click=download>{t().csr.download_key}</button>
                        " "
                        <button type="button" class="button button-secondary" on:click=copy>{t().csr.copy_key}</button>
                    </p>
                    <p class="hint" role="status" data-testid="private-key-status">{saved_status}</p>
                    {move || csr_replaced().then(|| view! {
                        <p class="note" data-testid="csr-replaced">{t().csr.csr_replaced}</p>
                    })}
                </div>
            })}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{set, Locale};

    #[test]
    fn hints_and_statuses_are_in_the_current_language() {
        set(Locale::ZhCn);
        assert_eq!(kind_hint(KeyKind::P384), "更大的曲线，速度稍慢。");
        assert_eq!(
            saved_text(Some(Saved::Downloaded), "shop.example.com.key"),
            "私钥已下载为 shop.example.com.key。请妥善保管该文件，将其放在使用该证书的服务器上。"
        );
        set(Locale::En);
        assert_eq!(
            saved_text(Some(Saved::Downloaded), "shop.example.com.key"),
            "The private key was downloaded as shop.example.com.key. Keep that file secret, on the server that will use the certificate."
        );
        assert_eq!(saved_text(None, "x.key"), "");
    }
}
