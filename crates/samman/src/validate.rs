//! Reading and checking instances: JSON parsing with line, column and field path, and a
//! validation that reports every problem at once, each with the path of the offending field.
//!
//! Messages name ids and fields, never a person's attribute values (a diet can reveal religion
//! or health): `seekers[3].diet[1]: not a known diet`, not the diet.

use std::collections::{HashMap, HashSet};
use std::fmt;

mod kind;
mod suspicious;

pub use kind::{ProblemKind, Side};

use serde::Serialize;

use crate::i18n::Messages;
use crate::plan::Pair;

use crate::model::{
    Availability, Diet, FORMAT_VERSION, Instance, LanguageSkill, Location, Provider, ProviderId,
    Seeker, SeekerId, Zone,
};

/// One thing wrong with an instance: where, and what.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// The path of the offending field, such as `seekers[12].availability.dated[0].end`.
    pub path: String,
    /// What is wrong, in English (the stable form of JSON output), without echoing personal
    /// attribute values.
    pub message: String,
    /// What is wrong as a message id with its arguments, to say it in another language
    /// ([`Problem::text`]).
    #[serde(skip)]
    pub kind: ProblemKind,
}

impl Problem {
    /// A problem at `path`, its message the English of `kind`.
    #[must_use]
    pub fn new(path: impl Into<String>, kind: ProblemKind) -> Self {
        Self {
            path: path.into(),
            message: kind.english(),
            kind,
        }
    }

    /// A problem whose message samman has in English only (an error of another kind told as a
    /// problem).
    #[must_use]
    pub fn untranslated(path: impl Into<String>, message: impl Into<String>) -> Self {
        let message = message.into();
        Self {
            path: path.into(),
            kind: ProblemKind::Other {
                message: message.clone(),
            },
            message,
        }
    }

    /// What is wrong, in `m`'s language.
    #[must_use]
    pub fn text(&self, m: &Messages) -> String {
        self.kind.text(m)
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Everything wrong with an instance.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub struct Invalid {
    /// The problems, in the order of the document.
    pub problems: Vec<Problem>,
}

impl fmt::Display for Invalid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::i18n::with_english(|m| self.text(m)))
    }
}

impl Invalid {
    /// Every problem in `m`'s language: a heading with the count, then one line per problem
    /// with its path.
    #[must_use]
    pub fn text(&self, m: &Messages) -> String {
        self.text_at(m, &|_| None)
    }

    /// As [`Invalid::text`], each problem placed by `at` where it gives a place (a
    /// spreadsheet's file, row and column: [`crate::sheets::Roster::locate_in`]), else by its
    /// path.
    #[must_use]
    pub fn text_at(&self, m: &Messages, at: &dyn Fn(&Problem) -> Option<String>) -> String {
        let mut text = m.text("invalid-instance", &[("n", self.problems.len().into())]);
        for problem in &self.problems {
            let place = at(problem).unwrap_or_else(|| problem.path.clone());
            text.push_str(&format!("\n  {place}: {}", problem.text(m)));
        }
        text
    }
}

/// What kind of reading failure a [`ParseError`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ParseErrorKind {
    /// Not well-formed JSON.
    Syntax,
    /// Well-formed JSON that does not fit the format (a wrong type, an unknown field).
    Data,
    /// The text ends in the middle of a value.
    Eof,
    /// The text is longer than the input limit.
    TooLarge,
}

/// The default cap on the size of an instance document: 256 MiB.
pub const DEFAULT_MAX_INPUT_BYTES: usize = 256 << 20;

/// Why a document could not be read as an instance.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}: {message} (line {line}, column {column})")]
#[non_exhaustive]
pub struct ParseError {
    /// What kind of failure.
    pub kind: ParseErrorKind,
    /// The path of the field being read (`.` for the document itself).
    pub path: String,
    /// Line, from 1 (0 when the error is not at a place in the text).
    pub line: usize,
    /// Column, from 1.
    pub column: usize,
    /// What went wrong.
    pub message: String,
}

