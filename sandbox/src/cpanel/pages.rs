//! The cPanel Store's pages a browser visits: the checkout an order's `checkout_url` points
//! to, and the pages of the `actionUrls`. Plain HTML with one form, no scripts.

use axum::extract::{Path, State};
use axum::http::header::LOCATION;
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::Value;

use super::html::{self, escape};
use super::order::{Order, Stage};
use super::products::format_dollars;
use super::status::ACTIONS;
use super::store::Store;

pub async fn checkout(State(store): State<Store>, Path(order_id): Path<String>) -> Response {
    match store.order(&order_id) {
        None => unknown_order(&order_id),
        Some(order) if order.stage_at(store.clock.now()) == Stage::Unpaid => checkout_page(&order),
        Some(order) => paid_page(&order),
    }
}

/// The form's POST: pays, then sends the browser on as the store does, or shows "Paid".
pub async fn pay(State(store): State<Store>, Path(order_id): Path<String>) -> Response {
    let Some(order) = store.pay(&order_id, store.clock.now()) else {
        return unknown_order(&order_id);
    };
    match order
        .return_url()
        .and_then(|url| HeaderValue::from_str(&url).ok())
    {
        Some(location) => (StatusCode::SEE_OTHER, [(LOCATION, location)]).into_response(),
        None => paid_page(&order),
    }
}

pub async fn action(
    State(store): State<Store>,
    Path((item_id, check)): Path<(String, String)>,
) -> Response {
    let what = match check.as_str() {
        "ovCallbackStatus" => {
            "call the organisation on its listed telephone number to confirm the order"
        }
        "evClickThroughStatus" => "ask the representative to sign the EV subscriber agreement",
        _ => {
            return html::not_found(&format!(
                "No action “{check}”; the actions are {}.",
                ACTIONS.join(" and ")
            ))
        }
    };
    if store.item_at(&item_id, store.clock.now()).is_none() {
        return html::not_found(&format!(
            "No order item “{item_id}” in the cPanel Store sandbox."
        ));
    }
    html::page(
        StatusCode::OK,
        &format!("{check} (sandbox)"),
        &format!(
            "<p>For order item {} a real certificate authority would now {what}. In the sandbox \
             nothing is needed: the check completes when the certificate is issued.</p>\n",
            escape(&item_id)
        ),
    )
}

fn checkout_page(order: &Order) -> Response {
    let total = format_dollars(order.total_cents());
    let mut rows = String::new();
    for item in &order.items {
        let names: Vec<&str> = item.names.iter().map(|name| name.name.as_str()).collect();
        let organisation = item
            .identity
            .as_ref()
            .and_then(|identity| identity.get("organizationName"))
            .and_then(Value::as_str)
            .unwrap_or("none (DV)");
        rows.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
            escape(&item.id),
            escape(item.product.display_name),
            escape(&names.join(", ")),
            escape(&item.vhost_names.join(", ")),
            escape(organisation),
            format_dollars(item.price_cents),
        ));
    }
    let body = format!(
        "<p>Order {id} at the cPanel Store sandbox. Nothing is charged: paying starts the \
         certificate authority's validation.</p>\n\
         <table>\n<caption>Certificates in order {id}</caption>\n\
         <thead><tr><th scope=\"col\">Order item</th><th scope=\"col\">Product</th>\
         <th scope=\"col\">Names</th><th scope=\"col\">Installs on</th>\
         <th scope=\"col\">Organization</th><th scope=\"col\">Price</th></tr></thead>\n<tbody>\n{rows}</tbody>\n</table>\n\
         <form method=\"post\">\n<p id=\"amount\">Total: {total} USD</p>\n\
         <button type=\"submit\" aria-describedby=\"amount\">Pay (sandbox)</button>\n</form>\n",
        id = escape(&order.id),
    );
    html::page(StatusCode::OK, "Checkout (sandbox)", &body)
}

fn paid_page(order: &Order) -> Response {
    let mut body = format!(
        "<p>Order {} is paid: {} USD (sandbox). The certificate authority is validating; \
         Market::get_certificate_status_details shows its progress.</p>\n",
        escape(&order.id),
        format_dollars(order.total_cents()),
    );
    if let Some(url) = order.return_url() {
        body.push_str(&format!(
            "<p><a href=\"{}\">Back to the site</a></p>\n",
            escape(&url)
        ));
    }
    html::page(StatusCode::OK, "Paid", &body)
}

fn unknown_order(order_id: &str) -> Response {
    html::not_found(&format!(
        "No order “{order_id}” in the cPanel Store sandbox (it forgets orders when it restarts or on POST /sandbox/_reset)."
    ))
}
