//! The order itself, free of I/O: what was typed, the rules it must meet, and the steps.

mod approvers;
mod contact;
mod contacts;
mod country;
mod dcv;
mod domain_name;
mod draft;
mod errors;
mod field;
/// Sample orders and catalogues for tests, here and in the app.
#[cfg(any(test, feature = "fixtures"))]
pub mod fixtures;
mod from_csr;
mod key_source;
mod local_text;
mod name_list;
mod organisation;
mod product;
mod public_suffix;
mod rules;
mod step;
mod validate;

pub use approvers::{
    approver_addresses, email_method_on, Day, EmailMethod, APPROVER_LOCAL_PARTS,
    EMAIL_DISCOURAGED_FROM, EMAIL_WITHDRAWN_FROM,
};
pub use contact::{ContactError, Email, PersonName, Phone};
pub use contacts::{contact_parts, Contact, ContactName, Contacts};
pub use country::{Country, CountryError, COUNTRIES};
pub use dcv::{approvers_for, chosen_method, methods_for, registered_domain, Dcv, MethodError};
pub use domain_name::{clean_input, Cleaned, DomainName, NameError, NameNote};
pub use draft::{ContactDraft, OrderDraft, OrganisationDraft};
pub use errors::{FieldError, FieldErrors, FieldProblem};
pub use field::{ContactPart, Field, OrgPart, Role};
pub use from_csr::{names_offer, organisation_offer};
pub use key_source::{CsrSource, KeyAlgorithm, KeySource};
pub use local_text::LocalText;
pub use name_list::{
    parse_name_list, read_name, CertName, ListEntry, NameList, ReadName, WildcardName,
};
pub use organisation::{org_need, Duns, Lei, Need, OrgError, Organisation};
pub use product::{
    cents, Catalogue, CatalogueError, CatalogueRules, Coverage, DcvMethod, Level, NameLimits,
    Product, ProductError, Provider, ProviderProfile, UnitPrice, Validity,
};
pub use public_suffix::PublicSuffixList;
pub use rules::{Rules, ToAscii};
pub use step::{can_continue, next, previous, reachable, steps_for, Step};
pub use validate::{
    validate, validate_with, OrderName, PrivacyAccepted, ValidatedOrder, Validation,
};
