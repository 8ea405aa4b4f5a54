//! What the person has typed so far, as typed: the only order state that is saved.

use serde::{Deserialize, Serialize};

/// Raw answers, edited by the inputs and saved as they change. Holds no secret.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct OrderDraft {
    pub product_id: String,
    pub domain: String,
    pub csr: String,
    pub applicant_name: String,
    pub applicant_phone: String,
    pub applicant_email: String,
    pub agree_privacy: bool,
}
