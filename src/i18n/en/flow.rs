use crate::i18n::texts::FlowTexts;

pub const FLOW: FlowTexts = FlowTexts {
    loading: "Loading the order form…",
    cannot_start: "The order form could not start",
    ask_administrator: "Ask the site's administrator to check the configuration.",
    refused_settings: |names| {
        format!("This page's address tried to change {names} for this form. That was ignored: your order goes only where this site is set up to send it.")
    },
    continue_button: "Continue",
    back: "Back",
    start_over: "Start over",
    confirm_start_over_paid: |cert| {
        format!("Certificate {cert} is paid for but not yet applied for. Starting over forgets it here (it stays in your provider account). Start over?")
    },
    page_title: |step| format!("{step} – Order an SSL certificate"),
    application_sent_title: "Application sent",
};
