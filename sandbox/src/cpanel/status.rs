//! `get_certificate_status_details`: the checks of one order item as cPanel documents them,
//! `status_details` (each `completed`, `not-completed`, `in-progress` or `not applicable`),
//! `domain_details` and `actionUrls`.

use serde_json::{json, Map, Value};

use super::order::{Item, Stage};
use super::products::Validation;

/// cPanel's documented spelling, with a space.
const NOT_APPLICABLE: &str = "not applicable";

/// The checks that need something from the person: cPanel offers a URL for each.
pub const ACTIONS: [&str; 2] = ["ovCallbackStatus", "evClickThroughStatus"];

fn progress(stage: Stage) -> &'static str {
    match stage {
        Stage::Unpaid => "not-completed",
        Stage::Validating => "in-progress",
        Stage::Issued => "completed",
    }
}

/// Checks waiting for the person stay `not-completed` until the certificate is issued.
fn awaiting_person(stage: Stage) -> &'static str {
    match stage {
        Stage::Issued => "completed",
        Stage::Unpaid | Stage::Validating => "not-completed",
    }
}

/// `status_details`: every documented check. The CSR was checked when ordering, so it is
/// complete from the start; the organisation checks apply to OV and EV, the click-through
/// agreement to EV only, and the free-DV upgrade to no product the sandbox sells.
pub fn status_details(validation: Validation, stage: Stage) -> Value {
    let organisation = validation != Validation::Dv;
    let ev = validation == Validation::Ev;
    let only = |applies: bool, value: &'static str| if applies { value } else { NOT_APPLICABLE };
    json!({
        "brandValStatus": progress(stage),
        "certificateStatus": progress(stage),
        "csrStatus": "completed",
        "dcvStatus": progress(stage),
        "evClickThroughStatus": only(ev, awaiting_person(stage)),
        "freeDVUPStatus": NOT_APPLICABLE,
        "organizationValidationStatus": only(organisation, progress(stage)),
        "ovCallbackStatus": only(organisation, awaiting_person(stage)),
        "validationStatus": progress(stage),
    })
}

/// The checks the person can speed up now, each with the URL `action_url` gives for it.
pub fn action_urls(
    validation: Validation,
    stage: Stage,
    action_url: impl Fn(&str) -> String,
) -> Map<String, Value> {
    let mut urls = Map::new();
    if stage != Stage::Validating {
        return urls;
    }
    for check in ACTIONS {
        let applies = match check {
            "evClickThroughStatus" => validation == Validation::Ev,
            _ => validation != Validation::Dv,
        };
        if applies {
            urls.insert(check.to_string(), Value::String(action_url(check)));
        }
    }
    urls
}

/// `domain_details`: each name of the item and whether it is validated.
pub fn domain_details(item: &Item, stage: Stage) -> Value {
    let status = if stage == Stage::Issued {
        "VALIDATED"
    } else {
        "NOTVALIDATED"
    };
    item.names
        .iter()
        .map(|name| json!({ "domain": name.name, "status": status }))
        .collect()
}

pub fn messages(stage: Stage) -> Option<Vec<String>> {
    match stage {
        Stage::Unpaid => Some(vec![
            "The order has not been paid: the certificate authority starts once the order is checked out."
                .to_string(),
        ]),
        Stage::Validating => Some(vec!["Certificate request is still being processed.".to_string()]),
        Stage::Issued => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn details(validation: Validation, stage: Stage) -> Value {
        status_details(validation, stage)
    }

    #[test]
    fn an_unpaid_order_has_only_its_csr_checked() {
        let value = details(Validation::Ov, Stage::Unpaid);
        assert_eq!(value["csrStatus"], "completed");
        for check in [
            "dcvStatus",
            "brandValStatus",
            "certificateStatus",
            "ovCallbackStatus",
            "validationStatus",
        ] {
            assert_eq!(value[check], "not-completed", "{check}");
        }
    }

    #[test]
    fn a_paid_order_is_validating_its_domains() {
        let value = details(Validation::Dv, Stage::Validating);
        assert_eq!(value["dcvStatus"], "in-progress");
        assert_eq!(value["validationStatus"], "in-progress");
    }

    #[test]
    fn an_issued_order_has_every_applicable_check_completed() {
        for validation in [Validation::Dv, Validation::Ov, Validation::Ev] {
            let value = details(validation, Stage::Issued);
            for (check, state) in value.as_object().unwrap() {
                assert!(
                    state == "completed" || state == NOT_APPLICABLE,
                    "{check}: {state}"
                );
            }
        }
    }

    #[test]
    fn organisation_checks_are_not_applicable_to_dv_and_the_agreement_only_to_ev() {
        let dv = details(Validation::Dv, Stage::Validating);
        for check in [
            "ovCallbackStatus",
            "organizationValidationStatus",
            "evClickThroughStatus",
            "freeDVUPStatus",
        ] {
            assert_eq!(dv[check], NOT_APPLICABLE, "{check}");
        }
        let ov = details(Validation::Ov, Stage::Validating);
        assert_eq!(ov["ovCallbackStatus"], "not-completed");
        assert_eq!(ov["evClickThroughStatus"], NOT_APPLICABLE);
        let ev = details(Validation::Ev, Stage::Validating);
        assert_eq!(ev["evClickThroughStatus"], "not-completed");
    }

    #[test]
    fn action_urls_are_offered_only_while_validating_and_where_they_apply() {
        let url = |check: &str| format!("/action/{check}");
        assert!(action_urls(Validation::Dv, Stage::Validating, url).is_empty());
        assert!(action_urls(Validation::Ev, Stage::Unpaid, url).is_empty());
        assert!(action_urls(Validation::Ev, Stage::Issued, url).is_empty());
        let ov: Vec<String> = action_urls(Validation::Ov, Stage::Validating, url)
            .keys()
            .cloned()
            .collect();
        assert_eq!(ov, ["ovCallbackStatus"]);
        let ev = action_urls(Validation::Ev, Stage::Validating, url);
        assert_eq!(ev["evClickThroughStatus"], "/action/evClickThroughStatus");
        assert_eq!(ev.len(), 2);
    }
}
