//! Time zones: the IANA names and their UTC offsets over time, from a compact table of the tz
//! database (`zones.bin`, about a sixth of the size of the generated code it replaces, which
//! matters for the WebAssembly package).
//!
//! The table holds, for each zone, every change of its UTC offset from 1845 to 2099 as the
//! `chrono-tz` crate has it (tz database 2025b); the offset before the first change and after
//! the last stays as it was. `tests/zones.rs` checks it against `chrono-tz` and rebuilds it
//! (`SAMMAN_BLESS=1 cargo test --release -p samman --test zones`).
//!
//! The format, every number an unsigned LEB128 varint, signed ones zigzag-encoded: the number
//! of tables; per table the number of offsets, the offsets in seconds (signed), the index of
//! the offset before the first change, the number of changes and per change the time since the
//! previous change (the first: since the epoch, signed), written as `minutes << 1` when it is a
//! whole number of minutes and `seconds << 1 | 1` otherwise, and the index of the new offset;
//! then the number of names and per name its length, its bytes and its table. Names are sorted.

use std::fmt;
use std::str::FromStr;
use std::sync::OnceLock;

use chrono::{DateTime, NaiveDateTime};

/// The compact table; see the module's documentation.
const DATA: &[u8] = include_bytes!("zones.bin");

/// A time zone of the IANA database, such as `Europe/Stockholm`.
#[derive(Clone, Copy)]
pub struct Zone {
    name: &'static str,
    table: &'static Table,
}

/// Where an offset holds from: each change of a zone's UTC offset.
#[derive(Debug, PartialEq, Eq)]
struct Table {
    /// The offset in seconds before the first change.
    initial: i32,
    /// Seconds since the epoch of each change, ascending.
    changes: Vec<i64>,
    /// The offset in seconds from each change on.
    offsets: Vec<i32>,
}

/// Every zone's table and the sorted names with the index of their table.
struct Zones {
    tables: Vec<Table>,
    names: Vec<(&'static str, usize)>,
}

/// A name that is not a zone of the IANA database.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not an IANA time zone name such as Europe/Stockholm")]
pub struct UnknownZone;

impl Zone {
    /// The zone of samman's home, Sweden.
    #[must_use]
    pub fn stockholm() -> Self {
        Self::named("Europe/Stockholm").expect("the table has Europe/Stockholm")
    }

    /// The zone with this IANA name (exact spelling), if there is one.
    #[must_use]
    pub fn named(name: &str) -> Option<Self> {
        let zones = zones();
        let at = zones
            .names
            .binary_search_by(|(known, _)| (*known).cmp(name))
            .ok()?;
        let (name, table) = zones.names[at];
        Some(Self {
            name,
            table: &zones.tables[table],
        })
    }

    /// Every zone name, sorted.
    pub fn names() -> impl Iterator<Item = &'static str> {
        zones().names.iter().map(|(name, _)| *name)
    }

    /// The IANA name.
    #[must_use]
    pub fn name(&self) -> &'static str {
        self.name
    }

    /// The UTC offset in seconds at an instant (seconds since the epoch).
    #[must_use]
    pub fn offset_at(&self, unix: i64) -> i32 {
        let table = self.table;
        match table.changes.partition_point(|&change| change <= unix) {
            0 => table.initial,
            n => table.offsets[n - 1],
        }
    }

    /// Every change of the UTC offset: the instant (seconds since the epoch) and the new offset
    /// in seconds, in order.
    pub fn changes(&self) -> impl Iterator<Item = (i64, i32)> + 'static {
        let table = self.table;
        table
            .changes
            .iter()
            .copied()
            .zip(table.offsets.iter().copied())
    }

    /// The wall-clock time at an instant (seconds since the epoch); `None` outside chrono's
    /// range of dates.
    #[must_use]
    pub fn local(&self, unix: i64) -> Option<NaiveDateTime> {
        let local = unix + i64::from(self.offset_at(unix));
        DateTime::from_timestamp(local, 0).map(|t| t.naive_utc())
    }

    /// The earliest instant (seconds since the epoch) whose wall-clock time is `local`: the
    /// first of two when clocks move back, `None` when clocks move forward over it.
    #[must_use]
    pub fn earliest(&self, local: NaiveDateTime) -> Option<i64> {
        // An offset is within a day of zero, so only the periods that begin up to a day before
        // `local` read as UTC, and end after a day before it, can hold it.
        const DAY: i64 = 26 * 3600;
        let wall = local.and_utc().timestamp();
        let table = self.table;
        let first = table
            .changes
            .partition_point(|&change| change <= wall - DAY);
        // Period k runs from change k-1 (or the beginning) to change k (or the end).
        let mut k = first;
        loop {
            let offset = i64::from(match k {
                0 => table.initial,
                _ => table.offsets[k - 1],
            });
            let unix = wall - offset;
            let begins = k.checked_sub(1).map_or(i64::MIN, |i| table.changes[i]);
            let ends = table.changes.get(k).copied().unwrap_or(i64::MAX);
            if begins <= unix && unix < ends {
                return Some(unix);
            }
            if ends > wall + DAY || k == table.changes.len() {
                return None;
            }
            k += 1;
        }
    }
}

impl PartialEq for Zone {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name
    }
}

impl Eq for Zone {}

impl std::hash::Hash for Zone {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.name.hash(state);
    }
}

impl fmt::Debug for Zone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Zone({})", self.name)
    }
}

impl fmt::Display for Zone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name)
    }
}

impl FromStr for Zone {
    type Err = UnknownZone;