/// Read an instance from JSON text, without validating it, with the default size cap
/// ([`DEFAULT_MAX_INPUT_BYTES`]).
///
/// # Errors
/// A [`ParseError`] with the line, the column and the path of the field being read.
pub fn parse_json(text: &str) -> Result<Instance, ParseError> {
    parse_json_limited(text, DEFAULT_MAX_INPUT_BYTES)
}

/// Read an instance from JSON text of at most `max_bytes` bytes. Nesting deeper than 128
/// levels and numbers beyond the range of f64 are errors, not crashes.
///
/// # Errors
/// A [`ParseError`]; [`ParseErrorKind::TooLarge`] when the text passes the cap.
pub fn parse_json_limited(text: &str, max_bytes: usize) -> Result<Instance, ParseError> {
    if text.len() > max_bytes {
        return Err(ParseError {
            kind: ParseErrorKind::TooLarge,
            path: ".".into(),
            line: 0,
            column: 0,
            message: format!(
                "the input is {} bytes, more than the limit of {max_bytes}",
                text.len()
            ),
        });
    }
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let result: Result<Instance, _> = serde_path_to_error::deserialize(&mut deserializer);
    result.map_err(|error| {
        let path = error.path().to_string();
        // A field named "" at the top level displays as an empty path (found by fuzzing).
        let path = if path.is_empty() {
            ".".to_owned()
        } else {
            path
        };
        let inner = error.into_inner();
        let kind = match inner.classify() {
            serde_json::error::Category::Syntax | serde_json::error::Category::Io => {
                ParseErrorKind::Syntax
            }
            serde_json::error::Category::Data => ParseErrorKind::Data,
            serde_json::error::Category::Eof => ParseErrorKind::Eof,
        };
        ParseError {
            kind,
            line: inner.line(),
            column: inner.column(),
            message: if is_personal_path(&path) {
                redact_values(&strip_position(&inner.to_string()))
            } else {
                strip_position(&inner.to_string())
            },
            path,
        }
    })
}

/// Fields whose values are a person's attributes: a parse error inside one never repeats the
/// value (serde's messages do: "unknown variant `...`", "invalid type: string \"...\"").
const PERSONAL_FIELDS: [&str; 10] = [
    "profile",
    "host_profile",
    "languages",
    "diet",
    "caters",
    "location",
    // When a person is free, and so when they are alone at home.
    "availability",
    // Dates in a person's record: since when they wait, when they were verified, when they met.
    "waiting_since",
    "verified_on",
    "date",
];

fn is_personal_path(path: &str) -> bool {
    path.split('.')
        .map(|segment| segment.split('[').next().unwrap_or(segment))
        .any(|field| PERSONAL_FIELDS.contains(&field))
}

/// serde's message without the value it quotes: "unknown variant, expected one of ...",
/// "invalid type: a string, expected ...". A message of another shape that quotes anything
/// becomes "not a valid value".
fn redact_values(message: &str) -> String {
    // What follows ", expected" comes from the format, not from the input.
    let expected = message.rfind(", expected").map_or("", |at| &message[at..]);
    if message.starts_with("unknown variant") {
        return format!("unknown variant{expected}");
    }
    for prefix in ["invalid type: ", "invalid value: "] {
        if let Some(rest) = message.strip_prefix(prefix) {
            let found = rest.split(' ').next().unwrap_or_default();
            let kind = match found {
                "string" => "a string",
                "integer" => "an integer",
                "floating" => "a number",
                "boolean" => "a boolean",
                "character" => "a character",
                _ if !rest[..rest.len() - expected.len()].contains(['`', '"']) => {
                    &rest[..rest.len() - expected.len()]
                }
                _ => "a value",
            };
            return format!("{prefix}{kind}{expected}");
        }
    }
    let names_a_field = ["unknown field", "missing field", "duplicate field"]
        .iter()
        .any(|start| message.starts_with(start));
    if names_a_field || !message.contains(['`', '"']) {
        message.to_owned()
    } else {
        "not a valid value".to_owned()
    }
}

/// serde_json appends " at line L column C"; the position is reported in its own fields.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_owned(),
        None => message.to_owned(),
    }
}

