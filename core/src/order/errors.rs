//! Every problem found in a draft, each tied to the field it belongs to. Problems are data:
//! the app puts them into words in the language of the moment.

use super::contact::ContactError;
use super::country::CountryError;
use super::dcv::MethodError;
use super::domain_name::NameError;
use super::field::{ContactPart, Role};
use super::organisation::OrgError;
use super::{Field, OrderDraft, Step};
use crate::csr::CsrError;

/// What is wrong with one answer, with what the words need to say how to put it right.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum FieldProblem {
    /// No product chosen, or one the catalogue no longer lists.
    ChooseProduct,
    /// The primary name.
    Name(NameError),
    /// One entry of the other names: as typed, and why it is not a name.
    OtherName {
        typed: String,
        error: NameError,
    },
    /// A wildcard among the other names of a product that covers none.
    OtherNameWildcard(String),
    /// Fewer names in all than the product's minimum.
    TooFewNames {
        min: u16,
        max: u16,
    },
    /// More names in all (`entered`) than the product's maximum.
    TooManyNames {
        max: u16,
        entered: usize,
    },
    /// How the CSR is provided was not chosen.
    ChooseCsrSource,
    /// The provider's own key pair was chosen where it is not offered.
    ProviderKeyNotOffered,
    /// "Generate it here" was chosen but nothing was generated yet.
    GenerateFirst,
    Csr(CsrError),
    Method(MethodError),
    /// A contact's answer left empty.
    EnterContact(Role, ContactPart),
    /// A contact's answer (or the organisation's phone) that cannot be used.
    Contact(ContactError),
    Org(OrgError),
    Country(CountryError),
    /// The privacy statement was not accepted.
    AgreePrivacy,
}

/// One problem with one field.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FieldError {
    pub field: Field,
    pub problem: FieldProblem,
}

/// All problems found, in the order the fields appear on the page.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FieldErrors(Vec<FieldError>);

impl FieldErrors {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push(&mut self, field: Field, problem: FieldProblem) {
        self.0.push(FieldError { field, problem });
    }

