use crate::i18n::labels::step_title;
use crate::i18n::problems::note_words;
use crate::i18n::t;
use crate::order::{
    clean_input, parse_name_list, read_name, Field, NameNote, Product, Rules, Step,
};
use crate::ui::fields::{Kind, TextField};
use crate::ui::state::use_wizard;
use leptos::prelude::*;

/// What will be sent, said before Continue: a cleaned URL, an internationalised name's
/// xn-- form, repeats removed from the list and, for a multi-domain `product`, the count.
/// `other_names` is `Some` for a multi-domain certificate.
fn name_notes(
    domain: &str,
    other_names: Option<&str>,
    product: Option<&Product>,
    rules: &Rules,
) -> Vec<String> {
    let texts = &t().domains;
    let word = |note: &NameNote| note_words(note, t());
    let mut notes: Vec<String> = clean_input(domain).note.iter().map(word).collect();
    if let Ok(read) = read_name(domain, rules) {
        if let Some(unicode) = read.unicode {
            notes.push((texts.will_be_sent_as)(&unicode, &read.name.to_string()));
        }
    }
    if let Some(other_names) = other_names {
        let list = parse_name_list(other_names, Some(domain), rules);
        for read in list.read() {
            if let Some(unicode) = &read.unicode {
                notes.push((texts.will_be_sent_as)(unicode, &read.name.to_string()));
            }
        }
        let count = 1 + list.entries.len();
        notes.extend(list.notes.iter().map(word));
        if let Some(p) = product {
            notes.push((texts.names_in_all)(
                count,
                p.names.min,
                p.names.max,
                p.coverage.allows_wildcards(),
            ));
        }
    }
    notes
}

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
    let notes = Memo::new(move |_| {
        wizard.draft.with(|d| {
            wizard.with_rules(|rules| {
                let other_names = multi().then_some(d.other_names.as_str());
                product.with(|p| name_notes(&d.domain, other_names, p.as_ref(), rules))
            })
        })
    });
    view! {
        <h1 class="heading" id="step-heading" tabindex="-1">
            {move || if multi() { t().domains.multi_heading } else { step_title(Step::Domain, t()) }}
        </h1>
        {move || if wildcard() {
            view! {
                <TextField
                    field=Field::Domain
                    hint=t().domains.wildcard_hint
                    autocomplete="off"
                />
            }.into_any()
        } else {
            view! {
                <TextField
                    field=Field::Domain
                    hint=t().domains.domain_hint
                    autocomplete="off"
                />
            }.into_any()
        }}
        {move || multi().then(|| view! {
            <TextField field=Field::OtherNames kind=Kind::Multiline autocomplete="off"
                hint=t().domains.other_names_hint />
        })}
        // The live region wraps the list: a role on the <ul> itself would hide that it is a list.
        <div role="status">
            <ul class="notes">
                {move || notes.get().into_iter().map(|text| view! { <li class="note">{text}</li> }).collect_view()}
            </ul>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{set, Locale};
    use crate::order::DcvMethod;

    fn multi_product(wildcards: bool) -> Product {
        crate::order::fixtures::gogetssl_multi(wildcards, vec![DcvMethod::Dns])
    }

    const TODAY: (u16, u8, u8) = (2026, 11, 23);

    #[test]
    fn the_count_of_names_keeps_english_plurals() {
        let rules = Rules::basic(TODAY);
        let one = name_notes("example.com", Some(""), Some(&multi_product(true)), &rules);
        assert_eq!(
            one,
            ["1 name in all; this certificate covers 2 to 250, wildcards included."]
        );
        let two = name_notes(
            "example.com",
            Some("www.example.com"),
            Some(&multi_product(false)),
            &rules,
        );
        assert_eq!(
            two,
            ["2 names in all; this certificate covers 2 to 250, no wildcards."]
        );
    }

    #[test]
    fn the_notes_are_in_chinese_when_chinese_is_chosen() {
        let rules = Rules::basic(TODAY);
        set(Locale::ZhCn);
        let notes = name_notes(
            "https://example.com",
            Some("www.example.com"),
            Some(&multi_product(true)),
            &rules,
        );
        set(Locale::En);
        assert_eq!(
            notes,
            [
                "已从输入内容中删除“https://”：证书中只包含主机名。",
                "共 2 个域名；此证书支持 2 至 250 个域名，包括通配符域名。"
            ]
        );
        assert!(name_notes("example.com", None, None, &rules).is_empty());
    }
}
