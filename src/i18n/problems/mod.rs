//! The core's errors and findings put into words: one function per type, each one
//! exhaustive `match`, so a new variant does not compile without its words.

pub mod provider;
