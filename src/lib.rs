//! An SSL/TLS certificate order wizard: the Leptos user interface that drives the pure core
//! (`ssl_order_core`: order model, CSR checks, provider adapters) in the browser.

pub use ssl_order_core::{config, csr, order, providers, retry};

pub mod i18n;

pub mod draft_store;
pub mod embed;
pub mod split;
pub mod transport;
pub mod ui;
