//! Texts of the domains area (see `super::Texts`).

pub struct DomainTexts {
    /// Placeholder until the area is translated.
    pub todo: &'static str,
}
