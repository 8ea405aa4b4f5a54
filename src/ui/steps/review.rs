use crate::i18n::labels::{csr_source_label, method_name, step_title};
use crate::i18n::problems::provider::{error_words, where_to_check_words};
use crate::i18n::problems::submission::{busy_words, failure_words};
use crate::i18n::t;
use crate::order::{
    chosen_method, clean_input, contact_parts, org_need, parse_name_list, read_name, CertName,
    ContactDraft, ContactPart, CsrSource, DcvMethod, Email, Field, KeyAlgorithm, Need, OrgPart,
    Phone, Role, Step,
};
use crate::providers::huawei::CertId;
use crate::providers::requests::{requests_for, NotBuilt, Purpose};
use crate::providers::{facade, Api};
use crate::ui::keygen;
use crate::ui::state::use_wizard;
use crate::ui::submission::Status;
use crate::ui::submit::{send_endpoint, send_options, DOUBT_CHECKBOX};

/// The file the review page's requests download as: masked, as shown.
const REQUESTS_FILE: &str = "ssl-order-requests.txt";
use leptos::prelude::*;

/// Check your answers: every answer with a Change link, the exact requests, the agreement.
#[component]
pub fn ReviewStep() -> impl IntoView {
    let wizard = use_wizard();
    let agreement_error = move || wizard.error_for(Field::Agreement);
    // What the copy and download buttons say happened, read out by screen readers.
    let said = RwSignal::new(String::new());
    let api = wizard.env.config.with_untracked(|c| c.api);
    // The generic format's key for this visit to the review page: the preview shows it and
    // submit sends it (a key kept from an unanswered send wins in both). Made on arrival
    // rather than once for good: an answer changed meanwhile makes a different order, which
    // must not go under a key a proxy may already hold for the first.
    let profile = api.profile();
    if profile.keyed() {
        wizard.submission.renew_key();
    }
    // The requests as they will be sent, built by the very function submit uses, and
    // whether the order asks Huawei to add its DNS records. The agreement is given on this
    // page, so the preview assumes it; nothing is sent until it is actually ticked.
    let requests = Memo::new(move |_| {
        let mut draft = wizard.draft.get();
        draft.agree_privacy = true;
        let config = wizard.env.config.get_untracked();
        let endpoint = send_endpoint(&config);
        let options = send_options(&config);
        let key = wizard.submission.key();
        let bought = wizard
            .submission
            .purchase()
            .and_then(|p| CertId::parse(&p.cert_id));
        let order = wizard
            .with_rules(|rules| {
                wizard
                    .env
                    .catalogue
                    .with(|c| crate::order::validate_with(&draft, c, rules))
            })
            .ok()?;
        let built = requests_for(
            config.api,
            &order,
            &endpoint,
            &options,
            key.as_ref(),
            bought.as_ref(),
        );
        let shown = built.map(|requests| {
            requests
                .into_iter()
                .map(|(purpose, request)| {
                    let shown = request.masked(t().submit.hidden_secret);
                    (request_title(purpose), shown)
                })
                .collect::<Vec<_>>()
        });
        Some((order.auto_dns_auth, shown))
    });
    let rows = move || {
        let draft = wizard.draft.get();
        let product = wizard.product();
        let steps = wizard.steps();
        let max_len = product.as_ref().map_or(crate::csr::HUAWEI_MAX_LEN, |p| {
            p.provider.profile().csr_max_len
        });
        let source = CsrSource::of(&draft);
        let source_answer = match source {
            Some(CsrSource::Provider) => {
                (t().submit.review_provider_key)(KeyAlgorithm::of(&draft).label())
            }
            Some(chosen) => csr_source_label(chosen, t()).to_string(),
            None => t().submit.not_chosen.to_string(),
        };
        let common_name = crate::csr::check(&draft.csr, max_len)
            .ok()
            .and_then(|c| c.info.common_name)
            .unwrap_or_else(|| t().submit.not_given.into());
        let (names, unicode) = wizard.with_rules(|rules| {
            let mut names = vec![read_name(&draft.domain, rules)
                .map(|r| (r.name, r.unicode))
                .map_err(|_| clean_input(&draft.domain).name)];
            if product.as_ref().is_some_and(|p| p.is_multi()) {
                let list = parse_name_list(&draft.other_names, Some(&draft.domain), rules);
                names.extend(list.read().map(|r| Ok((r.name.clone(), r.unicode.clone()))));
            }
            let shown: Vec<String> = names
                .iter()
                .map(|n| match n {
                    Ok((name, Some(unicode))) => {
                        (t().submit.name_with_unicode)(&name.to_string(), unicode)
                    }
                    Ok((name, None)) => name.to_string(),
                    Err(typed) => typed.clone(),
                })
                .collect();
            let read: Vec<CertName> = names
                .into_iter()
                .filter_map(|n| n.ok().map(|(n, _)| n))
                .collect();
            (read, shown)
        });
        let methods = product
            .as_ref()
            .map(|p| {
                let describe = |name: &CertName| {
                    let slug = chosen_method(&draft, p, name);
                    let method = DcvMethod::from_slug(&slug)
                        .map_or(t().submit.not_chosen, |m| method_name(m, t()));
                    match draft.approvers.get(&name.to_string()) {
                        Some(a) if slug == "email" && p.provider.profile().chooses_approver => {
                            (t().submit.method_with_approver)(method, a)
                        }
                        _ => method.to_string(),
                    }
                };
                if p.provider.profile().method_per_name {
                    names
                        .iter()
                        .map(|n| (t().submit.name_and_method)(&n.to_string(), &describe(n)))
                        .collect::<Vec<_>>()
                        .join("\n")
                } else {
                    let method = names.first().map(describe).unwrap_or_default();
                    // As the order is sent: a proxy's generic format carries no auto_dns_auth.
                    let huawei_adds = requests.with(|r| r.as_ref().is_some_and(|(auto, _)| *auto));
                    if huawei_adds {
                        format!("{method}\n{}", t().submit.review_auto_dns)
                    } else {
                        method
                    }
                }
            })
            .unwrap_or_default();
        // Which contacts were asked for a fax (GoGetSSL OV's administrative contact).
        let asks_fax = |role| {
            product.as_ref().is_some_and(|p| {
                contact_parts(p.provider, p.level, role).contains(&ContactPart::Fax)
            })
        };
        let fax_asked = [asks_fax(Role::Applicant), asks_fax(Role::Tech)];
        let contact = |c: &ContactDraft, role: Role| {
            let name = if c.name.trim().is_empty() {
                format!("{} {}", c.first_name.trim(), c.last_name.trim())
            } else {
                c.name.trim().to_string()
            };
            // Shown as they will be sent (normalised) where they are valid, else as typed.
            let phone = Phone::parse(&c.phone)
                .map_or_else(|_| c.phone.trim().to_string(), |p| p.to_string());
            let email = Email::parse(&c.email)
                .map_or_else(|_| c.email.trim().to_string(), |e| e.to_string());
            let asked = match role {
                Role::Applicant => fax_asked[0],
                Role::Tech => fax_asked[1],
            };
            let fax = if asked {
                let fax = Phone::parse(&c.fax)
                    .map_or_else(|_| c.fax.trim().to_string(), |p| p.to_string());
                (t().submit.review_fax)(&fax)
            } else {
                String::new()
            };
            [name, c.title.trim().to_string(), phone, fax, email]
                .into_iter()
                .filter(|t| !t.trim().is_empty())
                .collect::<Vec<_>>()
                .join("\n")
        };
        let organisation = product
            .as_ref()
            .map(|p| {
                OrgPart::ALL
                    .into_iter()
                    .filter(|part| org_need(p.provider, p.level, *part) != Need::NotAsked)
                    .map(|part| {
                        let answer = draft.text(Field::Org(part)).trim().to_string();
                        // The country by its name in the form's language, not its code.
                        match part {
                            OrgPart::Country => {
                                crate::ui::country_names::country_name_for_code(&answer)
                                    .unwrap_or(answer)
                            }
                            _ => answer,
                        }
                    })
                    .filter(|t| !t.is_empty())
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .unwrap_or_default();
        let product_name = product
            .map(|p| p.name)
            .unwrap_or_else(|| t().submit.not_chosen.into());
        let has = |step: Step| steps.contains(&step);
        // The step each answer is changed on; answers of steps this product skips are left out.
        let texts = &t().submit;
        let mut answers: Vec<(&'static str, String, Option<Step>)> = vec![
            (texts.row_certificate, product_name, Some(Step::Product)),
            (texts.row_domains, unicode.join("\n"), Some(Step::Domain)),
            (texts.row_csr_source, source_answer, Some(Step::Csr)),
            (
                texts.row_validation,
                methods,
                has(Step::Validation).then_some(Step::Validation),
            ),
        ];
        // A CSR's name only where there is a CSR.
        if source != Some(CsrSource::Provider) {
            answers.insert(3, (texts.row_common_name, common_name, Some(Step::Csr)));
        }
        if has(Step::Contacts) {
            answers.push((
                texts.row_applicant,
                contact(&draft.applicant, Role::Applicant),
                Some(Step::Contacts),
            ));
            let tech = if draft.tech_differs {
                contact(&draft.tech, Role::Tech)
            } else {
                texts.same_as_applicant.into()
            };
            answers.push((texts.row_tech, tech, Some(Step::Contacts)));
        }
        if has(Step::Organisation) {
            answers.push((
                texts.row_organisation,
                organisation,
                Some(Step::Organisation),
            ));
        }
        answers
            .into_iter()
            .map(|(label, value, step)| {
                let change = step.map(|step| view! {
                    <button type="button" class="link-button" on:click=move |_| wizard.go_to(step)>
                        {t().submit.change}<span class="visually-hidden">{(t().submit.change_what)(label)}</span>
                    </button>
                });
                view! {
                    <div class="summary-row">
                        <dt class="summary-key">{label}</dt>
                        <dd class="summary-value">{value}</dd>
                        <dd class="summary-action">{change}</dd>
                    </div>
                }
            })
            .collect_view()
    };
    let busy = move || wizard.submission.busy();
    let button_label = move || submit_label(api, wizard.submission.has_purchase());
    view! {
        <h1 class="heading" id="step-heading" tabindex="-1">{step_title(Step::Review, t())}</h1>
        <dl class="summary">{rows}</dl>
        {move || wizard.submission.purchase().map(|p| view! {
            <div class="notice" data-testid="paid-notice">
                {if p.order_id.is_empty() {
                    (t().submit.already_paid)(&p.cert_id)
                } else {
                    (t().submit.already_paid_order)(&p.cert_id, &p.order_id)
                }}
            </div>
        })}
        {move || (wizard.submission.buy_in_doubt() && !wizard.submission.has_purchase()).then(|| view! {
            <div class="notice" data-testid="buy-in-doubt">
                <h2 class="subheading">{t().submit.doubt_heading}</h2>
                <p class="body">{(t().submit.doubt_body)(where_to_check_words(api, t()))}</p>
                <div class="checkbox">
                    <input class="checkbox-input" type="checkbox" id=DOUBT_CHECKBOX
                        prop:checked=move || wizard.submission.doubt_resolved()
                        on:change=move |ev| wizard.submission.resolve_doubt(event_target_checked(&ev)) />
                    <label class="checkbox-label" for=DOUBT_CHECKBOX>
                        {if profile.buys_first() {
                            t().submit.doubt_confirm_purchase
                        } else {
                            t().submit.doubt_confirm_order
                        }}
                    </label>
                </div>
            </div>
        })}
        {profile.buys_first().then(|| view! { <ResumeAtApply/> })}
        {profile.dry_run.then(|| view! { <CheckFirst/> })}
        <details class="requests">
            <summary>{t().submit.see_requests}</summary>
            {move || match requests.get().map(|(_, shown)| shown) {
                Some(Ok(texts)) => {
                    let all = texts
                        .iter()
                        .map(|(title, text)| format!("# {title}\n{text}\n"))
                        .collect::<Vec<_>>()
                        .join("\n");
                    let download = move |_| {
                        if let Err(err) = keygen::download(REQUESTS_FILE, &all, "text/plain") {
                            said.set(err.to_string());
                        }
                    };
                    view! {
                        {texts
                            .into_iter()
                            .map(|(title, text)| {
                                let label = (t().submit.copy_request_label)(title);
                                let what = (t().submit.copied_request)(title);
                                view! {
                                    <h2 class="subheading">{title}</h2>
                                    <pre class="request" tabindex="0">{text.clone()}</pre>
                                    <p class="body">
                                        <button type="button" class="button button-secondary button-small"
                                            aria-label=label
                                            on:click=move |_| keygen::copy_and_say(text.clone(), what.clone(), said)>
                                            {t().submit.copy}
                                        </button>
                                    </p>
                                }
                            })
                            .collect_view()}
                        <p class="body">
                            <button type="button" class="button button-secondary" on:click=download>
                                {(t().submit.download_file)(REQUESTS_FILE)}
                            </button>
                        </p>
                        <p class="hint" role="status" data-testid="request-copy-status">{move || said.get()}</p>
                    }
                    .into_any()
                }
                Some(Err(NotBuilt::NoKey)) => view! {
                    <p class="body" data-testid="no-key">{t().submit.no_key_summary}</p>
                }.into_any(),
                None => view! { <p class="body">{t().submit.complete_answers}</p> }.into_any(),
            }}
        </details>
        <div class=move || if agreement_error().is_some() { "field field-error" } else { "field" }>
            {move || agreement_error().map(|message| view! {
                <p class="error-message" id="agree-privacy-error">
                    <span class="visually-hidden">{t().start.error_prefix}</span>{message}
                </p>
            })}
            <div class="checkbox">
                <input class="checkbox-input" type="checkbox" id=Field::Agreement.id()
                    aria-describedby=move || agreement_error().is_some().then_some("agree-privacy-error")
                    aria-invalid=move || agreement_error().is_some().then_some("true")
                    prop:checked=wizard.select(|d| d.agree_privacy)
                    on:change=move |ev| {
                        let checked = event_target_checked(&ev);
                        wizard.draft.update(|d| d.agree_privacy = checked);
                    } />
                <label class="checkbox-label" for=Field::Agreement.id()>
                    {t().submit.agreement}
                </label>
            </div>
        </div>
        {move || match wizard.submission.status() {
            Status::Busy(busy) => Some(view! { <p class="busy" role="status">{busy_words(&busy, t())}</p> }.into_any()),
            Status::Failed(failure) => {
                let words = failure_words(&failure, t());
                Some(view! {
                    <div class="failure" role="alert" id="submit-failure" tabindex="-1">
                        <h2 class="subheading">{words.summary}</h2>
                        <p class="body">{words.detail}</p>
                        <p class="body">{words.next_step}</p>
                    </div>
                }.into_any())
            }
            Status::Idle | Status::Placed => None,
        }}
        <button type="submit" class="button" aria-disabled=move || busy().then_some("true")>
            {button_label}
        </button>
    }
}

/// The submit button's text: Huawei buys and applies, or only applies for a certificate
/// already paid for; the other APIs place one order.
fn submit_label(api: Api, paid: bool) -> &'static str {
    match api {
        Api::Huawei if paid => t().submit.submit_apply,
        Api::Huawei => t().submit.submit_buy_and_apply,
        Api::GoGetSsl | Api::Cpanel | Api::Generic => t().submit.submit_order,
    }
}

/// The heading of one request in the preview.
fn request_title(purpose: Purpose) -> &'static str {
    match purpose {
        Purpose::Buy => t().submit.request_buy,
        Purpose::Apply => t().submit.request_apply,
        Purpose::Order => t().submit.request_order,
    }
}

