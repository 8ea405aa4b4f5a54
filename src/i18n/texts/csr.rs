//! Texts of the csr area (see `super::Texts`).

pub struct CsrTexts {
    /// Placeholder until the area is translated.
    pub todo: &'static str,
}
