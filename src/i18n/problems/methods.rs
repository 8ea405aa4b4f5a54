//! Why a name's validation method or approver address cannot be used.

use super::contact_words;
use crate::i18n::Texts;
use crate::order::MethodError;

pub fn method_words(error: &MethodError, texts: &Texts) -> String {
    let t = &texts.domains;
    match error {
        MethodError::Choose(name) => (t.choose_method)(&name.to_string()),
        MethodError::FileCannotProveWildcard(name) => {
            (t.file_cannot_prove_wildcard)(&name.to_string())
        }
        MethodError::EmailWithdrawn => t.email_withdrawn.into(),
        MethodError::ChooseApprover(name) => (t.choose_approver)(&name.to_string()),
        MethodError::ApproverNotAllowed { typed, name } => {
            (t.approver_not_allowed)(typed, &name.to_string())
        }
        MethodError::Approver(error) => contact_words(error, texts),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::problems::check::in_both_languages;
    use crate::i18n::Locale;
    use crate::order::{CertName, ContactError};

    fn name(text: &str) -> CertName {
        CertName::parse(text).expect("a name")
    }

    #[test]
    fn every_method_error_has_english_and_chinese_words() {
        in_both_languages(
            &[
                MethodError::Choose(name("example.com")),
                MethodError::FileCannotProveWildcard(name("*.example.com")),
                MethodError::EmailWithdrawn,
                MethodError::ChooseApprover(name("example.com")),
                MethodError::ApproverNotAllowed {
                    typed: "ada@example.com".into(),
                    name: name("www.example.com"),
                },
                MethodError::Approver(ContactError::EmailShape),
            ],
            method_words,
        );
    }

    #[test]
    fn the_words_name_the_name_in_each_language() {
        let (en, zh) = (Locale::En.texts(), Locale::ZhCn.texts());
        let wildcard = MethodError::FileCannotProveWildcard(name("*.example.com"));
        assert_eq!(
            method_words(&wildcard, en),
            "A file on a web server cannot prove control of the wildcard name *.example.com: choose DNS or email validation"
        );
        assert_eq!(
            method_words(&wildcard, zh),
            "网站服务器上的文件无法证明通配符域名 *.example.com 的控制权：请选择 DNS 验证或邮箱验证"
        );
        assert_eq!(
            method_words(&MethodError::ChooseApprover(name("example.com")), zh),
            "请选择 CA 审批 example.com 时发送邮件的地址"
        );
        assert_eq!(
            method_words(&MethodError::EmailWithdrawn, zh),
            "向构造地址发送邮件的验证方式已于 2028 年 3 月 15 日停用：请选择 DNS 验证或文件验证"
        );
    }
}