/// Check an instance and report every error found; warnings do not make it invalid (see
/// [`check`]).
///
/// # Errors
/// [`Invalid`] with every error, each with its path.
pub fn validate(instance: &Instance) -> Result<(), Invalid> {
    let report = check(instance);
    if report.errors.is_empty() {
        Ok(())
    } else {
        Err(Invalid {
            problems: report.errors,
        })
    }
}

/// Validate an instance and resolve its time zone: what every entry point does once before the
/// rules may read the instance.
///
/// # Errors
/// [`Invalid`] with every problem, each with its path.
pub(crate) fn prepare(instance: &Instance) -> Result<Zone, Invalid> {
    validate(instance)?;
    Ok(time_zone(instance).expect("validate reports a time zone that is not an IANA name"))
}

/// What [`check`] finds: errors, which make an instance unreadable or ambiguous (a version not
/// supported, duplicate ids, references to unknown ids, a policy value out of range), and
/// warnings about single records, which never block the rest: a record with a warning is
/// planned as far as its data allows, or left out with the reason (docs/rules.md, "Records
/// left out").
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Report {
    /// Problems that make the instance invalid, in the order of the document.
    pub errors: Vec<Problem>,
    /// Problems of single records, in the order of the document.
    pub warnings: Vec<Problem>,
}

/// Check an instance: every error and every warning, each with its path.
#[must_use]
pub fn check(instance: &Instance) -> Report {
    let mut check = Checker::default();
    check.instance(instance);
    Report {
        errors: check.problems,
        warnings: check.warnings,
    }
}

/// Whether a seeker's record is left out of matching (no pair with it is feasible, under the
/// `record` rule): its location or travel limit is out of range, or its priority is not a
/// finite number. [`check`] warns about each such record.
#[must_use]
pub(crate) fn seeker_left_out(seeker: &Seeker) -> bool {
    location_out_of_range(seeker.location, seeker.max_travel_km) || !seeker.priority.is_finite()
}

/// Whether a provider's record is left out of matching: its location or travel limit is out
/// of range, its minimum is above its capacity, or it has a host profile for no people.
#[must_use]
pub(crate) fn provider_left_out(provider: &Provider) -> bool {
    location_out_of_range(provider.location, provider.max_travel_km)
        || provider.minimum > provider.capacity
        || (provider.host_size == 0 && provider.host_profile.is_some())
}

fn location_out_of_range(location: Option<Location>, max_travel_km: Option<f64>) -> bool {
    location.is_some_and(|l| {
        !(l.lat.is_finite()
            && (-90.0..=90.0).contains(&l.lat)
            && l.lon.is_finite()
            && (-180.0..=180.0).contains(&l.lon))
    }) || max_travel_km.is_some_and(|km| !km.is_finite() || km < 0.0)
}

/// The instance's time zone, or `None` if the name is not an IANA zone.
#[must_use]
pub fn time_zone(instance: &Instance) -> Option<Zone> {
    Zone::named(&instance.policy.timezone)
}

#[derive(Default)]
struct Checker {
    problems: Vec<Problem>,
    warnings: Vec<Problem>,
}

impl Checker {
    fn report(&mut self, path: impl Into<String>, kind: ProblemKind) {
        self.problems.push(Problem::new(path, kind));
    }

    /// A problem of one record, which does not block the rest (some leave the record out of
    /// matching, and say so).
    fn warn(&mut self, path: impl Into<String>, kind: ProblemKind) {
        self.warnings.push(Problem::new(path, kind));
    }

