//! Direct mount: the embedding page puts the form into an element of its own and takes it
//! out again, with `window.wasmBindings.mount(element, options)` and `unmount()` (or through
//! `embed.js`, which loads the app for it). Without `manual_mount`, the app mounts itself
//! into the page's body, as the standalone page needs.

use std::any::Any;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

/// The class the form's styles are scoped under.
pub const ROOT_CLASS: &str = "ssl-order";

thread_local! {
    /// The options given to `mount`, as JSON: the embedding page's configuration layer.
    static OPTIONS: RefCell<Option<String>> = const { RefCell::new(None) };
    /// The mounted form and its element; dropping the handle takes the form out.
    static MOUNTED: RefCell<Option<Mounted>> = const { RefCell::new(None) };
}

/// The form in the embedding page's element.
struct Mounted {
    element: web_sys::HtmlElement,
    /// The element's own `lang`, put back on unmount (the form sets its language there).
    host_lang: Option<String>,
    /// Dropping it takes the form out; None while the form is being mounted.
    handle: Option<Box<dyn Any>>,
}

/// `window.sslOrderOptions`, set before the app loads, as JSON.
fn window_options() -> Option<String> {
    let window = web_sys::window()?;
    let options = js_sys::Reflect::get(&window, &"sslOrderOptions".into()).ok()?;
    if !options.is_object() {
        return None;
    }
    js_sys::JSON::stringify(&options).ok()?.as_string()
}

/// Where the app's own files (config.json, catalogues, data) are: the `base_url` option,
/// which `embed.js` sets to its own folder, else the page's address.
pub fn asset_url(path: &str) -> String {
    let base = crate::config::page_options(page_options().as_deref()).base_url;
    match base {
        Some(base) => web_sys::Url::new_with_base(path, &base)
            .map(|url| url.href())
            .unwrap_or_else(|_| path.to_string()),
        None => path.to_string(),
    }
}

/// The embedding page's options: those given to `mount`, else `window.sslOrderOptions`.
pub fn page_options() -> Option<String> {
    OPTIONS
        .with(|held| held.borrow().clone())
        .or_else(window_options)
}

/// The element the form was mounted into by `mount`, if it was.
pub fn mounted_element() -> Option<web_sys::HtmlElement> {
    MOUNTED.with(|held| held.borrow().as_ref().map(|m| m.element.clone()))
}

/// Starts the standalone page, unless the embedding page will mount the form itself.
pub fn start() {
    let manual = crate::config::page_options(window_options().as_deref()).manual_mount;
    if !manual {
        leptos::mount::mount_to_body(crate::ui::App);
    }
}

/// Puts the form into `element`, replacing any form mounted before. `options` are the
/// embedding page's configuration (see the README), or `undefined`.
#[wasm_bindgen(js_name = mount)]
pub fn mount(element: web_sys::HtmlElement, options: JsValue) {
    unmount();
    let options = options
        .is_object()
        .then(|| js_sys::JSON::stringify(&options).ok()?.as_string())
        .flatten();
    OPTIONS.with(|held| *held.borrow_mut() = options);
    let _ = element.class_list().add_1(ROOT_CLASS);
    // Known before the form renders, so that its language goes on this element.
    MOUNTED.with(|held| {
        *held.borrow_mut() = Some(Mounted {
            host_lang: element.get_attribute("lang"),
            element: element.clone(),
            handle: None,
        })
    });
    let handle = leptos::mount::mount_to(element, crate::ui::App);
    MOUNTED.with(|held| {
        if let Some(mounted) = held.borrow_mut().as_mut() {
            mounted.handle = Some(Box::new(handle));
        }
    });
}

/// Takes the form out: its nodes, its listeners, its options and any token handed over.
#[wasm_bindgen(js_name = unmount)]
pub fn unmount() {
    let mounted = MOUNTED.with(|held| held.borrow_mut().take());
    if let Some(Mounted {
        element,
        host_lang,
        handle,
    }) = mounted
    {
        drop(handle);
        let _ = element.class_list().remove_1(ROOT_CLASS);
        let _ = match host_lang {
            Some(lang) => element.set_attribute("lang", &lang),
            None => element.remove_attribute("lang"),
        };
    }
    OPTIONS.with(|held| *held.borrow_mut() = None);
    super::set_token(None);
}
