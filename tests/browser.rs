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

/// Resolves at the browser's next animation frame, once effects have run and the DOM has
/// been updated (a focus moved in an animation frame included).
async fn next_frame() {
    let frame = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .request_animation_frame(&resolve)
            .expect("animation frame");
    });
    wasm_bindgen_futures::JsFuture::from(frame)
        .await
        .expect("frame");
}

/// Waits, a frame at a time, until `ready` holds: the page shows what the test's next step
/// needs. Fails after two seconds, naming `what` it waited for. At least one frame: what a
/// click or a mount starts runs in effects, after the test's own code.
async fn until(what: &str, ready: impl Fn() -> bool) {
    let start = js_sys::Date::now();
    loop {
        next_frame().await;
        if ready() {
            return;
        }
        assert!(
            js_sys::Date::now() - start < 2000.0,
            "waited two seconds for {what}"
        );
    }
}

fn focused_id() -> Option<String> {
    document().active_element().map(|e| e.id())
}

/// Counts the writes of the `value` property of `control` from now on, whoever makes them.
fn count_value_writes(control: &HtmlElement) -> impl Fn() -> u32 {
    let spy = js_sys::Function::new_with_args(
        "control",
        "let writes = 0;
         const own = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(control), 'value');
         Object.defineProperty(control, 'value', {
           configurable: true,
           get() { return own.get.call(this); },
           set(value) { writes += 1; own.set.call(this, value); },
         });
         return () => writes;",
    );
    let count: js_sys::Function = spy
        .call1(&wasm_bindgen::JsValue::NULL, control)
        .expect("spy")
        .unchecked_into();
    move || {
        let writes = count.call0(&wasm_bindgen::JsValue::NULL).expect("count");
        writes.as_f64().map_or(0, |n| n as u32)
    }
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

/// A fresh wizard with the product whose ID is `product` chosen, on the domain step.
async fn wizard_at_domain_step_for(product: &str) -> HtmlElement {
    let host = mount_wizard();
    let radio = format!("input[value={product}]");
    until("the products", || find(&host, &radio).is_some()).await;
    must(&host, &radio).click();
    button(&host, "Continue").click();
    until("the domain step", || find(&host, "#domain").is_some()).await;
    host
}

/// A fresh wizard with the first product chosen, on the domain step.
async fn wizard_at_domain_step() -> HtmlElement {
    wizard_at_domain_step_for("geotrust-dv-single").await
}

#[wasm_bindgen_test]
async fn continue_without_a_choice_shows_a_focused_error_summary_linking_to_the_field() {
    let host = mount_wizard();
    until("the first step", || find(&host, "h1").is_some()).await;
    assert_eq!(heading(&host), "Choose a certificate");

    button(&host, "Continue").click();
    until("the error summary to take focus", || {
        focused_id().as_deref() == Some("error-summary")
    })
    .await;

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
    until("the heading to take focus", || {
        focused_id().as_deref() == Some("step-heading")
    })
    .await;
    // The progress list marks the current step and says where it is, for screen readers.
    let total = host
        .query_selector_all(".progress li")
        .expect("steps")
        .length();
    let current = must(&host, ".progress li[aria-current=step]");
    assert_eq!(current.class_name(), "progress-step progress-current");
    assert!(current
        .text_content()
        .is_some_and(|t| t.starts_with(&format!("Step 2 of {total}: "))));

    type_into(&host, "#domain", "my_shop.example.com");
    button(&host, "Continue").click();
    until("the domain's error", || {
        find(&host, "#domain-error").is_some()
    })
    .await;
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
    until("the error to go", || find(&host, "#domain-error").is_none()).await;
    assert_eq!(must(&host, "#domain").get_attribute("aria-invalid"), None);

    button(&host, "Continue").click();
    // The CSR step asks first how the CSR will be provided.
    until("the CSR step", || {
        heading(&host) == "Your certificate signing request (CSR)"
    })
    .await;
    must(&host, "#csr-source-paste").click();
    until("the CSR field", || find(&host, "#csr").is_some()).await;
    assert_eq!(heading(&host), "Paste your certificate signing request");
    host.remove();
}

#[wasm_bindgen_test]
async fn a_pasted_private_key_is_cleared_at_once_and_a_csr_is_summarised() {
    let host = wizard_at_domain_step().await;
    type_into(&host, "#domain", "shop.example.com");
    button(&host, "Continue").click();
    until("the CSR step", || {
        find(&host, "#csr-source-paste").is_some()
    })
    .await;
    must(&host, "#csr-source-paste").click();
    until("the CSR field", || find(&host, "#csr").is_some()).await;

    type_into(
        &host,
        "#csr",
        "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n",
    );
    until("the warning", || find(&host, ".warning").is_some()).await;
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
    let area: web_sys::HtmlTextAreaElement = must(&host, "#csr").unchecked_into();
    assert_eq!(area.value(), "", "an EC key is removed too");

    type_into(&host, "#csr", CSR);
    until("the CSR's summary", || {
        find(&host, "[data-testid=csr-summary]").is_some()
    })
    .await;
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
    until("the first step", || find(&host, "#product").is_some()).await;
    assert_eq!(heading(&host), "Choose a certificate");
    let first: HtmlInputElement = must(&host, "#product").unchecked_into();
    assert!(first.checked(), "the choice is kept");

    button(&host, "Continue").click();
    until("the domain step", || find(&host, "#domain").is_some()).await;
    let domain: HtmlInputElement = must(&host, "#domain").unchecked_into();
    assert_eq!(domain.value(), "shop.example.com", "the answer is kept");

    button(&host, "Start over").click();
    until("the first step", || find(&host, "#product").is_some()).await;
    assert_eq!(heading(&host), "Choose a certificate");
    let first: HtmlInputElement = must(&host, "#product").unchecked_into();
    assert!(!first.checked(), "the choice is forgotten");
    host.remove();
}

