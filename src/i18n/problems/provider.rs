//! The words for what the provider adapters report: failures, next steps, statuses,
//! checks and the steps a provider takes itself. What the provider said itself (its code,
//! its message, an unknown status) is shown as it came.

use crate::i18n::Texts;
use crate::providers::huawei::CertStatus;
use crate::providers::{
    Api, AutoProof, CheckState, CheckSubject, CpanelCheck, CpanelStatus, Excerpt, GenericStatus,
    GoGetSslStatus, Message, NextStep, ProviderError, Status,
};

/// Where a person can look to see whether an order went through.
pub fn where_to_check_words(api: Api, texts: &Texts) -> &'static str {
    let texts = &texts.submit;
    match api {
        Api::Huawei => texts.where_huawei,
        Api::GoGetSsl => texts.where_gogetssl,
        Api::Cpanel => texts.where_cpanel,
        Api::Generic => texts.where_generic,
    }
}

fn excerpt_words(excerpt: &Excerpt, texts: &Texts) -> String {
    excerpt
        .text()
        .unwrap_or(texts.submit.empty_body)
        .to_string()
}

/// What a failure says: the provider's own words, or what was wrong with its answer.
pub fn message_words(message: &Message, texts: &Texts) -> String {
    let submit = &texts.submit;
    match message {
        Message::Provider(said) => said.clone(),
        Message::AtField { message, field } => (submit.error_at_field)(message, field),
        // The server's message is English; the count is said in the person's language and
        // each problem's own words show beside its field.
        Message::Problems { problems, .. } => (submit.problems_found)(problems.len()),
        Message::NoMessage => submit.no_message.to_string(),
        Message::FailedSilently => submit.cpanel_failed_silently.to_string(),
        Message::Unexpected(excerpt) => (submit.unexpected_answer)(&excerpt_words(excerpt, texts)),
        Message::NoOrderId(excerpt) => (submit.no_order_id)(&excerpt_words(excerpt, texts)),
        Message::NoCertificateId(excerpt) => {
            (submit.no_certificate_id)(&excerpt_words(excerpt, texts))
        }
    }
}

/// The failure with its HTTP status and the provider's code, if it gave one.
pub fn error_words(err: &ProviderError, texts: &Texts) -> String {
    let message = message_words(&err.message, texts);
    match &err.code {
        Some(code) => (texts.submit.error_with_code)(&message, err.status, code),
        None => (texts.submit.error_without_code)(&message, err.status),
    }
}

/// What the person can do about a failure.
pub fn next_step_words(step: NextStep, texts: &Texts) -> &'static str {
    let texts = &texts.submit;
    match step {
        NextStep::WildcardCsr => texts.next_wildcard_csr,
        NextStep::AlreadyApplied => texts.next_already_applied,
        NextStep::ProxyRefusedValue => texts.next_proxy_refused_value,
        NextStep::ProxyWrongFormat => texts.next_proxy_wrong_format,
        NextStep::CorrectMarked => texts.next_correct_marked,
        NextStep::SessionExpired => texts.next_session_expired,
        NextStep::SpendingCap => texts.next_spending_cap,
        NextStep::NotTheProviders => texts.next_not_the_providers,
        NextStep::BadRequest => texts.next_400,
        NextStep::Unauthorised => texts.next_401,
        NextStep::Forbidden => texts.next_403,
        NextStep::NotFound => texts.next_404,
        NextStep::TooManyRequests => texts.next_429,
        NextStep::ServerFailure => texts.next_5xx,
        NextStep::Other => texts.next_other,
    }
}

/// An order's status in words; a value the wizard does not know is shown as it came.
pub fn status_words(status: &Status, texts: &Texts) -> String {
    let submit = &texts.submit;
    match status {
        Status::Huawei(status) => huawei_status_words(status, texts),
        Status::GoGetSsl(status) => gogetssl_status_words(*status, texts).to_string(),
        Status::Cpanel(status) => cpanel_status_words(*status, texts).to_string(),
        Status::Generic(status) => generic_status_words(*status, texts).to_string(),
        Status::Stated(words) => words.clone(),
        Status::Unknown(raw) => (submit.status_other)(raw),
    }
}

