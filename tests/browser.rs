//! Components mounted in a real browser and driven as a person would
//! (`cargo test --target wasm32-unknown-unknown --test browser`, headless Chromium).
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use ssl_order::config::Config;
use ssl_order::order::Catalogue;
use ssl_order::ui::Wizard;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

const CSR: &str = include_str!("fixtures/csr/rsa2048-san.csr");

fn config() -> Config {
    Config::from_json(r#"{"provider":"huawei","endpoint":"sandbox/huawei","storage":"none"}"#)
        .expect("valid config")
}

fn catalogue() -> Catalogue {
    Catalogue::from_json(include_str!("../public/catalog/huawei.json")).expect("valid catalogue")
}

/// Mounts a fresh wizard in its own element and returns that element.
fn mount_wizard() -> HtmlElement {
    let host: HtmlElement = document()
        .create_element("div")
        .expect("div")
        .unchecked_into();
    document()
        .body()
        .expect("body")
        .append_child(&host)
        .expect("append");
    let handle = leptos::mount::mount_to(host.clone(), || {
        view! { <Wizard config=config() catalogue=catalogue()/> }
    });
    // The wizard stays mounted for the rest of the test.
    handle.forget();
    host
}

/// Lets effects run and the DOM update, including a focus moved in an animation frame.
async fn settle() {
    gloo_timers::future::TimeoutFuture::new(50).await;
}

fn find(host: &HtmlElement, selector: &str) -> Option<HtmlElement> {
    host.query_selector(selector)
        .expect("valid selector")
        .map(JsCast::unchecked_into)
}

fn must(host: &HtmlElement, selector: &str) -> HtmlElement {
    find(host, selector).unwrap_or_else(|| panic!("no element matches {selector}"))
}

fn button(host: &HtmlElement, text: &str) -> HtmlElement {
    let buttons = host.query_selector_all("button").expect("buttons");
    (0..buttons.length())
        .filter_map(|i| buttons.item(i))
        .map(JsCast::unchecked_into::<HtmlElement>)
        .find(|b| b.text_content().is_some_and(|t| t.trim() == text))
        .unwrap_or_else(|| panic!("no button \"{text}\""))
}

fn type_into(host: &HtmlElement, selector: &str, text: &str) {
    let input = must(host, selector);
    if let Some(field) = input.dyn_ref::<HtmlInputElement>() {
        field.set_value(text);
    } else if let Some(area) = input.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        area.set_value(text);
    }
    let event = web_sys::Event::new("input").expect("event");
    input.dispatch_event(&event).expect("dispatch");
}

fn heading(host: &HtmlElement) -> String {
    must(host, "h1").text_content().unwrap_or_default()
}

/// A fresh wizard with the first product chosen, on the domain step.
async fn wizard_at_domain_step() -> HtmlElement {
    let host = mount_wizard();
    settle().await;
    must(&host, "#product").click();
    button(&host, "Continue").click();
    settle().await;
    host
}

#[wasm_bindgen_test]
async fn continue_without_a_choice_shows_a_focused_error_summary_linking_to_the_field() {
    let host = mount_wizard();
    settle().await;
    assert_eq!(heading(&host), "Choose a certificate");

    button(&host, "Continue").click();
    settle().await;

    let summary = must(&host, "#error-summary");
    assert_eq!(
        must(&host, "#error-summary-title")
            .text_content()
            .as_deref(),
        Some("There is a problem")
    );
    assert!(summary
        .text_content()
        .is_some_and(|t| t.contains("Choose the certificate you want to buy")));
    let link = must(&host, "#error-summary a");
    assert_eq!(link.get_attribute("href").as_deref(), Some("#product"));
    let focused = document().active_element().map(|e| e.id());
    assert_eq!(focused.as_deref(), Some("error-summary"));
    host.remove();
}