    fn instance(&mut self, instance: &Instance) {
        if instance.version != FORMAT_VERSION {
            self.report(
                "version",
                ProblemKind::Version {
                    found: instance.version,
                },
            );
        }
        let tz = time_zone(instance);
        if tz.is_none() {
            self.report("policy.timezone", ProblemKind::TimeZone);
        }
        let tz = tz.unwrap_or_else(Zone::stockholm);
        self.policy(instance);

        let seeker_index =
            self.unique_ids("seekers", instance.seekers.iter().map(|s| s.id.as_str()));
        let provider_index = self.unique_ids(
            "providers",
            instance.providers.iter().map(|p| p.id.as_str()),
        );
        let largest = instance
            .providers
            .iter()
            .map(|p| p.capacity)
            .filter(|&c| c > 0)
            .max();

        for (i, seeker) in instance.seekers.iter().enumerate() {
            let at = format!("seekers[{i}]");
            // What the party takes of a capacity: `seats` when set, else its people.
            let seats_at = if seeker.seats.is_some() {
                format!("{at}.seats")
            } else {
                format!("{at}.party_size")
            };
            if seeker.party_size == 0 {
                self.report(format!("{at}.party_size"), ProblemKind::AtLeastOne);
            } else if seeker.wants == 0 {
                self.report(format!("{at}.wants"), ProblemKind::AtLeastOne);
            } else if seeker.seats == Some(0) {
                self.report(seats_at, ProblemKind::SeatsAtLeastOne);
            } else if let Some(largest) = largest.filter(|&c| seeker.seats_taken() > c) {
                self.warn(
                    seats_at,
                    ProblemKind::LargerThanEveryCapacity {
                        seats: seeker.seats_taken(),
                        largest,
                    },
                );
            }
            self.languages(&at, &seeker.languages);
            self.diets(&format!("{at}.diet"), &seeker.diet);
            self.tags(&format!("{at}.needs"), &seeker.needs);
            self.accepts(&format!("{at}.accepts"), &seeker.accepts);
            self.availability(&at, &seeker.availability, tz);
            self.location(&at, seeker.location, seeker.max_travel_km);
            self.references(
                &format!("{at}.preferences"),
                &seeker.preferences,
                &provider_index,
                Side::Provider,
                true,
            );
            self.references(
                &format!("{at}.blocked"),
                &seeker.blocked,
                &provider_index,
                Side::Provider,
                false,
            );
            if !seeker.priority.is_finite() {
                self.warn(format!("{at}.priority"), ProblemKind::Priority);
            }
        }
        for (i, provider) in instance.providers.iter().enumerate() {
            let at = format!("providers[{i}]");
            if provider.capacity == 0 {
                self.report(format!("{at}.capacity"), ProblemKind::AtLeastOne);
            }
            if provider.minimum > provider.capacity {
                self.warn(
                    format!("{at}.minimum"),
                    ProblemKind::MinimumAboveCapacity {
                        minimum: provider.minimum,
                        capacity: provider.capacity,
                    },
                );
            }
            if provider.host_size == 0 && provider.host_profile.is_some() {
                self.warn(format!("{at}.host_size"), ProblemKind::HostSize);
            }
            self.languages(&at, &provider.languages);
            self.diets(&format!("{at}.caters"), &provider.caters);
            self.tags(&format!("{at}.offers"), &provider.offers);
            self.accepts(&format!("{at}.accepts"), &provider.accepts);
            self.availability(&at, &provider.availability, tz);
            self.location(&at, provider.location, provider.max_travel_km);
            self.references(
                &format!("{at}.preferences"),
                &provider.preferences,
                &seeker_index,
                Side::Seeker,
                true,
            );
            self.references(
                &format!("{at}.blocked"),
                &provider.blocked,
                &seeker_index,
                Side::Seeker,
                false,
            );
        }
        self.history(instance, &seeker_index);
        self.constraints(instance, &seeker_index, &provider_index);
        self.hosts(instance);
        // Readable but probably wrong: after the record problems above.
        self.warnings.extend(suspicious::warnings(instance, tz));
    }

    /// Hosts with a limit on events: unique ids that some provider names as its `host`.
    fn hosts(&mut self, instance: &Instance) {
        let named: HashSet<&str> = instance
            .providers
            .iter()
            .filter_map(|p| p.host.as_ref().map(crate::model::HostId::as_str))
            .collect();
        let index = self.unique_ids("hosts", instance.hosts.iter().map(|h| h.id.as_str()));
        for (j, host) in instance.hosts.iter().enumerate() {
            let id = host.id.as_str();
            if !id.is_empty() && index.get(id) == Some(&j) && !named.contains(id) {
                self.report(
                    format!("hosts[{j}].id"),
                    ProblemKind::HostNotNamed { id: id.to_owned() },
                );
            }
        }
    }

