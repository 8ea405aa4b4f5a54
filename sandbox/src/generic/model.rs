//! What a validated order carries: only what the answers are built from.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Dv,
    Ov,
    Ev,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Coverage {
    /// One exact name.
    Single,
    /// One `*.` name.
    Wildcard,
    /// A primary and other names, wildcards allowed.
    Multi,
}

/// How control of a name is proven (domain control validation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Dns,
    Http,
    Https,
    Email,
}

impl Method {
    pub fn wire(self) -> &'static str {
        match self {
            Self::Dns => "dns",
            Self::Http => "http",
            Self::Https => "https",
            Self::Email => "email",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name {
    /// ASCII (punycode), possibly `*.`-prefixed.
    pub name: String,
    pub method: Method,
    /// Only with [`Method::Email`].
    pub approver: Option<String>,
}

/// A validated order: the names in the order sent, the primary first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Order {
    pub names: Vec<Name>,
}
