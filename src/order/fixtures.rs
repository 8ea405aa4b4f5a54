//! Answers the unit tests share: a catalogue, a person, an organisation and complete drafts.

use super::{
    Catalogue, ContactDraft, ContactPart, Coverage, Field, OrderDraft, OrgPart, OrganisationDraft,
    Product, Role,
};

pub const CSR: &str = include_str!("../../tests/fixtures/csr/rsa2048-san.csr");
pub const WILDCARD_CSR: &str = include_str!("../../tests/fixtures/csr/wildcard.csr");
pub const TODAY: (u16, u8, u8) = (2026, 11, 23);

/// The shipped Huawei catalogue.
pub fn catalogue() -> Catalogue {
    Catalogue::from_json(include_str!("../../public/catalog/huawei.json")).expect("valid")
}

/// The applicant, with a full name (split names and title added where a test needs them).
pub fn ada() -> ContactDraft {
    ContactDraft {
        name: "Ada Lovelace".into(),
        phone: "+44 20 7946 0958".into(),
        email: "ada@example.com".into(),
        ..ContactDraft::default()
    }
}

/// An organisation with what Huawei asks for OV and EV.
pub fn acme() -> OrganisationDraft {
    OrganisationDraft {
        name: "Acme Widgets Ltd".into(),
        city: "London".into(),
        state: "Greater London".into(),
        country: "GB".into(),
        ..OrganisationDraft::default()
    }
}

/// A complete DV single-domain draft for shop.example.com.
pub fn dv_draft() -> OrderDraft {
    OrderDraft {
        product_id: "geotrust-dv-single".into(),
        domain: "shop.example.com".into(),
        csr: CSR.into(),
        applicant: ada(),
        agree_privacy: true,
        ..OrderDraft::default()
    }
}

/// A complete draft for `product`: a wildcard name for a wildcard product, two other names
/// for a multi-domain one, and the organisation for OV and EV.
pub fn complete_draft(product: &Product) -> OrderDraft {
    let wildcard = product.coverage == Coverage::Wildcard;
    OrderDraft {
        product_id: product.id.clone(),
        domain: if wildcard {
            "*.example.com"
        } else {
            "shop.example.com"
        }
        .into(),
        csr: if wildcard { WILDCARD_CSR } else { CSR }.into(),
        other_names: "www.example.com api.example.com".into(),
        organisation: acme(),
        ..dv_draft()
    }
}

/// Every field a person types text into.
pub fn text_fields() -> Vec<Field> {
    let mut fields = vec![Field::Domain, Field::OtherNames, Field::Csr];
    for role in [Role::Applicant, Role::Tech] {
        fields.extend(ContactPart::ALL.map(|part| Field::Contact(role, part)));
    }
    fields.extend(OrgPart::ALL.map(Field::Org));
    fields
}
