//! When a request may be sent again by itself: the policy, kept apart from the network code
//! so it is tested natively.
//!
//! Only requests that are safe to repeat are retried: one with an idempotency key, an
//! application for a certificate already paid for, a dry run, a status check. Ordering
//! from an API without an idempotency key is never repeated blindly (see `ui::submit`).

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

#[cfg(test)]
mod tests {
    use super::*;

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
    fn the_wait_grows_between_retries() {
        assert_eq!(backoff_ms(1), 500);
        assert_eq!(backoff_ms(2), 1500);
        assert!(backoff_ms(40) >= backoff_ms(2));
    }
}
