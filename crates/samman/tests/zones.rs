//! The core's table of time zones (`src/model/zones.bin`) against the `chrono-tz` crate it is
//! built from: the same names, the same UTC offset at every change and between them, the same
//! instant for a wall-clock time (the first of two, none when skipped).
//!
//! Rebuild the table after a `chrono-tz` update (in release; it probes every zone hourly from
//! 1840 to 2100): `SAMMAN_BLESS=1 cargo test --release -p samman --test zones`.

use chrono::{DateTime, LocalResult, NaiveDateTime, Offset, TimeZone};
use chrono_tz::{TZ_VARIANTS, Tz};
use samman::model::Zone;
use samman::model::zone_table::{ZoneChanges, table};

const FROM: i64 = -4_102_444_800; // 1840-01-01
const TO: i64 = 4_133_980_800; // 2101-01-01

fn chrono_offset(tz: Tz, unix: i64) -> i32 {
    let utc = DateTime::from_timestamp(unix, 0).unwrap().naive_utc();
    tz.offset_from_utc_datetime(&utc).fix().local_minus_utc()
}

fn chrono_earliest(tz: Tz, local: NaiveDateTime) -> Option<i64> {
    match tz.from_local_datetime(&local) {
        LocalResult::Single(t) => Some(t.timestamp()),
        LocalResult::Ambiguous(first, second) => Some(first.timestamp().min(second.timestamp())),
        LocalResult::None => None,
    }
}

/// Every change of a zone's total UTC offset, found by probing hourly and bisecting.
fn changes(tz: Tz) -> ZoneChanges {
    let mut changes = Vec::new();
    let mut t = FROM;
    let mut offset = chrono_offset(tz, t);
    let initial = offset;
    while t < TO {
        let next = t + 3600;
        let after = chrono_offset(tz, next);
        if after != offset {
            // The first second with the new offset.
            let (mut lo, mut hi) = (t, next);
            while hi - lo > 1 {
                let mid = lo + (hi - lo) / 2;
                if chrono_offset(tz, mid) == offset {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            changes.push((hi, chrono_offset(tz, hi)));
            offset = after;
        }
        t = next;
    }
    ZoneChanges {
        name: tz.name().to_owned(),
        initial,
        changes,
    }
}

/// A small deterministic generator for the sample instants.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: i64) -> i64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % n.unsigned_abs()) as i64
    }
}

#[test]
fn the_table_is_chrono_tz() {
    if std::env::var_os("SAMMAN_BLESS").is_some() {
        let zones: Vec<ZoneChanges> = std::thread::scope(|scope| {
            let half = TZ_VARIANTS.len() / 2;
            let (a, b) = TZ_VARIANTS.split_at(half);
            let a = scope.spawn(|| a.iter().map(|&tz| changes(tz)).collect::<Vec<_>>());
            let b = scope.spawn(|| b.iter().map(|&tz| changes(tz)).collect::<Vec<_>>());
            let mut zones = a.join().unwrap();
            zones.extend(b.join().unwrap());
            zones
        });
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/model/zones.bin");
        std::fs::write(path, table(&zones)).unwrap();
        eprintln!("wrote {path}; run the test again (without SAMMAN_BLESS) to check it");
        return;
    }

    let mut names: Vec<&str> = TZ_VARIANTS.iter().map(|tz| tz.name()).collect();
    names.sort_unstable();
    assert_eq!(Zone::names().collect::<Vec<_>>(), names);

    let mut random = Lcg(7);
    for &tz in &TZ_VARIANTS {
        let zone = Zone::named(tz.name()).unwrap();
        assert_eq!(zone.name(), tz.name());
        // Instants: one in every 30 days and a random one in each, with the ends.
        let mut t = FROM - 86_400 * 400;
        while t < TO + 86_400 * 400 {
            for at in [t, t + random.below(30 * 86_400)] {
                assert_eq!(zone.offset_at(at), chrono_offset(tz, at), "{tz} at {at}");
            }
            t += 30 * 86_400;
        }
        // Around every change: the offsets, and wall-clock times near both sides of it.
        let mut previous = zone.offset_at(FROM);
        for (change, after) in zone.changes() {
            assert_eq!(
                chrono_offset(tz, change - 1),
                previous,
                "{tz} before {change}"
            );
            assert_eq!(chrono_offset(tz, change), after, "{tz} at {change}");
            for wall in [change + i64::from(previous), change + i64::from(after)] {
                for delta in [-7200, -3601, -3600, -1800, -1, 0, 1, 1800, 3599, 3600, 7200] {
                    let local = DateTime::from_timestamp(wall + delta, 0)
                        .unwrap()
                        .naive_utc();
                    assert_eq!(
                        zone.earliest(local),
                        chrono_earliest(tz, local),
                        "{tz} at wall-clock {local}"
                    );
                    if let Some(unix) = zone.earliest(local) {
                        assert_eq!(zone.local(unix), Some(local), "{tz} at {unix}");
                    }
                }
            }
            previous = after;
        }
    }
}