    /// Adds every error of `other` after these.
    pub fn append(&mut self, mut other: FieldErrors) {
        self.0.append(&mut other.0);
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn iter(&self) -> impl Iterator<Item = &FieldError> {
        self.0.iter()
    }

    /// The problem of one field, if it has one (the first, when there are several).
    pub fn for_field(&self, field: Field) -> Option<&FieldProblem> {
        self.0.iter().find(|e| e.field == field).map(|e| &e.problem)
    }

    /// Only the errors of these fields.
    pub fn only(&self, fields: &[Field]) -> FieldErrors {
        FieldErrors(
            self.0
                .iter()
                .filter(|e| fields.contains(&e.field))
                .cloned()
                .collect(),
        )
    }

    /// Puts the errors in the order of their steps, keeping the order within a step.
    pub fn sort_by_page_order(&mut self) {
        self.0.sort_by_key(|e| Step::of_field(e.field) as u8);
    }

    /// Keeps only the errors of the fields answered on `step`.
    pub fn on_step(&self, step: Step) -> FieldErrors {
        FieldErrors(
            self.0
                .iter()
                .filter(|e| Step::of_field(e.field) == step)
                .cloned()
                .collect(),
        )
    }

    /// Every problem of one field, for fields that can have several (a list of names).
    pub fn all_for(&self, field: Field) -> Vec<&FieldProblem> {
        self.0
            .iter()
            .filter(|e| e.field == field)
            .map(|e| &e.problem)
            .collect()
    }

    /// The problems found in `refused` (by the order server) that still stand in `now`:
    /// those of the answers not changed since.
    pub fn still_standing(&self, refused: &OrderDraft, now: &OrderDraft) -> FieldErrors {
        FieldErrors(
            self.0
                .iter()
                .filter(|e| refused.same_answer(now, e.field))
                .cloned()
                .collect(),
        )
    }

    /// Adds the errors of `other` not already here, and puts all in page order.
    pub fn merge(&mut self, other: &FieldErrors) {
        for error in other.iter() {
            if !self.0.contains(error) {
                self.0.push(error.clone());
            }
        }
        self.sort_by_page_order();
    }

    /// Stores `result`'s value, or records its problem against `field`.
    pub fn collect<T>(&mut self, field: Field, result: Result<T, FieldProblem>) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(problem) => {
                self.push(field, problem);
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_travel_as_json_and_come_back_the_same() {
        // The order server answers refused orders with these, and the app reads them back.
        let mut errors = FieldErrors::new();
        errors.push(Field::Domain, FieldProblem::Name(NameError::Empty));
        errors.push(
            Field::OtherNames,
            FieldProblem::TooManyNames { max: 3, entered: 5 },
        );
        errors.push(
            Field::Contact(Role::Applicant, ContactPart::Email),
            FieldProblem::EnterContact(Role::Applicant, ContactPart::Email),
        );
        let json = serde_json::to_string(&errors).expect("serialises");
        let back: FieldErrors = serde_json::from_str(&json).expect("reads back");
        assert_eq!(back, errors);
    }

    #[test]
    fn a_refused_answer_stands_until_it_is_changed() {
        use super::super::field::OrgPart;
        let refused = OrderDraft {
            domain: "bad..example.com".into(),
            product_id: "p1".into(),
            ..OrderDraft::default()
        };
        let mut errors = FieldErrors::new();
        errors.push(Field::Domain, FieldProblem::Name(NameError::Empty));
        errors.push(Field::Product, FieldProblem::ChooseProduct);
        errors.push(Field::Method(0), FieldProblem::AgreePrivacy);
        errors.push(Field::Org(OrgPart::City), FieldProblem::AgreePrivacy);
        errors.push(Field::Agreement, FieldProblem::AgreePrivacy);
        assert_eq!(errors.still_standing(&refused, &refused), errors);
        let mut now = refused.clone();
        now.domain = "good.example.com".into();
        now.agree_privacy = true;
        let fields: Vec<Field> = errors
            .still_standing(&refused, &now)
            .iter()
            .map(|e| e.field)
            .collect();
        // The names changed: the methods, tied to them by index, go too.
        assert_eq!(fields, [Field::Product, Field::Org(OrgPart::City)]);
        now.organisation.city = "Paris".into();
        now.product_id = "p2".into();
        assert!(errors.still_standing(&refused, &now).is_empty());
    }

    #[test]
    fn merging_adds_what_is_new_in_page_order() {
        let mut mine = FieldErrors::new();
        mine.push(Field::Agreement, FieldProblem::AgreePrivacy);
        let mut theirs = FieldErrors::new();
        theirs.push(Field::Agreement, FieldProblem::AgreePrivacy);
        theirs.push(Field::Domain, FieldProblem::Name(NameError::Empty));
        mine.merge(&theirs);
        let fields: Vec<Field> = mine.iter().map(|e| e.field).collect();
        assert_eq!(fields, [Field::Domain, Field::Agreement]);
    }

    #[test]
    fn a_name_from_the_wire_is_checked_like_a_typed_one() {
        use crate::order::DomainName;
        let good: DomainName = serde_json::from_str("\"www.example.com\"").expect("a name");
        assert_eq!(good.to_string(), "www.example.com");
        assert!(serde_json::from_str::<DomainName>("\"not a name\"").is_err());
        assert!(serde_json::from_str::<DomainName>("\"-bad-.example\"").is_err());
    }

    #[test]
    fn a_field_with_several_problems_gives_the_first_and_all_in_order() {
        let mut errors = FieldErrors::new();
        errors.push(
            Field::OtherNames,
            FieldProblem::OtherNameWildcard("*.a.com".into()),
        );
        errors.push(Field::Agreement, FieldProblem::AgreePrivacy);
        errors.push(
            Field::OtherNames,
            FieldProblem::TooFewNames { min: 2, max: 100 },
        );
        assert_eq!(
            errors.for_field(Field::OtherNames),
            Some(&FieldProblem::OtherNameWildcard("*.a.com".into()))
        );
        assert_eq!(errors.all_for(Field::OtherNames).len(), 2);
        assert_eq!(errors.for_field(Field::Csr), None);
    }

    #[test]
    fn sorting_puts_the_steps_in_page_order_and_keeps_the_order_within_one() {
        let mut errors = FieldErrors::new();
        errors.push(Field::Agreement, FieldProblem::AgreePrivacy);
        errors.push(Field::Csr, FieldProblem::Csr(CsrError::BadSignature));
        errors.push(Field::Product, FieldProblem::ChooseProduct);
        errors.sort_by_page_order();
        let fields: Vec<Field> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, [Field::Product, Field::Csr, Field::Agreement]);
    }
}
