//! The wizard's steps as a pure type: which steps a product needs and where Continue goes.

use super::{Field, Product};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Step {
    Product,
    Domain,
    Csr,
    Applicant,
    Review,
}

impl Step {
    /// The question the step asks, used as its heading and in the page title.
    pub fn title(self) -> &'static str {
        match self {
            Step::Product => "Choose a certificate",
            Step::Domain => "Which domain name should the certificate cover?",
            Step::Csr => "Paste your certificate signing request",
            Step::Applicant => "Who is applying?",
            Step::Review => "Check your order",
        }
    }

    /// A short name for the progress list.
    pub fn short(self) -> &'static str {
        match self {
            Step::Product => "Certificate",
            Step::Domain => "Domain",
            Step::Csr => "CSR",
            Step::Applicant => "Applicant",
            Step::Review => "Review",
        }
    }

    /// The fields answered on this step, in page order.
    pub fn fields(self) -> &'static [Field] {
        match self {
            Step::Product => &[Field::Product],
            Step::Domain => &[Field::Domain],
            Step::Csr => &[Field::Csr],
            Step::Applicant => &[
                Field::ApplicantName,
                Field::ApplicantPhone,
                Field::ApplicantEmail,
            ],
            Step::Review => &[Field::Agreement],
        }
    }

    /// The step on which `field` is answered.
    pub fn of_field(field: Field) -> Step {
        ALL.iter()
            .copied()
            .find(|s| s.fields().contains(&field))
            .unwrap_or(Step::Review)
    }

    /// A stable name for saving the step and for test ids.
    pub fn slug(self) -> &'static str {
        match self {
            Step::Product => "product",
            Step::Domain => "domain",
            Step::Csr => "csr",
            Step::Applicant => "applicant",
            Step::Review => "review",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Step> {
        ALL.iter().copied().find(|s| s.slug() == slug)
    }
}

const ALL: [Step; 5] = [
    Step::Product,
    Step::Domain,
    Step::Csr,
    Step::Applicant,
    Step::Review,
];

/// The steps a product needs, in order. (An organisation step for OV/EV comes with those products.)
pub fn steps_for(_product: Option<&Product>) -> Vec<Step> {
    ALL.to_vec()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dv_order_goes_product_domain_csr_applicant_review() {
        assert_eq!(steps_for(None), ALL.to_vec());
    }

    #[test]
    fn continue_and_back_move_one_step() {
        let steps = steps_for(None);
        assert_eq!(next(&steps, Step::Product), Some(Step::Domain));
        assert_eq!(next(&steps, Step::Review), None);
        assert_eq!(previous(&steps, Step::Domain), Some(Step::Product));
        assert_eq!(previous(&steps, Step::Product), None);
    }

    #[test]
    fn every_field_belongs_to_exactly_one_step() {
        for field in [
            Field::Product,
            Field::Domain,
            Field::Csr,
            Field::ApplicantName,
            Field::ApplicantPhone,
            Field::ApplicantEmail,
            Field::Agreement,
        ] {
            let owners = ALL.iter().filter(|s| s.fields().contains(&field)).count();
            assert_eq!(owners, 1, "{field:?}");
            assert!(Step::of_field(field).fields().contains(&field));
        }
    }

    #[test]
    fn a_step_round_trips_through_its_slug() {
        for step in ALL {
            assert_eq!(Step::from_slug(step.slug()), Some(step));
        }
    }
}
