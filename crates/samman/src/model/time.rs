//! Availability: dated windows (an evening on a date) and recurring weekly windows (every
//! Tuesday 14:00-16:00), resolved to absolute time in the instance's time zone so that
//! windows crossing midnight or a daylight-saving change compare correctly.

use std::fmt;
use std::str::FromStr;

use chrono::{
    DateTime, Datelike, Duration, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Timelike,
};
use schemars::JsonSchema;

use super::zone::Zone;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Minutes in a week.
pub const WEEK_MINUTES: u32 = 7 * 24 * 60;

/// A point in time as written in the input: a local date and time (`2026-03-28T18:00`),
/// optionally with a UTC offset (`2026-03-28T18:00+01:00`, `...Z`).
///
/// Without an offset the moment is read in the instance's time zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Moment {
    /// The wall-clock date and time.
    pub local: NaiveDateTime,
    /// The UTC offset, when one was written.
    pub offset: Option<FixedOffset>,
}

/// Why a moment could not be placed in absolute time.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum MomentError {
    /// The wall-clock time is skipped when clocks move forward. The message does not repeat
    /// the time, which is part of a person's availability; the caller has it in `local`.
    #[error("a wall-clock time that does not exist in {tz}: clocks move forward then")]
    Skipped {
        /// The wall-clock time.
        local: NaiveDateTime,
        /// The time zone.
        tz: Zone,
    },
}

impl Moment {
    /// A moment on the wall clock of the instance's time zone.
    #[must_use]
    pub fn local(local: NaiveDateTime) -> Self {
        Self {
            local,
            offset: None,
        }
    }

    /// The moment in seconds since the Unix epoch.
    ///
    /// A wall-clock time that occurs twice (clocks move back) is read as the first one.
    ///
    /// # Errors
    /// [`MomentError::Skipped`] for a wall-clock time skipped by a daylight-saving change.
    pub fn resolve(&self, tz: Zone) -> Result<i64, MomentError> {
        if let Some(offset) = self.offset {
            return Ok(self.local.and_utc().timestamp() - i64::from(offset.local_minus_utc()));
        }
        local_to_unix(tz, self.local).ok_or(MomentError::Skipped {
            local: self.local,
            tz,
        })
    }
}

/// Seconds since the epoch of a wall-clock time in `tz`; the earlier of two, none if skipped.
fn local_to_unix(tz: Zone, local: NaiveDateTime) -> Option<i64> {
    tz.earliest(local)
}

/// A wall-clock time that is skipped moves forward to the first minute that exists, so a
/// recurring window keeps its end on the night clocks change.
fn local_to_unix_forward(tz: Zone, local: NaiveDateTime) -> i64 {
    (0..=180)
        .find_map(|m| local_to_unix(tz, local + Duration::minutes(m)))
        .unwrap_or_else(|| local.and_utc().timestamp())
}

impl fmt::Display for Moment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let base = if self.local.second() == 0 && self.local.nanosecond() == 0 {
            self.local.format("%Y-%m-%dT%H:%M").to_string()
        } else {
            self.local.format("%Y-%m-%dT%H:%M:%S").to_string()
        };
        f.write_str(&base)?;
        match self.offset {
            Some(o) if o.local_minus_utc() == 0 => f.write_str("Z"),
            Some(o) => write!(f, "{o}"),
            None => Ok(()),
        }
    }
}

/// Why a text is not a [`Moment`]; it names no part of the text.
const MOMENT_EXPECTED: &str = "not a date and time: expected a local one such as \
    2026-03-28T18:00, or an RFC 3339 one with a UTC offset such as 2026-03-28T18:00:00+01:00";

/// Why a text is not a [`ClockTime`]; it names no part of the text.
const CLOCK_TIME_EXPECTED: &str =
    "not a time of day: expected HH:MM from 00:00 to 24:00, such as 18:30";

