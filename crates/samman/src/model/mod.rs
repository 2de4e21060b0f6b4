//! The domain model: seekers, providers, the policy that says which rules hold, and the history
//! of earlier assignments. Everything here is plain data, serde and JSON-Schema ready; checking
//! it is [`crate::validate`]'s job.

mod diet;
mod language;
mod novelty;
mod time;
mod zone;

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::rules::Criterion;

pub use diet::{DIET_NAMES, Diet};
pub use language::{LanguageCode, LanguageSkill, Level};
pub use novelty::{Met, Novelty};
pub(crate) use time::ResolvedAvailability;
pub use time::{
    Availability, ClockTime, DatedWindow, Day, Moment, MomentError, WEEK_MINUTES, WeeklyWindow,
};
#[doc(hidden)]
pub use zone::write as zone_table;
pub use zone::{UnknownZone, Zone};

/// The version of the instance format this crate reads and writes.
pub const FORMAT_VERSION: u32 = 1;

macro_rules! opaque_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            /// The id as text.
            #[must_use]
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl From<&str> for $name {
            fn from(id: &str) -> Self {
                Self(id.to_owned())
            }
        }

        impl From<String> for $name {
            fn from(id: String) -> Self {
                Self(id)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

opaque_id!(
    /// The opaque id of a seeker (a guest party, an older person, a participant, a booking).
    SeekerId
);
opaque_id!(
    /// The opaque id of a provider (a dinner on a date, a volunteer, a group, a session).
    ProviderId
);
opaque_id!(
    /// The opaque id of the person or household behind providers (a host who offers several
    /// dinners, a tutor), used by history for continuity and novelty.
    HostId
);

/// Whether a person has moved to the country or has lived there long.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Origin {
    /// Has moved to the country.
    Newcomer,
    /// Has lived there long.
    Established,
}

/// The gender make-up of a party (a single person is `female`, `male` or `other`).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
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

/// The attributes of the people in a party, or of a host or tutor; they count toward the
/// composition of a group. A party is described as a whole: every member shares them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Profile {
    /// Newcomer or established resident.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub origin: Option<Origin>,
    /// Gender make-up.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub gender: Option<Gender>,
    /// Age band, a programme's own label such as `65-79`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub age_band: Option<String>,
    /// Further categorical attributes a programme defines (name to value).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub extra: BTreeMap<String, String>,
}

impl Profile {
    /// The value of a named attribute: `origin`, `gender`, `age_band` or an extra one.
    #[must_use]
    pub fn value(&self, attribute: &str) -> Option<String> {
        match attribute {
            "origin" => self.origin.map(|o| enum_name(&o)),
            "gender" => self.gender.map(|g| enum_name(&g)),
            "age_band" => self.age_band.clone(),
            other => self.extra.get(other).cloned(),
        }
    }
}

/// The serde name of a unit enum variant (`newcomer`, `female`, ...).
pub(crate) fn enum_name<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(name)) => name,
        _ => String::new(),
    }
}

/// A point on the map, in degrees (WGS 84).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Location {
    /// Latitude, -90 to 90.
    pub lat: f64,
    /// Longitude, -180 to 180.
    pub lon: f64,
}

impl Location {
    /// Great-circle distance in kilometres (haversine, mean Earth radius 6371.0088 km).
    #[must_use]
    pub fn distance_km(self, other: Location) -> f64 {
        Radians::of(self).distance_km(&Radians::of(other))
    }
}

/// Mean Earth radius in km, the sphere every distance is measured on.
pub(crate) const EARTH_RADIUS_KM: f64 = 6371.0088;

/// A location in radians with the cosine of its latitude, so that distances to many others
/// cost no more trigonometry than they must. Gives bit for bit the same distances as
/// [`Location::distance_km`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Radians {
    phi: f64,
    lambda: f64,
    cos_phi: f64,
}

impl Radians {
    /// Convert a location.
    #[must_use]
    pub fn of(location: Location) -> Self {
        let phi = location.lat.to_radians();
        Self {
            phi,
            lambda: location.lon.to_radians(),
            // libm, not std: std calls the platform's maths library, whose last bit differs
            // between targets (glibc on Linux, a musl port on wasm32); the same distances
            // everywhere give the same plans everywhere.
            cos_phi: libm::cos(phi),
        }
    }

