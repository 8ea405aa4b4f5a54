use crate::i18n::texts::PeopleTexts;

pub const PEOPLE: PeopleTexts = PeopleTexts { todo: "" };