    fn policy(&mut self, instance: &Instance) {
        let policy = &instance.policy;
        let w = &policy.weights;
        let criteria = w
            .iter()
            .map(|(criterion, weight)| (criterion.name(), weight));
        for (name, value) in std::iter::once(("placement", w.placement)).chain(criteria) {
            if !value.is_finite() || value < 0.0 {
                self.report(format!("policy.weights.{name}"), ProblemKind::Weight);
            }
        }
        if let Some(crate::model::Novelty::Penalty { half_life_days }) = policy.novelty {
            if !(half_life_days.is_finite() && half_life_days > 0.0) {
                self.report("policy.novelty.half_life_days", ProblemKind::HalfLife);
            }
        }
        if let Some(d) = policy.rules.max_distance_km {
            if !d.is_finite() || d < 0.0 {
                self.report("policy.rules.max_distance_km", ProblemKind::Distance);
            }
        }
        if let Some(minimum) = policy.rules.min_reliability {
            if !(0.0..=1.0).contains(&minimum) {
                self.report("policy.rules.min_reliability", ProblemKind::Reliability);
            }
        }
        if policy.rules.verification_valid_days.is_some() && policy.today.is_none() {
            self.report(
                "policy.rules.verification_valid_days",
                ProblemKind::NeedsToday,
            );
        }
        if policy.waiting_scale_days == 0 {
            self.report("policy.waiting_scale_days", ProblemKind::AtLeastOne);
        }
    }

