use crate::i18n::texts::CsrTexts;

pub const CSR: CsrTexts = CsrTexts { todo: "" };
