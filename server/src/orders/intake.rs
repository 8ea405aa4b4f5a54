//! An order as the browser sent it (the generic format, `public/schema/order-v1.schema.json`)
//! turned back into the draft the core validates, so the server applies the wizard's own
//! rules and never trusts the browser's word that an order is valid.

use serde::Deserialize;
use ssl_order_core::order::{
    cents, validate_with, Catalogue, ContactDraft, Field, FieldErrors, FieldProblem, Level,
    OrderDraft, OrganisationDraft, Product, PublicSuffixList, Rules, ValidatedOrder,
};

use super::signature;

/// The format's shape. Unknown properties are refused, as the schema's
/// `additionalProperties: false` says.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GenericOrder {
    pub format: String,
    pub product: ProductClaim,
    pub names: Vec<NameEntry>,
    pub csr: String,
    pub contacts: Option<ContactsEntry>,
    pub organisation: Option<OrganisationEntry>,
    pub agree_privacy: bool,
}

/// What the browser says it orders; checked against the server's own catalogue.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProductClaim {
    pub id: String,
    pub provider: String,
    pub code: String,
    pub brand: String,
    pub level: String,
    pub coverage: String,
    pub validity_months: u16,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NameEntry {
    pub name: String,
    pub unicode: Option<String>,
    pub primary: bool,
    pub method: String,
    pub approver: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContactsEntry {
    pub applicant: ContactEntry,
    pub technical: Option<ContactEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContactEntry {
    pub full_name: String,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub title: Option<String>,
    pub email: String,
    pub phone: String,
    pub fax: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrganisationEntry {
    pub name: String,
    pub unit: Option<String>,
    pub street: Option<String>,
    pub city: String,
    pub state: Option<String>,
    pub postal_code: Option<String>,
    pub country: String,
    pub phone: Option<String>,
    pub duns: Option<String>,
    pub lei: Option<String>,
}

/// Why a body is not an order of the format at all (before any rule of the order is checked).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    /// Not JSON.
    Json(String),
    /// JSON, but not of the format's shape: what serde said, and where.
    Shape { pointer: String, message: String },
}

/// Reads a body as the generic format.
pub fn read(body: &[u8]) -> Result<GenericOrder, Unreadable> {
    let value: serde_json::Value =
        serde_json::from_slice(body).map_err(|e| Unreadable::Json(e.to_string()))?;
    let order: GenericOrder = serde_json::from_value(value).map_err(|e| Unreadable::Shape {
        pointer: String::new(),
        message: e.to_string(),
    })?;
    if order.format != ssl_order_core::providers::generic::FORMAT {
        return Err(Unreadable::Shape {
            pointer: "/format".into(),
            message: format!(
                "format must be {:?}",
                ssl_order_core::providers::generic::FORMAT
            ),
        });
    }
    match order.names.iter().filter(|n| n.primary).count() {
        1 if order.names.first().is_some_and(|n| n.primary) => Ok(order),
        _ => Err(Unreadable::Shape {
            pointer: "/names".into(),
            message: "the first name, and only the first, must be the primary".into(),
        }),
    }
}

fn text(value: &Option<String>) -> String {
    value.clone().unwrap_or_default()
}

fn contact_draft(entry: &ContactEntry) -> ContactDraft {
    ContactDraft {
        name: entry.full_name.clone(),
        first_name: text(&entry.first_name),
        last_name: text(&entry.last_name),
        title: text(&entry.title),
        phone: entry.phone.clone(),
        fax: text(&entry.fax),
        email: entry.email.clone(),
    }
}

/// The draft a person would have typed to send this order: the core's validation then
/// applies exactly the wizard's rules to it.
pub fn to_draft(order: &GenericOrder) -> OrderDraft {
    let mut draft = OrderDraft {
        product_id: order.product.id.clone(),
        csr: order.csr.clone(),
        csr_source: ssl_order_core::order::CsrSource::Paste.slug().to_string(),
        agree_privacy: order.agree_privacy,
        ..OrderDraft::default()
    };
    let mut others = Vec::new();
    for (i, entry) in order.names.iter().enumerate() {
        if i == 0 {
            draft.domain = entry.name.clone();
            draft.method = entry.method.clone();
        } else {
            others.push(entry.name.clone());
        }
        draft
            .methods
            .insert(entry.name.to_ascii_lowercase(), entry.method.clone());
        if let Some(approver) = &entry.approver {
            draft
                .approvers
                .insert(entry.name.to_ascii_lowercase(), approver.clone());
        }
    }
    draft.other_names = others.join("\n");
    if let Some(contacts) = &order.contacts {
        draft.applicant = contact_draft(&contacts.applicant);
        if let Some(tech) = &contacts.technical {
            draft.tech_differs = true;
            draft.tech = contact_draft(tech);
        }
    }
    if let Some(org) = &order.organisation {
        draft.organisation = OrganisationDraft {
            name: org.name.clone(),
            unit: text(&org.unit),
            street: text(&org.street),
            city: org.city.clone(),
            state: text(&org.state),
            postal_code: text(&org.postal_code),
            country: org.country.clone(),
            phone: text(&org.phone),
            duns: text(&org.duns),
            lei: text(&org.lei),
        };
    }
    draft
}

/// An order the server will place: checked by the core, matched to the catalogue, its CSR's
/// signature verified.
#[derive(Debug)]
pub struct Accepted {
    pub order: ValidatedOrder,
    /// What it costs in cents of the catalogue's currency, where the catalogue says.
    pub price_cents: Option<u64>,
}

/// What the server knows that validation takes from outside the order.
pub struct Facts<'a> {
    pub catalogue: &'a Catalogue,
    pub suffixes: Option<&'a PublicSuffixList>,
    pub today: (u16, u8, u8),
}

/// Validates the order with the core, then checks what the browser claims of the product
/// against the server's catalogue and the CSR's own signature. Every problem is data.
pub fn accept(order: &GenericOrder, facts: &Facts<'_>) -> Result<Accepted, FieldErrors> {
    let rules = Rules {
        suffixes: facts.suffixes,
        to_ascii: None,
        today: facts.today,
        // The generic format carries a CSR and each name's method, nothing provider-specific.
        provider_api: false,
    };
    let validated = validate_with(&to_draft(order), facts.catalogue, &rules)?;
    let mut errors = FieldErrors::new();
    if !claim_matches(&order.product, &validated.product) {
        // The browser's catalogue is not the server's (an old page, or a forged order).
        errors.push(Field::Product, FieldProblem::ChooseProduct);
    }
    if let Some(csr) = validated.csr.csr() {
        if let Err(problem) = signature::check(csr) {
            errors.push(Field::Csr, FieldProblem::Csr(problem));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let price_cents = price_cents(&validated);
    Ok(Accepted {
        order: validated,
        price_cents,
    })
}

fn level_name(level: Level) -> &'static str {
    match level {
        Level::Dv => "DV",
        Level::Ov => "OV",
        Level::Ev => "EV",
    }
}

fn coverage_name(product: &Product) -> &'static str {
    match product.coverage {
        ssl_order_core::order::Coverage::Single => "single",
        ssl_order_core::order::Coverage::Wildcard => "wildcard",
        ssl_order_core::order::Coverage::Multi { .. } => "multi",
    }
}

/// The product the browser names is the one the server sells under that ID: same code,
/// brand, level, coverage and validity.
fn claim_matches(claim: &ProductClaim, product: &Product) -> bool {
    claim.code == product.type_code
        && claim.brand == product.brand
        && claim.level == level_name(product.level)
        && claim.coverage == coverage_name(product)
        && claim.validity_months == product.validity.months()
}

/// The order's price in cents: by the name where the catalogue prices names (cPanel), else
/// the first amount of the catalogue's price text (`EUR 8.00 a year`) times the years bought.
pub fn price_cents(order: &ValidatedOrder) -> Option<u64> {
    let product = &order.product;
    if let Some(unit) = product.unit_price {
        let wildcards = order.names().filter(|n| n.name.is_wildcard()).count();
        let exact = order.names().count() - wildcards;
        return Some(unit.total(exact, wildcards));
    }
    let text = product.price.as_deref()?;
    let amount = u64::from(text.split_whitespace().find_map(cents)?);
    let years = u64::from(product.validity.months()).div_ceil(12).max(1);
    Some(amount.saturating_mul(years))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ssl_order_core::order::fixtures::scenarios;
    use ssl_order_core::providers::generic::order_json;

    fn catalogue_of(order: &ValidatedOrder) -> Catalogue {
        Catalogue {
            provider: order.product.provider,
            products: vec![order.product.clone()],
        }
    }

    fn facts(catalogue: &Catalogue) -> Facts<'_> {
        Facts {
            catalogue,
            suffixes: None,
            today: (2026, 12, 4),
        }
    }

    #[test]
    fn every_order_the_wizard_sends_is_read_back_and_accepted() {
        for sent in scenarios() {
            let json = order_json(&sent);
            let order = read(json.as_bytes()).expect("the format");
            let catalogue = catalogue_of(&sent);
            let accepted = accept(&order, &facts(&catalogue))
                .unwrap_or_else(|e| panic!("{}: {e:?}", sent.product.id));
            assert_eq!(
                accepted.order.names().count(),
                sent.names().count(),
                "{}",
                sent.product.id
            );
            // Built again from what the server accepted, the order is the one sent.
            assert_eq!(order_json(&accepted.order), json, "{}", sent.product.id);
        }
    }

    #[test]
    fn a_name_the_core_refuses_is_a_problem_at_its_field() {
        let sent = scenarios().remove(0);
        let json = order_json(&sent).replace(
            &format!("\"name\": \"{}\"", sent.primary.name),
            "\"name\": \"bad_name..example\"",
        );
        let order = read(json.as_bytes()).expect("the format");
        let catalogue = catalogue_of(&sent);
        let errors = accept(&order, &facts(&catalogue)).expect_err("refused");
        assert!(
            errors.iter().any(|e| e.field == Field::Domain),
            "{errors:?}"
        );
    }

    #[test]
    fn a_product_claim_that_is_not_the_catalogues_is_refused() {
        let sent = scenarios().remove(0);
        let json = order_json(&sent);
        let mut value: serde_json::Value = serde_json::from_str(&json).expect("json");
        value["product"]["validity_months"] = serde_json::json!(24);
        let order = read(value.to_string().as_bytes()).expect("the format");
        let catalogue = catalogue_of(&sent);
        let errors = accept(&order, &facts(&catalogue)).expect_err("refused");
        assert!(errors
            .iter()
            .any(|e| e.field == Field::Product && e.problem == FieldProblem::ChooseProduct));
    }

    #[test]
    fn a_product_the_server_does_not_sell_is_refused() {
        let sent = scenarios().remove(0);
        let order = read(order_json(&sent).as_bytes()).expect("the format");
        let empty = Catalogue {
            provider: sent.product.provider,
            products: Vec::new(),
        };
        let errors = accept(&order, &facts(&empty)).expect_err("refused");
        assert!(errors.iter().any(|e| e.field == Field::Product));
    }

    #[test]
    fn bodies_that_are_not_the_format_are_told_apart() {
        assert!(matches!(read(b"{not json"), Err(Unreadable::Json(_))));
        assert!(matches!(read(b"[]"), Err(Unreadable::Shape { .. })));
        let sent = scenarios().remove(0);
        let json = order_json(&sent);
        let extra = json.replacen('{', "{\"extra\": 1,", 1);
        assert!(matches!(
            read(extra.as_bytes()),
            Err(Unreadable::Shape { .. })
        ));
        let other_format = json.replace("ssl-order/1", "ssl-order/2");
        assert_eq!(
            read(other_format.as_bytes()).err(),
            Some(Unreadable::Shape {
                pointer: "/format".into(),
                message: "format must be \"ssl-order/1\"".into()
            })
        );
    }

    #[test]
    fn an_orders_price_is_the_catalogues_amount_times_the_years() {
        let mut order = scenarios().remove(0);
        order.product.unit_price = None;
        order.product.price = Some("EUR 8.50 a year".into());
        order.product.validity = ssl_order_core::order::Validity::Months(24);
        assert_eq!(price_cents(&order), Some(1700));
        order.product.price = Some("on request".into());
        assert_eq!(price_cents(&order), None);
    }
}
