//! The words of the form. The catalogues still live in the core while its modules move to
//! errors as data; the functions that put the core's errors into words live here, at the
//! edge, one exhaustive function per error type.

pub use ssl_order_core::i18n::*;

pub mod problems;
