//! One component per step of the wizard.

mod contacts;
mod csr;
mod csr_generate;
mod domain;
mod organisation;
mod product;
mod review;
mod validation;

pub use contacts::ContactsStep;
pub use csr::CsrStep;
pub use csr_generate::GenerateCsr;
pub use domain::DomainStep;
pub use organisation::OrganisationStep;
pub use product::ProductStep;
pub use review::ReviewStep;
pub use validation::ValidationStep;