    /// Whether the great-circle distance to `other` is at most `km`, exactly as
    /// `self.distance_km(other) <= km` says, but without trigonometry when the difference in
    /// latitude alone is clearly farther (a great circle is never shorter than the meridian
    /// arc between the two latitudes; the margin covers rounding).
    #[must_use]
    pub fn within_km(&self, other: &Radians, km: f64) -> bool {
        if (other.phi - self.phi).abs() * EARTH_RADIUS_KM > km * (1.0 + 1e-9) + 1e-9 {
            return false;
        }
        self.distance_km(other) <= km
    }

    /// The latitude, in radians.
    #[must_use]
    pub(crate) fn phi(&self) -> f64 {
        self.phi
    }

    /// Great-circle distance in kilometres (haversine, mean Earth radius 6371.0088 km).
    #[must_use]
    pub fn distance_km(&self, other: &Radians) -> f64 {
        let dphi = other.phi - self.phi;
        let dlambda = other.lambda - self.lambda;
        // libm, as in `of`: the same bits on every target.
        let a = libm::sin(dphi / 2.0).powi(2)
            + self.cos_phi * other.cos_phi * libm::sin(dlambda / 2.0).powi(2);
        2.0 * EARTH_RADIUS_KM * libm::asin(a.sqrt().min(1.0))
    }
}

fn one() -> u32 {
    1
}

fn is_one(n: &u32) -> bool {
    *n == 1
}

fn is_false(b: &bool) -> bool {
    !b
}

fn is_zero(x: &f64) -> bool {
    *x == 0.0
}

/// Someone to be placed: a guest party, an older person, a workshop participant, a customer's
/// booking, a project group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Seeker {
    /// Opaque id, unique among seekers.
    pub id: SeekerId,
    /// People in the party; they take as many seats and are never split.
    #[serde(default = "one", skip_serializing_if = "is_one")]
    #[cfg_attr(feature = "uniffi", uniffi(default = 1))]
    pub party_size: u32,
    /// Who they are, as far as group composition needs.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub profile: Profile,
    /// Languages spoken.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub languages: Vec<LanguageSkill>,
    /// Dietary requirements the provider must cater for.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub diet: Vec<Diet>,
    /// When they are available.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub availability: Availability,
    /// Where they are; none for remote participation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub location: Option<Location>,
    /// How far they will travel, in km; none for no limit of their own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub max_travel_km: Option<f64>,
    /// Needs or topics (`walk`, `shopping`, `digital_help`, `cooking`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub topics: Vec<String>,
    /// Whether the provider must be identity-verified (home visits).
    #[serde(default, skip_serializing_if = "is_false")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub requires_verified: bool,
    /// Providers in order of preference, most preferred first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub preferences: Vec<ProviderId>,
    /// Providers this seeker must never be placed with.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub blocked: Vec<ProviderId>,
    /// Since when they have been waiting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub waiting_since: Option<NaiveDate>,
    /// Extra priority (0 for none), weighted by the policy's `priority` weight.
    #[serde(default, skip_serializing_if = "is_zero")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub priority: f64,
    /// What the provider must offer, every one (`hearing_loop`, `step_free`, `wheelchair`,
    /// `car`, a role such as `driver`): an open vocabulary of tags, apart from diet.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub needs: Vec<String>,
    /// What the seeker accepts of the provider's host profile: for each attribute (`origin`,
    /// `gender`, `age_band` or an `extra` key) the values accepted, such as
    /// `{"gender": ["female"]}` (the `accepts` rule).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub accepts: BTreeMap<String, Vec<String>>,
    /// What the party takes of a provider's capacity, when not one seat a person: a project
    /// group of five takes one slot of a coach's caseload (`seats: 1`); none: `party_size`.
    /// Composition rules still count people.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub seats: Option<u32>,
    /// How many providers the seeker wants at once (default 1): two volunteers for one older
    /// person, a participant in two workshop series. Never twice the same provider, and with
    /// the time rule on never two providers whose times overlap (the `wants` rule).
    #[serde(default = "one", skip_serializing_if = "is_one")]
    #[cfg_attr(feature = "uniffi", uniffi(default = 1))]
    pub wants: u32,
}

impl Seeker {
    /// What the party takes of a provider's capacity: `seats`, or else `party_size`.
    #[must_use]
    pub fn seats_taken(&self) -> u32 {
        self.seats.unwrap_or(self.party_size)
    }

    /// The people of every placement the seeker wants: `party_size × wants`.
    #[must_use]
    pub fn people_wanted(&self) -> u64 {
        u64::from(self.party_size) * u64::from(self.wants.max(1))
    }

