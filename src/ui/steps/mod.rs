//! One component per step of the wizard.

mod applicant;
mod csr;
mod domain;
mod product;
mod review;

pub use applicant::ApplicantStep;
pub use csr::CsrStep;
pub use domain::DomainStep;
pub use product::ProductStep;
pub use review::ReviewStep;
