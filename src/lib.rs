//! An SSL/TLS certificate order wizard: the Leptos user interface that drives the pure core
//! (`ssl_order_core`: order model, CSR checks, provider adapters) in the browser.

pub use ssl_order_core::{config, csr, i18n, order, providers, retry};

pub mod draft_store;
pub mod embed;
pub mod transport;
pub mod ui;
