//! The input records apps build natively: seekers, providers and the policy, a useful subset
//! of `samman::model` with times and dates as ISO 8601 text. `TryFrom` turns each into the
//! core type (reporting every unreadable field with its path), `From` turns the core type back
//! (fields outside the subset are left out). Paths in problems are always those of the JSON
//! instance format (docs/schema), so `dated` is reported as `availability.dated` and `verified`
//! as `verification.verified`.

use chrono::NaiveDate;
use samman::model;

use crate::error::{Problem, SammanError};

/// Whether a person has moved to the country or has lived there long.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum Origin {
    /// Has moved to the country.
    Newcomer,
    /// Has lived there long.
    Established,
}

/// The gender make-up of a party.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum Gender {
    /// All members are women.
    Female,
    /// All members are men.
    Male,
    /// Members of more than one gender.
    Mixed,
    /// Another gender, or not said.
    Other,
}

/// How well someone speaks a language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum LanguageLevel {
    /// A few words.
    Basic,
    /// Can hold a conversation.
    Conversational,
    /// Fluent.
    Fluent,
    /// Native speaker.
    Native,
}

/// What a provider is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum ProviderKind {
    /// A host's dinner on a date.
    Dinner,
    /// A volunteer who visits.
    Visit,
    /// A tutor's workshop group.
    Workshop,
    /// A session of an experience offered by a newcomer.
    Experience,
    /// A coach of project groups.
    Coaching,
    /// Anything else.
    Other,
}

/// A day of the week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
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

/// The people in a party, or a host's household, as far as group composition needs.
#[derive(Debug, Clone, Default, PartialEq, Eq, uniffi::Record)]
pub struct ProfileRecord {
    /// Newcomer or established resident.
    #[uniffi(default)]
    pub origin: Option<Origin>,
    /// Gender make-up.
    #[uniffi(default)]
    pub gender: Option<Gender>,
    /// Age band, a programme's own label such as `65-79`.
    #[uniffi(default)]
    pub age_band: Option<String>,
}

/// A language and how well it is spoken.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct LanguageRecord {
    /// ISO 639-1 code such as `sv`, `ar`, `en`.
    pub code: String,
    /// Level.
    pub level: LanguageLevel,
}

/// A point on the map, in degrees (WGS 84).
#[derive(Debug, Clone, Copy, PartialEq, uniffi::Record)]
pub struct LocationRecord {
    /// Latitude, -90 to 90.
    pub lat: f64,
    /// Longitude, -180 to 180.
    pub lon: f64,
}

/// A window on one date, such as a dinner evening.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct DatedWindowRecord {
    /// Start, `2026-03-28T18:00` (read in the policy's time zone) or with an offset
    /// (`2026-03-28T18:00+01:00`).
    pub start: String,
    /// End, after the start, in the same form.
    pub end: String,
}

/// A window that recurs every week, such as a visit on Tuesdays 14:00-16:00.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct WeeklyWindowRecord {
    /// The day it starts on.
    pub day: Day,
    /// Start, `HH:MM`.
    pub start: String,
    /// End, `HH:MM`; before the start means the next day.
    pub end: String,
}

/// Someone to be placed: a guest party, an older person, a participant, a booking.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct SeekerRecord {
    /// Opaque id, unique among seekers.
    pub id: String,
    /// People in the party; they take as many seats and are never split.
    #[uniffi(default = 1)]
    pub party_size: u32,
    /// Who they are, for group composition.
    #[uniffi(default)]
    pub profile: ProfileRecord,
    /// Languages spoken.
    #[uniffi(default)]
    pub languages: Vec<LanguageRecord>,
    /// Dietary requirements (`vegetarian`, `vegan`, `halal`, `kosher`, `no_pork`,
    /// `nut_allergy`, `gluten_free`, `lactose_free`, ... or `custom:tag`).
    #[uniffi(default)]
    pub diet: Vec<String>,
    /// Dated windows when they are available.
    #[uniffi(default)]
    pub dated: Vec<DatedWindowRecord>,
    /// Weekly windows when they are available.
    #[uniffi(default)]
    pub weekly: Vec<WeeklyWindowRecord>,
    /// Where they are; none for remote participation.
    #[uniffi(default)]
    pub location: Option<LocationRecord>,
    /// How far they will travel, in km; none for no limit of their own.
    #[uniffi(default)]
    pub max_travel_km: Option<f64>,
    /// Needs or topics (`walk`, `shopping`, `digital_help`, `cooking`).
    #[uniffi(default)]
    pub topics: Vec<String>,
    /// Whether the provider must be identity-verified (home visits).
    #[uniffi(default)]
    pub requires_verified: bool,
    /// Provider ids in order of preference, most preferred first.
    #[uniffi(default)]
    pub preferences: Vec<String>,
    /// Provider ids this seeker must never be placed with.
    #[uniffi(default)]
    pub blocked: Vec<String>,
    /// Since when they have been waiting, `YYYY-MM-DD`.
    #[uniffi(default)]
    pub waiting_since: Option<String>,
    /// Extra priority (0 for none).
    #[uniffi(default)]
    pub priority: f64,
}

