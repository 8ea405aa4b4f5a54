//! The wizard's steps as a pure type: which steps a product needs and where Continue goes.

use super::rules::Rules;
use super::{validate_with, Catalogue, Field, FieldErrors, OrderDraft, Product};

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

impl Step {
    /// Every step, in page order.
    pub const ALL: [Step; 7] = [
        Step::Product,
        Step::Domain,
        Step::Csr,
        Step::Validation,
        Step::Contacts,
        Step::Organisation,
        Step::Review,
    ];

    /// The step on which `field` is answered.
    pub fn of_field(field: Field) -> Step {
        match field {
            Field::Product => Step::Product,
            Field::Domain | Field::OtherNames => Step::Domain,
            Field::Csr | Field::CsrSource => Step::Csr,
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
        Step::ALL.iter().copied().find(|s| s.slug() == slug)
    }
}

/// The steps a product needs, in order: a validation step only where there is a choice to
/// make, contacts only where the provider takes them, the organisation only for OV and EV.
/// Before a product is chosen, the steps every product has.
pub fn steps_for(product: Option<&Product>) -> Vec<Step> {
    Step::ALL
        .into_iter()
        .filter(|step| match (step, product) {
            (Step::Validation, Some(p)) => {
                // A choice to make: of method, or of approver address when email is the only one.
                p.methods.len() > 1
                    || (p.provider.profile().chooses_approver
                        && p.methods.first() == Some(&super::DcvMethod::Email))
                    // Or whether Huawei is to add the DNS records itself.
                    || (p.provider.profile().adds_dns_records && p.offers(super::DcvMethod::Dns))
            }
            (Step::Contacts, Some(p)) => p.provider.profile().needs_contacts(p.level),
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

/// Where a jump to `target` (the browser's Forward button, a saved step) lands: `target`
/// itself when every step before it is complete, else the first incomplete one, so no step
/// is skipped with its questions unanswered. A step the product does not have is refused.
pub fn reachable(steps: &[Step], errors: &FieldErrors, target: Step) -> Option<Step> {
    let at = steps.iter().position(|s| *s == target)?;
    let blocked = steps[..at]
        .iter()
        .copied()
        .find(|step| errors.iter().any(|e| Step::of_field(e.field) == *step));
    Some(blocked.unwrap_or(target))
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
    use crate::order::FieldProblem;

    #[test]
    fn a_jump_forward_stops_at_the_first_step_with_a_problem() {
        let steps = steps_for(None);
        let mut errors = FieldErrors::new();
        assert_eq!(reachable(&steps, &errors, Step::Review), Some(Step::Review));
        errors.push(Field::Csr, FieldProblem::Csr(crate::csr::CsrError::Empty));
        errors.push(
            Field::Org(crate::order::OrgPart::Name),
            FieldProblem::Org(crate::order::OrgError::Missing(crate::order::OrgPart::Name)),
        );
        assert_eq!(reachable(&steps, &errors, Step::Review), Some(Step::Csr));
        assert_eq!(reachable(&steps, &errors, Step::Csr), Some(Step::Csr));
        assert_eq!(reachable(&steps, &errors, Step::Domain), Some(Step::Domain));
    }

    #[test]
    fn a_jump_to_a_step_the_product_does_not_have_is_refused() {
        let dv = catalogue()
            .products
            .into_iter()
            .find(|p| p.level == crate::order::Level::Dv)
            .expect("a DV product");
        let steps = steps_for(Some(&dv));
        assert_eq!(
            reachable(&steps, &FieldErrors::new(), Step::Organisation),
            None
        );
    }

    #[test]
    fn continue_and_back_move_one_step() {
        let steps = steps_for(None);
        assert_eq!(next(&steps, Step::Product), Some(Step::Domain));
        assert_eq!(next(&steps, Step::Review), None);
        assert_eq!(previous(&steps, Step::Domain), Some(Step::Product));
        assert_eq!(previous(&steps, Step::Product), None);
    }

    use crate::order::fixtures::{catalogue, complete_draft, TODAY};
    use crate::order::{Level, OrganisationDraft};

    #[test]
    fn only_ov_and_ev_have_an_organisation_step_and_only_a_choice_makes_a_validation_step() {
        // Huawei's choices include having it add the DNS records (`auto_dns_auth`).
        for product in &catalogue().products {
            let steps = steps_for(Some(product));
            assert_eq!(steps.first(), Some(&Step::Product), "{}", product.id);
            assert_eq!(steps.last(), Some(&Step::Review), "{}", product.id);
            assert_eq!(
                steps.contains(&Step::Organisation),
                product.level != Level::Dv,
                "{}",
                product.id
            );
            assert_eq!(
                steps.contains(&Step::Validation),
                product.methods.len() > 1 || product.offers(crate::order::DcvMethod::Dns),
                "{}",
                product.id
            );
            assert!(steps.contains(&Step::Contacts), "{}", product.id);
        }
    }

    #[test]
    fn next_and_previous_walk_every_products_steps_both_ways() {
        for product in &catalogue().products {
            let steps = steps_for(Some(product));
            let mut forward = vec![Step::Product];
            while let Some(step) = forward.last().and_then(|s| next(&steps, *s)) {
                forward.push(step);
            }
            assert_eq!(forward, steps, "{}", product.id);
            let mut back = vec![Step::Review];
            while let Some(step) = back.last().and_then(|s| previous(&steps, *s)) {
                back.push(step);
            }
            back.reverse();
            assert_eq!(back, steps, "{}", product.id);
        }
    }

    #[test]
    fn a_complete_draft_can_continue_from_every_step_of_every_product() {
        let catalogue = catalogue();
        let rules = Rules::basic(TODAY);
        for product in &catalogue.products {
            let draft = complete_draft(product);
            for step in steps_for(Some(product)) {
                assert!(
                    can_continue(&draft, step, &catalogue, &rules),
                    "{} at {step:?}",
                    product.id
                );
            }
        }
    }

    #[test]
    fn a_step_with_a_problem_cannot_continue_but_the_steps_before_it_can() {
        let catalogue = catalogue();
        let rules = Rules::basic(TODAY);
        let product = catalogue.find("globalsign-ov-single").expect("product");
        let draft = OrderDraft {
            organisation: OrganisationDraft::default(),
            ..complete_draft(product)
        };
        assert!(can_continue(&draft, Step::Contacts, &catalogue, &rules));
        assert!(!can_continue(
            &draft,
            Step::Organisation,
            &catalogue,
            &rules
        ));
        let bad_domain = OrderDraft {
            domain: "not a name".into(),
            ..complete_draft(product)
        };
        assert!(!can_continue(&bad_domain, Step::Domain, &catalogue, &rules));
        assert!(can_continue(&bad_domain, Step::Product, &catalogue, &rules));
    }

    #[test]
    fn a_step_round_trips_through_its_slug() {
        for step in Step::ALL {
            assert_eq!(Step::from_slug(step.slug()), Some(step));
        }
    }
}
