//! The Leptos user interface: thin components over the pure order model.

mod app;
pub mod country_names;
mod dom;
mod environment;
mod error_summary;
mod fields;
mod first_step;
mod frame;
mod history;
mod keygen;
mod later;
mod leaving;
mod locale;
mod progress;
mod reconfigure;
mod result;
mod signature;
mod state;
mod steps;
mod submission;
mod submit;
mod wizard;

pub use app::App;
pub use first_step::static_markup as static_first_step;
pub use wizard::Wizard;
