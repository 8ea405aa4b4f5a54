//! What the sandbox takes for now. A deployment's clock is the machine's; a test moves its
//! own on by hand, so that a certificate's issue delay passes without waiting for it.

use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant, SystemTime};

/// The machine's clocks (monotonic and calendar), ahead by however far [`Clock::advance`]
/// moved them. Clones share the same time.
#[derive(Debug, Clone, Default)]
pub struct Clock {
    ahead: Arc<Mutex<Duration>>,
}

impl Clock {
    fn ahead(&self) -> Duration {
        // A Duration is written whole: a poisoned lock still holds a valid one.
        *self.ahead.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Now, for delays.
    pub fn now(&self) -> Instant {
        Instant::now() + self.ahead()
    }

    /// Now, for dates shown in answers.
    pub fn wall(&self) -> SystemTime {
        SystemTime::now() + self.ahead()
    }

    /// Moves this clock, and every clone of it, `by` into the future.
    pub fn advance(&self, by: Duration) {
        *self.ahead.lock().unwrap_or_else(PoisonError::into_inner) += by;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn advancing_moves_both_clocks_of_every_clone() {
        let clock = Clock::default();
        let shared = clock.clone();
        let (before, wall_before) = (Instant::now(), SystemTime::now());
        clock.advance(Duration::from_secs(3600));
        assert!(shared.now() >= before + Duration::from_secs(3600));
        assert!(shared.wall() >= wall_before + Duration::from_secs(3600));
    }
}
