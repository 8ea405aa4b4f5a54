//! The order itself, free of I/O: what was typed, the rules it must meet, and the steps.

mod approvers;
mod contact;
mod domain_name;
mod draft;
mod errors;
mod field;
mod name_list;
mod product;
mod step;
mod validate;

pub use approvers::{
    approver_addresses, email_method_on, Day, EmailMethod, APPROVER_LOCAL_PARTS,
    EMAIL_DISCOURAGED_FROM, EMAIL_WITHDRAWN_FROM,
};
pub use contact::{ContactError, Email, PersonName, Phone};
pub use domain_name::{clean_input, Cleaned, DomainName, NameError};
pub use draft::OrderDraft;
pub use errors::{FieldError, FieldErrors};
pub use field::Field;
pub use name_list::{parse_name_list, CertName, ListEntry, NameList, WildcardName};
pub use product::{Catalogue, CatalogueError, Coverage, DcvMethod, Level, Product, Provider};
pub use step::{next, previous, steps_for, Step};
pub use validate::{validate, validate_with, Applicant, PrivacyAccepted, ValidatedOrder};
