//! The submission's failures and busy messages in words (`ssl_order_core::submission`).

use super::super::Texts;
use crate::providers::Api;
use ssl_order_core::submission::{Busy, Doing, Failure, Lost};

/// A failure as the review page shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FailureWords {
    pub summary: String,
    pub detail: String,
    pub next_step: String,
}

/// Why the submission stopped, and what the person can do.
pub fn failure_words(failure: &Failure, texts: &Texts) -> FailureWords {
    let words = &texts.submit;
    let (summary, detail, next_step) = match failure {
        Failure::EarlierInDoubt { api } => (
            (words.check_earlier_first)(noun(*api, texts)),
            words.earlier_no_answer.to_string(),
            (words.look_then_tick)(super::provider::where_to_check_words(*api, texts)),
        ),
        Failure::NoAnswer { api, lost } => (
            (words.not_confirmed)(noun(*api, texts)),
            lost_words(lost, texts),
            (words.may_have_received)(super::provider::where_to_check_words(*api, texts)),
        ),
        Failure::NoAnswerKeyKept { lost } => (
            (words.not_confirmed)(noun(Api::Generic, texts)),
            lost_words(lost, texts),
            words.same_key.to_string(),
        ),
        Failure::Refused { error, .. } => (
            words.not_accepted.to_string(),
            super::provider::error_words(error, texts),
            super::provider::next_step_words(error.next_step(), texts).to_string(),
        ),
        Failure::NotSold { error } => (
            words.not_sold.to_string(),
            super::provider::error_words(error, texts),
            super::provider::next_step_words(error.next_step(), texts).to_string(),
        ),
        Failure::InDoubt { api, error } => (
            (words.not_confirmed)(noun(*api, texts)),
            super::provider::error_words(error, texts),
            (words.may_still_have_placed)(
                super::provider::next_step_words(error.next_step(), texts),
                super::provider::where_to_check_words(*api, texts),
            ),
        ),
        Failure::InDoubtKeyKept { error } => (
            (words.not_confirmed)(noun(Api::Generic, texts)),
            super::provider::error_words(error, texts),
            words.same_key.to_string(),
        ),
        Failure::StillInProgress => (
            words.still_in_progress.to_string(),
            words.still_in_progress_why.to_string(),
            words.still_in_progress_next.to_string(),
        ),
        Failure::NoKey => (
            words.no_key_summary.to_string(),
            words.no_key_detail.to_string(),
            words.no_key_next.to_string(),
        ),
        Failure::SavedIdInvalid { id } => (
            words.saved_id_invalid.to_string(),
            (words.saved_id_why)(id),
            words.saved_id_next.to_string(),
        ),
        Failure::ApplyRefused { cert, error } => (
            (words.apply_refused)(cert.as_str()),
            super::provider::error_words(error, texts),
            super::provider::next_step_words(error.next_step(), texts).to_string(),
        ),
        Failure::ApplyNoAnswer { cert, lost } => (
            (words.apply_not_sent)(cert.as_str()),
            lost_words(lost, texts),
            words.apply_again.to_string(),
        ),
    };
    FailureWords {
        summary,
        detail,
        next_step,
    }
}

/// A request that got no answer.
pub fn lost_words(lost: &Lost, texts: &Texts) -> String {
    match lost {
        Lost::TimedOut(ms) => (texts.submit.timed_out)(ms / 1000),
        Lost::Unreachable(detail) => (texts.submit.unreachable)(detail),
    }
}

/// What a request in flight is doing; from the first retry on, that it is being retried.
pub fn busy_words(busy: &Busy, texts: &Texts) -> String {
    let words = &texts.submit;
    let doing = match busy.doing {
        Doing::Buying => words.buying,
        Doing::Applying => words.applying,
        Doing::Placing => words.placing,
    };
    if busy.waiting {
        return (words.waiting_for_first)(doing);
    }
    match busy.attempt {
        0 => doing.to_string(),
        retry => (words.retrying)(doing, retry + 1, crate::retry::MAX_RETRIES + 1),
    }
}