impl FromStr for Moment {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if let Ok(t) = DateTime::<FixedOffset>::parse_from_rfc3339(s) {
            return Ok(Self {
                local: t.naive_local(),
                offset: Some(*t.offset()),
            });
        }
        for format in ["%Y-%m-%dT%H:%M%:z", "%Y-%m-%dT%H:%MZ"] {
            if let Ok(t) = DateTime::parse_from_str(s, format) {
                return Ok(Self {
                    local: t.naive_local(),
                    offset: Some(*t.offset()),
                });
            }
            if format.ends_with('Z') {
                if let Ok(local) = NaiveDateTime::parse_from_str(s, format) {
                    return Ok(Self {
                        local,
                        offset: Some(FixedOffset::east_opt(0).expect("0 is a valid offset")),
                    });
                }
            }
        }
        for format in ["%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"] {
            if let Ok(local) = NaiveDateTime::parse_from_str(s, format) {
                return Ok(Self::local(local));
            }
        }
        // The text is a person's availability: the message says what was expected, never
        // what was read (the caller adds the field's path).
        Err(MOMENT_EXPECTED.to_owned())
    }
}

impl Serialize for Moment {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Moment {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = std::borrow::Cow::<str>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

impl JsonSchema for Moment {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Moment".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A local date and time (2026-03-28T18:00), read in the instance's time zone, or one with a UTC offset (2026-03-28T18:00+01:00).",
            "type": "string",
            "pattern": "^\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}"
        })
    }
}

/// A wall-clock time of day, `HH:MM`, from `00:00` to `24:00` (the end of the day).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ClockTime {
    minutes: u16,
}

impl ClockTime {
    /// A time of day from hours and minutes; `None` past 24:00.
    #[must_use]
    pub fn new(hours: u16, minutes: u16) -> Option<Self> {
        let total = hours.checked_mul(60)?.checked_add(minutes)?;
        (minutes < 60 && total <= 24 * 60).then_some(Self { minutes: total })
    }

    /// Minutes since midnight.
    #[must_use]
    pub fn minutes(self) -> u32 {
        u32::from(self.minutes)
    }
}

impl fmt::Display for ClockTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.minutes / 60, self.minutes % 60)
    }
}

impl FromStr for ClockTime {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        // As for a moment: what was expected, never what was read.
        let bad = || CLOCK_TIME_EXPECTED.to_owned();
        let (h, m) = s.split_once(':').ok_or_else(bad)?;
        if h.len() != 2 || m.len() != 2 {
            return Err(bad());
        }
        let h = h.parse().map_err(|_| bad())?;
        let m = m.parse().map_err(|_| bad())?;
        Self::new(h, m).ok_or_else(bad)
    }
}

impl Serialize for ClockTime {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for ClockTime {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = std::borrow::Cow::<str>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

impl JsonSchema for ClockTime {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "ClockTime".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A wall-clock time of day, HH:MM, 00:00 to 24:00.",
            "type": "string",
            "pattern": "^([01]\\d|2[0-4]):[0-5]\\d$"
        })
    }
}

/// A day of the week.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Day {
    /// Monday.
    Monday,
    /// Tuesday.
    Tuesday,
    /// Wednesday.
    Wednesday,
    /// Thursday.
    Thursday,
    /// Friday.
    Friday,
    /// Saturday.
    Saturday,
    /// Sunday.
    Sunday,
}

impl Day {
    /// All days, Monday first.
    pub const ALL: [Day; 7] = [
        Day::Monday,
        Day::Tuesday,
        Day::Wednesday,
        Day::Thursday,
        Day::Friday,
        Day::Saturday,
        Day::Sunday,
    ];

    /// Days since Monday.
    #[must_use]
    pub fn index(self) -> u32 {
        self as u32
    }

    /// The day of a date.
    #[must_use]
    pub fn of(date: NaiveDate) -> Day {
        Day::ALL[date.weekday().num_days_from_monday() as usize]
    }

