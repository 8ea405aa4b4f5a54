//! A credential got by logging in (GoGetSSL's `auth_key`, Huawei's IAM token), shared by
//! every call: one login at a time, however many callers need it at once.

use std::future::Future;
use std::time::SystemTime;

use secrecy::{ExposeSecret, SecretString};
use tokio::sync::Mutex;

use super::error::SendError;

/// What a login gives: the credential, and when to log in again (None: until refused).
pub struct Login {
    pub value: SecretString,
    pub renew_at: Option<SystemTime>,
}

#[derive(Default)]
pub struct LoginCache {
    // Held across the login itself, so concurrent callers wait for one login instead of
    // each making their own.
    slot: Mutex<Option<Login>>,
}

impl std::fmt::Debug for LoginCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("LoginCache([redacted])")
    }
}

impl LoginCache {
    /// The cached credential, or a new one from `login` when there is none, it is due for
    /// renewal at `now`, or it is the one the provider just `refused` (if another caller
    /// has already replaced that one, the replacement is used).
    pub async fn get<F, Fut>(
        &self,
        refused: Option<&SecretString>,
        now: SystemTime,
        login: F,
    ) -> Result<SecretString, SendError>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<Login, SendError>>,
    {
        let mut slot = self.slot.lock().await;
        if let Some(cached) = slot.as_ref() {
            let due = cached.renew_at.is_some_and(|at| now >= at);
            let was_refused =
                refused.is_some_and(|r| r.expose_secret() == cached.value.expose_secret());
            if !due && !was_refused {
                return Ok(cached.value.clone());
            }
        }
        // A failed login leaves nothing cached: the next caller tries again.
        *slot = None;
        let fresh = login().await?;
        let value = fresh.value.clone();
        *slot = Some(fresh);
        Ok(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;
    use std::time::Duration;

    async fn counting(
        logins: &AtomicUsize,
        renew_at: Option<SystemTime>,
    ) -> Result<Login, SendError> {
        let n = logins.fetch_add(1, Ordering::SeqCst);
        // Let other callers run while this login is under way.
        for _ in 0..10 {
            tokio::task::yield_now().await;
        }
        Ok(Login {
            value: SecretString::from(format!("key-{n}")),
            renew_at,
        })
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn concurrent_callers_share_one_login() {
        let cache = Arc::new(LoginCache::default());
        let logins = Arc::new(AtomicUsize::new(0));
        let tasks: Vec<_> = (0..16)
            .map(|_| {
                let (cache, logins) = (cache.clone(), logins.clone());
                tokio::spawn(async move {
                    cache
                        .get(None, SystemTime::now(), || counting(&logins, None))
                        .await
                        .map(|k| k.expose_secret().to_string())
                })
            })
            .collect();
        for task in tasks {
            assert_eq!(task.await.unwrap().unwrap(), "key-0");
        }
        assert_eq!(logins.load(Ordering::SeqCst), 1);
    }

    #[tokio::test]
    async fn a_refused_key_is_replaced_once_and_a_replaced_one_is_not_refetched() {
        let cache = LoginCache::default();
        let logins = AtomicUsize::new(0);
        let now = SystemTime::now();
        let first = cache
            .get(None, now, || counting(&logins, None))
            .await
            .unwrap();
        let second = cache
            .get(Some(&first), now, || counting(&logins, None))
            .await
            .unwrap();
        assert_eq!(second.expose_secret(), "key-1");
        // A caller that saw the first key refused too gets the second, without a login.
        let third = cache
            .get(Some(&first), now, || counting(&logins, None))
            .await
            .unwrap();
        assert_eq!(third.expose_secret(), "key-1");
        assert_eq!(logins.load(Ordering::SeqCst), 2);
    }

    #[tokio::test]
    async fn a_credential_is_renewed_when_due() {
        let cache = LoginCache::default();
        let logins = AtomicUsize::new(0);
        let now = SystemTime::now();
        let renew_at = now + Duration::from_secs(60);
        cache
            .get(None, now, || counting(&logins, Some(renew_at)))
            .await
            .unwrap();
        let before = now + Duration::from_secs(59);
        let kept = cache
            .get(None, before, || counting(&logins, None))
            .await
            .unwrap();
        assert_eq!(kept.expose_secret(), "key-0");
        let renewed = cache
            .get(None, renew_at, || counting(&logins, None))
            .await
            .unwrap();
        assert_eq!(renewed.expose_secret(), "key-1");
    }

    #[tokio::test]
    async fn a_failed_login_is_tried_again_by_the_next_caller() {
        let cache = LoginCache::default();
        let failed = cache
            .get(None, SystemTime::now(), || async {
                Err(SendError::NotSent {
                    reason: "down".into(),
                })
            })
            .await;
        assert!(failed.is_err());
        let logins = AtomicUsize::new(0);
        let key = cache
            .get(None, SystemTime::now(), || counting(&logins, None))
            .await
            .unwrap();
        assert_eq!(key.expose_secret(), "key-0");
        assert!(!format!("{cache:?}").contains("key-0"));
    }
}