    /// A seeker with an id and every other field at its default.
    #[must_use]
    pub fn new(id: &str) -> Self {
        Self {
            id: id.into(),
            party_size: 1,
            profile: Profile::default(),
            languages: Vec::new(),
            diet: Vec::new(),
            availability: Availability::default(),
            location: None,
            max_travel_km: None,
            topics: Vec::new(),
            requires_verified: false,
            preferences: Vec::new(),
            blocked: Vec::new(),
            waiting_since: None,
            priority: 0.0,
            needs: Vec::new(),
            accepts: BTreeMap::new(),
            seats: None,
            wants: 1,
        }
    }
}

/// What a provider is, for reports and per-kind policy.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
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
    #[default]
    Other,
}

/// Identity verification of a provider (BankID for volunteers who visit homes).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Verification {
    /// Whether identity is verified and the provider approved.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub verified: bool,
    /// When, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub verified_on: Option<NaiveDate>,
}

/// A provider's record of earlier engagements.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Reliability {
    /// Engagements delivered.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub completed: u32,
    /// Engagements cancelled in advance.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub cancelled: u32,
    /// Engagements not turned up to.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub no_show: u32,
}

impl Verification {
    /// The last day the verification is valid when verifications expire after `valid_days`:
    /// `verified_on + valid_days`; none without a date (or past the calendar's end).
    #[must_use]
    pub fn valid_until(&self, valid_days: u32) -> Option<NaiveDate> {
        self.verified_on?
            .checked_add_days(chrono::Days::new(u64::from(valid_days)))
    }

    /// Whether the verification counts on `today`: it is verified and, when verifications
    /// expire after `valid_days`, `today` is no later than [`Verification::valid_until`].
    #[must_use]
    pub fn current(&self, valid_days: Option<u32>, today: Option<NaiveDate>) -> bool {
        self.verified
            && match (valid_days, today) {
                (Some(days), Some(today)) => self.valid_until(days).is_some_and(|d| today <= d),
                _ => true,
            }
    }
}

impl Reliability {
    /// Expected share delivered, with one prior success and one prior failure (Laplace), so
    /// a new provider starts at 0.5 and a record moves it: `(completed + 1) / (total + 2)`.
    #[must_use]
    pub fn expected_completion(self) -> f64 {
        let total = f64::from(self.completed) + f64::from(self.cancelled) + f64::from(self.no_show);
        (f64::from(self.completed) + 1.0) / (total + 2.0)
    }

    /// Engagements on record: completed, cancelled and not turned up to.
    #[must_use]
    pub fn events(self) -> u64 {
        u64::from(self.completed) + u64::from(self.cancelled) + u64::from(self.no_show)
    }

    /// Expected share of no-shows, `(no_show + 0.5) / (total + 2)` (a small prior).
    #[must_use]
    pub fn expected_no_show(self) -> f64 {
        let total = f64::from(self.completed) + f64::from(self.cancelled) + f64::from(self.no_show);
        (f64::from(self.no_show) + 0.5) / (total + 2.0)
    }
}

/// Whether a provider may be matched: only `ready` ones are (the `readiness` rule).
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ProviderStatus {
    /// Ready to be matched.
    #[default]
    Ready,
    /// Still being trained or tried out (an experience not yet ready to sell).
    InTraining,
    /// Taking a break.
    Paused,
}

impl ProviderStatus {
    /// Every status.
    pub const ALL: [ProviderStatus; 3] = [
        ProviderStatus::Ready,
        ProviderStatus::InTraining,
        ProviderStatus::Paused,
    ];

    /// The status's name in JSON and CSV: `ready`, `in_training`, `paused`.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            ProviderStatus::Ready => "ready",
            ProviderStatus::InTraining => "in_training",
            ProviderStatus::Paused => "paused",
        }
    }

    /// The status named `name`, if any.
    #[must_use]
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.name() == name)
    }
}

fn is_ready(status: &ProviderStatus) -> bool {
    *status == ProviderStatus::Ready
}

