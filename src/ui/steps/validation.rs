use crate::i18n::labels::{method_name, step_title};
use crate::i18n::t;
use crate::order::{
    approvers_for, chosen_method, email_method_on, methods_for, parse_name_list, read_name,
    CertName, DcvMethod, EmailMethod, Field, Step,
};
use crate::ui::state::use_wizard;
use leptos::prelude::*;

/// The order's names as read now, the primary first.
fn names_now() -> Vec<CertName> {
    let wizard = use_wizard();
    let multi = wizard.product().is_some_and(|p| p.is_multi());
    wizard.draft.with(|d| {
        wizard.with_rules(|rules| {
            let mut names: Vec<CertName> = read_name(&d.domain, rules)
                .map(|r| r.name)
                .into_iter()
                .collect();
            if multi {
                let list = parse_name_list(&d.other_names, Some(&d.domain), rules);
                names.extend(list.names().cloned());
            }
            names
        })
    })
}

fn method_hint(method: DcvMethod, legacy: bool) -> &'static str {
    let texts = &t().domains;
    match method {
        DcvMethod::Dns => texts.hint_dns,
        DcvMethod::Http | DcvMethod::Https => texts.hint_file,
        DcvMethod::Email if legacy => texts.hint_email_legacy,
        DcvMethod::Email => texts.hint_email,
    }
}

/// Stores `method` as the choice for `name` (or for the whole certificate when `name` is None).
fn choose(name: Option<String>, method: &str) {
    let wizard = use_wizard();
    let method = method.to_string();
    wizard.draft.update(|d| match name {
        Some(name) => {
            d.methods.insert(name, method);
        }
        None => d.method = method,
    });
}

/// Huawei adds the DNS records to its Cloud DNS itself (`auto_dns_auth`), where that hosts
/// the domain.
#[component]
fn AutoDns() -> impl IntoView {
    let wizard = use_wizard();
    view! {
        <div class="checkbox">
            <input class="checkbox-input" type="checkbox" id="auto-dns-auth"
                aria-describedby="auto-dns-auth-hint"
                prop:checked=wizard.select(|d| d.auto_dns_auth)
                on:change=move |ev| {
                    let checked = event_target_checked(&ev);
                    wizard.draft.update(|d| d.auto_dns_auth = checked);
                } />
            <label class="checkbox-label" for="auto-dns-auth">{t().domains.auto_dns_label}</label>
            <p class="hint" id="auto-dns-auth-hint">{t().domains.auto_dns_hint}</p>
        </div>
    }
}

