//! What each text of the form is for. A field is a fixed text (`&'static str`) or, where
//! parts are filled in, a function returning the whole sentence.

mod csr;
mod domains;
mod flow;
mod people;
mod start;
mod submit;

pub use csr::CsrTexts;
pub use domains::DomainTexts;
pub use flow::FlowTexts;
pub use people::PeopleTexts;
pub use start::StartTexts;
pub use submit::SubmitTexts;

/// One language's catalogue.
pub struct Texts {
    /// What the first step needs: loading, the configuration's and catalogue's messages,
    /// the product step. A static of its own, so the first module holds only these.
    pub start: &'static StartTexts,
    /// The frame of the form: steps, progress, Back, the error summary.
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
