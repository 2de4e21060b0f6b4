//! Spreadsheet exchange: seekers and providers read from CSV exports (one row each, the
//! columns of docs/csv.md), and plans written to and read from CSV.
//!
//! An error names the row (the spreadsheet's row number; the header is row 1) and the column,
//! the form of what was found ("a text", "a date") and what is expected, with an example. It
//! never repeats a cell's value: any cell may hold a person's data.

use std::collections::HashMap;
use std::io::{Read, Write};

use crate::i18n::Messages;
use crate::model::{
    Availability, DatedWindow, Day, Diet, Gender, Host, Instance, LanguageSkill, Level, Location,
    Origin, Profile, Provider, ProviderKind, ProviderStatus, Seeker, WeeklyWindow,
};
use crate::plan::{Pair, Pairs};
use crate::rules::Rules;
use crate::sheets::{
    Delimiter, Expected, Form, Header, PassThrough, SheetKind, SheetProblem, Table, classify,
};

/// A problem in a CSV file, at a row and column.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("row {row}, column {column}: {message}")]
#[non_exhaustive]
pub struct CsvError {
    /// The row, counted as a spreadsheet does: the header is row 1 (0: the file as a whole).
    pub row: u64,
    /// The column's name from the header (empty for the file as a whole).
    pub column: String,
    /// What is wrong, in English (the stable form), without the value of a cell.
    pub message: String,
    /// What is wrong as a message id with its arguments, to say it in another language
    /// ([`CsvError::text`]).
    pub problem: SheetProblem,
}

impl CsvError {
    /// A problem at `row` and `column`, its message the English of `problem`.
    pub(crate) fn new(row: u64, column: impl Into<String>, problem: SheetProblem) -> Self {
        Self {
            row,
            column: column.into(),
            message: problem.english(),
            problem,
        }
    }

    /// A problem of the file as a whole (row 0, no column).
    pub(crate) fn whole_file(problem: SheetProblem) -> Self {
        Self::new(0, String::new(), problem)
    }

    /// The problem with its row and column, in `m`'s language: `rad 3, kolumn antal: ...`.
    #[must_use]
    pub fn text(&self, m: &Messages) -> String {
        m.text(
            "sheet-at",
            &[
                ("row", self.row.into()),
                ("column", self.column.as_str().into()),
                ("message", self.problem.text(m).into()),
            ],
        )
    }
}

/// A `Result` with a [`CsvError`].
pub type Result<T> = std::result::Result<T, CsvError>;

/// The columns a seekers file may have (and `extra.<name>` for profile attributes).
pub const SEEKER_COLUMNS: [&str; 21] = [
    "id",
    "party_size",
    "origin",
    "gender",
    "age_band",
    "languages",
    "diet",
    "availability",
    "lat",
    "lon",
    "max_travel_km",
    "topics",
    "requires_verified",
    "preferences",
    "blocked",
    "waiting_since",
    "priority",
    "needs",
    "accepts",
    "seats",
    "wants",
];

/// The columns a providers file may have (and `host_extra.<name>`).
pub const PROVIDER_COLUMNS: [&str; 27] = [
    "id",
    "kind",
    "host",
    "capacity",
    "minimum",
    "host_origin",
    "host_gender",
    "host_age_band",
    "host_size",
    "availability",
    "lat",
    "lon",
    "max_travel_km",
    "languages",
    "caters",
    "topics",
    "verified",
    "verified_on",
    "completed",
    "cancelled",
    "no_show",
    "preferences",
    "blocked",
    "status",
    "offers",
    "accepts",
    "host_max_events",
];

/// One row being read: cells by column name, with the row number for errors.
struct Row<'a> {
    row: u64,
    cells: &'a HashMap<String, usize>,
    record: &'a [String],
    delimiter: Delimiter,
    /// The headers as the file wrote them, for messages (`antal` for `party_size`).
    header: &'a [String],
}

