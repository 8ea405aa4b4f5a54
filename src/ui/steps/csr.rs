use crate::csr::check;
use crate::order::{Field, Step};
use crate::ui::fields::{Kind, TextField};
use crate::ui::state::use_wizard;
use leptos::prelude::*;
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
    let summary = Memo::new(move |_| {
        wizard
            .draft
            .with(|d| check(&d.csr, max_len()))
            .ok()
            .map(|csr| {
                (
                    csr.info.common_name.unwrap_or_default(),
                    csr.info.dns_names.join(", "),
                )
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
        <TextField
            field=Field::Csr
            hint="Paste everything from -----BEGIN CERTIFICATE REQUEST----- to -----END CERTIFICATE REQUEST-----."
            kind=Kind::Multiline
            filter=refuse_private_key
        />
        {move || summary.get().map(|(cn, others)| view! {
            <dl class="csr-summary" data-testid="csr-summary">
                <dt>"Common Name"</dt><dd>{cn}</dd>
                <dt>"Other names"</dt><dd>{if others.is_empty() { "none".to_string() } else { others }}</dd>
            </dl>
        })}
    }
}