#[wasm_bindgen_test]
async fn a_bad_domain_is_explained_beside_the_field_and_cleared_once_fixed() {
    let host = wizard_at_domain_step().await;
    assert_eq!(
        heading(&host),
        "Which domain name should the certificate cover?"
    );
    // A new step takes focus to its heading, so a screen reader announces it.
    let focused = document().active_element().map(|e| e.id());
    assert_eq!(focused.as_deref(), Some("step-heading"));

    type_into(&host, "#domain", "my_shop.example.com");
    button(&host, "Continue").click();
    settle().await;
    let error = must(&host, "#domain-error");
    // A screen reader hears that it is an error before the words.
    assert!(error
        .text_content()
        .is_some_and(|t| t.starts_with("Error: ") && t.contains("Underscores are not allowed")));
    let input = must(&host, "#domain");
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert!(input
        .get_attribute("aria-describedby")
        .is_some_and(|ids| ids.split(' ').any(|id| id == "domain-error")));

    // Once the errors are showing, they follow what is typed.
    type_into(&host, "#domain", "shop.example.com");
    settle().await;
    assert!(find(&host, "#domain-error").is_none());
    assert_eq!(must(&host, "#domain").get_attribute("aria-invalid"), None);

    button(&host, "Continue").click();
    settle().await;
    // The CSR step asks first how the CSR will be provided.
    assert_eq!(heading(&host), "Your certificate signing request (CSR)");
    must(&host, "#csr-source-paste").click();
    settle().await;
    assert_eq!(heading(&host), "Paste your certificate signing request");
    host.remove();
}

#[wasm_bindgen_test]
async fn a_pasted_private_key_is_cleared_at_once_and_a_csr_is_summarised() {
    let host = wizard_at_domain_step().await;
    type_into(&host, "#domain", "shop.example.com");
    button(&host, "Continue").click();
    settle().await;
    must(&host, "#csr-source-paste").click();
    settle().await;

    type_into(
        &host,
        "#csr",
        "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n",
    );
    settle().await;
    let area: web_sys::HtmlTextAreaElement = must(&host, "#csr").unchecked_into();
    assert_eq!(
        area.value(),
        "",
        "the key is removed from the control itself"
    );
    assert!(must(&host, ".warning")
        .text_content()
        .is_some_and(|t| t.contains("You pasted a private key")));
    // Any kind of key, however its label is written (`csr::holds_private_key`).
    type_into(
        &host,
        "#csr",
        "-----BEGIN ec private key-----\nMHcCAQEEIIrYSSNQFaA2Hwf1duRSxKtLYX5C\n-----END ec private key-----\n",
    );
    settle().await;
    let area: web_sys::HtmlTextAreaElement = must(&host, "#csr").unchecked_into();
    assert_eq!(area.value(), "", "an EC key is removed too");

    type_into(&host, "#csr", CSR);
    settle().await;
    assert!(find(&host, ".warning").is_none());
    let summary = must(&host, "[data-testid=csr-summary]");
    assert!(summary
        .text_content()
        .is_some_and(|t| t.contains("shop.example.com") && t.contains("www.shop.example.com")));
    host.remove();
}

#[wasm_bindgen_test]
async fn back_returns_to_the_previous_answer_and_start_over_forgets_everything() {
    let host = wizard_at_domain_step().await;
    type_into(&host, "#domain", "shop.example.com");
    button(&host, "Back").click();
    settle().await;
    assert_eq!(heading(&host), "Choose a certificate");
    let first: HtmlInputElement = must(&host, "#product").unchecked_into();
    assert!(first.checked(), "the choice is kept");

    button(&host, "Continue").click();
    settle().await;
    let domain: HtmlInputElement = must(&host, "#domain").unchecked_into();
    assert_eq!(domain.value(), "shop.example.com", "the answer is kept");

    button(&host, "Start over").click();
    settle().await;
    assert_eq!(heading(&host), "Choose a certificate");
    let first: HtmlInputElement = must(&host, "#product").unchecked_into();
    assert!(!first.checked(), "the choice is forgotten");
    host.remove();
}

/// The browser's request carries the prepared URL as it is: gloo-net's builder used to add a
/// stray `&` after a query already in the URL (GoGetSSL's `auth_key`, cPanel's token).
#[wasm_bindgen_test]
fn the_request_built_for_the_browser_keeps_the_url_as_prepared() {
    use ssl_order::providers::{Header, Method, PreparedRequest};
    let prepared = PreparedRequest {
        method: Method::Post,
        url: "https://my.gogetssl.example/api/orders/add_ssl_order/?auth_key=k3y%26x".into(),
        headers: vec![Header {
            name: "Content-Type",
            value: "application/x-www-form-urlencoded".into(),
            secret: false,
        }],
        body: Some("product_id=45".into()),
        url_secrets: Vec::new(),
    };
    let controller = web_sys::AbortController::new().expect("controller");
    let built = ssl_order::transport::build(&prepared, &controller.signal()).expect("built");
    assert_eq!(built.url(), prepared.url);
    assert_eq!(built.method(), "POST");
}
