//! When a request may be sent again by itself: the policy, kept apart from the network code
//! so it is tested natively.
//!
//! Only requests that are safe to repeat are retried: one with an idempotency key, an
//! application for a certificate already paid for, a dry run, a status check. Ordering
//! from an API without an idempotency key is never repeated blindly (see `crate::submission`).

/// At most this many retries after the first attempt.
pub const MAX_RETRIES: u32 = 2;

/// What came back from one attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attempt {
    /// No HTTP answer: the connection failed or the time ran out.
    NoAnswer,
    Answered(u16),
}

/// Whether an attempt's outcome is worth another try: no answer, or a server-side failure.
/// Every 4xx, 429 included, is the provider's verdict on the request and is shown instead.
pub fn worth_retrying(attempt: Attempt) -> bool {
    match attempt {
        Attempt::NoAnswer => true,
        Attempt::Answered(status) => (500..600).contains(&status),
    }
}

/// The wait before retry number `retry` (1-based): 0.5 s, then 1.5 s.
pub fn backoff_ms(retry: u32) -> u32 {
    500u32.saturating_mul(3u32.saturating_pow(retry.saturating_sub(1)))
}

/// Whether attempt number `attempt` (0-based) with this outcome is followed by another.
pub fn again(attempt: u32, outcome: Attempt) -> bool {
    attempt < MAX_RETRIES && worth_retrying(outcome)
}

/// How many times the wizard waits for a first attempt the order server is still working on
/// (409 `idempotency_in_progress`) before it stops and leaves the next try to the person.
pub const IN_PROGRESS_WAITS: u32 = 8;

/// The wait before asking again after the `wait`th (1-based) "still in progress": 1 s, 2 s,
/// 4 s, then 8 s each; 47 s in all, longer than an order server's call to its provider.
pub fn in_progress_wait_ms(wait: u32) -> u32 {
    1_000u32.saturating_mul(2u32.saturating_pow(wait.saturating_sub(1).min(3)))
}

/// What one status check came to, as far as the schedule of the next is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Checked {
    /// The status can still change by itself: check again.
    Pending,
    /// A final status (issued, rejected, cancelled…): nothing more will change.
    Final,
    /// The provider refused the check itself (a 4xx, or its own error shape): asking again
    /// would get the same answer, so checking stops until the person asks.
    Refused,
    /// No answer, a 5xx, a 429 or an answer that could not be read: try again, later.
    Failed,
}

/// The longest wait between two status checks, unless the first is set longer.
pub const POLL_CAP_MS: u32 = 60_000;

/// The wait before the next status check, or None when checking stops. The first wait is
/// `first_ms` (`poll_seconds`); each later one is half as long again, up to a minute, as
/// the README's Configuration says. Failures follow the same growing schedule, so a
/// provider in trouble is asked less and less often.
pub fn next_poll(first_ms: u32, previous_ms: Option<u32>, checked: Checked) -> Option<u32> {
    match checked {
        Checked::Final | Checked::Refused => None,
        Checked::Pending | Checked::Failed => Some(match previous_ms {
            None => first_ms,
            Some(previous) => previous
                .saturating_add(previous / 2)
                .min(POLL_CAP_MS.max(first_ms)),
        }),
    }
}

/// How a failed status check counts: a 5xx, a 429 or an answer that cannot be read is
/// passing trouble; any other 4xx, or a refusal in the provider's own shape, is a verdict
/// on the check itself (an unknown order, a token refused) that asking again won't change.
pub fn checked_after_error(status: u16, unreadable: bool) -> Checked {
    match status {
        429 | 500..=599 => Checked::Failed,
        400..=499 => Checked::Refused,
        _ if unreadable => Checked::Failed,
        _ => Checked::Refused,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The waits of `n` checks in a row that all came to `checked`.
    fn waits(first_ms: u32, checked: Checked, n: usize) -> Vec<u32> {
        let mut previous = None;
        let mut all = Vec::new();
        for _ in 0..n {
            let Some(wait) = next_poll(first_ms, previous, checked) else {
                break;
            };
            all.push(wait);
            previous = Some(wait);
        }
        all
    }

    #[test]
    fn status_checks_wait_poll_seconds_then_half_as_long_again_up_to_a_minute() {
        assert_eq!(
            waits(5_000, Checked::Pending, 10),
            [5_000, 7_500, 11_250, 16_875, 25_312, 37_968, 56_952, 60_000, 60_000, 60_000]
        );
    }

    #[test]
    fn lost_answers_and_server_errors_back_off_on_the_same_schedule() {
        assert_eq!(
            waits(2_000, Checked::Failed, 4),
            [2_000, 3_000, 4_500, 6_750]
        );
        assert_eq!(checked_after_error(500, false), Checked::Failed);
        assert_eq!(checked_after_error(503, false), Checked::Failed);
        assert_eq!(checked_after_error(429, false), Checked::Failed);
        // A gateway's HTML page in a 200.
        assert_eq!(checked_after_error(200, true), Checked::Failed);
        assert_eq!(checked_after_error(502, true), Checked::Failed);
    }

    #[test]
    fn checking_stops_at_a_final_status_or_a_refusal() {
        assert_eq!(next_poll(5_000, None, Checked::Final), None);
        assert_eq!(next_poll(5_000, Some(7_500), Checked::Final), None);
        assert_eq!(next_poll(5_000, Some(7_500), Checked::Refused), None);
        for status in [400, 401, 403, 404, 410, 422] {
            assert_eq!(
                checked_after_error(status, false),
                Checked::Refused,
                "{status}"
            );
        }
        // A gateway's own 404 page says as much as the provider's.
        assert_eq!(checked_after_error(404, true), Checked::Refused);
        // GoGetSSL's refusals come in an HTTP 200.
        assert_eq!(checked_after_error(200, false), Checked::Refused);
    }

    #[test]
    fn a_first_wait_longer_than_a_minute_is_kept() {
        assert_eq!(waits(120_000, Checked::Pending, 3), [120_000; 3]);
    }

    #[test]
    fn no_answer_and_server_errors_are_retried() {
        for outcome in [
            Attempt::NoAnswer,
            Attempt::Answered(500),
            Attempt::Answered(502),
            Attempt::Answered(503),
            Attempt::Answered(504),
        ] {
            assert!(worth_retrying(outcome), "{outcome:?}");
        }
    }

    #[test]
    fn answers_and_client_errors_are_never_retried() {
        for status in [200, 201, 301, 400, 401, 403, 404, 409, 422, 429] {
            assert!(!worth_retrying(Attempt::Answered(status)), "{status}");
        }
    }

    #[test]
    fn at_most_two_retries_follow_the_first_attempt() {
        assert!(again(0, Attempt::NoAnswer));
        assert!(again(1, Attempt::Answered(503)));
        assert!(!again(2, Attempt::NoAnswer));
        assert!(!again(0, Attempt::Answered(400)));
    }

    #[test]
    fn a_first_attempt_in_progress_is_waited_for_growing_then_steady() {
        let waits: Vec<u32> = (1..=IN_PROGRESS_WAITS).map(in_progress_wait_ms).collect();
        assert_eq!(
            waits,
            [1_000, 2_000, 4_000, 8_000, 8_000, 8_000, 8_000, 8_000]
        );
        assert_eq!(in_progress_wait_ms(u32::MAX), 8_000);
    }

    #[test]
    fn the_wait_grows_between_retries() {
        assert_eq!(backoff_ms(1), 500);
        assert_eq!(backoff_ms(2), 1500);
        assert!(backoff_ms(40) >= backoff_ms(2));
    }
}
