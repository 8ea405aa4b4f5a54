//! The browser edge of "generate in the browser": the key pair and the signature come from
//! WebCrypto (`crypto.subtle`), the CSR itself is built by the pure `csr::build`.
//!
//! The private key leaves WebCrypto once, as PKCS#8 PEM in [`GeneratedCsr::key_pem`], for
//! the person to download or copy. Nothing here stores it or sends it anywhere.

use crate::csr::build::{self, BuildError, KeyKind, Subject};
use crate::i18n::problems::csr::build_error_words;
use crate::i18n::t;
use js_sys::{Array, ArrayBuffer, Object, Reflect, Uint8Array};
use leptos::prelude::{document, window};
use std::fmt;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CryptoKey, CryptoKeyPair, SubtleCrypto};

/// A CSR and the private key it was made with.
#[derive(Clone, PartialEq, Eq)]
pub struct GeneratedCsr {
    /// `-----BEGIN CERTIFICATE REQUEST-----`…
    pub csr_pem: String,
    /// `-----BEGIN PRIVATE KEY-----`… (PKCS#8, unencrypted): the secret.
    pub key_pem: String,
}

// The key never goes into a log or a panic message by way of `{:?}`.
impl fmt::Debug for GeneratedCsr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("GeneratedCsr")
            .field("csr_pem", &self.csr_pem)
            .field("key_pem", &"[private key not shown]")
            .finish()
    }
}

/// Why the browser could not make, copy or offer a key or CSR (see `i18n::texts::CsrTexts`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeygenError {
    Unavailable,
    /// `step` is one of the catalogue's `step_*` texts; `message` is the browser's.
    Browser {
        step: &'static str,
        message: String,
    },
    Build(BuildError),
}

impl fmt::Display for KeygenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KeygenError::Unavailable => f.write_str(t().csr.keygen_unavailable),
            KeygenError::Browser { step, message } => {
                f.write_str(&(t().csr.keygen_browser)(step, message))
            }
            KeygenError::Build(err) => f.write_str(&build_error_words(err, t())),
        }
    }
}

impl std::error::Error for KeygenError {}

impl From<BuildError> for KeygenError {
    fn from(err: BuildError) -> KeygenError {
        KeygenError::Build(err)
    }
}

/// Makes a key pair of `kind`, builds a CSR for `subject` and `dns_names` and signs it.
pub async fn generate(
    kind: KeyKind,
    subject: &Subject,
    dns_names: &[String],
) -> Result<GeneratedCsr, KeygenError> {
    let subtle = subtle()?;
    let step = t().csr.step_make_key_pair;
    let usages = Array::of2(&"sign".into(), &"verify".into());
    let pair: CryptoKeyPair = call(
        step,
        subtle.generate_key_with_object(&key_params(kind, step)?, true, &usages),
    )
    .await?
    .unchecked_into();
    let (public, private) = (pair.get_public_key(), pair.get_private_key());

    let spki = export(&subtle, "spki", &public).await?;
    let info = build::request_info(subject, dns_names, &spki)?;
    let step = t().csr.step_sign;
    let signature = call(
        step,
        subtle.sign_with_object_and_u8_array(&sign_params(kind, step)?, &private, &info),
    )
    .await?;
    let signature = bytes(step, signature)?;
    let csr = build::assemble(&info, kind, &signature)?;

    let pkcs8 = export(&subtle, "pkcs8", &private).await?;
    Ok(GeneratedCsr {
        csr_pem: build::pem(build::CSR_LABEL, &csr),
        key_pem: build::pem(build::PRIVATE_KEY_LABEL, &pkcs8),
    })
}

/// Offers `text` as a file download named `file_name` of type `mime`, through a temporary
/// object URL.
pub fn download(file_name: &str, text: &str, mime: &str) -> Result<(), KeygenError> {
    let step = t().csr.step_download;
    let fail = |err: JsValue| browser_error(step, err);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let parts = Array::of1(&JsValue::from_str(text));
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let clicked = (|| {
        let anchor: web_sys::HtmlAnchorElement = document().create_element("a")?.unchecked_into();
        anchor.set_href(&url);
        anchor.set_download(file_name);
        anchor.set_hidden(true);
        let body = document()
            .body()
            .ok_or_else(|| JsValue::from_str(t().csr.no_page_body))?;
        body.append_child(&anchor)?;
        anchor.click();
        anchor.remove();
        Ok::<(), JsValue>(())
    })();
    // The download has its own copy once started; the URL is revoked a moment later, since
    // some browsers start reading it only after the click has returned.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(1),
    );
    clicked.map_err(fail)
}

/// Writes `text` to the clipboard.
/// Copies `text`, then says so (or why not) in `said`, a live region beside the buttons.
pub fn copy_and_say(text: String, what: String, said: leptos::prelude::RwSignal<String>) {
    use leptos::prelude::Set;
    leptos::task::spawn_local(async move {
        let outcome = match copy_to_clipboard(&text).await {
            Ok(()) => (t().csr.copied)(&what),
            Err(err) => err.to_string(),
        };
        said.try_set(outcome);
    });
}

