//! The `Market` functions the sandbox answers, each from parameters to the envelope's data.

use std::time::Instant;

use serde_json::{json, Value};

use super::envelope::Success;
use super::order::{Item, Stage};
use super::origin::Origin;
use super::params::Params;
use super::products::{self, Product, PRODUCTS};
use super::store::Store;
use super::{action_path, checkout_path, request, status};

pub const FUNCTIONS: [&str; 4] = [
    "request_ssl_certificates",
    "get_certificate_status_details",
    "get_ssl_certificate_if_available",
    "get_all_products",
];

/// What a call needs besides its parameters.
pub struct Context<'a> {
    pub store: &'a Store,
    pub origin: &'a Origin,
    pub now: Instant,
}

/// Runs `Market::<func>`; an error is the text for the envelope's `errors`.
pub fn run(func: &str, params: &Params, cx: &Context<'_>) -> Result<Success, String> {
    match func {
        "request_ssl_certificates" => request_ssl_certificates(params, cx),
        "get_certificate_status_details" => get_certificate_status_details(params, cx),
        "get_ssl_certificate_if_available" => get_ssl_certificate_if_available(params, cx),
        "get_all_products" => get_all_products(params),
        _ => Err(format!(
            "Failed to load function “{func}” of module “Market”: no such function (the sandbox has {})",
            FUNCTIONS.join(", ")
        )),
    }
}

/// Data as cPanel documents it (`order_id`, `checkout_url`, `certificates` with
/// `order_item_id` and `key_id`), plus `order_item_ids`, the same IDs as a plain list.
fn request_ssl_certificates(params: &Params, cx: &Context<'_>) -> Result<Success, String> {
    let order = cx.store.place(request::parse(params)?);
    let certificates: Vec<Value> = order
        .items
        .iter()
        .map(|item| json!({ "order_item_id": item.id, "key_id": item.key_id }))
        .collect();
    let item_ids: Vec<&str> = order.items.iter().map(|item| item.id.as_str()).collect();
    Ok(Success::data(json!({
        "order_id": order.id,
        "checkout_url": cx.origin.url(&checkout_path(&order.id)),
        "certificates": certificates,
        "order_item_ids": item_ids,
    })))
}

fn get_certificate_status_details(params: &Params, cx: &Context<'_>) -> Result<Success, String> {
    let (item, stage) = order_item(params, cx)?;
    let validation = item.product.validation;
    Ok(Success {
        data: json!({
            "actionUrls": action_urls(&item, stage, cx),
            "domain_details": status::domain_details(&item, stage),
            "status_details": status::status_details(validation, stage),
        }),
        messages: status::messages(stage),
    })
}

/// `certificate_pem` stays `null` until the certificate is issued. The sandbox does not
/// encrypt `encrypted_action_urls`: there is no key to encrypt them for.
fn get_ssl_certificate_if_available(params: &Params, cx: &Context<'_>) -> Result<Success, String> {
    let (item, stage) = order_item(params, cx)?;
    let actions = action_urls(&item, stage, cx);
    Ok(Success::data(json!({
        "certificate_pem": (stage == Stage::Issued).then_some(&item.certificate_pem),
        "encrypted_action_urls": if actions.is_empty() { Value::Null } else { Value::Object(actions) },
        "status_code": null,
        "status_message": null,
    })))
}

/// `provider` is optional here: without it cPanel lists every enabled provider's products.
fn get_all_products(params: &Params) -> Result<Success, String> {
    params.only(&["provider"], None)?;
    if let Some(provider) = params.optional("provider")? {
        products::check_provider(provider)?;
    }
    let list: Vec<Value> = PRODUCTS.iter().map(Product::catalogue_entry).collect();
    Ok(Success::data(Value::Array(list)))
}

fn action_urls(item: &Item, stage: Stage, cx: &Context<'_>) -> serde_json::Map<String, Value> {
    status::action_urls(item.product.validation, stage, |check| {
        cx.origin.url(&action_path(&item.id, check))
    })
}

/// The `order_item_id` and `provider` of the status calls, and the item they name.
fn order_item(params: &Params, cx: &Context<'_>) -> Result<(Item, Stage), String> {
    params.only(&["order_item_id", "provider"], None)?;
    products::check_provider(params.required("provider")?)?;
    let id = params.required("order_item_id")?;
    if !id.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!(
            "order_item_id: “{id}” is not a valid order item ID (digits only, as request_ssl_certificates answered)"
        ));
    }
    cx.store
        .item_at(id, cx.now)
        .ok_or_else(|| {
            format!(
                "order_item_id: the cPanel Store has no order item “{id}” (the sandbox forgets orders when it restarts or on POST /sandbox/_reset)"
            )
        })
}
