//! Every problem found in a draft, each tied to the field it belongs to.

use super::{Field, Step};

/// One problem with one field: what is wrong and how to put it right, in one message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: Field,
    pub message: String,
}

/// All problems found, in the order the fields appear on the page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldErrors(Vec<FieldError>);

impl FieldErrors {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push(&mut self, field: Field, message: impl Into<String>) {
        self.0.push(FieldError {
            field,
            message: message.into(),
        });
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

    /// The message for one field, if it has one (the first, when there are several).
    pub fn for_field(&self, field: Field) -> Option<&str> {
        self.0
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.as_str())
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

    /// Every message for one field, for fields that can have several (a list of names).
    pub fn all_for(&self, field: Field) -> Vec<&str> {
        self.0
            .iter()
            .filter(|e| e.field == field)
            .map(|e| e.message.as_str())
            .collect()
    }

    /// Stores `result`'s value, or records its error against `field`.
    pub fn collect<T, E: std::fmt::Display>(
        &mut self,
        field: Field,
        result: Result<T, E>,
    ) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(err) => {
                self.push(field, err.to_string());
                None
            }
        }
    }
}
