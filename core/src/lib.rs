//! The pure core of the certificate order wizard, shared by the browser app and a server:
//! the order model and its validation, CSR reading and building, the provider adapters,
//! configuration, the retry policy and what is kept between visits. Nothing here touches
//! a browser, a clock or the network; the callers do, and hand the results in. It holds
//! no words and no locale either: every error is an enum carrying its parameters, and the
//! app's `i18n` puts it into words (one exhaustive function per type).

pub mod config;
pub mod csr;
pub mod draft_store;
pub mod embed;
pub mod order;
pub mod providers;
pub mod retry;
pub mod submission;
