//! The form in English.

mod csr;
mod domains;
mod flow;
mod people;
mod submit;

use super::Texts;

pub static EN: Texts = Texts {
    flow: flow::FLOW,
    domains: domains::DOMAINS,
    csr: csr::CSR,
    people: people::PEOPLE,
    submit: submit::SUBMIT,
};
