//! Benchmark figure: native time to validate a multi-domain draft with 250 names (target
//! under 1 ms), and to read the Public Suffix List. Prints figures; asserts nothing.
//!
//!   cargo run --release -p ssl-order-core --example validate_bench

use ssl_order_core::order::{
    validate, Catalogue, ContactDraft, OrderDraft, OrganisationDraft, PublicSuffixList, Rules,
};
use std::hint::black_box;
use std::time::{Duration, Instant};

const PSL: &str = include_str!("../../public/data/public-suffix-icann.dat");

/// A GoGetSSL-style multi-domain product that takes 250 names (Huawei stops at 100).
const CATALOGUE: &str = r#"{"provider":"gogetssl","products":[{"id":"multi-250",
    "name":"Multi-domain 250","brand":"Sectigo","cert_type":"multi","level":"OV",
    "domain_type":"MULTI_DOMAIN","months":12,"names":{"included":3,"max":250},
    "wildcard_names":true,"validation_methods":["DNS","HTTP","HTTPS","EMAIL"]}]}"#;

fn idn(host: &str) -> Option<String> {
    idna::domain_to_ascii(host).ok()
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    let samples = (0..runs)
        .map(|_| {
            let start = Instant::now();
            black_box(f());
            start.elapsed()
        })
        .collect();
    median(samples)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // The refusal is data (its words are the app's): shown as it is.
    let catalogue = Catalogue::from_json(CATALOGUE).map_err(|e| format!("{e:?}"))?;
    let product = &catalogue.products[0];
    // 249 others besides the primary: exact names, wildcards and internationalised names.
    let others: Vec<String> = (1..250)
        .map(|i| match i % 5 {
            0 => format!("*.team{i}.example.com"),
            1 => format!("bücher{i}.example.de"),
            _ => format!("host{i}.example.co.uk"),
        })
        .collect();
    let contact = ContactDraft {
        first_name: "Ada".into(),
        last_name: "Lovelace".into(),
        title: "Engineer".into(),
        phone: "+44 20 7946 0958".into(),
        // GoGetSSL asks for a fax on OV orders.
        fax: "+44 20 7946 0999".into(),
        email: "ada@example.com".into(),
        ..ContactDraft::default()
    };
    let draft = OrderDraft {
        product_id: product.id.clone(),
        domain: "shop.example.com".into(),
        other_names: others.join("\n"),
        csr: include_str!("../../tests/fixtures/csr/rsa2048-san.csr").into(),
        method: "dns".into(),
        applicant: contact,
        organisation: OrganisationDraft {
            name: "Acme Widgets Ltd".into(),
            unit: "Web Services".into(),
            street: "1 High Street".into(),
            city: "London".into(),
            state: "London".into(),
            postal_code: "EC1A 1BB".into(),
            country: "GB".into(),
            phone: "+44 20 7946 0958".into(),
            ..OrganisationDraft::default()
        },
        agree_privacy: true,
        ..OrderDraft::default()
    };
    let suffixes = PublicSuffixList::parse(PSL);
    let rules = Rules::basic((2026, 11, 23))
        .with_suffixes(&suffixes)
        .with_idn(idn);
    let order = validate(&draft, product, &rules).map_err(|e| format!("{e:?}"))?;
    assert_eq!(order.names().count(), 250);

    let runs = 201;
    let validate_time = time(runs, || validate(&draft, product, &rules));
    let psl_time = time(21, || PublicSuffixList::parse(PSL));
    for (name, text) in [
        (
            "RSA-4096",
            include_str!("../../tests/fixtures/csr/rsa4096-full-subject.csr"),
        ),
        (
            "P-256",
            include_str!("../../tests/fixtures/csr/p256-no-san.csr"),
        ),
    ] {
        let parse = time(runs, || ssl_order_core::csr::check(text, 5120));
        println!(
            "parse and check a {name} CSR (native, median of {runs}): {:.3} ms (target < 2 ms)",
            parse.as_secs_f64() * 1e3
        );
    }
    println!("validate a 250-name multi-domain draft (native, median of {runs}): {:.3} ms (target < 1 ms)",
        validate_time.as_secs_f64() * 1e3);
    println!(
        "read the Public Suffix List ({} rules, native, median of 21): {:.3} ms",
        suffixes.len(),
        psl_time.as_secs_f64() * 1e3
    );
    Ok(())
}