impl Row<'_> {
    fn error(&self, column: &str, problem: SheetProblem) -> CsvError {
        let written = self
            .cells
            .get(column)
            .and_then(|&i| self.header.get(i))
            .map_or(column, |h| h.trim());
        CsvError::new(self.row, written, problem)
    }

    /// A bad value, described by its form ("a text", "a date"), never repeated: a cell may
    /// hold a person's data, personal column or not.
    fn bad(&self, column: &str, value: &str, expected: Expected) -> CsvError {
        self.error(
            column,
            SheetProblem::Bad {
                found: Form::of(value),
                expected,
            },
        )
    }

    /// The trimmed cell, `None` when the column is absent or the cell empty.
    fn get(&self, column: &str) -> Option<&str> {
        let i = *self.cells.get(column)?;
        let value = self.record.get(i)?.trim();
        (!value.is_empty()).then_some(value)
    }

    fn parse<T: std::str::FromStr>(&self, column: &str, expected: Expected) -> Result<Option<T>> {
        self.get(column)
            .map(|v| {
                v.parse()
                    .or_else(|_| {
                        decimal_comma(v, self.delimiter)
                            .ok_or(())
                            .and_then(|v| v.parse().map_err(|_| ()))
                    })
                    .map_err(|()| self.bad(column, v, expected))
            })
            .transpose()
    }

    fn list(&self, column: &str) -> Vec<String> {
        self.get(column)
            .map(|v| {
                // `;` or `,`: a list cell never holds a number, so a comma is never decimal.
                v.split([';', ','])
                    .map(str::trim)
                    .filter(|x| !x.is_empty())
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default()
    }

    fn flag(&self, column: &str) -> Result<bool> {
        match self.get(column).map(str::to_ascii_lowercase).as_deref() {
            None | Some("false" | "no" | "0" | "nej" | "falskt") => Ok(false),
            Some("true" | "yes" | "1" | "ja" | "sant") => Ok(true),
            Some(other) => Err(self.bad(column, other, Expected::YesNo)),
        }
    }

    fn origin(&self, column: &str) -> Result<Option<Origin>> {
        match self.get(column) {
            None => Ok(None),
            Some(v) => match v.to_lowercase().as_str() {
                "newcomer" | "nyanländ" | "ny" => Ok(Some(Origin::Newcomer)),
                "established" | "etablerad" => Ok(Some(Origin::Established)),
                _ => Err(self.bad(column, v, Expected::Origin)),
            },
        }
    }

    fn gender(&self, column: &str) -> Result<Option<Gender>> {
        match self.get(column) {
            None => Ok(None),
            Some(v) => match v.to_lowercase().as_str() {
                "female" | "kvinna" | "kvinnor" => Ok(Some(Gender::Female)),
                "male" | "man" | "män" => Ok(Some(Gender::Male)),
                "mixed" | "blandat" | "blandad" => Ok(Some(Gender::Mixed)),
                "other" | "annat" | "annan" => Ok(Some(Gender::Other)),
                _ => Err(self.bad(column, v, Expected::Gender)),
            },
        }
    }

    fn languages(&self) -> Result<Vec<LanguageSkill>> {
        self.list("languages")
            .iter()
            .map(|item| {
                let expected = Expected::Languages;
                let (code, level) = item
                    .split_once(':')
                    .ok_or_else(|| self.bad("languages", item, expected))?;
                let level = match level.trim() {
                    "basic" => Level::Basic,
                    "conversational" => Level::Conversational,
                    "fluent" => Level::Fluent,
                    "native" => Level::Native,
                    _ => return Err(self.bad("languages", item, expected)),
                };
                Ok(LanguageSkill::new(code.trim(), level))
            })
            .collect()
    }

    fn diets(&self, column: &str) -> Result<Vec<Diet>> {
        self.list(column)
            .iter()
            .map(|name| match Diet::parse(name) {
                Diet::Unknown(_) => Err(self.bad(column, name, Expected::Diets)),
                diet => Ok(diet),
            })
            .collect()
    }

    fn availability(&self) -> Result<Availability> {
        let mut availability = Availability::default();
        for item in self.list("availability") {
            if let Some((start, end)) = item.split_once('/') {
                let expected = Expected::DatedWindow;
                availability.dated.push(DatedWindow {
                    start: start
                        .trim()
                        .parse()
                        .map_err(|_| self.bad("availability", &item, expected))?,
                    end: end
                        .trim()
                        .parse()
                        .map_err(|_| self.bad("availability", &item, expected))?,
                });
            } else {
                availability.weekly.push(
                    weekly(&item)
                        .ok_or_else(|| self.bad("availability", &item, Expected::Window))?,
                );
            }
        }
        Ok(availability)
    }

    fn location(&self) -> Result<Option<Location>> {
        let lat: Option<f64> = self.parse("lat", Expected::Latitude)?;
        let lon: Option<f64> = self.parse("lon", Expected::Longitude)?;
        match (lat, lon) {
            (Some(lat), Some(lon)) => Ok(Some(Location { lat, lon })),
            (None, None) => Ok(None),
            (Some(_), None) => Err(self.error(
                "lon",
                SheetProblem::MissingWhileGiven {
                    other: "lat".into(),
                },
            )),
            (None, Some(_)) => Err(self.error(
                "lat",
                SheetProblem::MissingWhileGiven {
                    other: "lon".into(),
                },
            )),
        }
    }

    /// `accepts` written `gender:female;age_band:65-79;age_band:80+` (an attribute repeated
    /// for several values).
    fn accepts(&self) -> Result<std::collections::BTreeMap<String, Vec<String>>> {
        let mut accepts: std::collections::BTreeMap<String, Vec<String>> =
            std::collections::BTreeMap::new();
        for item in self.list("accepts") {
            let (attribute, value) = item
                .split_once(':')
                .ok_or_else(|| self.error("accepts", SheetProblem::AcceptsItems))?;
            accepts
                .entry(attribute.trim().to_owned())
                .or_default()
                .push(value.trim().to_owned());
        }
        Ok(accepts)
    }

    fn extra(&self, prefix: &str) -> std::collections::BTreeMap<String, String> {
        self.cells
            .keys()
            .filter_map(|c| Some((c, c.strip_prefix(prefix)?)))
            .filter_map(|(c, name)| Some((name.to_owned(), self.get(c)?.to_owned())))
            .collect()
    }
}

/// A weekly window written `tue 14:00-16:00` (English day names, three letters or whole).
fn weekly(text: &str) -> Option<WeeklyWindow> {
    let (day, times) = text.trim().split_once(' ')?;
    let day = day.to_ascii_lowercase();
    let day = Day::ALL
        .into_iter()
        .find(|d| d.name() == day || d.name()[..3] == day)?;
    let (start, end) = times.trim().split_once('-')?;
    let window = WeeklyWindow {
        day,
        start: start.trim().parse().ok()?,
        end: end.trim().parse().ok()?,
    };
    (window.start != window.end).then_some(window)
}

/// A number written with a decimal comma (`2,5`), as `2.5`: one comma and no point, except
/// in a comma-separated file where three digits follow (`1,500` there reads as a thousand).
fn decimal_comma(value: &str, delimiter: Delimiter) -> Option<String> {
    let (whole, fraction) = value.split_once(',')?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let whole_ok = digits(whole.trim_start_matches(['-', '+']))
        || whole.trim_start_matches(['-', '+']).is_empty();
    let ambiguous = delimiter == Delimiter::Comma && fraction.len() == 3;
    (whole_ok && digits(fraction) && !ambiguous).then(|| format!("{whole}.{fraction}"))
}

/// Read every row of a CSV with a header, checking the header against `known` columns (and
/// the `prefix` ones) and that `required` columns are present.
fn rows<T>(
    reader: impl Read,
    known: &[&'static str],
    prefix: &str,
    required: &[&str],
    build: impl FnMut(&Row<'_>) -> Result<T>,
) -> Result<Vec<T>> {
    let table = csv_table(reader)?;
    Ok(rows_of_table(&table, known, prefix, required, build)?.0)
}

/// A CSV file read whole into a table.
fn csv_table(mut reader: impl Read) -> Result<Table> {
    let mut bytes = Vec::new();
    reader.read_to_end(&mut bytes).map_err(|e| {
        CsvError::whole_file(SheetProblem::CannotRead {
            reason: e.to_string(),
        })
    })?;
    Table::from_bytes(&bytes, SheetKind::Csv)
}

/// Read every row of a table, as [`rows`], keeping the columns samman does not read by `id`.
fn rows_of_table<T>(
    table: &Table,
    known: &[&'static str],
    prefix: &str,
    required: &[&str],
    mut build: impl FnMut(&Row<'_>) -> Result<T>,
) -> Result<(Vec<T>, PassThrough)> {
    if table.header.is_empty() {
        return Err(CsvError::new(1, String::new(), SheetProblem::EmptyFile));
    }
    let mut cells = HashMap::new();
    let mut carried = Vec::new();
    for (i, name) in table.header.iter().enumerate() {
        let column = match classify(name, known, prefix) {
            Header::Known(column) => column,
            Header::PassThrough => {
                carried.push(i);
                continue;
            }
            Header::NearMiss(column) => {
                return Err(CsvError::new(
                    1,
                    name.trim(),
                    SheetProblem::Misspelt {
                        column: column.to_owned(),
                    },
                ));
            }
        };
        if cells.insert(column.clone(), i).is_some() {
            return Err(CsvError::new(1, column, SheetProblem::ColumnTwice));
        }
    }
    let mut pass = PassThrough::new(
        carried
            .iter()
            .map(|&i| table.header[i].trim().to_owned())
            .collect(),
        cells
            .iter()
            .map(|(column, &i)| (column.clone(), table.header[i].trim().to_owned()))
            .collect(),
    );
    for column in required {
        if !cells.contains_key(*column) {
            return Err(CsvError::new(1, *column, SheetProblem::RequiredColumn));
        }
    }
    let mut out = Vec::with_capacity(table.rows.len());
    for record in &table.rows {
        let row = Row {
            row: record.number,
            cells: &cells,
            record: &record.cells,
            delimiter: table.format.delimiter,
            header: &table.header,
        };
        for column in required {
            if row.get(column).is_none() {
                return Err(row.error(column, SheetProblem::EmptyCell));
            }
        }
        out.push(build(&row)?);
        if let Some(id) = row.get("id") {
            let values = carried
                .iter()
                .map(|&i| record.cells.get(i).map_or("", |c| c.trim()).to_owned())
                .collect();
            pass.insert(id, record.number, values);
        }
    }
    Ok((out, pass))
}

/// Read seekers from a CSV export with the columns of docs/csv.md.
///
/// # Errors
/// The first problem, with its row and column.
pub fn read_seekers(reader: impl Read) -> Result<Vec<Seeker>> {
    rows(reader, &SEEKER_COLUMNS, "extra.", &["id"], seeker_row)
}

/// Seekers from a table, with the columns samman does not read.
pub(crate) fn seekers_from_table(table: &Table) -> Result<(Vec<Seeker>, PassThrough)> {
    rows_of_table(table, &SEEKER_COLUMNS, "extra.", &["id"], seeker_row)
}

fn seeker_row(row: &Row<'_>) -> Result<Seeker> {
    {
        let mut seeker = Seeker::new(row.get("id").unwrap_or_default());
        seeker.party_size = row.parse("party_size", Expected::People)?.unwrap_or(1);
        seeker.profile = Profile {
            origin: row.origin("origin")?,
            gender: row.gender("gender")?,
            age_band: row.get("age_band").map(str::to_owned),
            extra: row.extra("extra."),
        };
        seeker.languages = row.languages()?;
        seeker.diet = row.diets("diet")?;
        seeker.availability = row.availability()?;
        seeker.location = row.location()?;
        seeker.max_travel_km = row.parse("max_travel_km", Expected::Km)?;
        seeker.topics = row.list("topics");
        seeker.requires_verified = row.flag("requires_verified")?;
        seeker.preferences = row
            .list("preferences")
            .into_iter()
            .map(Into::into)
            .collect();
        seeker.blocked = row.list("blocked").into_iter().map(Into::into).collect();
        seeker.waiting_since = row.parse("waiting_since", Expected::Date)?;
        seeker.priority = row.parse("priority", Expected::Number)?.unwrap_or(0.0);
        seeker.needs = row.list("needs");
        seeker.accepts = row.accepts()?;
        seeker.seats = row.parse("seats", Expected::Seats)?;
        seeker.wants = row.parse("wants", Expected::Wants)?.unwrap_or(1);
        Ok(seeker)
    }
}

/// Read providers from a CSV export with the columns of docs/csv.md.
///
/// # Errors
/// The first problem, with its row and column.
pub fn read_providers(reader: impl Read) -> Result<Vec<Provider>> {
    rows(
        reader,
        &PROVIDER_COLUMNS,
        "host_extra.",
        &["id", "capacity"],
        provider_row,
    )
}

/// The hosts of a providers table that limit their events (`host_max_events`, given on any
/// row of the host; rows of one host must agree), in order of first mention.
pub(crate) fn hosts_from_table(table: &Table) -> Result<Vec<Host>> {
    let mut hosts: Vec<(Host, u64)> = Vec::new();
    rows_of_table(
        table,
        &PROVIDER_COLUMNS,
        "host_extra.",
        &["id", "capacity"],
        |row| {
            let Some(max_events) = row.parse::<u32>("host_max_events", Expected::Events)? else {
                return Ok(());
            };
            let Some(host) = row.get("host") else {
                return Err(row.error("host_max_events", SheetProblem::NeedsHost));
            };
            match hosts.iter().find(|(h, _)| h.id.as_str() == host) {
                Some((h, first)) if h.max_events != max_events => Err(row.error(
                    "host_max_events",
                    SheetProblem::DiffersFromRow { first: *first },
                )),
                Some(_) => Ok(()),
                None => {
                    hosts.push((
                        Host {
                            id: host.into(),
                            max_events,
                        },
                        row.row,
                    ));
                    Ok(())
                }
            }
        },
    )?;
    Ok(hosts.into_iter().map(|(h, _)| h).collect())
}

/// Providers from a table, with the columns samman does not read.
pub(crate) fn providers_from_table(table: &Table) -> Result<(Vec<Provider>, PassThrough)> {
    rows_of_table(
        table,
        &PROVIDER_COLUMNS,
        "host_extra.",
        &["id", "capacity"],
        provider_row,
    )
}

fn provider_row(row: &Row<'_>) -> Result<Provider> {
    {
        {
            let capacity = row.parse("capacity", Expected::Capacity)?.unwrap_or(0);
            let mut provider = Provider::new(row.get("id").unwrap_or_default(), capacity);
            provider.kind = match row.get("kind") {
                None => ProviderKind::Other,
                Some(kind) => serde_json::from_value(serde_json::Value::String(kind.to_owned()))
                    .map_err(|_| row.bad("kind", kind, Expected::Kind))?,
            };
            provider.host = row.get("host").map(Into::into);
            provider.minimum = row.parse("minimum", Expected::Capacity)?.unwrap_or(0);
            let host = Profile {
                origin: row.origin("host_origin")?,
                gender: row.gender("host_gender")?,
                age_band: row.get("host_age_band").map(str::to_owned),
                extra: row.extra("host_extra."),
            };
            provider.host_profile = (host != Profile::default()).then_some(host);
            provider.host_size = row.parse("host_size", Expected::People)?.unwrap_or(1);
            provider.availability = row.availability()?;
            provider.location = row.location()?;
            provider.max_travel_km = row.parse("max_travel_km", Expected::Km)?;
            provider.languages = row.languages()?;
            provider.caters = row.diets("caters")?;
            provider.topics = row.list("topics");
            provider.verification.verified = row.flag("verified")?;
            provider.verification.verified_on = row.parse("verified_on", Expected::Date)?;
            provider.reliability.completed = row.parse("completed", Expected::Count)?.unwrap_or(0);
            provider.reliability.cancelled = row.parse("cancelled", Expected::Count)?.unwrap_or(0);
            provider.reliability.no_show = row.parse("no_show", Expected::Count)?.unwrap_or(0);
            provider.preferences = row
                .list("preferences")
                .into_iter()
                .map(Into::into)
                .collect();
            provider.blocked = row.list("blocked").into_iter().map(Into::into).collect();
            provider.status = match row.get("status") {
                None => ProviderStatus::Ready,
                Some(status) => ProviderStatus::parse(status)
                    .ok_or_else(|| row.bad("status", status, Expected::Status))?,
            };
            provider.offers = row.list("offers");
            provider.accepts = row.accepts()?;
            Ok(provider)
        }
    }
}

/// An instance from seekers and providers files, with the default policy.
///
/// # Errors
/// The first problem of either file, with its row and column.
pub fn read_instance(seekers: impl Read, providers: impl Read) -> Result<Instance> {
    let mut instance = Instance::new();
    instance.seekers = read_seekers(seekers)?;
    let table = csv_table(providers)?;
    instance.providers = providers_from_table(&table)?.0;
    instance.hosts = hosts_from_table(&table)?;
    Ok(instance)
}

/// Write a plan as CSV: `seeker,provider,seats,score`, the score rebuilt from the instance
/// (empty where an id is unknown).
///
/// # Errors
/// A [`CsvError`] at row 0 when writing fails.
pub fn write_plan(instance: &Instance, plan: &Pairs, writer: impl Write) -> Result<()> {
    let io = |e: csv::Error| {
        CsvError::whole_file(SheetProblem::CannotWrite {
            reason: e.to_string(),
        })
    };
    let tz = crate::validate::prepare(instance).map_err(|invalid| {
        CsvError::whole_file(SheetProblem::Other {
            message: format!("cannot write the plan of an {invalid}"),
        })
    })?;
    let rules = Rules::new(instance, tz);
    let seeker_ix = instance.seeker_indices();
    let provider_ix = instance.provider_indices();
    let mut csv = csv::Writer::from_writer(writer);
    csv.write_record(["seeker", "provider", "seats", "score"])
        .map_err(io)?;
    for m in &plan.matches {
        let s = seeker_ix.get(m.seeker.as_str()).copied();
        let p = provider_ix.get(m.provider.as_str()).copied();
        let seats = s.map_or(String::new(), |s| {
            instance.seekers[s].seats_taken().to_string()
        });
        let score = match (s, p) {
            (Some(s), Some(p)) => format!("{:.6}", rules.score(&rules.breakdown(s, p))),
            _ => String::new(),
        };
        csv.write_record([m.seeker.as_str(), m.provider.as_str(), &seats, &score])
            .map_err(io)?;
    }
    csv.flush().map_err(|e| {
        CsvError::whole_file(SheetProblem::CannotWrite {
            reason: e.to_string(),
        })
    })
}

/// Read a plan from CSV with `seeker` and `provider` columns (others, such as `seats` and
/// `score`, are ignored: metrics rebuild them).
///
/// # Errors
/// The first problem, with its row and column.
pub fn read_plan(reader: impl Read) -> Result<Pairs> {
    let matches = rows(
        reader,
        &["seeker", "provider", "seats", "score"],
        "",
        &["seeker", "provider"],
        |row| {
            Ok(Pair {
                seeker: row.get("seeker").unwrap_or_default().into(),
                provider: row.get("provider").unwrap_or_default().into(),
            })
        },
    )?;
    Ok(Pairs { matches })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekly_windows() {
        let w = weekly("tue 14:00-16:00").unwrap();
        assert_eq!(
            (w.day, w.start.minutes(), w.end.minutes()),
            (Day::Tuesday, 840, 960)
        );
        assert_eq!(weekly("Friday 22:00-02:00").unwrap().day, Day::Friday);
        assert!(weekly("tue 14:00").is_none());
        assert!(weekly("xyz 14:00-15:00").is_none());
        assert!(weekly("tue 14:00-14:00").is_none());
    }
}