    /// The English name, lower case.
    #[must_use]
    pub fn name(self) -> &'static str {
        [
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
        ][self as usize]
    }
}

/// A window on one date: an evening's dinner, a workshop session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct DatedWindow {
    /// When it starts.
    pub start: Moment,
    /// When it ends; validation requires it to be after the start.
    pub end: Moment,
}

/// A window that recurs every week, on the wall clock of the instance's time zone.
///
/// An end at or before the start means the window crosses midnight into the next day
/// (`friday 22:00-02:00`); an end equal to the start is invalid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct WeeklyWindow {
    /// The day it starts on.
    pub day: Day,
    /// Start time.
    pub start: ClockTime,
    /// End time; before the start means the next day.
    pub end: ClockTime,
}

impl WeeklyWindow {
    /// Length in minutes (crossing midnight where the end is before the start).
    #[must_use]
    pub fn minutes(&self) -> u32 {
        let (s, e) = (self.start.minutes(), self.end.minutes());
        if e > s { e - s } else { e + 24 * 60 - s }
    }

    /// Start as minutes since Monday 00:00.
    #[must_use]
    pub fn week_start(&self) -> u32 {
        self.day.index() * 24 * 60 + self.start.minutes()
    }
}

/// When a seeker or provider is available: dated windows, weekly windows, or both.
///
/// An empty availability places no constraint: the time rule holds for any pair where one side
/// has no window at all (docs/rules.md).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Availability {
    /// Windows on given dates.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub dated: Vec<DatedWindow>,
    /// Windows recurring every week.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub weekly: Vec<WeeklyWindow>,
}

impl Availability {
    /// No window at all: available any time.
    #[must_use]
    pub fn is_unconstrained(&self) -> bool {
        self.dated.is_empty() && self.weekly.is_empty()
    }
}

/// An availability resolved for fast comparison: absolute intervals, weekly intervals in
/// minutes since Monday 00:00, and a bit mask of the local hours of the week it touches.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub(crate) struct ResolvedAvailability {
    dated: Vec<(i64, i64)>,
    weekly: Vec<(u32, u32)>,
    hours: [u64; 3],
    unconstrained: bool,
}

const WEEK_HOURS: u32 = 168;

impl ResolvedAvailability {
    /// Resolve an availability in `tz`. Windows that do not resolve (a skipped wall-clock time,
    /// an end not after the start) are left out: validation reports them before this is used.
    #[must_use]
    pub fn new(availability: &Availability, tz: Zone) -> Self {
        let mut resolved = Self {
            unconstrained: availability.is_unconstrained(),
            ..Self::default()
        };
        for window in &availability.dated {
            let (Ok(start), Ok(end)) = (window.start.resolve(tz), window.end.resolve(tz)) else {
                continue;
            };
            if end > start {
                resolved.dated.push((start, end));
                resolved.mark_absolute(start, end, tz);
            }
        }
        for window in &availability.weekly {
            if window.minutes() == 0 || window.start == window.end {
                continue;
            }
            let start = window.week_start();
            let end = start + window.minutes();
            resolved.weekly.push((start, end));
            resolved.mark_week_minutes(start, end);
        }
        resolved.dated.sort_unstable();
        resolved.weekly.sort_unstable();
        resolved
    }

    /// Whether the availability places no constraint.
    #[must_use]
    pub fn is_unconstrained(&self) -> bool {
        self.unconstrained
    }

    fn mark_hour(&mut self, hour: u32) {
        let h = hour % WEEK_HOURS;
        self.hours[(h / 64) as usize] |= 1 << (h % 64);
    }

    fn mark_week_minutes(&mut self, start: u32, end: u32) {
        for hour in start / 60..end.div_ceil(60) {
            self.mark_hour(hour);
        }
    }