/// What the first request does: Huawei's buys a certificate, the others place an order.
fn noun(api: Api, texts: &Texts) -> &'static str {
    match api {
        Api::Huawei => texts.submit.noun_purchase,
        Api::GoGetSsl | Api::Cpanel | Api::Generic => texts.submit.noun_order,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{set, Locale};
    use crate::providers::huawei::CertId;
    use crate::providers::ProviderError;

    fn error(status: u16) -> ProviderError {
        ProviderError {
            status,
            code: None,
            message: "down".into(),
            unreadable: false,
        }
    }

    /// One failure of every kind.
    fn every_failure() -> Vec<Failure> {
        let cert = CertId::parse("scs1481110651012").expect("id");
        let lost = Lost::TimedOut(30_000);
        vec![
            Failure::EarlierInDoubt { api: Api::Huawei },
            Failure::NoAnswer {
                api: Api::GoGetSsl,
                lost: lost.clone(),
            },
            Failure::NoAnswerKeyKept { lost: lost.clone() },
            Failure::Refused {
                api: Api::Cpanel,
                error: error(400),
            },
            Failure::NotSold { error: error(400) },
            Failure::InDoubt {
                api: Api::Generic,
                error: error(503),
            },
            Failure::InDoubtKeyKept { error: error(503) },
            Failure::StillInProgress,
            Failure::NoKey,
            Failure::SavedIdInvalid { id: "x".into() },
            Failure::ApplyRefused {
                cert: cert.clone(),
                error: error(400),
            },
            Failure::ApplyNoAnswer { cert, lost },
        ]
    }

    fn words_in(locale: Locale, failure: &Failure) -> FailureWords {
        // The provider's own error still reads the current language.
        set(locale);
        failure_words(failure, locale.texts())
    }

    #[test]
    fn every_failure_has_its_own_english_and_chinese_words() {
        for failure in &every_failure() {
            let en = words_in(Locale::En, failure);
            let zh = words_in(Locale::ZhCn, failure);
            for (en, zh) in [
                (&en.summary, &zh.summary),
                (&en.detail, &zh.detail),
                (&en.next_step, &zh.next_step),
            ] {
                assert!(!en.is_empty() && !zh.is_empty(), "{failure:?}");
                assert_ne!(en, zh, "{failure:?}");
            }
        }
        set(Locale::En);
    }

    #[test]
    fn failures_are_told_in_the_language_asked_for() {
        let lost = Lost::TimedOut(30_000);
        let huawei = words_in(
            Locale::ZhCn,
            &Failure::NoAnswer {
                api: Api::Huawei,
                lost: lost.clone(),
            },
        );
        assert_eq!(huawei.summary, "无法确认购买是否成功");
        assert_eq!(huawei.detail, "服务商未在 30 秒内响应");
        assert!(huawei.next_step.contains("华为云控制台的证书列表"));
        let doubtful = words_in(
            Locale::ZhCn,
            &Failure::InDoubt {
                api: Api::GoGetSsl,
                error: error(503),
            },
        );
        assert_eq!(doubtful.summary, "无法确认订单是否成功");
        assert!(doubtful.next_step.ends_with("再重试。"));
        let kept = words_in(Locale::En, &Failure::NoAnswerKeyKept { lost });
        assert_eq!(kept.summary, "We could not confirm the order");
        assert!(kept
            .next_step
            .starts_with("Nothing you typed is lost. Submit again"));
    }

    #[test]
    fn a_retry_says_which_attempt_it_is() {
        let texts = Locale::En.texts();
        let first = Busy {
            doing: Doing::Placing,
            attempt: 0,
            waiting: false,
        };
        assert_eq!(busy_words(&first, texts), "Placing the order…");
        let second = busy_words(
            &Busy {
                doing: Doing::Applying,
                attempt: 1,
                waiting: false,
            },
            texts,
        );
        assert!(
            second.starts_with("Applying for the certificate…"),
            "{second}"
        );
        assert!(second.contains("attempt 2 of 3"), "{second}");
        for doing in [Doing::Buying, Doing::Applying, Doing::Placing] {
            let busy = Busy {
                doing,
                attempt: 0,
                waiting: false,
            };
            assert_ne!(
                busy_words(&busy, Locale::En.texts()),
                busy_words(&busy, Locale::ZhCn.texts())
            );
        }
    }

    #[test]
    fn waiting_for_an_earlier_attempt_says_so_and_what_to_do_if_it_takes_too_long() {
        let waiting = Busy {
            doing: Doing::Placing,
            attempt: 0,
            waiting: true,
        };
        let en = busy_words(&waiting, Locale::En.texts());
        assert!(en.starts_with("Placing the order…"), "{en}");
        assert!(en.contains("still working on an earlier attempt"), "{en}");
        let zh = busy_words(&waiting, Locale::ZhCn.texts());
        assert!(zh.contains("仍在处理之前的一次提交"), "{zh}");
        let stopped = words_in(Locale::En, &Failure::StillInProgress);
        assert_eq!(stopped.summary, "The order is still being placed");
        assert!(stopped.next_step.contains("the same order key is sent"));
        set(Locale::En);
    }
}
