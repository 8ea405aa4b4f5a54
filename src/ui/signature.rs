//! Checks a pasted CSR's own signature with the browser's WebCrypto, so the app carries no
//! cryptography of its own. The inputs come from the pure `csr::verification`.

use crate::csr::Verification;
use js_sys::{Array, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

fn set(object: &Object, key: &str, value: &JsValue) -> Result<(), JsValue> {
    Reflect::set(object, &JsValue::from_str(key), value).map(|_| ())
}

fn params(check: &Verification, for_import: bool) -> Result<Object, JsValue> {
    let params = Object::new();
    set(&params, "name", &JsValue::from_str(check.algorithm))?;
    match check.curve {
        Some(curve) if for_import => set(&params, "namedCurve", &JsValue::from_str(curve))?,
        // RSA takes its hash when the key is imported; ECDSA when verifying.
        None if for_import => set(&params, "hash", &JsValue::from_str(check.hash))?,
        Some(_) => set(&params, "hash", &JsValue::from_str(check.hash))?,
        None => {}
    }
    Ok(params)
}

/// Calls `crypto.subtle[method](...args)` and awaits the promise it returns.
async fn subtle(method: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    let crypto = Reflect::get(&js_sys::global(), &JsValue::from_str("crypto"))?;
    let subtle = Reflect::get(&crypto, &JsValue::from_str("subtle"))?;
    let function: js_sys::Function =
        Reflect::get(&subtle, &JsValue::from_str(method))?.dyn_into()?;
    let promise: Promise = function
        .apply(&subtle, &args.iter().collect::<Array>())?
        .dyn_into()?;
    JsFuture::from(promise).await
}

/// `Some(true)` when the signature verifies, `Some(false)` when it does not, `None` when the
/// browser cannot tell (no WebCrypto, as on a page not served over HTTPS or localhost).
pub async fn verify(check: &Verification) -> Option<bool> {
    let bytes = |data: &[u8]| JsValue::from(Uint8Array::from(data));
    let key = subtle(
        "importKey",
        &[
            JsValue::from_str("spki"),
            bytes(&check.spki),
            params(check, true).ok()?.into(),
            JsValue::FALSE,
            Array::of1(&JsValue::from_str("verify")).into(),
        ],
    )
    .await
    .ok()?;
    let verified = subtle(
        "verify",
        &[
            params(check, false).ok()?.into(),
            key,
            bytes(&check.signature),
            bytes(&check.signed_data),
        ],
    )
    .await
    .ok()?;
    verified.as_bool()
}