/// Someone or something seekers are placed with: a host's dinner on a date, a volunteer, a
/// tutor's group, an experience session.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct ProviderRecord {
    /// Opaque id, unique among providers.
    pub id: String,
    /// Seats (places, caseload), at least 1.
    pub capacity: u32,
    /// What it is; none for `Other`.
    #[uniffi(default)]
    pub kind: Option<ProviderKind>,
    /// The person or household behind it (a host offering several dinners).
    #[uniffi(default)]
    pub host: Option<String>,
    /// Seats that must be filled for it to take place (0: it always may).
    #[uniffi(default)]
    pub minimum: u32,
    /// The host's own people at the table, counted in composition (not in capacity).
    #[uniffi(default)]
    pub host_profile: Option<ProfileRecord>,
    /// How many people the host's profile stands for.
    #[uniffi(default = 1)]
    pub host_size: u32,
    /// Dated windows when it is available.
    #[uniffi(default)]
    pub dated: Vec<DatedWindowRecord>,
    /// Weekly windows when it is available.
    #[uniffi(default)]
    pub weekly: Vec<WeeklyWindowRecord>,
    /// Where it is; none for a remote provider.
    #[uniffi(default)]
    pub location: Option<LocationRecord>,
    /// How far the provider will travel, in km; none for no limit.
    #[uniffi(default)]
    pub max_travel_km: Option<f64>,
    /// Languages spoken.
    #[uniffi(default)]
    pub languages: Vec<LanguageRecord>,
    /// Diets the kitchen caters for (the names of [`SeekerRecord::diet`]).
    #[uniffi(default)]
    pub caters: Vec<String>,
    /// Topics offered.
    #[uniffi(default)]
    pub topics: Vec<String>,
    /// Whether identity is verified and the provider approved.
    #[uniffi(default)]
    pub verified: bool,
    /// Seeker ids in order of preference.
    #[uniffi(default)]
    pub preferences: Vec<String>,
    /// Seeker ids this provider must never be given.
    #[uniffi(default)]
    pub blocked: Vec<String>,
}

/// Which hard rules hold (docs/rules.md). The defaults are the core's.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct HardRulesRecord {
    /// Availability must overlap by at least `min_overlap_minutes`.
    #[uniffi(default = true)]
    pub time: bool,
    /// The shortest overlap that counts, in minutes.
    #[uniffi(default = 60)]
    pub min_overlap_minutes: u32,
    /// Every dietary requirement must be catered for.
    #[uniffi(default = true)]
    pub diet: bool,
    /// A language must be shared at `min_language_level` or better.
    #[uniffi(default = true)]
    pub language: bool,
    /// The lowest level at which a shared language counts; none for conversational.
    #[uniffi(default)]
    pub min_language_level: Option<LanguageLevel>,
    /// Distance within each side's travel limit and `max_distance_km`.
    #[uniffi(default = true)]
    pub distance: bool,
    /// A programme-wide distance limit in km.
    #[uniffi(default)]
    pub max_distance_km: Option<f64>,
    /// A seeker who requires it gets only verified providers.
    #[uniffi(default = true)]
    pub verification: bool,
    /// A seeker with topics shares at least one with the provider.
    #[uniffi(default = false)]
    pub topics: bool,
    /// Never an all-female party with an all-male party at one provider (the host counts); the
    /// dinner programme's rule, off by default.
    #[uniffi(default = false)]
    pub gender_parties: bool,
}