/// A control is written only when its own answer changes: a keystroke in the list of
/// other names leaves the domain field alone (`WizardState::select`).
#[wasm_bindgen_test]
async fn typing_in_one_field_writes_no_other_control() {
    let host = wizard_at_domain_step_for("globalsign-ov-multi").await;
    let domain_writes = count_value_writes(&must(&host, "#domain"));
    let list_writes = count_value_writes(&must(&host, "#other-names"));

    type_into(&host, "#other-names", "www.shop.example.com");
    // One write by the test, then the form's own once it has drawn the new answer.
    until("the list drawn again", || list_writes() == 2).await;
    type_into(
        &host,
        "#other-names",
        "www.shop.example.com\nmail.shop.example.com",
    );
    until("the list drawn again", || list_writes() == 4).await;
    assert_eq!(domain_writes(), 0);

    // The count does see the form's writes: the domain's own change is drawn.
    type_into(&host, "#domain", "shop.example.com");
    until("the domain drawn again", || domain_writes() == 2).await;
    host.remove();
}

/// Countries named and sorted by the browser's own `Intl` in another language.
#[wasm_bindgen_test]
fn countries_are_named_and_sorted_by_the_browser_in_chinese() {
    use ssl_order::i18n::{set, Locale};
    use ssl_order::ui::country_names::{countries_in_current_language, country_name_for_code};
    set(Locale::ZhCn);
    let name = country_name_for_code("gb");
    let countries = countries_in_current_language();
    set(Locale::En);
    assert_eq!(name.as_deref(), Some("英国"));
    assert_eq!(countries.len(), ssl_order::order::COUNTRIES.len());
    let place = |code: &str| countries.iter().position(|(c, _)| *c == code);
    let name_of = |code: &str| place(code).map(|i| countries[i].1.as_str());
    assert_eq!(name_of("DE"), Some("德国"));
    // In pinyin order, unlike the English: Deguo before Faguo, Riben before Zhongguo.
    assert!(place("DE") < place("FR"));
    assert!(place("JP") < place("CN"));
    assert_eq!(country_name_for_code("JP").as_deref(), Some("Japan"));
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

/// Answers every `fetch` with `status` and `body` from now on; gives back the browser's own.
fn answer_every_fetch(status: u16, body: &str) -> wasm_bindgen::JsValue {
    let own = js_sys::Reflect::get(&window(), &"fetch".into()).expect("fetch");
    let mock = js_sys::Function::new_with_args(
        "status, body",
        "return () => Promise.resolve(new Response(body, \
         {status, headers: {'Content-Type': 'application/json'}}));",
    )
    .call2(&wasm_bindgen::JsValue::NULL, &status.into(), &body.into())
    .expect("mock");
    js_sys::Reflect::set(&window(), &"fetch".into(), &mock).expect("set fetch");
    own
}

#[wasm_bindgen_test]
async fn the_order_servers_problems_show_beside_their_fields_and_in_the_summary() {
    let own_fetch = answer_every_fetch(
        422,
        r#"{"error":{"code":"invalid_order","message":"The order has problems"},
            "problems":[{"field":"Domain","problem":{"Name":"Underscore"}}]}"#,
    );
    let config = Config::from_json(r#"{"provider":"generic","endpoint":"api","catalogue":"catalog/huawei.json","storage":"none"}"#)
        .expect("valid config");
    let saved = ssl_order_core::draft_store::SavedState {
        step: "review".into(),
        draft: ssl_order_core::order::fixtures::dv_draft(),
        ..Default::default()
    };
    let host: HtmlElement = document()
        .create_element("div")
        .expect("div")
        .unchecked_into();
    document()
        .body()
        .expect("body")
        .append_child(&host)
        .expect("append");
    leptos::mount::mount_to(host.clone(), move || {
        view! { <Wizard config=config.clone() catalogue=catalogue() saved=saved.clone()/> }
    })
    .forget();
    until("the review page", || {
        find(&host, "button[type=submit]").is_some_and(|b| {
            b.text_content()
                .is_some_and(|t| t.contains("Place the order"))
        })
    })
    .await;
    must(&host, "button[type=submit]").click();
    // The wizard goes to the domain step, its summary taking the focus.
    until("the error summary to take focus", || {
        focused_id().as_deref() == Some("error-summary")
    })
    .await;
    js_sys::Reflect::set(&window(), &"fetch".into(), &own_fetch).expect("own fetch back");
    assert!(find(&host, "#domain").is_some(), "on the domain step");
    let said = "Underscores are not allowed";
    assert!(must(&host, "#error-summary")
        .text_content()
        .is_some_and(|t| t.contains(said)));
    assert_eq!(
        must(&host, "#error-summary a")
            .get_attribute("href")
            .as_deref(),
        Some("#domain")
    );
    assert!(must(&host, "#domain-error")
        .text_content()
        .is_some_and(|t| t.starts_with("Error: ") && t.contains(said)));
    assert_eq!(
        must(&host, "#domain")
            .get_attribute("aria-invalid")
            .as_deref(),
        Some("true")
    );
    // Changing the answer takes its problem away.
    type_into(&host, "#domain", "www.shop.example.com");
    until("the error to go", || find(&host, "#domain-error").is_none()).await;
    host.remove();
}