/// Someone or something seekers are placed with: a host's dinner on a date, a volunteer, a
/// tutor's group, an experience session, a coach.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Provider {
    /// Opaque id, unique among providers.
    pub id: ProviderId,
    /// What it is.
    #[serde(default)]
    pub kind: ProviderKind,
    /// The person or household behind it, for history; defaults to the provider itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub host: Option<HostId>,
    /// Seats (places, caseload); a party takes its `seats`, as many as it has people unless
    /// set.
    pub capacity: u32,
    /// Seats that must be filled for it to take place (0: it always may).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub minimum: u32,
    /// The host or tutor's own people at the table, counted in composition (not in capacity).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub host_profile: Option<Profile>,
    /// How many people the host's own profile stands for (a household of two: 2).
    #[serde(default = "one", skip_serializing_if = "is_one")]
    #[cfg_attr(feature = "uniffi", uniffi(default = 1))]
    pub host_size: u32,
    /// When it is available.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub availability: Availability,
    /// Where it is; none for a remote provider.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub location: Option<Location>,
    /// How far the provider will travel, in km (a visiting volunteer); none for no limit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub max_travel_km: Option<f64>,
    /// Languages spoken.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub languages: Vec<LanguageSkill>,
    /// Diets the kitchen caters for.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub caters: Vec<Diet>,
    /// Topics offered.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub topics: Vec<String>,
    /// Identity verification.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub verification: Verification,
    /// Record of earlier engagements.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub reliability: Reliability,
    /// Seekers in order of preference, most preferred first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub preferences: Vec<SeekerId>,
    /// Seekers this provider must never be given.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub blocked: Vec<SeekerId>,
    /// Whether it may be matched now: `ready` (the default), `in_training` or `paused`.
    #[serde(default, skip_serializing_if = "is_ready")]
    #[cfg_attr(feature = "uniffi", uniffi(default = "ready"))]
    pub status: ProviderStatus,
    /// What it offers for seekers' `needs` (`hearing_loop`, `step_free`, `driver`, ...).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub offers: Vec<String>,
    /// What the provider accepts of a seeker's profile, as [`Seeker::accepts`].
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub accepts: BTreeMap<String, Vec<String>>,
}

impl Provider {
    /// A provider with an id, a capacity and every other field at its default.
    #[must_use]
    pub fn new(id: &str, capacity: u32) -> Self {
        Self {
            id: id.into(),
            kind: ProviderKind::Other,
            host: None,
            capacity,
            minimum: 0,
            host_profile: None,
            host_size: 1,
            availability: Availability::default(),
            location: None,
            max_travel_km: None,
            languages: Vec::new(),
            caters: Vec::new(),
            topics: Vec::new(),
            verification: Verification::default(),
            reliability: Reliability::default(),
            preferences: Vec::new(),
            blocked: Vec::new(),
            status: ProviderStatus::Ready,
            offers: Vec::new(),
            accepts: BTreeMap::new(),
        }
    }

    /// The identity that history refers to: the host, or else the provider's own id.
    #[must_use]
    pub fn history_key(&self) -> &str {
        self.host.as_ref().map_or(self.id.as_str(), HostId::as_str)
    }
}

/// Which hard rules hold. A pair is feasible when every rule that is on holds (docs/rules.md).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct HardRules {
    /// Availability must overlap by at least `min_overlap_minutes`.
    pub time: bool,
    /// The shortest overlap that counts, in minutes.
    pub min_overlap_minutes: u32,
    /// Every dietary requirement must be catered for.
    pub diet: bool,
    /// A language must be shared at `min_language_level` or better.
    pub language: bool,
    /// The lowest level at which a shared language counts (both sides).
    pub min_language_level: Level,
    /// Distance within each side's travel limit and `max_distance_km`.
    pub distance: bool,
    /// A programme-wide distance limit in km.
    pub max_distance_km: Option<f64>,
    /// A seeker who requires it gets only verified providers.
    pub verification: bool,
    /// A seeker with topics shares at least one with the provider.
    pub topics: bool,
    /// Never an all-female party with an all-male party at one provider (the host counts);
    /// a rule of the dinner programme, off by default.
    pub gender_parties: bool,
    /// The lowest expected completion (`Reliability::expected_completion`, 0 to 1) a provider
    /// with at least `reliability_min_events` engagements may have; none: off.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_reliability: Option<f64>,
    /// Engagements on record from which `min_reliability` applies (default 1).
    #[serde(skip_serializing_if = "is_one")]
    pub reliability_min_events: u32,
    /// Profile attributes (`region`: an `extra` key, or `origin`, `gender`, `age_band`) on
    /// which a seeker and a provider's host must agree; a side without the attribute agrees
    /// with any value (the `same` rule).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub same: Vec<String>,
    /// Days a verification stays valid: one older than that on `policy.today` (or without a
    /// date) counts as none; none: verifications never expire.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verification_valid_days: Option<u32>,
}

