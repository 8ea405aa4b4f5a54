//! The audit trail: who did what to which order, the provider's ids, the outcome, the time
//! taken. Never a body, a token, a query string or a secret.

use super::id::OrderId;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    pub order: Option<OrderId>,
    pub customer: String,
    /// "reserve", "buy", "apply", "order", "status", "refused", ...
    pub action: String,
    pub outcome: String,
    pub provider_ids: Option<String>,
    pub http_status: Option<u16>,
    pub elapsed_ms: i64,
    pub at_ms: i64,
}

/// The longest text an audit field keeps: an outcome is a line, not a body.
pub const MAX_TEXT: usize = 300;

/// What is written for an audit text: query strings (GoGetSSL's `auth_key` travels in one,
/// and an HTTP client's error names the whole URL) and PEM blocks (a CSR, or worse a key)
/// are replaced by `[redacted]`, and the text is cut at [`MAX_TEXT`] characters.
pub fn scrub(text: &str) -> String {
    let text = without_pem(text);
    let mut out = String::with_capacity(text.len().min(MAX_TEXT));
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        out.push(c);
        // A '?' followed by more than a space or the end starts a query string.
        let starts_query = c == '?' && chars.peek().is_some_and(|next| !ends_query(*next));
        if starts_query {
            while chars.next_if(|next| !ends_query(*next)).is_some() {}
            out.push_str("[redacted]");
        }
    }
    match out.char_indices().nth(MAX_TEXT) {
        Some((cut, _)) => {
            out.truncate(cut);
            out.push('…');
            out
        }
        None => out,
    }
}

fn ends_query(c: char) -> bool {
    c.is_whitespace() || matches!(c, ')' | '"' | '\'' | '>' | ']' | ',' | ';')
}

fn without_pem(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(begin) = rest.find("-----BEGIN") {
        out.push_str(&rest[..begin]);
        out.push_str("[redacted]");
        let after = &rest[begin..];
        // The block ends after the dashes closing its END line; an unclosed block runs to
        // the end of the text.
        rest = match after.find("-----END") {
            Some(end) => {
                let tail = &after[end + "-----END".len()..];
                match tail.find("-----") {
                    Some(close) => &tail[close + "-----".len()..],
                    None => "",
                }
            }
            None => "",
        };
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_query_string_is_redacted_and_the_path_kept() {
        let said = "error sending request for url (https://my.gogetssl.com/api/orders/add_ssl_order/?auth_key=0123secret&x=1): timed out";
        let scrubbed = scrub(said);
        assert!(!scrubbed.contains("0123secret"), "{scrubbed}");
        assert_eq!(
            scrubbed,
            "error sending request for url (https://my.gogetssl.com/api/orders/add_ssl_order/?[redacted]): timed out"
        );
    }

    #[test]
    fn a_question_in_words_is_left_alone() {
        assert_eq!(scrub("refused? yes"), "refused? yes");
        assert_eq!(scrub("why?"), "why?");
    }

    #[test]
    fn a_pem_block_is_redacted() {
        let said = "bad csr -----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST----- end";
        assert_eq!(scrub(said), "bad csr [redacted] end");
        assert_eq!(scrub("-----BEGIN PRIVATE KEY-----\nMIIE"), "[redacted]");
    }

    #[test]
    fn a_long_text_is_cut() {
        let long = "é".repeat(MAX_TEXT + 50);
        let scrubbed = scrub(&long);
        assert_eq!(scrubbed.chars().count(), MAX_TEXT + 1);
        assert!(scrubbed.ends_with('…'));
        assert_eq!(scrub(&"a".repeat(MAX_TEXT)), "a".repeat(MAX_TEXT));
    }
}
