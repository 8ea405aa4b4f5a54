//! In the split build (scripts/split.sh) the first step's words in any language but English
//! are a wasm module of their own, so that the first download holds one language: a page
//! that starts in Chinese fetches them beside config.json. Without the `split` feature
//! (trunk serve, the tests, the native build of index.html's first step) they are at hand.

use super::texts::StartTexts;
use super::Locale;
use crate::split::NotLoaded;
#[cfg(feature = "split")]
use std::cell::Cell;

#[cfg(feature = "split")]
thread_local! {
    static ZH_CN: Cell<Option<&'static StartTexts>> = const { Cell::new(None) };
}

/// The Simplified Chinese words, where they are at hand.
pub(super) fn zh_cn() -> Option<&'static StartTexts> {
    #[cfg(feature = "split")]
    return ZH_CN.with(Cell::get);
    #[cfg(not(feature = "split"))]
    return Some(&super::zh_cn::start::START);
}

#[cfg(feature = "split")]
#[leptos::wasm_split::wasm_split(
    start_zh_cn,
    wasm_split_path = ::leptos::wasm_split,
    fallible
)]
fn zh_cn_module() -> Result<&'static StartTexts, NotLoaded> {
    Ok(&super::zh_cn::start::START)
}

/// Puts the first step's words in `locale` at hand for [`Locale::start`], fetching their
/// module where they have one. Where that fails, English stands in.
pub async fn load_start(locale: Locale) -> Result<(), NotLoaded> {
    match locale {
        Locale::En => Ok(()),
        Locale::ZhCn => {
            #[cfg(feature = "split")]
            if zh_cn().is_none() {
                let words = zh_cn_module().await?;
                ZH_CN.with(|cell| cell.set(Some(words)));
            }
            Ok(())
        }
    }
}

/// Called from the wizard's module, which holds every language's words anyway: a host may
/// switch the form to another language there, and the first step's words follow.
pub fn have_every_language() {
    #[cfg(feature = "split")]
    ZH_CN.with(|cell| cell.set(Some(super::zh_cn::ZH_CN.start)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_the_split_every_language_is_at_hand() {
        assert_eq!(zh_cn().map(|t| t.continue_button), Some("继续"));
        assert_ne!(
            Locale::ZhCn.start().continue_button,
            Locale::En.start().continue_button
        );
    }
}