    /// Report duplicate and empty ids; return the index of each id.
    fn unique_ids<'a>(
        &mut self,
        side: &str,
        ids: impl Iterator<Item = &'a str>,
    ) -> HashMap<&'a str, usize> {
        let mut index = HashMap::new();
        for (i, id) in ids.enumerate() {
            if id.is_empty() {
                self.report(format!("{side}[{i}].id"), ProblemKind::Empty);
            }
            if let Some(first) = index.get(id) {
                self.report(
                    format!("{side}[{i}].id"),
                    ProblemKind::Duplicate {
                        first: format!("{side}[{first}].id"),
                    },
                );
            } else {
                index.insert(id, i);
            }
        }
        index
    }

    /// Tags of an open vocabulary (`needs`, `offers`): an empty one matches nothing.
    fn tags(&mut self, at: &str, tags: &[String]) {
        for (j, tag) in tags.iter().enumerate() {
            if tag.trim().is_empty() {
                self.warn(format!("{at}[{j}]"), ProblemKind::EmptyTag);
            }
        }
    }

    /// Filters on the other side's profile: an attribute with no value accepts nobody.
    fn accepts(&mut self, at: &str, accepts: &std::collections::BTreeMap<String, Vec<String>>) {
        for (attribute, values) in accepts {
            if values.is_empty() {
                self.warn(format!("{at}.{attribute}"), ProblemKind::AcceptsNothing);
            }
        }
    }

    fn languages(&mut self, at: &str, languages: &[LanguageSkill]) {
        let mut seen = HashSet::new();
        for (j, skill) in languages.iter().enumerate() {
            if !skill.code.is_known() {
                self.warn(
                    format!("{at}.languages[{j}].code"),
                    ProblemKind::LanguageCode,
                );
            } else if !seen.insert(&skill.code) {
                self.warn(
                    format!("{at}.languages[{j}].code"),
                    ProblemKind::LanguageTwice,
                );
            }
        }
    }

    fn diets(&mut self, at: &str, diets: &[Diet]) {
        for (j, diet) in diets.iter().enumerate() {
            match diet {
                Diet::Unknown(_) => self.warn(format!("{at}[{j}]"), ProblemKind::Diet),
                Diet::Custom(tag) if tag.is_empty() => {
                    self.warn(format!("{at}[{j}]"), ProblemKind::CustomDiet);
                }
                _ => {}
            }
        }
    }

    fn availability(&mut self, at: &str, availability: &Availability, tz: Zone) {
        for (j, window) in availability.dated.iter().enumerate() {
            let here = format!("{at}.availability.dated[{j}]");
            let start = window.start.resolve(tz);
            let end = window.end.resolve(tz);
            if let Err(e) = &start {
                self.warn(format!("{here}.start"), skipped(e));
            }
            if let Err(e) = &end {
                self.warn(format!("{here}.end"), skipped(e));
            }
            if let (Ok(s), Ok(e)) = (start, end) {
                if e <= s {
                    self.warn(format!("{here}.end"), ProblemKind::EndBeforeStart);
                }
            }
        }
        for (j, window) in availability.weekly.iter().enumerate() {
            if window.start == window.end {
                self.warn(
                    format!("{at}.availability.weekly[{j}].end"),
                    ProblemKind::WeeklyEnd,
                );
            }
        }
    }

    fn location(&mut self, at: &str, location: Option<Location>, max_travel_km: Option<f64>) {
        if let Some(location) = location {
            if !(location.lat.is_finite() && (-90.0..=90.0).contains(&location.lat)) {
                self.warn(format!("{at}.location.lat"), ProblemKind::Latitude);
            }
            if !(location.lon.is_finite() && (-180.0..=180.0).contains(&location.lon)) {
                self.warn(format!("{at}.location.lon"), ProblemKind::Longitude);
            }
        }
        if let Some(km) = max_travel_km {
            if !km.is_finite() || km < 0.0 {
                self.warn(format!("{at}.max_travel_km"), ProblemKind::Travel);
            }
        }
    }

    fn references<T: AsRef<str>>(
        &mut self,
        at: &str,
        ids: &[T],
        index: &HashMap<&str, usize>,
        side: Side,
        ranked: bool,
    ) {
        let mut seen = HashSet::new();
        for (j, id) in ids.iter().enumerate() {
            let id = id.as_ref();
            if !index.contains_key(id) {
                let id = id.to_owned();
                self.report(format!("{at}[{j}]"), ProblemKind::UnknownId { side, id });
            } else if !seen.insert(id) {
                let id = id.to_owned();
                let kind = if ranked {
                    ProblemKind::RankedTwice { side, id }
                } else {
                    ProblemKind::ListedTwice { side, id }
                };
                self.report(format!("{at}[{j}]"), kind);
            }
        }
    }

    fn history(&mut self, instance: &Instance, seekers: &HashMap<&str, usize>) {
        let hosts: HashSet<&str> = instance.providers.iter().map(|p| p.history_key()).collect();
        for (j, meeting) in instance.history.meetings.iter().enumerate() {
            if !seekers.contains_key(meeting.seeker.as_str()) {
                self.report(
                    format!("history.meetings[{j}].seeker"),
                    ProblemKind::UnknownId {
                        side: Side::Seeker,
                        id: meeting.seeker.as_str().to_owned(),
                    },
                );
            }
            if !hosts.contains(meeting.host.as_str()) {
                self.report(
                    format!("history.meetings[{j}].host"),
                    ProblemKind::UnknownHost {
                        id: meeting.host.as_str().to_owned(),
                    },
                );
            }
        }
        for (j, met) in instance.history.met.iter().enumerate() {
            for (k, id) in met.people.iter().enumerate() {
                if !seekers.contains_key(id.as_str()) && !hosts.contains(id.as_str()) {
                    self.report(
                        format!("history.met[{j}].people[{k}]"),
                        ProblemKind::UnknownMet {
                            id: id.as_str().to_owned(),
                        },
                    );
                }
            }
            if met.people[0] == met.people[1] {
                self.report(
                    format!("history.met[{j}].people"),
                    ProblemKind::MetSamePerson,
                );
            }
        }
    }

    fn constraints(
        &mut self,
        instance: &Instance,
        seekers: &HashMap<&str, usize>,
        providers: &HashMap<&str, usize>,
    ) {
        let constraints = &instance.constraints;
        for (kind, sets) in [
            ("keep_together", &constraints.keep_together),
            ("keep_apart", &constraints.keep_apart),
        ] {
            for (j, set) in sets.iter().enumerate() {
                let at = format!("constraints.{kind}[{j}]");
                if set.len() < 2 {
                    self.report(at.clone(), ProblemKind::SetTooSmall);
                }
                self.references(&at, set, seekers, Side::Seeker, false);
            }
        }
        // Two seekers kept together (directly or through a chain of sets) cannot be kept apart.
        let groups = together_groups(&constraints.keep_together);
        for (j, set) in constraints.keep_apart.iter().enumerate() {
            for (a, first) in set.iter().enumerate() {
                for second in &set[a + 1..] {
                    if let (Some(g1), Some(g2)) =
                        (groups.get(first.as_str()), groups.get(second.as_str()))
                    {
                        if g1 == g2 {
                            self.report(
                                format!("constraints.keep_apart[{j}]"),
                                ProblemKind::ApartAndTogether {
                                    first: first.as_str().to_owned(),
                                    second: second.as_str().to_owned(),
                                },
                            );
                        }
                    }
                }
            }
        }
        // A seeker may be locked once per provider it wants, never twice to one provider.
        let mut locked: HashMap<&str, Vec<&str>> = HashMap::new();
        for (j, lock) in constraints.locked.iter().enumerate() {
            let at = format!("constraints.locked[{j}]");
            if !seekers.contains_key(lock.seeker.as_str()) {
                self.report(
                    format!("{at}.seeker"),
                    ProblemKind::UnknownId {
                        side: Side::Seeker,
                        id: lock.seeker.as_str().to_owned(),
                    },
                );
            } else if !lock_fits(&mut locked, instance, seekers, lock) {
                self.report(
                    format!("{at}.seeker"),
                    ProblemKind::LockedTwice {
                        id: lock.seeker.as_str().to_owned(),
                        wants: seekers
                            .get(lock.seeker.as_str())
                            .map_or(1, |&s| instance.seekers[s].wants),
                    },
                );
            }
            if !providers.contains_key(lock.provider.as_str()) {
                self.report(
                    format!("{at}.provider"),
                    ProblemKind::UnknownId {
                        side: Side::Provider,
                        id: lock.provider.as_str().to_owned(),
                    },
                );
            }
        }
    }
}