    fn mark_absolute(&mut self, start: i64, end: i64, tz: Zone) {
        if end - start >= i64::from(WEEK_HOURS) * 3600 {
            self.hours = [u64::MAX; 3];
            return;
        }
        // Walk whole hours of absolute time; a wall-clock hour is what the weekly side sees.
        let mut t = start - start.rem_euclid(3600);
        while t < end {
            if let Some(local) = tz.local(t) {
                let hour = local.weekday().num_days_from_monday() * 24 + local.hour();
                self.mark_hour(hour);
            }
            t += 3600;
        }
    }

    /// The hours of the week touched, as a 168-bit mask; all ones when unconstrained.
    #[must_use]
    pub fn hour_mask(&self) -> [u64; 3] {
        if self.unconstrained {
            [u64::MAX; 3]
        } else {
            self.hours
        }
    }

    /// Whether the two hour masks share an hour: false means no overlap is possible.
    #[must_use]
    pub fn may_overlap(&self, other: &Self) -> bool {
        self.unconstrained
            || other.unconstrained
            || self.hours.iter().zip(&other.hours).any(|(a, b)| a & b != 0)
    }

    /// The longest stretch, in seconds, during which both are available (`i64::MAX` when
    /// either places no constraint).
    ///
    /// Dated against dated compares absolute intervals; weekly against weekly compares wall-
    /// clock minutes of the week (circularly, so Sunday night runs into Monday morning); dated
    /// against weekly places the weekly windows on the dates the dated window touches, through
    /// the time zone, so a daylight-saving change shortens or lengthens them as on a real clock.
    #[must_use]
    pub fn longest_overlap(&self, other: &Self, tz: Zone) -> i64 {
        if self.unconstrained || other.unconstrained {
            return i64::MAX;
        }
        let mut best = longest_absolute(&self.dated, &other.dated);
        best = best.max(longest_weekly(&self.weekly, &other.weekly) * 60);
        for &(start, end) in &self.dated {
            best = best.max(longest_dated_weekly(start, end, &other.weekly, tz));
        }
        for &(start, end) in &other.dated {
            best = best.max(longest_dated_weekly(start, end, &self.weekly, tz));
        }
        best
    }
}

fn longest_absolute(a: &[(i64, i64)], b: &[(i64, i64)]) -> i64 {
    let mut best = 0;
    for &(s1, e1) in a {
        for &(s2, e2) in b {
            best = best.max(e1.min(e2) - s1.max(s2));
        }
    }
    best
}

/// Longest common stretch of two sets of weekly windows, in minutes, on the circular week.
fn longest_weekly(a: &[(u32, u32)], b: &[(u32, u32)]) -> i64 {
    let week = i64::from(WEEK_MINUTES);
    // Intersect against the other side shifted a week either way, so windows that wrap past
    // Sunday midnight meet; then lay every piece down twice, a week apart, so pieces that join
    // across the week's end merge into one stretch.
    let mut pieces: Vec<(i64, i64)> = Vec::new();
    for &(s1, e1) in a {
        for &(s2, e2) in b {
            for shift in [-week, 0, week] {
                let s = i64::from(s1).max(i64::from(s2) + shift);
                let e = i64::from(e1).min(i64::from(e2) + shift);
                if e > s {
                    let start = s.rem_euclid(week);
                    pieces.push((start, start + e - s));
                    pieces.push((start + week, start + week + e - s));
                }
            }
        }
    }
    pieces.sort_unstable();
    let mut best = 0;
    let mut current: Option<(i64, i64)> = None;
    for (s, e) in pieces {
        current = match current {
            Some((cs, ce)) if s <= ce => Some((cs, ce.max(e))),
            _ => Some((s, e)),
        };
        if let Some((cs, ce)) = current {
            best = best.max(ce - cs);
        }
    }
    best.min(week)
}