/// Rules about the whole group at a provider.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CompositionRecord {
    /// Whether composition rules are enforced.
    #[uniffi(default = true)]
    pub enforce: bool,
    /// At least this many newcomers at a provider that takes place (the host counts).
    #[uniffi(default = 0)]
    pub min_newcomers: u32,
    /// At least this many established residents (the host counts).
    #[uniffi(default = 0)]
    pub min_established: u32,
    /// Attributes (`origin`, `gender`, `age_band`) of which nobody may be the only one with
    /// their value at a provider.
    #[uniffi(default)]
    pub no_lone: Vec<String>,
}

/// Size caps that keep a mistaken input from exhausting the device's memory.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct LimitsRecord {
    /// Most seekers.
    #[uniffi(default = 1000000)]
    pub max_seekers: u64,
    /// Most providers.
    #[uniffi(default = 200000)]
    pub max_providers: u64,
    /// Most candidate pairs.
    #[uniffi(default = 50000000)]
    pub max_edges: u64,
}

/// What a programme requires: the time zone, the plan date, hard rules, group rules, limits.
/// Soft-criterion weights are the core's defaults (use JSON to change them).
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct PolicyRecord {
    /// IANA time zone in which local times are read.
    #[uniffi(default = "Europe/Stockholm")]
    pub timezone: String,
    /// The date on which the plan is made, `YYYY-MM-DD` (for waiting time).
    #[uniffi(default)]
    pub today: Option<String>,
    /// Which hard rules are on.
    #[uniffi(default)]
    pub rules: HardRulesRecord,
    /// Group rules.
    #[uniffi(default)]
    pub composition: CompositionRecord,
    /// Size caps.
    #[uniffi(default)]
    pub limits: LimitsRecord,
}

impl Default for PolicyRecord {
    fn default() -> Self {
        Self::from(&model::Policy::default())
    }
}

// ---- enums ----

impl From<Origin> for model::Origin {
    fn from(origin: Origin) -> Self {
        match origin {
            Origin::Newcomer => Self::Newcomer,
            Origin::Established => Self::Established,
        }
    }
}

impl From<model::Origin> for Origin {
    fn from(origin: model::Origin) -> Self {
        match origin {
            model::Origin::Newcomer => Self::Newcomer,
            model::Origin::Established => Self::Established,
        }
    }
}

impl From<Gender> for model::Gender {
    fn from(gender: Gender) -> Self {
        match gender {
            Gender::Female => Self::Female,
            Gender::Male => Self::Male,
            Gender::Mixed => Self::Mixed,
            Gender::Other => Self::Other,
        }
    }
}

impl From<model::Gender> for Gender {
    fn from(gender: model::Gender) -> Self {
        match gender {
            model::Gender::Female => Self::Female,
            model::Gender::Male => Self::Male,
            model::Gender::Mixed => Self::Mixed,
            model::Gender::Other => Self::Other,
        }
    }
}

impl From<LanguageLevel> for model::Level {
    fn from(level: LanguageLevel) -> Self {
        match level {
            LanguageLevel::Basic => Self::Basic,
            LanguageLevel::Conversational => Self::Conversational,
            LanguageLevel::Fluent => Self::Fluent,
            LanguageLevel::Native => Self::Native,
        }
    }
}

impl From<model::Level> for LanguageLevel {
    fn from(level: model::Level) -> Self {
        match level {
            model::Level::Basic => Self::Basic,
            model::Level::Conversational => Self::Conversational,
            model::Level::Fluent => Self::Fluent,
            model::Level::Native => Self::Native,
        }
    }
}

impl From<ProviderKind> for model::ProviderKind {
    fn from(kind: ProviderKind) -> Self {
        match kind {
            ProviderKind::Dinner => Self::Dinner,
            ProviderKind::Visit => Self::Visit,
            ProviderKind::Workshop => Self::Workshop,
            ProviderKind::Experience => Self::Experience,
            ProviderKind::Coaching => Self::Coaching,
            ProviderKind::Other => Self::Other,
        }
    }
}

impl From<model::ProviderKind> for ProviderKind {
    fn from(kind: model::ProviderKind) -> Self {
        match kind {
            model::ProviderKind::Dinner => Self::Dinner,
            model::ProviderKind::Visit => Self::Visit,
            model::ProviderKind::Workshop => Self::Workshop,
            model::ProviderKind::Experience => Self::Experience,
            model::ProviderKind::Coaching => Self::Coaching,
            model::ProviderKind::Other => Self::Other,
        }
    }
}

