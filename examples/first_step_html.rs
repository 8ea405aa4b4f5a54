//! Prints the first step as static HTML for index.html (scripts/split.sh writes it in at
//! build time): `cargo run --example first_step_html -- public CATALOGUE_URL [LOCALE]`, where
//! the catalogue is read from public/CATALOGUE_URL and LOCALE is config.json's `locale`, if
//! it names one. The words are the app's own start texts.

use ssl_order::i18n::Locale;
use ssl_order::order::Catalogue;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (public, url, locale) = match args.as_slice() {
        [public, url] => (public, url, None),
        [public, url, tag] => (public, url, Locale::from_tag(tag)),
        _ => {
            eprintln!("usage: first_step_html PUBLIC_DIR CATALOGUE_URL [LOCALE]");
            return ExitCode::FAILURE;
        }
    };
    if let Some(locale) = locale {
        ssl_order::i18n::set(locale);
    }
    let path = std::path::Path::new(public).join(url);
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("{}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    };
    match Catalogue::from_json(&text) {
        Ok(catalogue) => {
            println!(
                "{}",
                ssl_order::ui::static_first_step(&catalogue, url, locale.is_some())
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{}: {e:?}", path.display());
            ExitCode::FAILURE
        }
    }
}
