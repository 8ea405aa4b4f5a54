//! The wizard's steps as a pure type: which steps a product needs and where Continue goes.

use super::rules::Rules;
use super::{validate_with, Catalogue, Field, OrderDraft, Product};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Step {
    Product,
    Domain,
    Csr,
    Validation,
    Contacts,
    Organisation,
    Review,
}

const ALL: [Step; 7] = [
    Step::Product,
    Step::Domain,
    Step::Csr,
    Step::Validation,
    Step::Contacts,
    Step::Organisation,
    Step::Review,
];

impl Step {
    /// The question the step asks, used as its heading and in the page title.
    pub fn title(self) -> &'static str {
        match self {
            Step::Product => "Choose a certificate",
            Step::Domain => "Which domain name should the certificate cover?",
            Step::Csr => "Paste your certificate signing request",
            Step::Validation => "How will you prove you control each name?",
            Step::Contacts => "Who is applying?",
            Step::Organisation => "Which organisation is the certificate for?",
            Step::Review => "Check your order",
        }
    }

    /// A short name for the progress list.
    pub fn short(self) -> &'static str {
        match self {
            Step::Product => "Certificate",
            Step::Domain => "Domains",
            Step::Csr => "CSR",
            Step::Validation => "Validation",
            Step::Contacts => "Contacts",
            Step::Organisation => "Organisation",
            Step::Review => "Review",
        }
    }

    /// The step on which `field` is answered.
    pub fn of_field(field: Field) -> Step {
        match field {
            Field::Product => Step::Product,
            Field::Domain | Field::OtherNames => Step::Domain,
            Field::Csr => Step::Csr,
            Field::Method(_) | Field::Approver(_) => Step::Validation,
            Field::Contact(..) => Step::Contacts,
            Field::Org(_) => Step::Organisation,
            Field::Agreement => Step::Review,
        }
    }

    /// A stable name for saving the step and for test ids.
    pub fn slug(self) -> &'static str {
        match self {
            Step::Product => "product",
            Step::Domain => "domain",
            Step::Csr => "csr",
            Step::Validation => "validation",
            Step::Contacts => "contacts",
            Step::Organisation => "organisation",
            Step::Review => "review",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Step> {
        ALL.iter().copied().find(|s| s.slug() == slug)
    }
}

/// The steps a product needs, in order: a validation step only where there is a choice to
/// make, contacts only where the provider takes them, the organisation only for OV and EV.
/// Before a product is chosen, the steps every product has.
pub fn steps_for(product: Option<&Product>) -> Vec<Step> {
    ALL.into_iter()
        .filter(|step| match (step, product) {
            (Step::Validation, Some(p)) => {
                p.methods.len() > 1
                    || (p.provider.chooses_approver() && p.methods[0] == super::DcvMethod::Email)
            }
            (Step::Contacts, Some(p)) => p.provider.needs_contacts(p.level),
            (Step::Organisation, Some(p)) => p.level.needs_organisation(),
            (Step::Validation | Step::Organisation, None) => false,
            _ => true,
        })
        .collect()
}

/// The step after `current`, if any.
pub fn next(steps: &[Step], current: Step) -> Option<Step> {
    let at = steps.iter().position(|s| *s == current)?;
    steps.get(at + 1).copied()
}

/// The step before `current`, if any.
pub fn previous(steps: &[Step], current: Step) -> Option<Step> {
    let at = steps.iter().position(|s| *s == current)?;
    at.checked_sub(1).and_then(|i| steps.get(i).copied())
}

/// Whether every answer on `step` is acceptable, so Continue may move on.
pub fn can_continue(draft: &OrderDraft, step: Step, catalogue: &Catalogue, rules: &Rules) -> bool {
    match validate_with(draft, catalogue, rules) {
        Ok(_) => true,
        Err(errors) => errors.iter().all(|e| Step::of_field(e.field) != step),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn continue_and_back_move_one_step() {
        let steps = steps_for(None);
        assert_eq!(next(&steps, Step::Product), Some(Step::Domain));
        assert_eq!(next(&steps, Step::Review), None);
        assert_eq!(previous(&steps, Step::Domain), Some(Step::Product));
        assert_eq!(previous(&steps, Step::Product), None);
    }

    #[test]
    fn a_step_round_trips_through_its_slug() {
        for step in ALL {
            assert_eq!(Step::from_slug(step.slug()), Some(step));
        }
    }
}
