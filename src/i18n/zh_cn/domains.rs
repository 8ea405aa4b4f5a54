use crate::i18n::texts::DomainTexts;

pub const DOMAINS: DomainTexts = DomainTexts { todo: "" };