    fn from_str(name: &str) -> Result<Self, UnknownZone> {
        Self::named(name).ok_or(UnknownZone)
    }
}

/// The table, read once.
fn zones() -> &'static Zones {
    static ZONES: OnceLock<Zones> = OnceLock::new();
    ZONES.get_or_init(|| read(DATA).expect("zones.bin is well formed (tests/zones.rs)"))
}

/// Read the compact table; `None` if it is cut short or malformed.
fn read(data: &'static [u8]) -> Option<Zones> {
    let mut input = Reader { data, at: 0 };
    let table_count = input.count()?;
    let mut tables = Vec::with_capacity(table_count);
    for _ in 0..table_count {
        let palette = (0..input.count()?)
            .map(|_| i32::try_from(input.signed()?).ok())
            .collect::<Option<Vec<i32>>>()?;
        let initial = *palette.get(input.count()?)?;
        let n = input.count()?;
        let (mut changes, mut offsets) = (Vec::with_capacity(n), Vec::with_capacity(n));
        let mut at = 0i64;
        for i in 0..n {
            let step = input.unsigned()?;
            let magnitude = i64::try_from(step >> 1).ok()?;
            let seconds = if step & 1 == 0 {
                magnitude * 60
            } else {
                magnitude
            };
            at = if i == 0 {
                // The first change is signed: zigzag on top of the unit bit.
                unzigzag(u64::try_from(seconds).ok()?)
            } else {
                at + seconds
            };
            changes.push(at);
            offsets.push(*palette.get(input.count()?)?);
        }
        tables.push(Table {
            initial,
            changes,
            offsets,
        });
    }
    let name_count = input.count()?;
    let mut names = Vec::with_capacity(name_count);
    for _ in 0..name_count {
        let len = input.count()?;
        let bytes = data.get(input.at..input.at + len)?;
        input.at += len;
        let name = std::str::from_utf8(bytes).ok()?;
        let table = input.count()?;
        if table >= tables.len() {
            return None;
        }
        names.push((name, table));
    }
    names
        .windows(2)
        .all(|w| w[0].0 < w[1].0)
        .then_some(Zones { tables, names })
}

fn unzigzag(n: u64) -> i64 {
    let half = i64::try_from(n >> 1).unwrap_or(i64::MAX);
    if n & 1 == 0 { half } else { -half - 1 }
}

struct Reader {
    data: &'static [u8],
    at: usize,
}

impl Reader {
    fn unsigned(&mut self) -> Option<u64> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = *self.data.get(self.at)?;
            self.at += 1;
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Some(value);
            }
        }
        None
    }

    fn signed(&mut self) -> Option<i64> {
        self.unsigned().map(unzigzag)
    }

    fn count(&mut self) -> Option<usize> {
        self.unsigned().and_then(|n| usize::try_from(n).ok())
    }
}

/// Writing the table: used by `tests/zones.rs` to rebuild `zones.bin` from the tz database.
#[doc(hidden)]
pub mod write {
    /// One zone as the writer takes it: its offset before the first change, and each change
    /// (seconds since the epoch, the new offset in seconds).
    pub struct ZoneChanges {
        /// The IANA name.
        pub name: String,
        /// The offset before the first change.
        pub initial: i32,
        /// The changes, ascending.
        pub changes: Vec<(i64, i32)>,
    }

    /// The compact table of these zones (any order; identical tables are stored once).
    #[must_use]
    pub fn table(zones: &[ZoneChanges]) -> Vec<u8> {
        let mut tables: Vec<(i32, &[(i64, i32)])> = Vec::new();
        let mut names: Vec<(&str, usize)> = Vec::new();
        for zone in zones {
            let key = (zone.initial, zone.changes.as_slice());
            let index = tables.iter().position(|t| *t == key).unwrap_or_else(|| {
                tables.push(key);
                tables.len() - 1
            });
            names.push((&zone.name, index));
        }
        names.sort_unstable();
        let mut out = Vec::new();
        unsigned(&mut out, tables.len() as u64);
        for (initial, changes) in &tables {
            let mut palette = vec![*initial];
            for &(_, offset) in *changes {
                if !palette.contains(&offset) {
                    palette.push(offset);
                }
            }
            let index = |offset: i32| palette.iter().position(|&o| o == offset).unwrap() as u64;
            unsigned(&mut out, palette.len() as u64);
            for &offset in &palette {
                unsigned(&mut out, zigzag(i64::from(offset)));
            }
            unsigned(&mut out, 0);
            unsigned(&mut out, changes.len() as u64);
            let mut previous = None;
            for &(at, offset) in *changes {
                let step = match previous {
                    None => zigzag(at),
                    Some(previous) => u64::try_from(at - previous).expect("changes ascend"),
                };
                let step = if step % 60 == 0 {
                    (step / 60) << 1
                } else {
                    (step << 1) | 1
                };
                unsigned(&mut out, step);
                unsigned(&mut out, index(offset));
                previous = Some(at);
            }
        }
        unsigned(&mut out, names.len() as u64);
        for (name, table) in names {
            unsigned(&mut out, name.len() as u64);
            out.extend_from_slice(name.as_bytes());
            unsigned(&mut out, table as u64);
        }
        out
    }

    fn zigzag(n: i64) -> u64 {
        ((n << 1) ^ (n >> 63)) as u64
    }

    fn unsigned(out: &mut Vec<u8>, mut n: u64) {
        while n >= 0x80 {
            out.push((n as u8) | 0x80);
            n >>= 7;
        }
        out.push(n as u8);
    }
}