/// A moment that cannot be placed in time, as a problem.
fn skipped(error: &crate::model::MomentError) -> ProblemKind {
    match error {
        crate::model::MomentError::Skipped { tz, .. } => ProblemKind::SkippedTime {
            zone: tz.to_string(),
        },
    }
}

/// The keep-together component of each seeker: sets that share a member merge.
pub(crate) fn together_groups(sets: &[Vec<SeekerId>]) -> HashMap<&str, usize> {
    let mut parent: Vec<usize> = (0..sets.len()).collect();
    fn find(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    let mut first_set: HashMap<&str, usize> = HashMap::new();
    for (j, set) in sets.iter().enumerate() {
        for id in set {
            if let Some(&k) = first_set.get(id.as_str()) {
                let (a, b) = (find(&mut parent, j), find(&mut parent, k));
                parent[a.max(b)] = a.min(b);
            } else {
                first_set.insert(id.as_str(), j);
            }
        }
    }
    first_set
        .iter()
        .map(|(&id, &j)| (id, find(&mut parent, j)))
        .collect()
}

impl AsRef<str> for SeekerId {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for ProviderId {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

/// Records `lock` among the seeker's locks; false when the seeker is already locked as many
/// times as it wants providers, or already locked to that provider.
fn lock_fits<'a>(
    locked: &mut HashMap<&'a str, Vec<&'a str>>,
    instance: &Instance,
    seekers: &HashMap<&str, usize>,
    lock: &'a Pair,
) -> bool {
    let wants = seekers
        .get(lock.seeker.as_str())
        .map_or(1, |&s| instance.seekers[s].wants.max(1));
    let providers = locked.entry(lock.seeker.as_str()).or_default();
    if providers.len() >= wants as usize || providers.contains(&lock.provider.as_str()) {
        return false;
    }
    providers.push(lock.provider.as_str());
    true
}
