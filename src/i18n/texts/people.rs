//! Texts of the people area (see `super::Texts`).

pub struct PeopleTexts {
    /// Placeholder until the area is translated.
    pub todo: &'static str,
}
