//! Calendar dates as GoGetSSL shows them (`YYYY-MM-DD`, UTC), without a date-time dependency.

use crate::calendar::civil_from_days;
use std::time::{SystemTime, UNIX_EPOCH};

pub fn format_date(time: SystemTime) -> String {
    // Times before 1970 cannot come from this sandbox's clock.
    let days = time
        .duration_since(UNIX_EPOCH)
        .map_or(0, |since| since.as_secs() / 86_400);
    let (year, month, day) = civil_from_days(days);
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn formats_known_days_in_utc() {
        let at = |secs| UNIX_EPOCH + Duration::from_secs(secs);
        assert_eq!(format_date(UNIX_EPOCH), "1970-01-01");
        assert_eq!(format_date(at(951_782_400 + 86_399)), "2000-02-29");
        assert_eq!(format_date(at(1_773_532_800)), "2026-03-15");
        assert_eq!(format_date(at(1_798_675_200)), "2026-12-31");
    }
}
