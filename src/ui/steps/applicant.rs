use crate::order::{Field, Step};
use crate::ui::fields::{Kind, TextField};
use leptos::prelude::*;

/// The person the CA may contact about this application.
#[component]
pub fn ApplicantStep() -> impl IntoView {
    view! {
        <h1 class="heading" id="step-heading" tabindex="-1">{Step::Applicant.title()}</h1>
        <p class="body">"The certificate authority may contact this person about the application."</p>
        <TextField field=Field::ApplicantName get=|d| d.applicant_name.clone()
            set=|d, v| d.applicant_name = v autocomplete="name" />
        <TextField field=Field::ApplicantPhone get=|d| d.applicant_phone.clone()
            set=|d, v| d.applicant_phone = v kind=Kind::Tel autocomplete="tel"
            hint="With the country code, like +44 20 7946 0958." />
        <TextField field=Field::ApplicantEmail get=|d| d.applicant_email.clone()
            set=|d, v| d.applicant_email = v kind=Kind::Email autocomplete="email" />
    }
}
