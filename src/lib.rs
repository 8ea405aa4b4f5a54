//! An SSL/TLS certificate order wizard: the pure order model, CSR checks and provider
//! adapters, and the Leptos user interface that drives them in the browser.

pub mod config;
pub mod csr;
pub mod draft_store;
pub mod embed;
pub mod i18n;
pub mod order;
pub mod providers;
pub mod retry;
pub mod transport;
pub mod ui;