impl From<Day> for model::Day {
    fn from(day: Day) -> Self {
        match day {
            Day::Monday => Self::Monday,
            Day::Tuesday => Self::Tuesday,
            Day::Wednesday => Self::Wednesday,
            Day::Thursday => Self::Thursday,
            Day::Friday => Self::Friday,
            Day::Saturday => Self::Saturday,
            Day::Sunday => Self::Sunday,
        }
    }
}

impl From<model::Day> for Day {
    fn from(day: model::Day) -> Self {
        match day {
            model::Day::Monday => Self::Monday,
            model::Day::Tuesday => Self::Tuesday,
            model::Day::Wednesday => Self::Wednesday,
            model::Day::Thursday => Self::Thursday,
            model::Day::Friday => Self::Friday,
            model::Day::Saturday => Self::Saturday,
            model::Day::Sunday => Self::Sunday,
        }
    }
}

// ---- reading text fields, collecting every problem ----

/// Collects the problems of one conversion, each with its path below the record.
#[derive(Default)]
struct Reader {
    problems: Vec<Problem>,
}

impl Reader {
    fn date(&mut self, path: &str, text: &str) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .map_err(|_| self.report(path, "not a date such as 2026-03-28"))
            .ok()
    }

    fn dated(&mut self, path: &str, windows: &[DatedWindowRecord]) -> Vec<model::DatedWindow> {
        let mut out = Vec::with_capacity(windows.len());
        for (i, window) in windows.iter().enumerate() {
            let start = window.start.parse::<model::Moment>();
            let end = window.end.parse::<model::Moment>();
            match (start, end) {
                (Ok(start), Ok(end)) => out.push(model::DatedWindow { start, end }),
                (start, end) => {
                    if let Err(message) = start {
                        self.report(&format!("{path}[{i}].start"), message);
                    }
                    if let Err(message) = end {
                        self.report(&format!("{path}[{i}].end"), message);
                    }
                }
            }
        }
        out
    }

    fn weekly(&mut self, path: &str, windows: &[WeeklyWindowRecord]) -> Vec<model::WeeklyWindow> {
        let mut out = Vec::with_capacity(windows.len());
        for (i, window) in windows.iter().enumerate() {
            let start = window.start.parse::<model::ClockTime>();
            let end = window.end.parse::<model::ClockTime>();
            match (start, end) {
                (Ok(start), Ok(end)) => out.push(model::WeeklyWindow {
                    day: window.day.into(),
                    start,
                    end,
                }),
                (start, end) => {
                    if let Err(message) = start {
                        self.report(&format!("{path}[{i}].start"), message);
                    }
                    if let Err(message) = end {
                        self.report(&format!("{path}[{i}].end"), message);
                    }
                }
            }
        }
        out
    }

    fn report(&mut self, path: &str, message: impl Into<String>) {
        self.problems.push(Problem::new(path, message));
    }

    fn finish<T>(self, value: T) -> Result<T, SammanError> {
        if self.problems.is_empty() {
            Ok(value)
        } else {
            Err(SammanError::InvalidInput {
                problems: self.problems,
            })
        }
    }
}

fn languages(records: &[LanguageRecord]) -> Vec<model::LanguageSkill> {
    records
        .iter()
        .map(|l| model::LanguageSkill {
            code: l.code.as_str().into(),
            level: l.level.into(),
        })
        .collect()
}

fn language_records(skills: &[model::LanguageSkill]) -> Vec<LanguageRecord> {
    skills
        .iter()
        .map(|l| LanguageRecord {
            code: l.code.0.clone(),
            level: l.level.into(),
        })
        .collect()
}

fn ids<T: From<String>>(ids: &[String]) -> Vec<T> {
    ids.iter().cloned().map(T::from).collect()
}

fn dated_records(windows: &[model::DatedWindow]) -> Vec<DatedWindowRecord> {
    windows
        .iter()
        .map(|w| DatedWindowRecord {
            start: w.start.to_string(),
            end: w.end.to_string(),
        })
        .collect()
}

