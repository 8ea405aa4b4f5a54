//! What the page embedding the app hands it directly: the provider's API token. Held in
//! memory only, never saved, masked wherever a request is shown.

mod mount;
pub use ssl_order_core::embed as protocol;

pub use mount::{asset_url, mount, mounted_element, page_options, start, unmount, ROOT_CLASS};

use crate::config::Config;
use crate::providers::Endpoint;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

thread_local! {
    static TOKEN: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// `window.wasmBindings.setToken(token)`: the token for every request from now on, in place
/// of any token in config.json. `setToken(null)` or `setToken("")` forgets it.
#[wasm_bindgen(js_name = setToken)]
pub fn set_token(token: Option<String>) {
    TOKEN.with(|held| *held.borrow_mut() = token.filter(|t| !t.is_empty()));
}

/// Where requests go, with the embedding page's token if it gave one.
pub fn endpoint(config: &Config) -> Endpoint {
    let given = TOKEN.with(|held| held.borrow().clone());
    config.endpoint_with(given)
}