/// A Huawei certificate's status.
pub fn huawei_status_words(status: &CertStatus, texts: &Texts) -> String {
    let texts = &texts.submit;
    match status {
        CertStatus::Paid => texts.huawei_paid,
        CertStatus::Issued => texts.status_issued,
        CertStatus::Checking => texts.huawei_checking,
        CertStatus::CancelChecking => texts.huawei_cancel_checking,
        CertStatus::Unpassed => texts.huawei_unpassed,
        CertStatus::Expired => texts.status_expired,
        CertStatus::Revoking => texts.huawei_revoking,
        CertStatus::Revoked => texts.huawei_revoked,
        CertStatus::Upload => texts.huawei_upload,
        CertStatus::SupplementChecking => texts.huawei_supplement_checking,
        CertStatus::CancelSupplementing => texts.huawei_cancel_supplementing,
        CertStatus::CheckingOrg => texts.huawei_checking_org,
        CertStatus::Issuing => texts.huawei_issuing,
        CertStatus::CancelRevoking => texts.huawei_cancel_revoking,
        CertStatus::Other(raw) => return (texts.status_other)(raw),
    }
    .to_string()
}

pub fn gogetssl_status_words(status: GoGetSslStatus, texts: &Texts) -> &'static str {
    let texts = &texts.submit;
    match status {
        GoGetSslStatus::Active => texts.status_issued,
        GoGetSslStatus::Processing => texts.gogetssl_processing,
        GoGetSslStatus::Pending => texts.gogetssl_pending,
        GoGetSslStatus::NewOrder => texts.gogetssl_new_order,
        GoGetSslStatus::Reissue => texts.gogetssl_reissue,
        GoGetSslStatus::Incomplete => texts.gogetssl_incomplete,
        GoGetSslStatus::Unpaid => texts.gogetssl_unpaid,
        GoGetSslStatus::Cancelled => texts.status_cancelled,
        GoGetSslStatus::Expired => texts.status_expired,
        GoGetSslStatus::Rejected => texts.status_rejected,
    }
}

pub fn cpanel_status_words(status: CpanelStatus, texts: &Texts) -> &'static str {
    let texts = &texts.submit;
    match status {
        CpanelStatus::Issued => texts.cpanel_issued,
        CpanelStatus::NotReported => texts.cpanel_not_reported,
        CpanelStatus::Validating => texts.cpanel_validating,
    }
}

pub fn generic_status_words(status: GenericStatus, texts: &Texts) -> &'static str {
    let texts = &texts.submit;
    match status {
        GenericStatus::PendingValidation => texts.generic_pending_validation,
        GenericStatus::Processing => texts.generic_processing,
        GenericStatus::Issued => texts.status_issued,
        GenericStatus::Rejected => texts.status_rejected,
        GenericStatus::Cancelled => texts.status_cancelled,
        GenericStatus::Unknown => texts.generic_unknown,
    }
}

/// What a check is about: a name as it is, or one of cPanel's checks.
pub fn check_subject_words(subject: &CheckSubject, texts: &Texts) -> String {
    match subject {
        CheckSubject::Name(name) => name.clone(),
        CheckSubject::Cpanel(check) => cpanel_check_words(*check, texts).to_string(),
    }
}

pub fn cpanel_check_words(check: CpanelCheck, texts: &Texts) -> &'static str {
    let texts = &texts.submit;
    match check {
        CpanelCheck::Csr => texts.check_csr,
        CpanelCheck::Dcv => texts.check_dcv,
        CpanelCheck::Validation => texts.check_validation,
        CpanelCheck::Organisation => texts.check_organisation,
        CpanelCheck::Brand => texts.check_brand,
        CpanelCheck::Callback => texts.check_callback,
        CpanelCheck::EvAgreement => texts.check_ev_agreement,
    }
}

pub fn check_state_words(state: &CheckState, texts: &Texts) -> String {
    let texts = &texts.submit;
    match state {
        CheckState::Done => texts.check_done,
        CheckState::NotDone => texts.check_not_done,
        CheckState::InProgress => texts.check_in_progress,
        CheckState::SanValidated => texts.san_validated,
        CheckState::SanBeingValidated => texts.san_being_validated,
        CheckState::SanNotStarted => texts.san_not_started,
        CheckState::SanUnknown => texts.san_unknown,
        CheckState::Other(raw) => return raw.clone(),
    }
    .to_string()
}

