//! The only code that touches browser storage: the state kept between visits
//! (`ssl_order_core::draft_store`) under one key.

pub use ssl_order_core::draft_store::*;

use crate::config::StorageKind;

/// loader.js reads it too: a page with a draft does not show index.html's first step.
const KEY: &str = "ssl-order:v1";

fn storage(kind: StorageKind) -> Option<web_sys::Storage> {
    let window = web_sys::window()?;
    match kind {
        StorageKind::Local => window.local_storage().ok().flatten(),
        StorageKind::Session => window.session_storage().ok().flatten(),
        StorageKind::None => None,
    }
}

/// Whether a previous visit left anything, without reading it (the first module does not
/// carry the draft's reader).
pub fn has_saved(kind: StorageKind) -> bool {
    storage(kind).is_some_and(|store| store.get_item(KEY).ok().flatten().is_some())
}

pub fn load(kind: StorageKind) -> Option<SavedState> {
    let text = storage(kind)?.get_item(KEY).ok().flatten()?;
    SavedState::from_json(&text)
}

/// Saves the state; a full or blocked storage only means nothing is kept.
pub fn save(kind: StorageKind, state: &SavedState) {
    if let Some(store) = storage(kind) {
        let _ = store.set_item(KEY, &state.to_json());
    }
}

pub fn clear(kind: StorageKind) {
    if let Some(store) = storage(kind) {
        let _ = store.remove_item(KEY);
    }
}
