//! What each text of the form is for. A field is a fixed text (`&'static str`) or, where
//! parts are filled in, a function returning the whole sentence.

mod csr;
mod domains;
mod flow;
mod people;
mod submit;

pub use csr::CsrTexts;
pub use domains::DomainTexts;
pub use flow::FlowTexts;
pub use people::PeopleTexts;
pub use submit::SubmitTexts;

/// One language's catalogue.
pub struct Texts {
    /// The frame of the form: loading, steps, progress, Back / Continue, error summary,
    /// the product step and the configuration's messages.
    pub flow: FlowTexts,
    /// Domain names, the list of names, validation methods and approver addresses.
    pub domains: DomainTexts,
    /// Pasted and generated CSRs and keys.
    pub csr: CsrTexts,
    /// Contacts and the organisation, with the fields' labels.
    pub people: PeopleTexts,
    /// Review, submission, the providers' answers and the result page.
    pub submit: SubmitTexts,
}