impl Default for HardRules {
    fn default() -> Self {
        Self {
            time: true,
            min_overlap_minutes: 60,
            diet: true,
            language: true,
            min_language_level: Level::Conversational,
            distance: true,
            max_distance_km: None,
            verification: true,
            topics: false,
            gender_parties: false,
            min_reliability: None,
            reliability_min_events: 1,
            same: Vec::new(),
            verification_valid_days: None,
        }
    }
}

/// Writes [`Weights`] from the list of soft criteria (`rules::with_criteria`).
macro_rules! weights {
    ($($(#[$measures:meta])* $variant:ident $name:ident = $weight:literal, $rewards:literal;)*) => {
        /// Weights of the soft criteria. A feasible match scores
        /// `placement + Σ weight × criterion`, each criterion in `[0, 1]` (docs/rules.md).
        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
        #[serde(deny_unknown_fields, default)]
        #[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
        pub struct Weights {
            /// Score of any feasible match, so that placing someone is worth something.
            pub placement: f64,
            $(
                #[doc = $rewards]
                pub $name: f64,
            )*
        }

        impl Default for Weights {
            fn default() -> Self {
                Self {
                    placement: 1.0,
                    $($name: $weight,)*
                }
            }
        }

        impl Weights {
            /// The weight of one criterion.
            #[must_use]
            pub fn get(&self, criterion: Criterion) -> f64 {
                match criterion {
                    $(Criterion::$variant => self.$name,)*
                }
            }

            /// Set the weight of one criterion.
            pub fn set(&mut self, criterion: Criterion, weight: f64) {
                match criterion {
                    $(Criterion::$variant => self.$name = weight,)*
                }
            }
        }
    };
}

crate::rules::with_criteria!(weights);

impl Weights {
    /// Every criterion with its weight, in [`Criterion::ALL`] order (`placement` is not a
    /// criterion).
    pub fn iter(&self) -> impl Iterator<Item = (Criterion, f64)> + '_ {
        Criterion::ALL.into_iter().map(|c| (c, self.get(c)))
    }
}

/// Rules about the whole group at a provider.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Composition {
    /// Whether composition rules are enforced.
    pub enforce: bool,
    /// At least this many newcomers at a provider that takes place (the host counts).
    pub min_newcomers: u32,
    /// At least this many established residents (the host counts).
    pub min_established: u32,
    /// Attributes (`origin`, `gender`, `age_band` or an extra one) of which nobody may be the
    /// only person with their value at a provider.
    pub no_lone: Vec<String>,
}

impl Default for Composition {
    fn default() -> Self {
        Self {
            enforce: true,
            min_newcomers: 0,
            min_established: 0,
            no_lone: Vec::new(),
        }
    }
}

/// Caps that keep a hostile or mistaken input from exhausting memory.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Limits {
    /// Most seekers.
    pub max_seekers: u64,
    /// Most providers.
    pub max_providers: u64,
    /// Most candidate edges in the graph.
    pub max_edges: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_seekers: 1_000_000,
            max_providers: 200_000,
            max_edges: 50_000_000,
        }
    }
}

/// Days of waiting at which the waiting criterion reaches 1.
fn default_waiting_scale() -> u32 {
    90
}

/// What a programme requires and values.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Policy {
    /// IANA time zone in which local times are read.
    pub timezone: String,
    /// The date on which the plan is made (for waiting time); none: waiting is not scored.
    pub today: Option<NaiveDate>,
    /// Which hard rules are on.
    pub rules: HardRules,
    /// Weights of the soft criteria.
    pub weights: Weights,
    /// Days of waiting at which the waiting criterion reaches 1.
    #[serde(default = "default_waiting_scale")]
    pub waiting_scale_days: u32,
    /// Group rules.
    pub composition: Composition,
    /// Size caps.
    pub limits: Limits,
    /// Meeting again: never (a hard rule) or at a fading cost; none: only the `novelty`
    /// weight of the score.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub novelty: Option<Novelty>,
}

impl Default for Policy {
    fn default() -> Self {
        Self {
            timezone: "Europe/Stockholm".into(),
            today: None,
            rules: HardRules::default(),
            weights: Weights::default(),
            waiting_scale_days: default_waiting_scale(),
            composition: Composition::default(),
            limits: Limits::default(),
            novelty: None,
        }
    }
}

