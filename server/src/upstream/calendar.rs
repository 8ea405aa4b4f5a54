//! UTC dates to and from UNIX time, for `X-Sdk-Date` and IAM's `expires_at` (no date crate
//! is in the server's tree for these two conversions).

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use ssl_order_core::providers::huawei_signing::SdkDate;

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day count since 1970-01-01: (year, month, day).
pub(crate) fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(month <= 2), month, day)
}

/// The `X-Sdk-Date` of `time` (a time before 1970 or after 9999 is none).
pub fn sdk_date(time: SystemTime) -> Option<SdkDate> {
    let secs = i64::try_from(time.duration_since(UNIX_EPOCH).ok()?.as_secs()).ok()?;
    let (year, month, day) = civil_from_days(secs.div_euclid(86_400));
    let rest = secs.rem_euclid(86_400);
    SdkDate::utc(
        u16::try_from(year).ok().filter(|y| *y <= 9999)?,
        u8::try_from(month).ok()?,
        u8::try_from(day).ok()?,
        u8::try_from(rest / 3600).ok()?,
        u8::try_from(rest % 3600 / 60).ok()?,
        u8::try_from(rest % 60).ok()?,
    )
}

fn number(text: &str) -> Option<i64> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// An RFC 3339 time as IAM writes `expires_at` (`2026-12-05T03:33:16.123000Z`, or with an
/// offset such as `+08:00`); fractions of a second are dropped.
pub fn parse_rfc3339(text: &str) -> Option<SystemTime> {
    let (date, time) = text.split_once(['T', 't', ' '])?;
    let mut date_parts = date.splitn(3, '-');
    let year = number(date_parts.next()?)?;
    let month = number(date_parts.next()?)?;
    let day = number(date_parts.next()?)?;
    let (clock, offset) = if let Some(clock) = time.strip_suffix(['Z', 'z']) {
        (clock, 0)
    } else {
        let at = time.rfind(['+', '-'])?;
        let (clock, zone) = time.split_at(at);
        let (hours, minutes) = zone.get(1..)?.split_once(':')?;
        let minutes = number(hours)? * 60 + number(minutes)?;
        (
            clock,
            if zone.starts_with('-') {
                -minutes
            } else {
                minutes
            },
        )
    };
    let clock = clock.split_once('.').map_or(clock, |(whole, _)| whole);
    let mut clock_parts = clock.splitn(3, ':');
    let hour = number(clock_parts.next()?)?;
    let minute = number(clock_parts.next()?)?;
    let second = number(clock_parts.next()?)?;
    let valid = (1..=12).contains(&month)
        && (1..=31).contains(&day)
        && hour < 24
        && minute < 60
        && second < 61;
    if !valid {
        return None;
    }
    let secs = days_from_civil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second
        - offset * 60;
    Some(UNIX_EPOCH + Duration::from_secs(u64::try_from(secs).ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(secs: u64) -> SystemTime {
        UNIX_EPOCH + Duration::from_secs(secs)
    }

    #[test]
    fn the_sdk_date_of_known_times() {
        // The signing guide's example time, 2019-11-15T03:36:55Z.
        assert_eq!(
            sdk_date(at(1_573_789_015)).unwrap().as_str(),
            "20191115T033655Z"
        );
        assert_eq!(sdk_date(at(0)).unwrap().as_str(), "19700101T000000Z");
        // A leap day and the last second of a year.
        assert_eq!(
            sdk_date(at(951_782_400)).unwrap().as_str(),
            "20000229T000000Z"
        );
        assert_eq!(
            sdk_date(at(1_767_225_599)).unwrap().as_str(),
            "20251231T235959Z"
        );
    }

    #[test]
    fn iam_expiry_times_read_with_fractions_and_offsets() {
        assert_eq!(
            parse_rfc3339("2019-11-15T03:36:55.123000Z"),
            Some(at(1_573_789_015))
        );
        assert_eq!(
            parse_rfc3339("2019-11-15T11:36:55+08:00"),
            Some(at(1_573_789_015))
        );
        assert_eq!(
            parse_rfc3339("2019-11-14T22:36:55-05:00"),
            Some(at(1_573_789_015))
        );
        assert_eq!(parse_rfc3339("2000-02-29T00:00:00Z"), Some(at(951_782_400)));
        for bad in [
            "",
            "2019-13-01T00:00:00Z",
            "2019-11-15",
            "2019-11-15T03:36Z",
            "soon",
        ] {
            assert_eq!(parse_rfc3339(bad), None, "{bad}");
        }
    }

    #[test]
    fn days_and_dates_agree_over_four_centuries() {
        for days in (-1000..146_097 * 2).step_by(97) {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
    }
}
