//! The core's errors in words: one exhaustive function per error type, so a new variant
//! does not compile without its words in every language.

pub mod submission;
