//! The form in English.

mod csr;
mod domains;
mod flow;
mod people;
pub(super) mod start;
mod submit;

use super::Texts;

pub static EN: Texts = Texts {
    start: &start::START,
    flow: flow::FLOW,
    domains: domains::DOMAINS,
    csr: csr::CSR,
    people: people::PEOPLE,
    submit: submit::SUBMIT,
};
