//! The frame of the form (see `super::Texts::flow`).

pub struct FlowTexts {
    /// While config.json and the catalogue load.
    pub loading: &'static str,
    /// Heading when the form cannot start (bad configuration, unreadable catalogue).
    pub cannot_start: &'static str,
    pub ask_administrator: &'static str,
    /// The query string tried to change these settings (names joined by ", ").
    pub refused_settings: fn(&str) -> String,
    pub continue_button: &'static str,
    pub back: &'static str,
    pub start_over: &'static str,
    /// Asked before "Start over" forgets a paid certificate that was not applied for.
    pub confirm_start_over_paid: fn(&str) -> String,
    /// The document's title, naming the step (or what happened).
    pub page_title: fn(&str) -> String,
    /// The page title once the application was sent.
    pub application_sent_title: &'static str,
}
