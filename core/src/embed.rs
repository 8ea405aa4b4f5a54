//! The iframe protocol, as pure functions: which messages are accepted from the host page,
//! what an `init` message may carry, and the messages the wizard sends back. The browser
//! glue is `ui::frame`. Documented in the README ("Embedding in an iframe").

use crate::order::OrderDraft;
use serde_json::{json, Map, Value};

/// Tells the host which protocol this is; a host ignores messages without it.
pub const SOURCE: &str = "ssl-order";
pub const VERSION: u32 = 1;

/// Whether a message from `origin` may be read: only exact origins config.json lists.
pub fn allowed(origin: &str, parent_origins: &[String]) -> bool {
    !origin.is_empty() && origin != "null" && parent_origins.iter().any(|o| o == origin)
}

/// What an `init` message asked for. `Debug` is by hand: it would print the token.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Init {
    pub token: Option<String>,
    pub domains: Vec<String>,
    pub contact: Vec<(String, String)>,
    /// CSS custom properties (`--so-…`) and their values, checked.
    pub theme: Vec<(String, String)>,
    pub locale: Option<String>,
    /// Where the order goes (`provider`, `endpoint`, `catalogue`), as given; applied only
    /// where config.json's `allow_init` lists the setting (`Config::with_init`).
    pub settings: Map<String, Value>,
}

impl std::fmt::Debug for Init {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let Init {
            token,
            domains,
            contact,
            theme,
            locale,
            settings,
        } = self;
        f.debug_struct("Init")
            .field("token", &token.as_ref().map(|_| crate::providers::REDACTED))
            .field("domains", domains)
            .field("contact", contact)
            .field("theme", theme)
            .field("locale", locale)
            .field("settings", settings)
            .finish()
    }
}

/// Reads an `init` message; anything else (another script's message, another type) is None.
pub fn parse_init(data: &Value) -> Option<Init> {
    if data.get("type")?.as_str()? != "init" {
        return None;
    }
    let text = |v: &Value| v.as_str().map(str::trim).map(str::to_string);
    let mut init = Init {
        token: data.get("token").and_then(text).filter(|t| !t.is_empty()),
        locale: data.get("locale").and_then(text),
        ..Init::default()
    };
    if let Some(prefill) = data.get("prefill") {
        init.domains = prefill
            .get("domains")
            .and_then(Value::as_array)
            .map(|names| {
                names
                    .iter()
                    .filter_map(text)
                    .filter(|n| !n.is_empty())
                    .collect()
            })
            .unwrap_or_default();
        if let Some(Value::Object(contact)) = prefill.get("contact") {
            init.contact = contact
                .iter()
                .filter(|(key, _)| CONTACT_KEYS.contains(&key.as_str()))
                .filter_map(|(key, value)| Some((key.clone(), text(value)?)))
                .collect();
        }
    }
    for key in crate::config::INIT_SETTABLE {
        if let Some(value) = data.get(key).and_then(text).filter(|v| !v.is_empty()) {
            init.settings.insert(key.to_string(), Value::from(value));
        }
    }
    if let Some(Value::Object(theme)) = data.get("theme") {
        init.theme = theme
            .iter()
            .filter_map(|(key, value)| {
                let value = value.as_str()?;
                theme_value_ok(key, value).then(|| (key.clone(), value.to_string()))
            })
            .collect();
    }
    Some(init)
}

const CONTACT_KEYS: [&str; 6] = ["name", "first_name", "last_name", "title", "phone", "email"];

/// A custom property of the form's own, with a value that cannot end the declaration or
/// load anything (no `;`, braces, `url(` or `@`).
fn theme_value_ok(key: &str, value: &str) -> bool {
    key.starts_with("--so-")
        && key[5..].chars().all(|c| c.is_ascii_lowercase() || c == '-')
        && value.len() <= 200
        && !value.contains([';', '{', '}', '<', '>', '@', '\\'])
        && !value.to_ascii_lowercase().contains("url(")
}