fn weekly_records(windows: &[model::WeeklyWindow]) -> Vec<WeeklyWindowRecord> {
    windows
        .iter()
        .map(|w| WeeklyWindowRecord {
            day: w.day.into(),
            start: w.start.to_string(),
            end: w.end.to_string(),
        })
        .collect()
}

impl From<ProfileRecord> for model::Profile {
    fn from(profile: ProfileRecord) -> Self {
        Self {
            origin: profile.origin.map(Into::into),
            gender: profile.gender.map(Into::into),
            age_band: profile.age_band,
            extra: std::collections::BTreeMap::new(),
        }
    }
}

impl From<&model::Profile> for ProfileRecord {
    fn from(profile: &model::Profile) -> Self {
        Self {
            origin: profile.origin.map(Into::into),
            gender: profile.gender.map(Into::into),
            age_band: profile.age_band.clone(),
        }
    }
}

impl From<LocationRecord> for model::Location {
    fn from(location: LocationRecord) -> Self {
        Self {
            lat: location.lat,
            lon: location.lon,
        }
    }
}

impl From<model::Location> for LocationRecord {
    fn from(location: model::Location) -> Self {
        Self {
            lat: location.lat,
            lon: location.lon,
        }
    }
}

impl TryFrom<SeekerRecord> for model::Seeker {
    type Error = SammanError;

    /// Reads the text fields (windows, dates). Paths are those of the JSON format, relative
    /// to the seeker (`availability.dated[0].start`); ranges (latitude, party size) are
    /// checked by validation.
    fn try_from(record: SeekerRecord) -> Result<Self, SammanError> {
        let mut read = Reader::default();
        let availability = model::Availability {
            dated: read.dated("availability.dated", &record.dated),
            weekly: read.weekly("availability.weekly", &record.weekly),
        };
        let waiting_since = record
            .waiting_since
            .as_deref()
            .and_then(|d| read.date("waiting_since", d));
        let seeker = model::Seeker {
            id: record.id.into(),
            party_size: record.party_size,
            profile: record.profile.into(),
            languages: languages(&record.languages),
            diet: record.diet.iter().map(|d| model::Diet::parse(d)).collect(),
            availability,
            location: record.location.map(Into::into),
            max_travel_km: record.max_travel_km,
            topics: record.topics,
            requires_verified: record.requires_verified,
            preferences: ids(&record.preferences),
            blocked: ids(&record.blocked),
            waiting_since,
            priority: record.priority,
            // Fields the record does not carry (issue 13); JSON instances carry them.
            needs: Vec::new(),
            accepts: std::collections::BTreeMap::new(),
        };
        read.finish(seeker)
    }
}

impl From<&model::Seeker> for SeekerRecord {
    fn from(seeker: &model::Seeker) -> Self {
        Self {
            id: seeker.id.0.clone(),
            party_size: seeker.party_size,
            profile: (&seeker.profile).into(),
            languages: language_records(&seeker.languages),
            diet: seeker.diet.iter().map(ToString::to_string).collect(),
            dated: dated_records(&seeker.availability.dated),
            weekly: weekly_records(&seeker.availability.weekly),
            location: seeker.location.map(Into::into),
            max_travel_km: seeker.max_travel_km,
            topics: seeker.topics.clone(),
            requires_verified: seeker.requires_verified,
            preferences: seeker.preferences.iter().map(|p| p.0.clone()).collect(),
            blocked: seeker.blocked.iter().map(|p| p.0.clone()).collect(),
            waiting_since: seeker.waiting_since.map(|d| d.to_string()),
            priority: seeker.priority,
        }
    }
}

impl TryFrom<ProviderRecord> for model::Provider {
    type Error = SammanError;

    /// Reads the text fields (windows). Paths are those of the JSON format, relative to the
    /// provider (`availability.dated[0].end`); ranges (capacity, latitude) are checked by
    /// validation.
    fn try_from(record: ProviderRecord) -> Result<Self, SammanError> {
        let mut read = Reader::default();
        let availability = model::Availability {
            dated: read.dated("availability.dated", &record.dated),
            weekly: read.weekly("availability.weekly", &record.weekly),
        };
        let mut provider = model::Provider::new(&record.id, record.capacity);
        provider.kind = record.kind.map_or(model::ProviderKind::Other, Into::into);
        provider.host = record.host.map(Into::into);
        provider.minimum = record.minimum;
        provider.host_profile = record.host_profile.map(Into::into);
        provider.host_size = record.host_size;
        provider.availability = availability;
        provider.location = record.location.map(Into::into);
        provider.max_travel_km = record.max_travel_km;
        provider.languages = languages(&record.languages);
        provider.caters = record
            .caters
            .iter()
            .map(|d| model::Diet::parse(d))
            .collect();
        provider.topics = record.topics;
        provider.verification.verified = record.verified;
        provider.preferences = ids(&record.preferences);
        provider.blocked = ids(&record.blocked);
        read.finish(provider)
    }
}

