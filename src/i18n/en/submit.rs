use crate::i18n::texts::SubmitTexts;

pub const SUBMIT: SubmitTexts = SubmitTexts { todo: "" };