/// Fills the draft's empty answers from the host's prefill; what was typed is kept.
pub fn prefill(draft: &mut OrderDraft, init: &Init) {
    if let Some((first, rest)) = init.domains.split_first() {
        if draft.domain.is_empty() {
            draft.domain = first.clone();
        }
        if draft.other_names.is_empty() && !rest.is_empty() {
            draft.other_names = rest.join("\n");
        }
    }
    let contact = &mut draft.applicant;
    for (key, value) in &init.contact {
        let slot = match key.as_str() {
            "name" => &mut contact.name,
            "first_name" => &mut contact.first_name,
            "last_name" => &mut contact.last_name,
            "title" => &mut contact.title,
            "phone" => &mut contact.phone,
            _ => &mut contact.email,
        };
        if slot.is_empty() {
            *slot = value.clone();
        }
    }
}

/// A message for the host: `{"source":"ssl-order","version":1,"type":…, …fields}`.
pub fn message(kind: &str, fields: Value) -> Value {
    let mut out = Map::new();
    out.insert("source".into(), json!(SOURCE));
    out.insert("version".into(), json!(VERSION));
    out.insert("type".into(), json!(kind));
    if let Value::Object(fields) = fields {
        out.extend(fields);
    }
    Value::Object(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_output_never_shows_the_token() {
        let init = parse_init(&serde_json::json!({
            "type": "init", "token": "init-secret-123",
            "prefill": {"domains": ["a.example.com"]}
        }))
        .expect("an init message");
        assert_eq!(init.token.as_deref(), Some("init-secret-123"));
        let shown = format!("{init:?}");
        assert!(!shown.contains("init-secret"), "{shown}");
        assert!(shown.contains("a.example.com"), "{shown}");
    }

    #[test]
    fn only_listed_origins_are_heard() {
        let listed = vec!["https://panel.example".to_string()];
        assert!(allowed("https://panel.example", &listed));
        assert!(!allowed("https://panel.example.evil", &listed));
        assert!(!allowed("http://panel.example", &listed));
        assert!(!allowed("null", &["null".to_string()]));
        assert!(!allowed("https://panel.example", &[]));
    }

    #[test]
    fn an_init_message_gives_token_prefill_theme_and_locale() {
        let data = json!({
            "type": "init", "token": "t-123", "locale": "zh-CN",
            "prefill": {"domains": ["shop.example.com", " www.example.com ", ""],
                        "contact": {"email": "ada@example.com", "password": "x"}},
            "theme": {"--so-button": "#8a2be2", "--so-link": "red;background:url(x)", "color": "red"}
        });
        let init = parse_init(&data).expect("an init");
        assert_eq!(init.token.as_deref(), Some("t-123"));
        assert_eq!(init.locale.as_deref(), Some("zh-CN"));
        assert!(init.settings.is_empty());
        assert_eq!(init.domains, ["shop.example.com", "www.example.com"]);
        assert_eq!(
            init.contact,
            [("email".to_string(), "ada@example.com".to_string())]
        );
        assert_eq!(
            init.theme,
            [("--so-button".to_string(), "#8a2be2".to_string())]
        );
    }

    #[test]
    fn an_init_message_names_where_the_order_goes_as_text_only() {
        let data = json!({"type": "init", "endpoint": " sandbox/huawei ", "provider": 3,
                          "catalogue": "", "token_url": "x"});
        let init = parse_init(&data).expect("an init");
        assert_eq!(init.settings.len(), 1);
        assert_eq!(init.settings["endpoint"], "sandbox/huawei");
    }

    #[test]
    fn other_messages_are_not_an_init() {
        assert_eq!(parse_init(&json!({"type": "resize"})), None);
        assert_eq!(parse_init(&json!("init")), None);
    }

    #[test]
    fn prefill_fills_only_what_is_empty() {
        let mut draft = OrderDraft {
            domain: "typed.example.com".into(),
            ..OrderDraft::default()
        };
        let init = Init {
            domains: vec![
                "shop.example.com".into(),
                "www.example.com".into(),
                "api.example.com".into(),
            ],
            contact: vec![("email".into(), "ada@example.com".into())],
            ..Init::default()
        };
        prefill(&mut draft, &init);
        assert_eq!(draft.domain, "typed.example.com");
        assert_eq!(draft.other_names, "www.example.com\napi.example.com");
        assert_eq!(draft.applicant.email, "ada@example.com");
    }

    #[test]
    fn messages_carry_the_protocol_name_and_version() {
        let sent = message("step-changed", json!({"step": "domains"}));
        assert_eq!(sent["source"], "ssl-order");
        assert_eq!(sent["version"], 1);
        assert_eq!(sent["type"], "step-changed");
        assert_eq!(sent["step"], "domains");
    }
}