pub async fn copy_to_clipboard(text: &str) -> Result<(), KeygenError> {
    let step = t().csr.step_copy;
    let navigator = window().navigator();
    let has_clipboard = Reflect::get(&navigator, &JsValue::from_str("clipboard"))
        .is_ok_and(|c| !c.is_undefined() && !c.is_null());
    if !has_clipboard {
        return Err(KeygenError::Browser {
            step,
            message: t().csr.no_clipboard.into(),
        });
    }
    call(step, Ok(navigator.clipboard().write_text(text)))
        .await
        .map(|_| ())
}

fn subtle() -> Result<SubtleCrypto, KeygenError> {
    let crypto = window().crypto().map_err(|_| KeygenError::Unavailable)?;
    // `crypto.subtle` is undefined outside a secure context.
    let subtle = Reflect::get(&crypto, &JsValue::from_str("subtle"))
        .map_err(|_| KeygenError::Unavailable)?;
    if subtle.is_undefined() || subtle.is_null() {
        return Err(KeygenError::Unavailable);
    }
    Ok(subtle.unchecked_into())
}

fn set(object: &Object, key: &str, value: &JsValue, step: &'static str) -> Result<(), KeygenError> {
    Reflect::set(object, &JsValue::from_str(key), value)
        .map(|_| ())
        .map_err(|err| browser_error(step, err))
}

/// `RsaHashedKeyGenParams` or `EcKeyGenParams`.
fn key_params(kind: KeyKind, step: &'static str) -> Result<Object, KeygenError> {
    let params = Object::new();
    set(&params, "name", &kind.webcrypto_name().into(), step)?;
    if let Some(curve) = kind.named_curve() {
        set(&params, "namedCurve", &curve.into(), step)?;
    }
    if let Some(bits) = kind.modulus_bits() {
        set(&params, "modulusLength", &bits.into(), step)?;
        // 65537
        let exponent = Uint8Array::from(&[0x01u8, 0x00, 0x01][..]);
        set(&params, "publicExponent", &exponent.into(), step)?;
        set(&params, "hash", &kind.hash().into(), step)?;
    }
    Ok(params)
}

/// `{name}` for RSASSA-PKCS1-v1_5 (its hash was fixed when the key was made), or
/// `EcdsaParams`.
fn sign_params(kind: KeyKind, step: &'static str) -> Result<Object, KeygenError> {
    let params = Object::new();
    set(&params, "name", &kind.webcrypto_name().into(), step)?;
    if kind.named_curve().is_some() {
        set(&params, "hash", &kind.hash().into(), step)?;
    }
    Ok(params)
}

async fn export(
    subtle: &SubtleCrypto,
    format: &'static str,
    key: &CryptoKey,
) -> Result<Vec<u8>, KeygenError> {
    let step = if format == "spki" {
        t().csr.step_export_public_key
    } else {
        t().csr.step_export_private_key
    };
    let exported = call(step, subtle.export_key(format, key)).await?;
    bytes(step, exported)
}

/// Awaits a WebCrypto (or clipboard) promise.
async fn call(
    step: &'static str,
    promise: Result<js_sys::Promise, JsValue>,
) -> Result<JsValue, KeygenError> {
    let promise = promise.map_err(|err| browser_error(step, err))?;
    JsFuture::from(promise)
        .await
        .map_err(|err| browser_error(step, err))
}

/// The bytes of an `ArrayBuffer` result.
fn bytes(step: &'static str, value: JsValue) -> Result<Vec<u8>, KeygenError> {
    let buffer: ArrayBuffer = value.dyn_into().map_err(|_| KeygenError::Browser {
        step,
        message: t().csr.no_bytes.into(),
    })?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// A thrown `DOMException` or `Error` as words: its name and message.
fn browser_error(step: &'static str, err: JsValue) -> KeygenError {
    let field = |key: &str| {
        Reflect::get(&err, &JsValue::from_str(key))
            .ok()
            .and_then(|v| v.as_string())
            .filter(|s| !s.is_empty())
    };
    let message = match (field("name"), field("message")) {
        (Some(name), Some(message)) => format!("{name}: {message}"),
        (None, Some(message)) => message,
        (Some(name), None) => name,
        (None, None) => err
            .as_string()
            .unwrap_or_else(|| t().csr.unknown_error.into()),
    };
    KeygenError::Browser { step, message }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{set, Locale};

    #[test]
    fn browser_errors_are_in_the_current_language() {
        set(Locale::ZhCn);
        let err = KeygenError::Browser {
            step: t().csr.step_sign,
            message: "OperationError: x".into(),
        };
        assert_eq!(err.to_string(), "浏览器无法签名 CSR：OperationError: x");
        assert_eq!(
            KeygenError::from(BuildError::Encoding).to_string(),
            "无法编码 CSR"
        );
        set(Locale::En);
        assert_eq!(
            KeygenError::Browser {
                step: t().csr.step_copy,
                message: "NotAllowedError".into(),
            }
            .to_string(),
            "The browser could not copy the text: NotAllowedError"
        );
        assert!(KeygenError::Unavailable
            .to_string()
            .starts_with("This browser offers no Web Cryptography"));
    }
}