/// How control of each name is proved: one choice for the certificate (Huawei), or one per
/// name with the approver address where email is chosen.
#[component]
pub fn ValidationStep() -> impl IntoView {
    let wizard = use_wizard();
    let legacy = email_method_on(wizard.env.today) == EmailMethod::Legacy;
    let body = move || {
        let Some(product) = wizard.product() else {
            return ().into_any();
        };
        let names = names_now();
        if !product.provider.profile().method_per_name {
            // One method for every name: what is offered must work for each of them.
            let wildcard = names.iter().find(|n| n.is_wildcard());
            let methods = wizard.with_rules(|rules| methods_for(&product, wildcard, rules));
            let current = wizard
                .draft
                .with(|d| names.first().map(|n| chosen_method(d, &product, n)));
            let error = wizard.error_for(Field::Method(0));
            let described_by = error.is_some().then_some("method-0-error");
            let fieldset_class = if error.is_some() {
                "fieldset field-error"
            } else {
                "fieldset"
            };
            let radios = methods
                .into_iter()
                .enumerate()
                .map(|(i, method)| {
                    let id = if i == 0 {
                        Field::Method(0).id()
                    } else {
                        format!("method-0-{}", method.slug())
                    };
                    let checked = current.as_deref() == Some(method.slug());
                    let hint_id = format!("{id}-hint");
                    view! {
                        <div class="radio">
                            <input class="radio-input" type="radio" name="method" id=id.clone()
                                value=method.slug() prop:checked=checked aria-describedby=hint_id.clone()
                                on:change=move |_| choose(None, method.slug()) />
                            <label class="radio-label" for=id>{method_name(method, t())}</label>
                            <p class="hint radio-hint" id=hint_id>{method_hint(method, legacy)}</p>
                        </div>
                    }
                })
                .collect_view();
            return view! {
                <fieldset class=fieldset_class aria-describedby=described_by>
                    <legend class="legend">{t().domains.method_legend}</legend>
                    {error.map(|message| view! {
                        <p class="error-message" id="method-0-error">
                            <span class="visually-hidden">{t().start.error_prefix}</span>{message}
                        </p>
                    })}
                    <div class="radios">{radios}</div>
                </fieldset>
            }
            .into_any();
        }
        names
            .into_iter()
            .enumerate()
            .map(|(i, name)| {
                let index = u16::try_from(i).unwrap_or(u16::MAX);
                let key = name.to_string();
                let methods = wizard.with_rules(|rules| methods_for(&product, Some(&name), rules));
                let current = wizard.draft.with(|d| chosen_method(d, &product, &name));
                let approvers = wizard.with_rules(|rules| approvers_for(&name, rules));
                let approver = wizard.draft.with(|d| d.approvers.get(&key).cloned().unwrap_or_default());
                let method_field = Field::Method(index);
                let approver_field = Field::Approver(index);
                let method_error = wizard.error_for(method_field);
                let approver_error = wizard.error_for(approver_field);
                let approver_class = if approver_error.is_some() { "field field-error" } else { "field" };
                let method_class = if method_error.is_some() { "field field-error" } else { "field" };
                // The error is tied to its control, so a screen reader reads it with the label.
                let approver_invalid = approver_error.is_some().then_some("true");
                let approver_described = approver_error.is_some().then(|| format!("{}-error", approver_field.id()));
                let method_invalid = method_error.is_some().then_some("true");
                let method_described = method_error.is_some().then(|| format!("{}-error", method_field.id()));
                let options = methods
                    .into_iter()
                    .map(|m| view! {
                        <option value=m.slug() selected=current == m.slug()>{method_name(m, t())}</option>
                    })
                    .collect_view();
                let email_chosen = current == DcvMethod::Email.slug();
                let key_for_method = key.clone();
                let approver_select = email_chosen.then(|| {
                    let key = key.clone();
                    let choices = approvers
                        .into_iter()
                        .map(|a| view! { <option value=a.clone() selected=a == approver>{a.clone()}</option> })
                        .collect_view();
                    view! {
                        <div class=approver_class>
                            <label class="label" for=approver_field.id()>{(t().domains.approver_label)(&key)}</label>
                            {approver_error.map(|m| view! { <p class="error-message" id=format!("{}-error", approver_field.id())>
                                <span class="visually-hidden">{t().start.error_prefix}</span>{m}</p> })}
                            <select class="select" id=approver_field.id()
                                aria-invalid=approver_invalid aria-describedby=approver_described
                                on:change=move |ev| {
                                    let value = event_target_value(&ev);
                                    let key = key.clone();
                                    wizard.draft.update(|d| { d.approvers.insert(key, value); });
                                }>
                                <option value="" selected=approver.is_empty()>{t().domains.choose_address}</option>
                                {choices}
                            </select>
                        </div>
                    }
                });
                view! {
                    <div class="name-validation">
                        <h2 class="subheading">{name.to_string()}</h2>
                        <div class=method_class>
                            <label class="label" for=method_field.id()>{(t().domains.method_label)(&key)}</label>
                            {method_error.map(|m| view! { <p class="error-message" id=format!("{}-error", method_field.id())>
                                <span class="visually-hidden">{t().start.error_prefix}</span>{m}</p> })}
                            <select class="select" id=method_field.id()
                                aria-invalid=method_invalid aria-describedby=method_described
                                on:change=move |ev| choose(Some(key_for_method.clone()), &event_target_value(&ev))>
                                {options}
                            </select>
                        </div>
                        {approver_select}
                    </div>
                }
            })
            .collect_view()
            .into_any()
    };
    // A Memo, so ticking the box (a draft change) does not re-create it and lose focus.
    // Only the provider's own API carries `auto_dns_auth` (the generic format does not).
    let own_api = wizard.env.api.get_untracked().is_providers_own();
    let offer_auto_dns = Memo::new(move |_| {
        let Some(product) = wizard.product().filter(|_| own_api) else {
            return false;
        };
        let names = names_now();
        product.provider.profile().adds_dns_records
            && wizard.draft.with(|d| {
                names
                    .first()
                    .is_some_and(|n| chosen_method(d, &product, n) == DcvMethod::Dns.slug())
            })
    });
    view! {
        <h1 class="heading" id="step-heading" tabindex="-1">{step_title(Step::Validation, t())}</h1>
        <p class="body">{t().domains.validation_intro}</p>
        {body}
        {move || offer_auto_dns.get().then(|| view! { <AutoDns/> })}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{set, Locale};

    #[test]
    fn the_hints_are_in_chinese_when_chinese_is_chosen() {
        set(Locale::ZhCn);
        let dns = method_hint(DcvMethod::Dns, false);
        let legacy = method_hint(DcvMethod::Email, true);
        set(Locale::En);
        assert_eq!(
            dns,
            "下单后添加我们提供的 TXT 或 CNAME 记录。适用于所有域名，包括通配符域名。"
        );
        assert!(legacy.starts_with("旧版方式："));
        assert_eq!(
            method_hint(DcvMethod::Email, false),
            "The CA emails an approval link to an address such as admin@ your domain."
        );
    }
}
