//! Texts of the submit area (see `super::Texts`).

pub struct SubmitTexts {
    /// Placeholder until the area is translated.
    pub todo: &'static str,
}