impl From<&model::Provider> for ProviderRecord {
    fn from(provider: &model::Provider) -> Self {
        Self {
            id: provider.id.0.clone(),
            capacity: provider.capacity,
            kind: Some(provider.kind.into()),
            host: provider.host.as_ref().map(|h| h.0.clone()),
            minimum: provider.minimum,
            host_profile: provider.host_profile.as_ref().map(Into::into),
            host_size: provider.host_size,
            dated: dated_records(&provider.availability.dated),
            weekly: weekly_records(&provider.availability.weekly),
            location: provider.location.map(Into::into),
            max_travel_km: provider.max_travel_km,
            languages: language_records(&provider.languages),
            caters: provider.caters.iter().map(ToString::to_string).collect(),
            topics: provider.topics.clone(),
            verified: provider.verification.verified,
            preferences: provider.preferences.iter().map(|s| s.0.clone()).collect(),
            blocked: provider.blocked.iter().map(|s| s.0.clone()).collect(),
        }
    }
}

impl TryFrom<PolicyRecord> for model::Policy {
    type Error = SammanError;

    /// Reads `today`; the weights and the waiting scale are the core's defaults.
    fn try_from(record: PolicyRecord) -> Result<Self, SammanError> {
        let mut read = Reader::default();
        let today = record.today.as_deref().and_then(|d| read.date("today", d));
        let defaults = model::HardRules::default();
        let rules = model::HardRules {
            time: record.rules.time,
            min_overlap_minutes: record.rules.min_overlap_minutes,
            diet: record.rules.diet,
            language: record.rules.language,
            min_language_level: record
                .rules
                .min_language_level
                .map_or(defaults.min_language_level, Into::into),
            distance: record.rules.distance,
            max_distance_km: record.rules.max_distance_km,
            verification: record.rules.verification,
            topics: record.rules.topics,
            gender_parties: record.rules.gender_parties,
            // Rules the record does not carry (issue 13) keep the core's defaults; JSON
            // instances carry them.
            ..defaults
        };
        let policy = model::Policy {
            timezone: record.timezone,
            today,
            rules,
            composition: model::Composition {
                enforce: record.composition.enforce,
                min_newcomers: record.composition.min_newcomers,
                min_established: record.composition.min_established,
                no_lone: record.composition.no_lone,
            },
            limits: model::Limits {
                max_seekers: record.limits.max_seekers,
                max_providers: record.limits.max_providers,
                max_edges: record.limits.max_edges,
            },
            ..model::Policy::default()
        };
        read.finish(policy)
    }
}

impl From<&model::Policy> for PolicyRecord {
    fn from(policy: &model::Policy) -> Self {
        let rules = &policy.rules;
        Self {
            timezone: policy.timezone.clone(),
            today: policy.today.map(|d| d.to_string()),
            rules: HardRulesRecord {
                time: rules.time,
                min_overlap_minutes: rules.min_overlap_minutes,
                diet: rules.diet,
                language: rules.language,
                // None stands for the default, so that `PolicyRecord()` in Kotlin or Swift
                // equals the core's default policy.
                min_language_level: (rules.min_language_level
                    != model::HardRules::default().min_language_level)
                    .then(|| rules.min_language_level.into()),
                distance: rules.distance,
                max_distance_km: rules.max_distance_km,
                verification: rules.verification,
                topics: rules.topics,
                gender_parties: rules.gender_parties,
            },
            composition: CompositionRecord {
                enforce: policy.composition.enforce,
                min_newcomers: policy.composition.min_newcomers,
                min_established: policy.composition.min_established,
                no_lone: policy.composition.no_lone.clone(),
            },
            limits: LimitsRecord {
                max_seekers: policy.limits.max_seekers,
                max_providers: policy.limits.max_providers,
                max_edges: policy.limits.max_edges,
            },
        }
    }
}

