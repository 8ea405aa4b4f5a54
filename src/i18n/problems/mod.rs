//! The core's errors and findings put into words: one exhaustive function per type, so a
//! new variant does not compile without its words in every language.

pub mod config;
pub mod csr;