/// For a Huawei certificate bought earlier (elsewhere, or in a tab since closed): apply for it
/// by its ID instead of buying another.
#[component]
fn ResumeAtApply() -> impl IntoView {
    let wizard = use_wizard();
    let typed = RwSignal::new(String::new());
    let error = RwSignal::new(None::<&'static str>);
    let use_it = move |_| match CertId::parse(&typed.get_untracked()) {
        Some(cert) => {
            error.set(None);
            wizard.submission.use_certificate(&cert);
            wizard.save();
        }
        None => {
            error.set(Some(t().submit.cert_id_invalid));
            super::super::dom::focus_later("existing-cert-id".into());
        }
    };
    move || {
        (!wizard.submission.has_purchase()).then(|| view! {
        <details class="requests" data-testid="resume-at-apply">
            <summary>{t().submit.resume_summary}</summary>
            <div class=move || if error.get().is_some() { "field field-error" } else { "field" }>
                <label class="label" for="existing-cert-id">{t().submit.cert_id}</label>
                <p class="hint" id="existing-cert-id-hint">{t().submit.cert_id_hint}</p>
                {move || error.get().map(|message| view! {
                    <p class="error-message" id="existing-cert-id-error"><span class="visually-hidden">{t().start.error_prefix}</span>{message}</p>
                })}
                <input class="input" id="existing-cert-id" type="text" autocomplete="off" spellcheck="false"
                    aria-describedby=move || if error.get().is_some() { "existing-cert-id-hint existing-cert-id-error" } else { "existing-cert-id-hint" }
                    aria-invalid=move || error.get().is_some().then_some("true")
                    prop:value=move || typed.get()
                    on:input=move |ev| typed.set(event_target_value(&ev)) />
            </div>
            <button type="button" class="button button-secondary" on:click=use_it>{t().submit.use_cert}</button>
        </details>
    })
    }
}

/// The API's dry run (GoGetSSL's `test=Y`): every answer checked by the provider, nothing
/// ordered. Shown only where the API's profile offers one.
#[component]
fn CheckFirst() -> impl IntoView {
    let wizard = use_wizard();
    let outcome = RwSignal::new(None::<(bool, String)>);
    let busy = RwSignal::new(false);
    let check = move |_| {
        if busy.get_untracked() {
            return;
        }
        let Ok(order) = untrack(|| wizard.validated()) else {
            wizard.checked.set(true);
            super::super::dom::focus_later("error-summary".into());
            return;
        };
        let config = wizard.env.config.get_untracked();
        let api = config.api;
        let Some(request) = facade::dry_run_request(
            api,
            &order,
            &crate::embed::endpoint(&config),
            &send_options(&config),
        ) else {
            return;
        };
        busy.set(true);
        outcome.set(None);
        leptos::task::spawn_local(async move {
            // A dry run orders nothing, so it may go again by itself.
            let sent = crate::transport::send_retrying(&request, config.timeout_ms, |_| ()).await;
            let texts = &t().submit;
            let said = match sent {
                Ok(answer) => match facade::read_dry_run(api, answer.status, &answer.body) {
                    Ok(Some(amount)) => (true, (texts.check_ok_cost)(&amount)),
                    Ok(None) => (true, texts.check_ok.to_string()),
                    Err(err) => (false, (texts.check_refused)(&error_words(&err, t()))),
                },
                Err(err) => (false, (texts.check_failed)(&err.to_string())),
            };
            busy.try_set(false);
            outcome.try_set(Some(said));
        });
    };
    view! {
        <p class="body">
            <button type="button" class="button button-secondary" on:click=check
                aria-disabled=move || busy.get().then_some("true")>
                {t().submit.check_button}
            </button>
        </p>
        <p class="body" role="status" data-testid="check-outcome">{move || match outcome.get() {
            Some((_, text)) => text,
            None if busy.get() => t().submit.checking_gogetssl.to_string(),
            None => String::new(),
        }}</p>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{set, Locale};

    #[test]
    fn the_submit_button_speaks_the_current_language() {
        set(Locale::ZhCn);
        assert_eq!(submit_label(Api::Huawei, false), "购买并申请");
        assert_eq!(submit_label(Api::Huawei, true), "申请证书");
        assert_eq!(submit_label(Api::Cpanel, false), "提交订单");
        set(Locale::En);
        assert_eq!(submit_label(Api::Huawei, false), "Buy and apply");
        assert_eq!(submit_label(Api::Generic, true), "Place the order");
    }
}