/// An earlier assignment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Meeting {
    /// The seeker.
    pub seeker: SeekerId,
    /// The provider's host id, or the provider id where providers have no host.
    pub host: HostId,
    /// When, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub date: Option<NaiveDate>,
}

/// Earlier assignments, for continuity (the same volunteer again) and novelty (not the same
/// host twice).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct History {
    /// Earlier meetings.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub meetings: Vec<Meeting>,
    /// Who sat at a table with whom: pairs of seekers, and seekers with hosts.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub met: Vec<Met>,
}

/// Rules about particular seekers.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Constraints {
    /// Sets of seekers placed with the same provider, or not at all.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub keep_together: Vec<Vec<SeekerId>>,
    /// Sets of seekers of whom no two are placed with the same provider.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub keep_apart: Vec<Vec<SeekerId>>,
    /// Confirmed assignments that every plan keeps.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub locked: Vec<crate::plan::Pair>,
}

/// A host who offers several providers as alternatives, such as a household that can host a
/// dinner on Saturday or on Sunday: at most `max_events` of the providers whose `host` is this
/// id take place (the `host_events` rule). A host without an entry is unlimited.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Host {
    /// The id that providers name in their `host` field.
    pub id: HostId,
    /// How many of its providers may take place (0: none).
    pub max_events: u32,
}

/// A matching problem: seekers, providers, the policy, history and constraints.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Instance {
    /// Format version; this crate reads [`FORMAT_VERSION`].
    #[cfg_attr(feature = "uniffi", uniffi(default = 1))]
    pub version: u32,
    /// People to place.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub seekers: Vec<Seeker>,
    /// Providers to place them with.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub providers: Vec<Provider>,
    /// Rules and weights.
    #[serde(default)]
    pub policy: Policy,
    /// Earlier assignments.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub history: History,
    /// Keep-together, keep-apart and locked assignments.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub constraints: Constraints,
    /// Hosts whose providers are alternatives: at most `max_events` of each host's providers
    /// take place.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub hosts: Vec<Host>,
}

impl Default for Instance {
    fn default() -> Self {
        Self {
            version: FORMAT_VERSION,
            seekers: Vec::new(),
            providers: Vec::new(),
            policy: Policy::default(),
            history: History::default(),
            constraints: Constraints::default(),
            hosts: Vec::new(),
        }
    }
}

impl Instance {
    /// An empty instance with the default policy.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Each seeker's position by id (the first, should ids repeat).
    #[must_use]
    pub fn seeker_indices(&self) -> HashMap<&str, usize> {
        first_positions(self.seekers.iter().map(|s| s.id.as_str()))
    }

    /// Each provider's position by id (the first, should ids repeat).
    #[must_use]
    pub fn provider_indices(&self) -> HashMap<&str, usize> {
        first_positions(self.providers.iter().map(|p| p.id.as_str()))
    }

    /// Per provider, the limit on events of its host ([`Host::max_events`]) and the host's
    /// position in `hosts`; none for a provider without a host or whose host has no entry.
    #[must_use]
    pub fn host_limits(&self) -> Vec<Option<(usize, u32)>> {
        let limits: HashMap<&str, (usize, u32)> = self
            .hosts
            .iter()
            .enumerate()
            .rev()
            .map(|(h, host)| (host.id.as_str(), (h, host.max_events)))
            .collect();
        self.providers
            .iter()
            .map(|p| {
                p.host
                    .as_ref()
                    .and_then(|h| limits.get(h.as_str()).copied())
            })
            .collect()
    }
}

fn first_positions<'a>(ids: impl Iterator<Item = &'a str>) -> HashMap<&'a str, usize> {
    let mut index = HashMap::new();
    for (i, id) in ids.enumerate() {
        index.entry(id).or_insert(i);
    }
    index
}

#[cfg(test)]
mod tests {
    use super::{Instance, Provider, Seeker};

    #[test]
    fn indices_by_id_keep_the_first_of_repeated_ids() {
        let mut instance = Instance::new();
        for id in ["a", "b", "a"] {
            instance.seekers.push(Seeker::new(id));
        }
        instance.providers.push(Provider::new("p", 2));
        let seekers = instance.seeker_indices();
        assert_eq!((seekers["a"], seekers["b"], seekers.len()), (0, 1, 2));
        assert_eq!(instance.provider_indices()["p"], 0);
    }
}