/// Longest overlap of an absolute interval with weekly windows placed on real dates in `tz`.
fn longest_dated_weekly(start: i64, end: i64, weekly: &[(u32, u32)], tz: Zone) -> i64 {
    if weekly.is_empty() || end <= start {
        return 0;
    }
    let (Some(first), Some(last)) = (tz.local(start), tz.local(end)) else {
        return 0;
    };
    let first_day = first.date();
    let last_day = last.date();
    // Over eight days every weekday occurs twice, and two daylight-saving changes are months
    // apart, so one occurrence of each window is a plain one: its length is the answer.
    if (last_day - first_day).num_days() > 8 {
        return longest_weekly(weekly, weekly) * 60;
    }
    let mut best = 0;
    let mut day = first_day - Duration::days(1);
    while day <= last_day {
        let monday = day - Duration::days(i64::from(day.weekday().num_days_from_monday()));
        let midnight = monday.and_time(NaiveTime::MIN);
        for &(ws, we) in weekly {
            // Only windows that start on `day`.
            if ws / (24 * 60) != Day::of(day).index() {
                continue;
            }
            let from = local_to_unix_forward(tz, midnight + Duration::minutes(i64::from(ws)));
            let to = local_to_unix_forward(tz, midnight + Duration::minutes(i64::from(we)));
            best = best.max(end.min(to) - start.max(from));
        }
        day += Duration::days(1);
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stockholm() -> Zone {
        Zone::stockholm()
    }

    fn moment(s: &str) -> Moment {
        s.parse().unwrap()
    }

    fn dated(start: &str, end: &str) -> Availability {
        Availability {
            dated: vec![DatedWindow {
                start: moment(start),
                end: moment(end),
            }],
            weekly: vec![],
        }
    }

    fn weekly(day: Day, start: &str, end: &str) -> Availability {
        Availability {
            dated: vec![],
            weekly: vec![WeeklyWindow {
                day,
                start: start.parse().unwrap(),
                end: end.parse().unwrap(),
            }],
        }
    }

    fn overlap_minutes(a: &Availability, b: &Availability) -> i64 {
        let (a, b) = (
            ResolvedAvailability::new(a, stockholm()),
            ResolvedAvailability::new(b, stockholm()),
        );
        let o = a.longest_overlap(&b, stockholm());
        assert_eq!(
            o,
            b.longest_overlap(&a, stockholm()),
            "overlap is symmetric"
        );
        if o > 0 {
            assert!(a.may_overlap(&b), "the hour mask never hides an overlap");
        }
        o / 60
    }

    #[test]
    fn parses_and_prints_moments() {
        for text in [
            "2026-03-28T18:00",
            "2026-03-28T18:00+01:00",
            "2026-03-28T18:00Z",
            "2026-03-28T18:00:30",
        ] {
            assert_eq!(moment(text).to_string(), text);
        }
        assert_eq!(
            moment("2026-03-28T18:00:00+02:00").to_string(),
            "2026-03-28T18:00+02:00"
        );
        assert!("2026-13-01T18:00".parse::<Moment>().is_err());
        assert!("tomorrow".parse::<Moment>().is_err());
    }

    #[test]
    fn clock_times() {
        assert_eq!("24:00".parse::<ClockTime>().unwrap().minutes(), 1440);
        assert!("24:01".parse::<ClockTime>().is_err());
        assert!("7:00".parse::<ClockTime>().is_err());
        assert!("07:60".parse::<ClockTime>().is_err());
    }

    #[test]
    fn dated_windows_overlap() {
        let a = dated("2026-05-05T17:00", "2026-05-05T21:00");
        assert_eq!(
            overlap_minutes(&a, &dated("2026-05-05T19:00", "2026-05-05T23:00")),
            120
        );
        assert_eq!(
            overlap_minutes(&a, &dated("2026-05-05T21:00", "2026-05-05T23:00")),
            0
        );
        assert!(overlap_minutes(&a, &dated("2026-05-06T17:00", "2026-05-06T21:00")) <= 0);
    }

    #[test]
    fn offsets_are_honoured() {
        // 18:00 in Stockholm in May is 16:00 UTC.
        let a = dated("2026-05-05T18:00", "2026-05-05T20:00");
        assert_eq!(
            overlap_minutes(&a, &dated("2026-05-05T16:00Z", "2026-05-05T17:00Z")),
            60
        );
    }

    #[test]
    fn window_crossing_midnight() {
        let night = weekly(Day::Friday, "22:00", "02:00");
        assert_eq!(
            overlap_minutes(&night, &weekly(Day::Saturday, "00:00", "06:00")),
            120
        );
        assert_eq!(
            overlap_minutes(&night, &weekly(Day::Friday, "20:00", "23:00")),
            60
        );
        // A Friday 2026-05-08 dated window running past midnight meets the recurring one.
        let party = dated("2026-05-08T23:00", "2026-05-09T03:00");
        assert_eq!(overlap_minutes(&night, &party), 180);
        // Sunday night into Monday morning wraps around the week.
        let sunday = weekly(Day::Sunday, "23:00", "01:00");
        assert_eq!(
            overlap_minutes(&sunday, &weekly(Day::Monday, "00:00", "04:00")),
            60
        );
        let both = Availability {
            dated: vec![],
            weekly: vec![
                WeeklyWindow {
                    day: Day::Sunday,
                    start: "22:00".parse().unwrap(),
                    end: "24:00".parse().unwrap(),
                },
                WeeklyWindow {
                    day: Day::Monday,
                    start: "00:00".parse().unwrap(),
                    end: "02:00".parse().unwrap(),
                },
            ],
        };
        assert_eq!(
            overlap_minutes(&both, &weekly(Day::Sunday, "21:00", "03:00")),
            240
        );
    }

    #[test]
    fn daylight_saving_change_in_stockholm() {
        // Clocks go from 02:00 to 03:00 on Sunday 2026-03-29: 01:00-04:00 lasts two hours.
        let night = dated("2026-03-29T01:00", "2026-03-29T04:00");
        assert_eq!(
            overlap_minutes(&night, &dated("2026-03-29T00:00Z", "2026-03-29T03:00Z")),
            120
        );
        // A recurring Sunday 01:00-04:00 window is two hours long that night.
        assert_eq!(
            overlap_minutes(&night, &weekly(Day::Sunday, "01:00", "04:00")),
            120
        );
        // On 2026-10-25 clocks go back from 03:00 to 02:00: 01:00-04:00 lasts four hours.
        let autumn = dated("2026-10-25T01:00", "2026-10-25T04:00");
        assert_eq!(
            overlap_minutes(&autumn, &weekly(Day::Sunday, "00:00", "05:00")),
            240
        );
        // A skipped wall-clock time does not resolve.
        assert!(moment("2026-03-29T02:30").resolve(stockholm()).is_err());
        assert!(moment("2026-10-25T02:30").resolve(stockholm()).is_ok());
    }

    #[test]
    fn recurring_against_dated() {
        // 2026-05-05 is a Tuesday.
        let tuesday = weekly(Day::Tuesday, "14:00", "16:00");
        assert_eq!(
            overlap_minutes(&tuesday, &dated("2026-05-05T15:00", "2026-05-05T18:00")),
            60
        );
        assert_eq!(
            overlap_minutes(&tuesday, &dated("2026-05-06T15:00", "2026-05-06T18:00")),
            0
        );
        // A month-long window contains every Tuesday.
        assert_eq!(
            overlap_minutes(&tuesday, &dated("2026-05-01T00:00", "2026-06-01T00:00")),
            120
        );
    }

    #[test]
    fn empty_availability_is_unconstrained() {
        let a = ResolvedAvailability::new(&Availability::default(), stockholm());
        let b = ResolvedAvailability::new(&weekly(Day::Monday, "10:00", "11:00"), stockholm());
        assert_eq!(a.longest_overlap(&b, stockholm()), i64::MAX);
        assert!(a.may_overlap(&b));
    }
}