/// How the provider proves control of a name by itself.
pub fn auto_proof_words(proof: &AutoProof, texts: &Texts) -> String {
    let texts = &texts.submit;
    match proof {
        AutoProof::HuaweiDns => texts.huawei_adds_dns,
        AutoProof::CpanelDns => texts.cpanel_adds_dns,
        AutoProof::CpanelFile => texts.cpanel_places_file,
        AutoProof::Saved(words) => return words.clone(),
    }
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::i18n::problems::check::{en, zh};

    /// Every value of `all` has words in both languages, its own in each, and English
    /// differs from Chinese.
    fn each_has_its_own_words<T: std::fmt::Debug>(all: &[T], words: impl Fn(&T, &Texts) -> String) {
        for texts in [en(), zh()] {
            let said: Vec<String> = all.iter().map(|v| words(v, texts)).collect();
            for (value, text) in all.iter().zip(&said) {
                assert!(!text.trim().is_empty(), "{value:?}");
            }
            let mut distinct = said.clone();
            distinct.sort();
            distinct.dedup();
            assert_eq!(distinct.len(), said.len(), "{said:?}");
        }
        for value in all {
            assert_ne!(words(value, en()), words(value, zh()), "{value:?}");
        }
    }

    fn refusal(status: u16, code: Option<&str>, message: Message) -> ProviderError {
        ProviderError {
            status,
            code: code.map(str::to_string),
            message,
            unreadable: false,
        }
    }

    #[test]
    fn every_api_names_where_to_check_in_both_languages() {
        each_has_its_own_words(
            &[Api::Huawei, Api::GoGetSsl, Api::Cpanel, Api::Generic],
            |api, texts| where_to_check_words(*api, texts).to_string(),
        );
        assert_eq!(
            where_to_check_words(Api::Huawei, zh()),
            "华为云控制台的证书列表"
        );
    }

    #[test]
    fn a_failure_reads_as_before_with_its_status_and_code() {
        let refused = refusal(401, Some("E1"), "refused".into());
        assert_eq!(error_words(&refused, en()), "refused (HTTP 401, E1)");
        assert_eq!(error_words(&refused, zh()), "refused（HTTP 401，E1）");
        let empty = refusal(502, None, Message::Unexpected(Excerpt::of(" ")));
        assert_eq!(
            error_words(&empty, en()),
            "Unexpected answer from the provider: an empty body (HTTP 502)"
        );
        assert!(message_words(&empty.message, zh()).contains("空响应"));
        let html = Message::Unexpected(Excerpt::of("<html>Bad gateway</html>"));
        assert_eq!(
            message_words(&html, en()),
            "Unexpected answer from the provider: <html>Bad gateway</html>"
        );
    }

    #[test]
    fn every_message_of_ours_has_words_in_both_languages() {
        let excerpt = Excerpt::of("{}");
        each_has_its_own_words(
            &[
                Message::AtField {
                    message: "Bad".into(),
                    field: "/csr".into(),
                },
                Message::NoMessage,
                Message::FailedSilently,
                Message::Unexpected(excerpt.clone()),
                Message::NoOrderId(excerpt.clone()),
                Message::NoCertificateId(excerpt),
                Message::Problems {
                    message: "The order has problems".into(),
                    problems: problems(2),
                },
            ],
            message_words,
        );
        let at = Message::AtField {
            message: "Bad".into(),
            field: "/csr".into(),
        };
        assert_eq!(message_words(&at, zh()), "Bad（位置：/csr）");
        assert_eq!(message_words(&at, en()), "Bad (at /csr)");
        assert_eq!(
            message_words(&Message::FailedSilently, zh()),
            "cPanel 报告了失败，但未说明原因"
        );
        assert_eq!(
            message_words(&Message::NoMessage, zh()),
            "服务商未提供错误信息"
        );
        assert!(
            message_words(&Message::NoCertificateId(Excerpt::of("{}")), zh())
                .starts_with("购买响应中没有可用的证书 ID：")
        );
        // The provider's own words are shown as they came, in any language.
        let own = Message::Provider("Key reused".into());
        assert_eq!(message_words(&own, zh()), "Key reused");
    }

    #[test]
    fn every_next_step_has_words_in_both_languages() {
        each_has_its_own_words(
            &[
                NextStep::WildcardCsr,
                NextStep::AlreadyApplied,
                NextStep::ProxyRefusedValue,
                NextStep::ProxyWrongFormat,
                NextStep::CorrectMarked,
                NextStep::SessionExpired,
                NextStep::SpendingCap,
                NextStep::NotTheProviders,
                NextStep::BadRequest,
                NextStep::Unauthorised,
                NextStep::Forbidden,
                NextStep::NotFound,
                NextStep::TooManyRequests,
                NextStep::ServerFailure,
                NextStep::Other,
            ],
            |step, texts| next_step_words(*step, texts).to_string(),
        );
        let wait = refusal(429, None, "slow".into()).next_step();
        assert!(next_step_words(wait, en()).contains("wait a minute"));
        assert!(next_step_words(wait, zh()).contains("请等待一分钟"));
        let wildcard = refusal(200, Some("115"), "x".into()).next_step();
        assert!(next_step_words(wildcard, en()).contains("Common Name starts with *."));
        let changed = refusal(422, Some("invalid_value"), "x".into()).next_step();
        assert!(next_step_words(changed, en()).contains("Change link"));
        let forbidden = refusal(403, Some("E1"), "x".into()).next_step();
        assert!(next_step_words(forbidden, en()).contains("permission"));
    }

    /// `n` problems of the order, as the order server answers them.
    fn problems(n: usize) -> crate::order::FieldErrors {
        use crate::order::{Field, FieldProblem};
        let mut all = crate::order::FieldErrors::new();
        for _ in 0..n {
            all.push(Field::Agreement, FieldProblem::AgreePrivacy);
        }
        all
    }

    #[test]
    fn the_order_servers_refusals_are_told_in_the_persons_language() {
        let invalid = refusal(
            422,
            Some("invalid_order"),
            Message::Problems {
                message: "The order has problems".into(),
                problems: problems(1),
            },
        );
        assert_eq!(
            error_words(&invalid, en()),
            "The order server refused one answer: it is marked beside its field (HTTP 422, invalid_order)"
        );
        assert!(message_words(&invalid.message, zh()).starts_with("订单服务器拒绝了 1 项回答"));
        let three = Message::Problems {
            message: "x".into(),
            problems: problems(3),
        };
        assert!(message_words(&three, en()).contains("refused 3 answers"));
        assert!(next_step_words(invalid.next_step(), en()).contains("marked beside their fields"));
        // An expired session: reload from the control panel, nothing typed is lost.
        let expired = refusal(401, Some("unauthorized"), "Token expired".into()).next_step();
        let said = next_step_words(expired, en());
        assert!(
            said.contains("session with the control panel has expired"),
            "{said}"
        );
        assert!(
            said.contains("reload this page from the control panel"),
            "{said}"
        );
        assert!(said.contains("Nothing you typed is lost"), "{said}");
        let said = next_step_words(expired, zh());
        assert!(
            said.contains("会话已过期") && said.contains("从控制面板重新加载"),
            "{said}"
        );
        // Another API's 401 is still about its token.
        let token = refusal(401, None, "No".into()).next_step();
        assert!(next_step_words(token, en()).contains("API token"));
        let cap = refusal(403, Some("spending_cap"), "Over cap".into()).next_step();
        assert!(next_step_words(cap, en()).contains("spending limit"));
        assert!(next_step_words(cap, zh()).contains("消费上限"));
        let limited = refusal(429, Some("rate_limited"), "Slow down".into()).next_step();
        assert!(next_step_words(limited, en()).contains("wait a minute"));
        for code in ["not_ready", "provider_unavailable"] {
            let step = refusal(503, Some(code), "Down".into()).next_step();
            assert!(
                next_step_words(step, en()).contains("wait a few minutes"),
                "{code}"
            );
        }
    }

    #[test]
    fn an_order_whose_answer_was_lost_says_not_to_order_again_in_both_languages() {
        let unknown = Status::Generic(GenericStatus::Unknown);
        let said = status_words(&unknown, en());
        for part in [
            "answer was lost after the order went out",
            "not sent again",
            "being checked",
            "Do not order again",
            "contact support with the order ID",
        ] {
            assert!(said.contains(part), "{part}: {said}");
        }
        let said = status_words(&unknown, zh());
        for part in [
            "响应丢失",
            "没有被再次发送",
            "正在核查",
            "请勿重新下单",
            "订单 ID",
        ] {
            assert!(said.contains(part), "{part}: {said}");
        }
        assert_ne!(
            said,
            status_words(&Status::Generic(GenericStatus::Issued), zh())
        );
    }

    #[test]
    fn every_known_huawei_status_has_its_own_words_in_both_languages() {
        let raw = [
            "PAID",
            "ISSUED",
            "CHECKING",
            "CANCELCHECKING",
            "UNPASSED",
            "EXPIRED",
            "REVOKING",
            "REVOKED",
            "UPLOAD",
            "SUPPLEMENTCHECKING",
            "CANCELSUPPLEMENTING",
            "CHECKING_ORG",
            "ISSUING",
            "CANCLEREVOKING",
        ];
        let known = raw.map(CertStatus::parse);
        each_has_its_own_words(&known, huawei_status_words);
        for texts in [en(), zh()] {
            for (raw, status) in raw.iter().zip(&known) {
                // Words, not the raw value shown as an unknown status.
                assert!(!huawei_status_words(status, texts).contains(raw), "{raw}");
            }
        }
        assert_eq!(
            huawei_status_words(&CertStatus::CheckingOrg, en()),
            "Being checked: the CA is verifying your organisation"
        );
        assert_eq!(
            huawei_status_words(&CertStatus::Paid, en()),
            "Paid: waiting for the application"
        );
        assert_eq!(
            huawei_status_words(&CertStatus::Issued, zh()),
            "已签发：证书已就绪"
        );
        assert_eq!(
            status_words(
                &Status::Huawei(CertStatus::Other("CHECKING_DOMAIN".into())),
                zh()
            ),
            "服务商报告的状态：CHECKING_DOMAIN"
        );
    }

    #[test]
    fn every_gogetssl_cpanel_and_generic_status_has_words_in_both_languages() {
        each_has_its_own_words(
            &[
                GoGetSslStatus::Active,
                GoGetSslStatus::Processing,
                GoGetSslStatus::Pending,
                GoGetSslStatus::NewOrder,
                GoGetSslStatus::Reissue,
                GoGetSslStatus::Incomplete,
                GoGetSslStatus::Unpaid,
                GoGetSslStatus::Cancelled,
                GoGetSslStatus::Expired,
                GoGetSslStatus::Rejected,
            ],
            |s, texts| gogetssl_status_words(*s, texts).to_string(),
        );
        each_has_its_own_words(
            &[
                CpanelStatus::Issued,
                CpanelStatus::NotReported,
                CpanelStatus::Validating,
            ],
            |s, texts| cpanel_status_words(*s, texts).to_string(),
        );
        each_has_its_own_words(
            &[
                GenericStatus::PendingValidation,
                GenericStatus::Processing,
                GenericStatus::Issued,
                GenericStatus::Rejected,
                GenericStatus::Cancelled,
                GenericStatus::Unknown,
            ],
            |s, texts| generic_status_words(*s, texts).to_string(),
        );
        assert_eq!(
            gogetssl_status_words(GoGetSslStatus::Unpaid, zh()),
            "未付款：请为您的 GoGetSSL 账户充值后继续"
        );
        assert_eq!(
            gogetssl_status_words(GoGetSslStatus::Rejected, en()),
            "Rejected by the CA"
        );
        assert_eq!(
            cpanel_status_words(CpanelStatus::Validating, zh()),
            "验证中：请查看下方各检查项"
        );
        assert_eq!(
            generic_status_words(GenericStatus::Processing, zh()),
            "CA 处理中"
        );
        assert_eq!(
            generic_status_words(GenericStatus::Processing, en()),
            "Being processed by the CA"
        );
        // The provider's words, and a value no one knows, are shown as they came.
        assert_eq!(status_words(&Status::Stated("Held".into()), zh()), "Held");
        assert!(status_words(&Status::Unknown("on_hold".into()), en()).ends_with(": on_hold"));
    }

    #[test]
    fn every_check_and_its_state_has_words_in_both_languages() {
        each_has_its_own_words(
            &[
                CpanelCheck::Csr,
                CpanelCheck::Dcv,
                CpanelCheck::Validation,
                CpanelCheck::Organisation,
                CpanelCheck::Brand,
                CpanelCheck::Callback,
                CpanelCheck::EvAgreement,
            ],
            |c, texts| check_subject_words(&CheckSubject::Cpanel(*c), texts),
        );
        each_has_its_own_words(
            &[
                CheckState::Done,
                CheckState::NotDone,
                CheckState::InProgress,
                CheckState::SanValidated,
                CheckState::SanBeingValidated,
                CheckState::SanNotStarted,
                CheckState::SanUnknown,
            ],
            check_state_words,
        );
        assert_eq!(
            check_subject_words(&CheckSubject::Cpanel(CpanelCheck::Csr), zh()),
            "证书签名请求"
        );
        assert_eq!(check_state_words(&CheckState::Done, zh()), "已完成");
        assert_eq!(
            check_subject_words(&CheckSubject::Cpanel(CpanelCheck::Csr), en()),
            "Certificate request"
        );
        assert_eq!(
            check_state_words(&CheckState::SanValidated, en()),
            "validated"
        );
        let name = CheckSubject::Name("www.example.com".into());
        assert_eq!(check_subject_words(&name, zh()), "www.example.com");
    }

    #[test]
    fn every_way_a_provider_proves_control_itself_has_words_in_both_languages() {
        each_has_its_own_words(
            &[
                AutoProof::HuaweiDns,
                AutoProof::CpanelDns,
                AutoProof::CpanelFile,
            ],
            auto_proof_words,
        );
        assert!(auto_proof_words(&AutoProof::HuaweiDns, en()).contains("nothing to create by hand"));
        let saved = AutoProof::Saved("as saved".into());
        assert_eq!(auto_proof_words(&saved, zh()), "as saved");
    }
}
