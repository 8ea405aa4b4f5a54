//! Answers the unit tests share: a catalogue, a person, an organisation and complete drafts.

use super::{
    Catalogue, ContactDraft, ContactPart, Coverage, DcvMethod, Field, OrderDraft, OrgPart,
    OrganisationDraft, Product, Role,
};

pub const CSR: &str = include_str!("../../../tests/fixtures/csr/rsa2048-san.csr");
pub const WILDCARD_CSR: &str = include_str!("../../../tests/fixtures/csr/wildcard.csr");
pub const TODAY: (u16, u8, u8) = (2026, 11, 23);

/// The shipped Huawei catalogue.
pub fn catalogue() -> Catalogue {
    Catalogue::from_json(include_str!("../../../public/catalog/huawei.json")).expect("valid")
}

/// A GoGetSSL multi-domain DV product of 2 to 250 names (3 included), offering `methods`.
pub fn gogetssl_multi(wildcards: bool, methods: Vec<DcvMethod>) -> Product {
    Product {
        id: "g".into(),
        name: "G".into(),
        description: Default::default(),
        provider: super::Provider::GoGetSsl,
        brand: "Sectigo".into(),
        type_code: "71".into(),
        level: super::Level::Dv,
        coverage: Coverage::Multi { wildcards },
        validity: super::Validity::Months(12),
        names: super::NameLimits {
            included: 3,
            min: 2,
            max: 250,
        },
        methods,
        price: None,
        unit_price: None,
    }
}

/// The applicant, with a full name (split names and title added where a test needs them).
pub fn ada() -> ContactDraft {
    ContactDraft {
        name: "Ada Lovelace".into(),
        phone: "+44 20 7946 0958".into(),
        // A number of its own, so a test can tell it from the phone; asked by GoGetSSL OV.
        fax: "+44 20 7946 0999".into(),
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

pub const MULTI_CSR: &str = include_str!("../../../tests/fixtures/csr/multi.csr");

/// The shipped catalogue of each provider.
pub fn catalogues() -> Vec<Catalogue> {
    [
        include_str!("../../../public/catalog/huawei.json"),
        include_str!("../../../public/catalog/gogetssl.json"),
        include_str!("../../../public/catalog/cpanel.json"),
    ]
    .into_iter()
    .map(|json| Catalogue::from_json(json).expect("valid"))
    .collect()
}

/// The Public Suffix List the app ships.
pub fn suffixes() -> super::PublicSuffixList {
    super::PublicSuffixList::parse(include_str!("../../../public/data/public-suffix-icann.dat"))
}

/// A draft every provider accepts for `product` with `method` for every name (DNS for a
/// wildcard name when `method` cannot prove one): split names, a job title, a separate
/// technical contact and the whole organisation, so no provider lacks an answer.
pub fn scenario_draft(product: &Product, method: DcvMethod) -> OrderDraft {
    let wildcard = product.coverage == Coverage::Wildcard;
    let mut others: Vec<&str> = Vec::new();
    if product.is_multi() {
        others.extend(["www.example.com", "api.example.com"]);
        // One method for the whole certificate (Huawei) must prove every name.
        let one_method = !product.provider.profile().method_per_name;
        if product.coverage.allows_wildcards() && (!one_method || method.works_for_wildcards()) {
            others.push("*.api.example.com");
        }
    }
    let primary = if wildcard {
        "*.example.com"
    } else {
        "shop.example.com"
    };
    let mut draft = OrderDraft {
        product_id: product.id.clone(),
        domain: primary.into(),
        other_names: others.join("\n"),
        csr: if wildcard { WILDCARD_CSR } else { MULTI_CSR }.into(),
        method: method.slug().into(),
        applicant: ContactDraft {
            first_name: "Ada".into(),
            last_name: "Lovelace".into(),
            title: "Director".into(),
            ..ada()
        },
        tech_differs: true,
        tech: ContactDraft {
            name: "Charles Babbage".into(),
            first_name: "Charles".into(),
            last_name: "Babbage".into(),
            title: "Engineer".into(),
            phone: "+44 20 7946 0959".into(),
            fax: String::new(),
            email: "charles@example.com".into(),
        },
        organisation: OrganisationDraft {
            unit: "Web Services".into(),
            street: "1 Example Street".into(),
            postal_code: "SW1A 1AA".into(),
            phone: "+44 20 7946 0000".into(),
            duns: "15-048-3782".into(),
            ..acme()
        },
        agree_privacy: true,
        ..OrderDraft::default()
    };
    for name in std::iter::once(primary).chain(others) {
        let wildcard_name = name.starts_with("*.");
        let own = if wildcard_name && !method.works_for_wildcards() {
            DcvMethod::Dns
        } else {
            method
        };
        draft.methods.insert(name.into(), own.slug().into());
        if own == DcvMethod::Email {
            draft
                .approvers
                .insert(name.into(), "admin@example.com".into());
        }
    }
    draft
}

/// Every (product, method) pair the shipped catalogues offer, validated into an order.
pub fn scenarios() -> Vec<super::ValidatedOrder> {
    let list = suffixes();
    let rules = super::Rules::basic(TODAY).with_suffixes(&list);
    let mut orders = Vec::new();
    for catalogue in catalogues() {
        for product in &catalogue.products {
            for method in &product.methods {
                let draft = scenario_draft(product, *method);
                match super::validate(&draft, product, &rules) {
                    Ok(order) => orders.push(order),
                    Err(errors) => panic!("{} {method:?}: {errors:?}", product.id),
                }
            }
        }
    }
    orders
}

/// The scenario order for `product_id` of `provider`'s shipped catalogue, validated.
pub fn scenario_order(
    provider: super::Provider,
    product_id: &str,
    method: DcvMethod,
) -> super::ValidatedOrder {
    let catalogue = catalogues()
        .into_iter()
        .find(|c| c.provider == provider)
        .expect("shipped");
    let product = catalogue.find(product_id).expect("product");
    let list = suffixes();
    super::validate(
        &scenario_draft(product, method),
        product,
        &super::Rules::basic(TODAY).with_suffixes(&list),
    )
    .expect("valid")
}