/// Prefix every problem's path of an invalid-input error with where the record sits
/// (`seekers[3]`), so that paths read like the JSON format's.
pub(crate) fn at(prefix: &str, error: SammanError) -> SammanError {
    match error {
        SammanError::InvalidInput { problems } => SammanError::InvalidInput {
            problems: problems
                .into_iter()
                .map(|p| Problem::new(format!("{prefix}.{}", p.path), p.message))
                .collect(),
        },
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seeker() -> SeekerRecord {
        SeekerRecord {
            id: "party-1".into(),
            party_size: 2,
            profile: ProfileRecord {
                origin: Some(Origin::Newcomer),
                gender: Some(Gender::Mixed),
                age_band: Some("30-44".into()),
            },
            languages: vec![LanguageRecord {
                code: "sv".into(),
                level: LanguageLevel::Fluent,
            }],
            diet: vec!["vegetarian".into(), "custom:celery".into()],
            dated: vec![DatedWindowRecord {
                start: "2026-03-28T18:00".into(),
                end: "2026-03-28T22:00+01:00".into(),
            }],
            weekly: vec![WeeklyWindowRecord {
                day: Day::Friday,
                start: "22:00".into(),
                end: "02:00".into(),
            }],
            location: Some(LocationRecord {
                lat: 59.33,
                lon: 18.06,
            }),
            max_travel_km: Some(5.0),
            topics: vec!["cooking".into()],
            requires_verified: true,
            preferences: vec!["dinner-2".into()],
            blocked: vec!["dinner-9".into()],
            waiting_since: Some("2026-01-15".into()),
            priority: 0.5,
        }
    }

    fn provider() -> ProviderRecord {
        ProviderRecord {
            id: "dinner-1".into(),
            capacity: 4,
            kind: Some(ProviderKind::Dinner),
            host: Some("household-1".into()),
            minimum: 2,
            host_profile: Some(ProfileRecord {
                origin: Some(Origin::Established),
                gender: None,
                age_band: None,
            }),
            host_size: 2,
            dated: vec![DatedWindowRecord {
                start: "2026-03-28T17:30".into(),
                end: "2026-03-28T23:00".into(),
            }],
            weekly: Vec::new(),
            location: Some(LocationRecord {
                lat: 59.34,
                lon: 18.07,
            }),
            max_travel_km: None,
            languages: vec![LanguageRecord {
                code: "sv".into(),
                level: LanguageLevel::Native,
            }],
            caters: vec!["vegan".into(), "halal".into()],
            topics: Vec::new(),
            verified: true,
            preferences: Vec::new(),
            blocked: vec!["party-7".into()],
        }
    }

    #[test]
    fn a_seeker_survives_the_round_trip_through_the_core() {
        let record = seeker();
        let core = model::Seeker::try_from(record.clone()).expect("a readable seeker");
        assert_eq!(core.diet[0], model::Diet::parse("vegetarian"));
        assert_eq!(core.availability.weekly[0].minutes(), 4 * 60);
        assert_eq!(SeekerRecord::from(&core), record);
    }

    #[test]
    fn a_provider_survives_the_round_trip_through_the_core() {
        let record = provider();
        let core = model::Provider::try_from(record.clone()).expect("a readable provider");
        assert_eq!(core.history_key(), "household-1");
        assert_eq!(ProviderRecord::from(&core), record);
    }

    #[test]
    fn the_default_policy_record_is_the_core_default() {
        let core = model::Policy::try_from(PolicyRecord::default()).expect("readable");
        assert_eq!(core, model::Policy::default());
    }

    #[test]
    fn every_unreadable_field_is_reported_with_its_path() {
        let mut record = seeker();
        record.dated[0].start = "tomorrow".into();
        record.dated[0].end = "2026-03-28T25:00".into();
        record.weekly[0].end = "2:00".into();
        record.waiting_since = Some("15/01/2026".into());
        let error = model::Seeker::try_from(record).expect_err("unreadable fields");
        let SammanError::InvalidInput { problems } = at("seekers[4]", error) else {
            panic!("unreadable fields are invalid input");
        };
        let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "seekers[4].availability.dated[0].start",
                "seekers[4].availability.dated[0].end",
                "seekers[4].availability.weekly[0].end",
                "seekers[4].waiting_since",
            ]
        );
    }
}
