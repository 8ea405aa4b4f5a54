//! Orders for the order server's tests, made the way the wizard makes them: a draft for a
//! product of the shipped catalogue, validated by the core, written in the generic format.

use std::path::PathBuf;

use ssl_order_core::order::{validate_with, Catalogue, ContactDraft, OrderDraft, Rules};
use ssl_order_core::providers::generic::order_json;

/// The repository's `public/`: the shipped catalogues, config and suffix list.
pub fn public_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../public")
}

pub fn catalogue(provider: &str) -> Catalogue {
    let path = public_dir().join(format!("catalog/{provider}.json"));
    let text = std::fs::read_to_string(&path).expect("a shipped catalogue");
    Catalogue::from_json(&text).expect("a catalogue the app accepts")
}

fn person() -> ContactDraft {
    ContactDraft {
        name: "Ada Lovelace".into(),
        first_name: "Ada".into(),
        last_name: "Lovelace".into(),
        title: "Engineer".into(),
        phone: "+44 20 7946 0000".into(),
        fax: String::new(),
        email: "ada@example.com".into(),
    }
}

/// The single-name DV order of `provider`'s catalogue for www.example.com, by DNS, as JSON.
pub fn dv_order(provider: &str) -> String {
    let catalogue = catalogue(provider);
    let product = catalogue
        .products
        .iter()
        .find(|p| {
            p.level == ssl_order_core::order::Level::Dv
                && p.coverage == ssl_order_core::order::Coverage::Single
        })
        .expect("a DV single-name product");
    let draft = OrderDraft {
        product_id: product.id.clone(),
        domain: "www.example.com".into(),
        csr: include_str!("../fixtures/www.example.com.csr").into(),
        csr_source: "paste".into(),
        method: "dns".into(),
        applicant: person(),
        agree_privacy: true,
        ..OrderDraft::default()
    };
    let rules = Rules {
        provider_api: false,
        ..Rules::basic((2026, 12, 4))
    };
    let order = validate_with(&draft, &catalogue, &rules)
        .unwrap_or_else(|e| panic!("{provider}: the wizard would refuse this order: {e:?}"));
    order_json(&order)
}

pub fn new_key() -> String {
    uuid::Uuid::new_v4().to_string()
}
