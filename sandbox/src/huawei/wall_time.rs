//! Calendar times as the details call shows them, without a date-time dependency.

use crate::calendar::civil_from_days;
use std::time::{SystemTime, UNIX_EPOCH};

/// Formats as `YYYY-MM-DD HH:MM:SS.0` in UTC, the shape of timestamps in Huawei's SCM answers.
pub fn format_utc(time: SystemTime) -> String {
    // Times before 1970 cannot come from this sandbox's clock.
    let secs = time
        .duration_since(UNIX_EPOCH)
        .map_or(0, |since| since.as_secs());
    let (year, month, day) = civil_from_days(secs / 86_400);
    let rest = secs % 86_400;
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02}:{:02}.0",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn formats_known_instants_in_utc() {
        assert_eq!(format_utc(UNIX_EPOCH), "1970-01-01 00:00:00.0");
        let leap_day = UNIX_EPOCH + Duration::from_secs(951_782_400 + 3_661);
        assert_eq!(format_utc(leap_day), "2000-02-29 01:01:01.0");
        let later = UNIX_EPOCH + Duration::from_secs(1_773_532_800);
        assert_eq!(format_utc(later), "2026-03-15 00:00:00.0");
    }
}
