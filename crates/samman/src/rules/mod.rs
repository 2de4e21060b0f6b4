//! The hard rules that decide whether a seeker may be placed with a provider, and the soft
//! criteria that score a feasible pair. Each is a small function defined exactly in
//! docs/rules.md; [`Rules`] prepares an instance once so the graph builder can apply them fast.

use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicU8, Ordering};

use crate::history::host_person;
use crate::parallel::prelude::*;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::{
    DIET_NAMES, Diet, Gender, HardRules, Instance, LanguageSkill, Level, Location, Origin, Profile,
    Provider, ProviderStatus, Radians, Reliability, ResolvedAvailability, Seeker, Verification,
    Zone,
};

mod exclusions;
mod hosts;
mod novelty;
pub(crate) use exclusions::exclusions;
pub use hosts::host_events_violations;
use novelty::hosts_met;
pub use novelty::met_before_at_table;

/// The host index of a provider without a host person.
const NO_HOST: u32 = u32::MAX;

/// A hard rule about one seeker and one provider.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Rule {
    /// Either side's record is left out of matching (a problem [`crate::validate::check`]
    /// warns about, such as coordinates out of range).
    Record,
    /// The provider is not `ready`, or its reliability is below `min_reliability`.
    Readiness,
    /// Either side has blocked the other.
    Blocked,
    /// The party is larger than the provider's capacity.
    Capacity,
    /// Identity verification is required and missing.
    Verification,
    /// Too far apart.
    Distance,
    /// Availability does not overlap long enough.
    Time,
    /// A dietary requirement is not catered for.
    Diet,
    /// No language shared at the required level.
    Language,
    /// No topic shared.
    Topics,
    /// A need of the seeker is not offered.
    Needs,
    /// One side does not accept the other's profile.
    Accepts,
    /// The two sides differ on an attribute of `rules.same`.
    Same,
    /// An all-female party and an all-male one (the host counts) at one provider.
    GenderParties,
    /// The seeker met the provider's host before and `policy.novelty` is never-again.
    MetBefore,
}

impl Rule {
    /// Every pair rule, in the order they are checked (cheapest first).
    pub const ALL: [Rule; 15] = [
        Rule::Record,
        Rule::Readiness,
        Rule::Blocked,
        Rule::Capacity,
        Rule::Verification,
        Rule::GenderParties,
        Rule::Topics,
        Rule::Needs,
        Rule::Accepts,
        Rule::Same,
        Rule::Diet,
        Rule::Language,
        Rule::Distance,
        Rule::Time,
        Rule::MetBefore,
    ];

    /// The rule's name in JSON and reports.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Rule::Record => "record",
            Rule::Readiness => "readiness",
            Rule::Blocked => "blocked",
            Rule::Capacity => "capacity",
            Rule::Verification => "verification",
            Rule::Distance => "distance",
            Rule::Time => "time",
            Rule::Diet => "diet",
            Rule::Language => "language",
            Rule::Topics => "topics",
            Rule::Needs => "needs",
            Rule::Accepts => "accepts",
            Rule::Same => "same",
            Rule::GenderParties => "gender_parties",
            Rule::MetBefore => "met_before",
        }
    }
}

/// Every dietary requirement is served by some diet the kitchen caters for.
#[must_use]
pub fn diet_ok(requirements: &[Diet], caters: &[Diet]) -> bool {
    requirements
        .iter()
        .all(|need| caters.iter().any(|kitchen| kitchen.caters_for(need)))
}

/// The best level at which two people share a language: for each common language the lower
/// of the two levels, and the highest of those. `None` when they share none.
#[must_use]
pub fn shared_language_level(a: &[LanguageSkill], b: &[LanguageSkill]) -> Option<Level> {
    a.iter()
        .flat_map(|x| {
            b.iter()
                .filter(move |y| y.code == x.code)
                .map(move |y| x.level.min(y.level))
        })
        .max()
}

/// A language is shared at `minimum` or better. A side that lists no language at all is not
/// constrained (as with an empty availability): the programme gave no language data for it.
#[must_use]
pub fn language_ok(a: &[LanguageSkill], b: &[LanguageSkill], minimum: Level) -> bool {
    a.is_empty()
        || b.is_empty()
        || shared_language_level(a, b).is_some_and(|level| level >= minimum)
}

/// The travel limit that applies to a pair: the smallest of the limits that are set.
#[must_use]
pub fn travel_limit(
    seeker: Option<f64>,
    provider: Option<f64>,
    programme: Option<f64>,
) -> Option<f64> {
    [seeker, provider, programme]
        .into_iter()
        .flatten()
        .reduce(f64::min)
}

/// Distance between two places; `None` when either is remote (no location).
#[must_use]
pub fn distance_km(a: Option<Location>, b: Option<Location>) -> Option<f64> {
    Some(a?.distance_km(b?))
}

/// Within the travel limit; a remote side or no limit at all always passes.
#[must_use]
pub fn distance_ok(distance: Option<f64>, limit: Option<f64>) -> bool {
    match (distance, limit) {
        (Some(d), Some(limit)) => d <= limit,
        _ => true,
    }
}

/// A seeker who requires verification gets a verified provider.
#[must_use]
pub fn verification_ok(requires_verified: bool, verification: &Verification) -> bool {
    !requires_verified || verification.verified
}

/// Only a `ready` provider is matched, and with `min_reliability` set, only one whose expected
/// completion is at least that, once it has `min_events` engagements on record.
#[must_use]
pub fn readiness_ok(
    status: ProviderStatus,
    reliability: Reliability,
    min_reliability: Option<f64>,
    min_events: u32,
) -> bool {
    status == ProviderStatus::Ready
        && min_reliability.is_none_or(|minimum| {
            reliability.events() < u64::from(min_events)
                || reliability.expected_completion() >= minimum
        })
}

/// A seeker with topics shares at least one with the provider; no topics always passes.
#[must_use]
pub fn topics_ok(wanted: &[String], offered: &[String]) -> bool {
    wanted.is_empty() || wanted.iter().any(|t| offered.contains(t))
}

/// Every need of the seeker is among what the provider offers; no needs always passes.
#[must_use]
pub fn needs_ok(needs: &[String], offers: &[String]) -> bool {
    needs.iter().all(|need| offers.contains(need))
}

/// The other side's profile has, for every attribute `accepts` names, one of the values
/// listed; no filter always passes, and a side without a profile or without the attribute
/// passes no filter on it.
#[must_use]
pub fn accepts_ok(accepts: &BTreeMap<String, Vec<String>>, other: Option<&Profile>) -> bool {
    accepts.iter().all(|(attribute, values)| {
        other
            .and_then(|profile| profile.value(attribute))
            .is_some_and(|value| values.contains(&value))
    })
}

/// The two profiles agree on every attribute in `same` that both have; a side without a
/// profile, or without the attribute, agrees with any value.
#[must_use]
pub fn same_ok(same: &[String], seeker: &Profile, host: Option<&Profile>) -> bool {
    let Some(host) = host else {
        return true;
    };
    same.iter().all(
        |attribute| match (seeker.value(attribute), host.value(attribute)) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        },
    )
}

/// Never an all-female party with an all-male party.
#[must_use]
pub fn gender_parties_ok(a: Option<Gender>, b: Option<Gender>) -> bool {
    !matches!(
        (a, b),
        (Some(Gender::Female), Some(Gender::Male)) | (Some(Gender::Male), Some(Gender::Female))
    )
}

/// The availability overlaps for at least `min_minutes` (a side with no window always does).
#[must_use]
pub fn time_ok(longest_overlap_seconds: i64, min_minutes: u32) -> bool {
    longest_overlap_seconds >= i64::from(min_minutes.max(1)) * 60
}

/// A soft criterion, each worth between 0 and 1 before weighting.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Criterion {
    /// `1 - distance / limit`, 1 for a remote pair.
    Distance,
    /// The shared language level as a fraction of native.
    Language,
    /// Rank in each side's preference list.
    Preference,
    /// Days waited over the waiting scale, at most 1.
    Waiting,
    /// 1 if they met before.
    Continuity,
    /// 1 if they did not meet before.
    Novelty,
    /// Share of the seeker's topics offered.
    Topics,
    /// The provider's expected completion rate.
    Reliability,
    /// The seeker's priority value (not bounded to 1).
    Priority,
}

impl Criterion {
    /// Every criterion, in breakdown order.
    pub const ALL: [Criterion; 9] = [
        Criterion::Distance,
        Criterion::Language,
        Criterion::Preference,
        Criterion::Waiting,
        Criterion::Continuity,
        Criterion::Novelty,
        Criterion::Topics,
        Criterion::Reliability,
        Criterion::Priority,
    ];

    /// The criterion's name in JSON and reports.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Criterion::Distance => "distance",
            Criterion::Language => "language",
            Criterion::Preference => "preference",
            Criterion::Waiting => "waiting",
            Criterion::Continuity => "continuity",
            Criterion::Novelty => "novelty",
            Criterion::Topics => "topics",
            Criterion::Reliability => "reliability",
            Criterion::Priority => "priority",
        }
    }
}

/// The value of each soft criterion for one pair, before weighting.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Breakdown {
    /// Distance criterion.
    pub distance: f32,
    /// Language criterion.
    pub language: f32,
    /// Preference criterion.
    pub preference: f32,
    /// Waiting criterion.
    pub waiting: f32,
    /// Continuity criterion.
    pub continuity: f32,
    /// Novelty criterion.
    pub novelty: f32,
    /// Topics criterion.
    pub topics: f32,
    /// Reliability criterion.
    pub reliability: f32,
    /// Priority criterion.
    pub priority: f32,
}

impl Breakdown {
    /// The value of one criterion.
    #[must_use]
    pub fn get(&self, criterion: Criterion) -> f32 {
        match criterion {
            Criterion::Distance => self.distance,
            Criterion::Language => self.language,
            Criterion::Preference => self.preference,
            Criterion::Waiting => self.waiting,
            Criterion::Continuity => self.continuity,
            Criterion::Novelty => self.novelty,
            Criterion::Topics => self.topics,
            Criterion::Reliability => self.reliability,
            Criterion::Priority => self.priority,
        }
    }
}

/// Distance criterion: `1 - d / scale`, clamped to `[0, 1]`; 1 when either side is remote.
/// The scale is the pair's travel limit, or 10 km when there is none.
#[must_use]
pub fn distance_score(distance: Option<f64>, limit: Option<f64>) -> f64 {
    const DEFAULT_SCALE_KM: f64 = 10.0;
    match distance {
        None => 1.0,
        Some(d) => {
            let scale = limit.unwrap_or(DEFAULT_SCALE_KM);
            if scale <= 0.0 {
                f64::from(u8::from(d <= 0.0))
            } else {
                (1.0 - d / scale).clamp(0.0, 1.0)
            }
        }
    }
}

/// Preference criterion for one side's list: `1 - rank / len` (the first gets 1), 0 when the
/// other is not listed, `None` when the side ranks nobody.
#[must_use]
pub fn rank_score(rank: Option<usize>, list_len: usize) -> Option<f64> {
    (list_len > 0).then(|| rank.map_or(0.0, |r| 1.0 - r as f64 / list_len as f64))
}

/// Waiting criterion: days waited over `scale_days`, at most 1, 0 when unknown.
#[must_use]
pub fn waiting_score(days_waited: Option<i64>, scale_days: u32) -> f64 {
    days_waited.map_or(0.0, |d| {
        (d.max(0) as f64 / f64::from(scale_days.max(1))).min(1.0)
    })
}

/// Topics criterion: the share of the seeker's topics the provider offers (0 with no topics).
#[must_use]
pub fn topics_score(wanted: &[String], offered: &[String]) -> f64 {
    if wanted.is_empty() {
        return 0.0;
    }
    wanted.iter().filter(|t| offered.contains(t)).count() as f64 / wanted.len() as f64
}

/// Why a pair is not feasible: the first rule that fails, or all of them.
pub type Verdict = Result<(), Rule>;

/// An instance prepared for applying the rules many times: the time zone, resolved
/// availabilities, preference ranks, blocks and history as hash sets of indices.
#[derive(Debug)]
pub struct Rules<'a> {
    instance: &'a Instance,
    tz: Zone,
    /// Time rule data: per seeker and provider, its class of identical availabilities.
    times: TimeClasses,
    /// Per seeker, the providers blocked by either side, sorted.
    blocked: Vec<Vec<u32>>,
    /// Per seeker, (provider, rank in the seeker's list), sorted by provider.
    seeker_rank: Vec<Vec<(u32, u32)>>,
    /// Per provider, (seeker, rank in the provider's list), sorted by seeker.
    provider_rank: Vec<Vec<(u32, u32)>>,
    /// Per seeker, the hosts met before, sorted.
    met: Vec<Vec<u32>>,
    /// Per seeker, beside `met`, the weight novelty gives the latest meeting (1: as if now).
    met_weight: Vec<Vec<f32>>,
    /// Per provider, the index of its host person in `met`, or [`NO_HOST`].
    provider_host: Vec<u32>,
    seeker_traits: Vec<Traits>,
    provider_traits: Vec<Traits>,
    seeker_languages: Vec<Vec<(u16, Level)>>,
    provider_languages: Vec<Vec<(u16, Level)>>,
    /// Some provider filters seekers' profiles (`provider.accepts`).
    any_provider_accepts: bool,
}

/// The availabilities of both sides, each kept once per class of identical ones, and the time
/// rule's verdict per pair of classes once computed: programmes offer a few dates, so most
/// pairs compare availabilities already compared (explaining a seeker compares it with every
/// provider).
#[derive(Debug)]
struct TimeClasses {
    seeker_classes: Vec<ResolvedAvailability>,
    provider_classes: Vec<ResolvedAvailability>,
    seeker_class: Vec<u32>,
    provider_class: Vec<u32>,
    /// Per (seeker class, provider class), row-major: 0 not yet known, 1 holds, 2 fails.
    /// Empty when the table would pass [`TimeClasses::MAX_MEMO`] cells.
    memo: Vec<AtomicU8>,
}

impl TimeClasses {
    /// The largest verdict table kept, in cells of one byte.
    const MAX_MEMO: usize = 1 << 24;

    fn new(instance: &Instance, tz: Zone) -> Self {
        let resolve = |availability| ResolvedAvailability::new(availability, tz);
        let seeker_times: Vec<ResolvedAvailability> = instance
            .seekers
            .par_iter()
            .map(|s| resolve(&s.availability))
            .collect();
        let provider_times: Vec<ResolvedAvailability> = instance
            .providers
            .par_iter()
            .map(|p| resolve(&p.availability))
            .collect();
        let (seeker_classes, seeker_class) = classes(seeker_times.into_iter());
        let (provider_classes, provider_class) = classes(provider_times.into_iter());
        let cells = seeker_classes
            .len()
            .checked_mul(provider_classes.len())
            .filter(|&n| n <= Self::MAX_MEMO)
            .unwrap_or(0);
        Self {
            seeker_classes,
            provider_classes,
            seeker_class,
            provider_class,
            memo: (0..cells).map(|_| AtomicU8::new(0)).collect(),
        }
    }

    fn seeker(&self, s: usize) -> &ResolvedAvailability {
        &self.seeker_classes[self.seeker_class[s] as usize]
    }

    fn provider(&self, p: usize) -> &ResolvedAvailability {
        &self.provider_classes[self.provider_class[p] as usize]
    }

    /// Whether seeker `s` and provider `p` overlap for at least `min_minutes`.
    fn holds(&self, s: usize, p: usize, tz: Zone, min_minutes: u32) -> bool {
        let (i, j) = (
            self.seeker_class[s] as usize,
            self.provider_class[p] as usize,
        );
        let (a, b) = (&self.seeker_classes[i], &self.provider_classes[j]);
        if !a.may_overlap(b) {
            return false;
        }
        let compute = || time_ok(a.longest_overlap(b, tz), min_minutes);
        let Some(cell) = self.memo.get(i * self.provider_classes.len() + j) else {
            return compute();
        };
        // Threads racing on a cell compute the same verdict, so relaxed ordering is enough.
        match cell.load(Ordering::Relaxed) {
            1 => true,
            2 => false,
            _ => {
                let ok = compute();
                cell.store(if ok { 1 } else { 2 }, Ordering::Relaxed);
                ok
            }
        }
    }
}

/// The distinct values of `items` in order of first appearance, and each item's position
/// among them.
fn classes<T: Clone + Eq + std::hash::Hash>(items: impl Iterator<Item = T>) -> (Vec<T>, Vec<u32>) {
    let mut index: HashMap<T, u32> = HashMap::new();
    let mut distinct = Vec::new();
    let class = items
        .map(|item| {
            let next = index.len() as u32;
            *index.entry(item).or_insert_with_key(|item| {
                distinct.push(item.clone());
                next
            })
        })
        .collect();
    (distinct, class)
}

/// What the diet and language rules need of one side, as bit masks, so the graph builder
/// compares them with a few instructions instead of walking lists of strings.
#[derive(Debug, Clone, Copy, Default)]
struct Traits {
    /// Seeker: the vocabulary diets required. Provider: every vocabulary diet its kitchen
    /// serves, through the catering matrix.
    diet: u32,
    /// A custom or unknown diet is involved: fall back to the list comparison.
    diet_custom: bool,
    /// Languages spoken at the policy's minimum level or better, by ISO 639-1 position.
    languages: [u64; 3],
    /// No language listed: the language rule does not constrain this side.
    no_languages: bool,
    /// Seeker: seats taken (`seats`, else party size). Provider: capacity.
    seats: u32,
    /// Own travel limit (infinite when none).
    travel_km: f64,
    /// Location, when there is one.
    at: Option<Radians>,
    /// Seeker: requires a verified provider. Provider: is verified.
    verification: bool,
    /// Seeker: the party's gender. Provider: the host's.
    gender: Option<Gender>,
    /// Length of the side's preference list.
    ranked: u32,
    /// Lists topics.
    has_topics: bool,
    /// Seeker: the waiting criterion. Provider: the reliability criterion.
    own_criterion: f64,
    /// The record is left out of matching (the `record` rule).
    left_out: bool,
    /// Provider: not matched now (the `readiness` rule fails).
    unready: bool,
    /// Seeker: lists needs.
    has_needs: bool,
    /// Filters the other side's profile (`accepts`).
    has_accepts: bool,
}

/// The part of one side that the graph builder screens pairs with before any rule runs,
/// stored beside each provider in the spatial grid so that screening streams through memory.
/// A pair the screen rejects fails a hard rule; one it passes is checked fully.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Screen {
    /// Location (when the distance rule is on and the side has one).
    at: Option<Radians>,
    /// Travel limit: the side's own; for a seeker also the programme's (infinite when none).
    travel_km: f64,
    /// Seats: party size or capacity.
    seats: u32,
    /// Vocabulary diets required (seeker) or served (provider).
    diet: u32,
    /// Hours of the week touched (all ones when the time rule is off or the side is free).
    hours: [u64; 3],
    /// Languages at the minimum level (all ones when the language rule is off or none listed).
    languages: [u64; 3],
}

impl Screen {
    /// Whether the pair passes the screen (`self` the seeker's, `provider` the provider's).
    #[inline]
    #[must_use]
    pub fn admits(&self, provider: &Screen) -> bool {
        self.seats <= provider.seats
            && self.diet & !provider.diet == 0
            && self
                .hours
                .iter()
                .zip(&provider.hours)
                .any(|(a, b)| a & b != 0)
            && self
                .languages
                .iter()
                .zip(&provider.languages)
                .any(|(a, b)| a & b != 0)
            && match (&self.at, &provider.at) {
                (Some(x), Some(y)) => x.within_km(y, self.travel_km.min(provider.travel_km)),
                _ => true,
            }
    }
}

/// Languages as (ISO 639-1 position, level), sorted, for the language criterion.
fn language_list(skills: &[LanguageSkill]) -> Vec<(u16, Level)> {
    let mut list: Vec<(u16, Level)> = skills
        .iter()
        .filter_map(|s| Some((s.code.index()? as u16, s.level)))
        .collect();
    list.sort_unstable();
    list
}

/// The best shared level of two sorted language lists (as [`shared_language_level`]).
fn shared_level_sorted(a: &[(u16, Level)], b: &[(u16, Level)]) -> Option<Level> {
    let (mut i, mut j, mut best) = (0, 0, None);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                best = best.max(Some(a[i].1.min(b[j].1)));
                i += 1;
                j += 1;
            }
        }
    }
    best
}

impl Traits {
    fn seeker(seeker: &Seeker, minimum: Level) -> Self {
        let mut traits = Self::languages(&seeker.languages, minimum);
        traits.seats = seeker.seats_taken();
        traits.travel_km = seeker.max_travel_km.unwrap_or(f64::INFINITY);
        traits.at = seeker.location.map(Radians::of);
        traits.verification = seeker.requires_verified;
        traits.gender = seeker.profile.gender;
        traits.ranked = seeker.preferences.len() as u32;
        traits.has_topics = !seeker.topics.is_empty();
        traits.left_out = crate::validate::seeker_left_out(seeker);
        traits.has_needs = !seeker.needs.is_empty();
        traits.has_accepts = !seeker.accepts.is_empty();
        for diet in &seeker.diet {
            match diet_bit(diet) {
                Some(bit) => traits.diet |= bit,
                None => traits.diet_custom = true,
            }
        }
        traits
    }

    fn provider(provider: &Provider, on: &HardRules, today: Option<NaiveDate>) -> Self {
        let mut traits = Self::languages(&provider.languages, on.min_language_level);
        traits.unready = !readiness_ok(
            provider.status,
            provider.reliability,
            on.min_reliability,
            on.reliability_min_events,
        );
        traits.seats = provider.capacity;
        traits.travel_km = provider.max_travel_km.unwrap_or(f64::INFINITY);
        traits.at = provider.location.map(Radians::of);
        traits.verification = provider
            .verification
            .current(on.verification_valid_days, today);
        traits.gender = provider.host_profile.as_ref().and_then(|h| h.gender);
        traits.ranked = provider.preferences.len() as u32;
        traits.has_topics = !provider.topics.is_empty();
        traits.own_criterion = provider.reliability.expected_completion();
        traits.left_out = crate::validate::provider_left_out(provider);
        traits.has_accepts = !provider.accepts.is_empty();
        for (i, (_, requirement)) in DIET_NAMES.iter().enumerate() {
            if provider
                .caters
                .iter()
                .any(|kitchen| kitchen.caters_for(requirement))
            {
                traits.diet |= 1 << i;
            }
        }
        traits
    }

    fn languages(skills: &[LanguageSkill], minimum: Level) -> Self {
        let mut languages = [0u64; 3];
        for skill in skills.iter().filter(|s| s.level >= minimum) {
            if let Some(i) = skill.code.index() {
                languages[i / 64] |= 1 << (i % 64);
            }
        }
        Self {
            languages,
            no_languages: skills.is_empty(),
            ..Self::default()
        }
    }
}

/// The bit of a vocabulary diet; `None` for custom and unknown ones.
fn diet_bit(diet: &Diet) -> Option<u32> {
    DIET_NAMES
        .iter()
        .position(|(_, d)| d == diet)
        .map(|i| 1 << i)
}

/// Look up `key` in a list sorted by its first element.
fn lookup(list: &[(u32, u32)], key: u32) -> Option<usize> {
    list.binary_search_by_key(&key, |&(k, _)| k)
        .ok()
        .map(|i| list[i].1 as usize)
}

/// Sort a list of pairs by key and keep the first (best ranked) entry for each key.
fn sorted_ranks(mut list: Vec<(u32, u32)>) -> Vec<(u32, u32)> {
    list.sort_unstable();
    list.dedup_by_key(|&mut (k, _)| k);
    list
}

impl<'a> Rules<'a> {
    /// Prepare a valid instance whose time zone is `tz` (see `validate::prepare`); the public
    /// way in is [`crate::Session::rules`], which validates first.
    #[must_use]
    pub(crate) fn new(instance: &'a Instance, tz: Zone) -> Self {
        Self::prepare(instance, tz)
    }

    /// Prepare a copy of a validated instance that keeps its policy (the explanations' work
    /// instances): its time zone was checked with the original.
    pub(crate) fn of_validated(instance: &'a Instance) -> Self {
        let tz = crate::validate::time_zone(instance)
            .expect("a copy of a validated instance keeps its IANA time zone");
        Self::prepare(instance, tz)
    }

    fn prepare(instance: &'a Instance, tz: Zone) -> Self {
        let seeker_ix: HashMap<&str, u32> = instance
            .seekers
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.as_str(), i as u32))
            .collect();
        let provider_ix: HashMap<&str, u32> = instance
            .providers
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.as_str(), i as u32))
            .collect();
        let n_seekers = instance.seekers.len();
        let mut blocked: Vec<Vec<u32>> = vec![Vec::new(); n_seekers];
        let mut seeker_rank = Vec::with_capacity(n_seekers);
        for (s, seeker) in instance.seekers.iter().enumerate() {
            blocked[s].extend(
                seeker
                    .blocked
                    .iter()
                    .filter_map(|id| provider_ix.get(id.as_str()).copied()),
            );
            seeker_rank.push(sorted_ranks(
                seeker
                    .preferences
                    .iter()
                    .enumerate()
                    .filter_map(|(rank, id)| Some((*provider_ix.get(id.as_str())?, rank as u32)))
                    .collect(),
            ));
        }
        let mut provider_rank = Vec::with_capacity(instance.providers.len());
        for (p, provider) in instance.providers.iter().enumerate() {
            for id in &provider.blocked {
                if let Some(&s) = seeker_ix.get(id.as_str()) {
                    blocked[s as usize].push(p as u32);
                }
            }
            provider_rank.push(sorted_ranks(
                provider
                    .preferences
                    .iter()
                    .enumerate()
                    .filter_map(|(rank, id)| Some((*seeker_ix.get(id.as_str())?, rank as u32)))
                    .collect(),
            ));
        }
        for list in &mut blocked {
            list.sort_unstable();
            list.dedup();
        }
        // Host people only: a provider without one (a table, a room) is no one to have met.
        let mut host_ix: HashMap<&str, u32> = HashMap::new();
        let provider_host = instance
            .providers
            .iter()
            .map(|p| {
                if host_person(p).is_none() {
                    return NO_HOST;
                }
                let next = host_ix.len() as u32;
                *host_ix.entry(p.history_key()).or_insert(next)
            })
            .collect();
        let (met, met_weight) = hosts_met(instance, &seeker_ix, &host_ix);
        let minimum = instance.policy.rules.min_language_level;
        Self {
            // Per person and independent: computed in parallel (the order is kept).
            seeker_traits: instance
                .seekers
                .par_iter()
                .map(|s| Traits::seeker(s, minimum))
                .collect(),
            seeker_languages: instance
                .seekers
                .par_iter()
                .map(|s| language_list(&s.languages))
                .collect(),
            provider_languages: instance
                .providers
                .par_iter()
                .map(|p| language_list(&p.languages))
                .collect(),
            provider_traits: instance
                .providers
                .par_iter()
                .map(|p| Traits::provider(p, &instance.policy.rules, instance.policy.today))
                .collect(),
            instance,
            tz,
            times: TimeClasses::new(instance, tz),
            blocked,
            seeker_rank,
            provider_rank,
            met,
            met_weight,
            provider_host,
            any_provider_accepts: instance.providers.iter().any(|p| !p.accepts.is_empty()),
        }
    }

    /// The screen of seeker `s`.
    #[must_use]
    pub fn seeker_screen(&self, s: usize) -> Screen {
        let on = &self.instance.policy.rules;
        let t = &self.seeker_traits[s];
        Screen {
            at: t.at.filter(|_| on.distance),
            travel_km: t.travel_km.min(on.max_distance_km.unwrap_or(f64::INFINITY)),
            // A record left out fits nowhere (the `record` rule, decided by the screen).
            seats: if t.left_out { u32::MAX } else { t.seats },
            diet: if on.diet && !t.diet_custom { t.diet } else { 0 },
            hours: if on.time {
                self.times.seeker(s).hour_mask()
            } else {
                [u64::MAX; 3]
            },
            languages: if on.language && !t.no_languages {
                t.languages
            } else {
                [u64::MAX; 3]
            },
        }
    }

    /// The screen of provider `p`.
    #[must_use]
    pub fn provider_screen(&self, p: usize) -> Screen {
        let on = &self.instance.policy.rules;
        let t = &self.provider_traits[p];
        Screen {
            at: t.at.filter(|_| on.distance),
            travel_km: t.travel_km,
            // A provider left out or not ready takes nobody (decided by the screen).
            seats: if t.left_out || t.unready { 0 } else { t.seats },
            diet: if on.diet { t.diet } else { u32::MAX },
            hours: if on.time {
                self.times.provider(p).hour_mask()
            } else {
                [u64::MAX; 3]
            },
            languages: if on.language && !t.no_languages {
                t.languages
            } else {
                [u64::MAX; 3]
            },
        }
    }

    /// Whether seeker `s`'s record is left out of matching (the `record` rule fails for it
    /// with every provider).
    #[must_use]
    pub(crate) fn left_out_seeker(&self, s: usize) -> bool {
        self.seeker_traits[s].left_out
    }

    /// Whether any provider filters seekers' profiles (`provider.accepts`).
    pub(crate) fn any_provider_accepts(&self) -> bool {
        self.any_provider_accepts
    }

    /// Whether seeker `s` and the host person of provider `p` met before (history); never for
    /// a provider without a host person.
    #[must_use]
    pub fn met_before(&self, s: usize, p: usize) -> bool {
        self.provider_host[p] != NO_HOST
            && self.met[s].binary_search(&self.provider_host[p]).is_ok()
    }

    /// The position of provider `p` in seeker `s`'s preference list.
    #[must_use]
    pub fn seeker_rank(&self, s: usize, p: usize) -> Option<usize> {
        lookup(&self.seeker_rank[s], p as u32)
    }

    /// The position of seeker `s` in provider `p`'s preference list.
    #[must_use]
    pub fn provider_rank(&self, s: usize, p: usize) -> Option<usize> {
        lookup(&self.provider_rank[p], s as u32)
    }

    /// The instance these rules apply to.
    #[must_use]
    pub fn instance(&self) -> &'a Instance {
        self.instance
    }

    /// The time zone local times are read in.
    #[must_use]
    pub fn time_zone(&self) -> Zone {
        self.tz
    }

    /// The travel limit of a pair (seeker's, provider's and the programme's, the smallest).
    #[must_use]
    pub fn travel_limit(&self, seeker: &Seeker, provider: &Provider) -> Option<f64> {
        travel_limit(
            seeker.max_travel_km,
            provider.max_travel_km,
            self.instance.policy.rules.max_distance_km,
        )
    }

    /// Distance between seeker `s` and provider `p`, `None` when either is remote.
    #[must_use]
    pub fn distance_km(&self, s: usize, p: usize) -> Option<f64> {
        match (self.seeker_traits[s].at, self.provider_traits[p].at) {
            (Some(x), Some(y)) => Some(x.distance_km(&y)),
            _ => None,
        }
    }

    /// The hard rules that fail for seeker `s` and provider `p`, as a bit mask: bit `i` is set
    /// when `Rule::ALL[i]` fails. Equal to asking [`Rules::holds`] for every rule, with the
    /// per-side data read once: explaining a seeker asks this of every provider.
    #[must_use]
    #[inline]
    pub fn failed(&self, s: usize, p: usize) -> u16 {
        const _: () = assert!(Rule::ALL.len() == 15, "one bit below for each rule");
        // Spelled out so that each call is inlined with its rule known: a loop over the rules
        // would dispatch on the rule for every provider.
        let bit = |i: usize| u16::from(!self.holds(Rule::ALL[i], s, p)) << i;
        bit(0)
            | bit(1)
            | bit(2)
            | bit(3)
            | bit(4)
            | bit(5)
            | bit(6)
            | bit(7)
            | bit(8)
            | bit(9)
            | bit(10)
            | bit(11)
            | bit(12)
            | bit(13)
            | bit(14)
    }

    /// Whether one hard rule holds for seeker `s` and provider `p` (indices into the instance).
    /// A rule the policy turns off always holds.
    #[must_use]
    #[inline(always)]
    pub fn holds(&self, rule: Rule, s: usize, p: usize) -> bool {
        // Each rule reads the compact per-side data prepared in `new` (equal to the rule
        // functions on the model, which unit tests check), not the model's structs: explaining
        // a seeker checks every provider, and that must stay fast.
        let on = &self.instance.policy.rules;
        let (a, b) = (&self.seeker_traits[s], &self.provider_traits[p]);
        match rule {
            Rule::Record => !a.left_out && !b.left_out,
            Rule::Readiness => !b.unready,
            Rule::Blocked => self.blocked[s].binary_search(&(p as u32)).is_err(),
            Rule::Capacity => a.seats <= b.seats,
            Rule::Verification => !on.verification || !a.verification || b.verification,
            Rule::GenderParties => !on.gender_parties || gender_parties_ok(a.gender, b.gender),
            Rule::Topics => {
                !on.topics
                    || !a.has_topics
                    || topics_ok(
                        &self.instance.seekers[s].topics,
                        &self.instance.providers[p].topics,
                    )
            }
            Rule::Needs => {
                !a.has_needs
                    || needs_ok(
                        &self.instance.seekers[s].needs,
                        &self.instance.providers[p].offers,
                    )
            }
            Rule::Accepts => {
                (!a.has_accepts
                    || accepts_ok(
                        &self.instance.seekers[s].accepts,
                        self.instance.providers[p].host_profile.as_ref(),
                    ))
                    && (!b.has_accepts
                        || accepts_ok(
                            &self.instance.providers[p].accepts,
                            Some(&self.instance.seekers[s].profile),
                        ))
            }
            Rule::Same => {
                on.same.is_empty()
                    || same_ok(
                        &on.same,
                        &self.instance.seekers[s].profile,
                        self.instance.providers[p].host_profile.as_ref(),
                    )
            }
            Rule::Distance => {
                let limit = a
                    .travel_km
                    .min(b.travel_km)
                    .min(on.max_distance_km.unwrap_or(f64::INFINITY));
                !on.distance
                    || match (a.at, b.at) {
                        (Some(x), Some(y)) => x.within_km(&y, limit),
                        _ => true,
                    }
            }
            // Equal to `diet_ok` and `language_ok` (a unit test checks it), through bit masks.
            Rule::Diet => {
                !on.diet
                    || if a.diet_custom {
                        diet_ok(
                            &self.instance.seekers[s].diet,
                            &self.instance.providers[p].caters,
                        )
                    } else {
                        a.diet & !b.diet == 0
                    }
            }
            Rule::Language => {
                !on.language
                    || a.no_languages
                    || b.no_languages
                    || a.languages
                        .iter()
                        .zip(&b.languages)
                        .any(|(x, y)| x & y != 0)
            }
            Rule::Time => !on.time || self.times.holds(s, p, self.tz, on.min_overlap_minutes),
            Rule::MetBefore => !self.never_again() || !self.met_before(s, p),
        }
    }

    /// Whether every hard rule holds for the pair: the same answer as [`Rules::check`], with the
    /// rules taken cheapest and most selective first (bit masks, then the hour-of-week mask,
    /// then the distance, then the exact time overlap). The graph builder's inner loop.
    #[must_use]
    pub fn feasible(&self, s: usize, p: usize) -> bool {
        !self.quickly_rejected(s, p) && self.feasible_after_screen(s, p)
    }

    /// Whether every hard rule holds for a pair that passed [`Screen::admits`] (which decides
    /// seats, vocabulary diets, languages and distance exactly, as the quick test does).
    #[must_use]
    pub fn feasible_after_screen(&self, s: usize, p: usize) -> bool {
        // What the quick test decided exactly (seats, languages, distance, vocabulary diets)
        // is not checked again; the rest is.
        let on = &self.instance.policy.rules;
        let (a, b) = (&self.seeker_traits[s], &self.provider_traits[p]);
        (self.blocked[s].is_empty() || self.holds(Rule::Blocked, s, p))
            && (!on.verification || !a.verification || b.verification)
            && (!on.gender_parties || gender_parties_ok(a.gender, b.gender))
            && (!on.topics || !a.has_topics || self.holds(Rule::Topics, s, p))
            && (!a.diet_custom || self.holds(Rule::Diet, s, p))
            && (!a.has_needs || self.holds(Rule::Needs, s, p))
            && (!(a.has_accepts || b.has_accepts) || self.holds(Rule::Accepts, s, p))
            && (on.same.is_empty() || self.holds(Rule::Same, s, p))
            && self.holds(Rule::Time, s, p)
            && self.holds(Rule::MetBefore, s, p)
    }

    /// Whether `policy.novelty` forbids meeting again.
    pub(crate) fn never_again(&self) -> bool {
        self.instance.policy.novelty == Some(crate::model::Novelty::NeverAgain)
    }

    /// The weight novelty gives seeker `s`'s latest meeting with provider `p`'s host: 0 when
    /// they never met, 1 for a meeting as bad as now, less for a fading one (penalty mode).
    #[must_use]
    pub fn met_weight(&self, s: usize, p: usize) -> f64 {
        if self.provider_host[p] == NO_HOST {
            return 0.0;
        }
        self.met[s]
            .binary_search(&self.provider_host[p])
            .map_or(0.0, |i| f64::from(self.met_weight[s][i]))
    }

    /// Whether a rule surely fails, judged from compact per-side data only: seats, diet and
    /// language masks, the hour-of-week mask, and the distance. `false` means "check fully".
    #[inline]
    fn quickly_rejected(&self, s: usize, p: usize) -> bool {
        let on = &self.instance.policy.rules;
        let (a, b) = (&self.seeker_traits[s], &self.provider_traits[p]);
        if a.seats > b.seats
            || a.left_out
            || b.left_out
            || b.unready
            || (on.diet && !a.diet_custom && a.diet & !b.diet != 0)
            || (on.language
                && !a.no_languages
                && !b.no_languages
                && a.languages
                    .iter()
                    .zip(&b.languages)
                    .all(|(x, y)| x & y == 0))
            || (on.time && !self.times.seeker(s).may_overlap(self.times.provider(p)))
        {
            return true;
        }
        if let (true, Some(x), Some(y)) = (on.distance, a.at, b.at) {
            let limit = a
                .travel_km
                .min(b.travel_km)
                .min(on.max_distance_km.unwrap_or(f64::INFINITY));
            return !x.within_km(&y, limit);
        }
        false
    }

    /// The first hard rule that fails for the pair, in [`Rule::ALL`] order, or `Ok`.
    ///
    /// # Errors
    /// The failing rule.
    pub fn check(&self, s: usize, p: usize) -> Verdict {
        Rule::ALL
            .into_iter()
            .find(|&rule| !self.holds(rule, s, p))
            .map_or(Ok(()), Err)
    }

    /// Every hard rule that fails for the pair.
    #[must_use]
    pub fn failures(&self, s: usize, p: usize) -> Vec<Rule> {
        Rule::ALL
            .into_iter()
            .filter(|&rule| !self.holds(rule, s, p))
            .collect()
    }

    /// The soft criteria of a pair.
    #[must_use]
    pub fn breakdown(&self, s: usize, p: usize) -> Breakdown {
        let on = &self.instance.policy.rules;
        let (a, b) = (&self.seeker_traits[s], &self.provider_traits[p]);
        let sides = [
            (a.ranked > 0)
                .then(|| rank_score(self.seeker_rank(s, p), a.ranked as usize))
                .flatten(),
            (b.ranked > 0)
                .then(|| rank_score(self.provider_rank(s, p), b.ranked as usize))
                .flatten(),
        ];
        let (sum, count) = sides
            .into_iter()
            .flatten()
            .fold((0.0, 0.0), |(sum, n), x| (sum + x, n + 1.0));
        let preference = if count > 0.0 { sum / count } else { 0.0 };
        let met = self.met_before(s, p);
        let limit = travel_limit(
            Some(a.travel_km).filter(|t| t.is_finite()),
            Some(b.travel_km).filter(|t| t.is_finite()),
            on.max_distance_km,
        );
        let topics = if a.has_topics && b.has_topics {
            topics_score(
                &self.instance.seekers[s].topics,
                &self.instance.providers[p].topics,
            )
        } else {
            0.0
        };
        Breakdown {
            distance: distance_score(self.distance_km(s, p), limit) as f32,
            language: shared_level_sorted(&self.seeker_languages[s], &self.provider_languages[p])
                .map_or(0.0, Level::fraction) as f32,
            preference: preference as f32,
            waiting: a.own_criterion as f32,
            continuity: f32::from(u8::from(met)),
            novelty: 1.0 - self.met_weight(s, p) as f32,
            topics: topics as f32,
            reliability: b.own_criterion as f32,
            priority: self.instance.seekers[s].priority as f32,
        }
    }

    /// The score of a pair from its breakdown: `placement + Σ weight × criterion`.
    #[must_use]
    pub fn score(&self, breakdown: &Breakdown) -> f64 {
        let w = &self.instance.policy.weights;
        w.placement
            + w.distance * f64::from(breakdown.distance)
            + w.language * f64::from(breakdown.language)
            + w.preference * f64::from(breakdown.preference)
            + w.waiting * f64::from(breakdown.waiting)
            + w.continuity * f64::from(breakdown.continuity)
            + w.novelty * f64::from(breakdown.novelty)
            + w.topics * f64::from(breakdown.topics)
            + w.reliability * f64::from(breakdown.reliability)
            + w.priority * f64::from(breakdown.priority)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Availability, Day, Profile, WeeklyWindow};

    /// Every name written by hand is the name in JSON.
    #[test]
    fn names_are_the_json_names() {
        let json = |v: serde_json::Value| v.as_str().map(str::to_owned);
        for rule in Rule::ALL {
            assert_eq!(
                json(serde_json::to_value(rule).unwrap()).as_deref(),
                Some(rule.name())
            );
        }
        for criterion in Criterion::ALL {
            let value = serde_json::to_value(criterion).unwrap();
            assert_eq!(json(value).as_deref(), Some(criterion.name()));
        }
        let group_rules = GroupRule::every_kind();
        for rule in &group_rules {
            let value = serde_json::to_value(rule).unwrap();
            assert_eq!(json(value["rule"].clone()).as_deref(), Some(rule.name()));
        }
    }

    fn skills(list: &[(&str, Level)]) -> Vec<LanguageSkill> {
        list.iter()
            .map(|(c, l)| LanguageSkill::new(c, *l))
            .collect()
    }

    #[test]
    fn diet_rule() {
        assert!(diet_ok(&[], &[]));
        assert!(diet_ok(&[Diet::Vegetarian], &[Diet::Vegan]));
        assert!(!diet_ok(&[Diet::Vegetarian, Diet::Halal], &[Diet::Vegan]));
        assert!(diet_ok(
            &[Diet::Vegetarian, Diet::Halal],
            &[Diet::Vegan, Diet::Halal]
        ));
        assert!(!diet_ok(
            &[Diet::NutAllergy],
            &[Diet::Vegan, Diet::GlutenFree]
        ));
    }

    #[test]
    fn language_levels() {
        let host = skills(&[("sv", Level::Native), ("en", Level::Fluent)]);
        let guest = skills(&[
            ("ar", Level::Native),
            ("en", Level::Basic),
            ("sv", Level::Conversational),
        ]);
        assert_eq!(
            shared_language_level(&host, &guest),
            Some(Level::Conversational)
        );
        assert!(language_ok(&host, &guest, Level::Conversational));
        assert!(!language_ok(&host, &guest, Level::Fluent));
        assert!(!language_ok(
            &host,
            &skills(&[("ar", Level::Native)]),
            Level::Basic
        ));
        assert!(
            language_ok(&host, &[], Level::Native),
            "no language data places no constraint"
        );
        assert_eq!(
            shared_language_level(&host, &skills(&[("en", Level::Basic)])),
            Some(Level::Basic)
        );
    }

    #[test]
    fn distance_rule() {
        assert_eq!(travel_limit(Some(5.0), Some(3.0), None), Some(3.0));
        assert_eq!(travel_limit(None, None, Some(8.0)), Some(8.0));
        assert_eq!(travel_limit(None, None, None), None);
        assert!(distance_ok(Some(2.9), Some(3.0)));
        assert!(!distance_ok(Some(3.1), Some(3.0)));
        assert!(distance_ok(None, Some(3.0)));
        assert!(distance_ok(Some(300.0), None));
        let stockholm = Location {
            lat: 59.3293,
            lon: 18.0686,
        };
        let uppsala = Location {
            lat: 59.8586,
            lon: 17.6389,
        };
        let d = distance_km(Some(stockholm), Some(uppsala)).unwrap();
        assert!((d - 64.0).abs() < 1.0, "{d}");
    }

    #[test]
    fn other_pair_rules() {
        let verified = Verification {
            verified: true,
            verified_on: None,
        };
        assert!(verification_ok(true, &verified));
        assert!(!verification_ok(true, &Verification::default()));
        assert!(verification_ok(false, &Verification::default()));
        let offered = vec!["walk".to_owned(), "shopping".to_owned()];
        assert!(topics_ok(&[], &offered));
        assert!(topics_ok(
            &["walk".to_owned(), "chess".to_owned()],
            &offered
        ));
        assert!(!topics_ok(&["chess".to_owned()], &offered));
        assert!(!gender_parties_ok(Some(Gender::Female), Some(Gender::Male)));
        assert!(!gender_parties_ok(Some(Gender::Male), Some(Gender::Female)));
        assert!(gender_parties_ok(Some(Gender::Female), Some(Gender::Mixed)));
        assert!(gender_parties_ok(Some(Gender::Male), None));
        assert!(time_ok(3600, 60));
        assert!(!time_ok(3599, 60));
        assert!(!time_ok(0, 0), "a zero overlap is never an overlap");
    }

    #[test]
    fn soft_criteria() {
        assert_eq!(distance_score(None, Some(3.0)), 1.0);
        assert!((distance_score(Some(1.5), Some(3.0)) - 0.5).abs() < 1e-12);
        assert_eq!(distance_score(Some(30.0), None), 0.0);
        assert_eq!(rank_score(Some(0), 4), Some(1.0));
        assert_eq!(rank_score(Some(2), 4), Some(0.5));
        assert_eq!(rank_score(None, 4), Some(0.0));
        assert_eq!(rank_score(None, 0), None);
        assert_eq!(waiting_score(Some(45), 90), 0.5);
        assert_eq!(waiting_score(Some(400), 90), 1.0);
        assert_eq!(waiting_score(Some(-3), 90), 0.0);
        assert_eq!(waiting_score(None, 90), 0.0);
        let offered = vec!["walk".to_owned()];
        assert_eq!(
            topics_score(&["walk".to_owned(), "chess".to_owned()], &offered),
            0.5
        );
    }

    #[test]
    fn bit_masks_agree_with_the_rule_functions() {
        let mut instance = crate::generate::dinners(&crate::generate::Params {
            size: 150,
            ..Default::default()
        });
        instance.seekers[0]
            .diet
            .push(Diet::Custom("low_salt".into()));
        instance.providers[0]
            .caters
            .push(Diet::Custom("low_salt".into()));
        instance.seekers[1].languages.clear();
        for minimum in [Level::Basic, Level::Conversational, Level::Native] {
            instance.policy.rules.min_language_level = minimum;
            let rules = Rules::of_validated(&instance);
            for (s, seeker) in instance.seekers.iter().enumerate() {
                for (p, provider) in instance.providers.iter().enumerate() {
                    assert_eq!(
                        rules.holds(Rule::Diet, s, p),
                        diet_ok(&seeker.diet, &provider.caters)
                    );
                    assert_eq!(
                        rules.holds(Rule::Language, s, p),
                        language_ok(&seeker.languages, &provider.languages, minimum)
                    );
                }
            }
        }
    }

    #[test]
    fn prepared_rules_report_every_failure() {
        let mut instance = Instance::new();
        let mut seeker = Seeker::new("s1");
        seeker.diet = vec![Diet::Halal];
        seeker.languages = skills(&[("ar", Level::Native)]);
        seeker.profile = Profile {
            gender: Some(Gender::Female),
            ..Profile::default()
        };
        seeker.availability = Availability {
            dated: vec![],
            weekly: vec![WeeklyWindow {
                day: Day::Monday,
                start: "18:00".parse().unwrap(),
                end: "21:00".parse().unwrap(),
            }],
        };
        let mut provider = Provider::new("p1", 4);
        provider.languages = skills(&[("sv", Level::Native)]);
        provider.host_profile = Some(Profile {
            gender: Some(Gender::Male),
            ..Profile::default()
        });
        provider.availability = Availability {
            dated: vec![],
            weekly: vec![WeeklyWindow {
                day: Day::Tuesday,
                start: "18:00".parse().unwrap(),
                end: "21:00".parse().unwrap(),
            }],
        };
        instance.seekers.push(seeker);
        instance.providers.push(provider);
        instance.policy.rules.gender_parties = true;
        let rules = Rules::of_validated(&instance);
        assert_eq!(
            rules.failures(0, 0),
            vec![Rule::GenderParties, Rule::Diet, Rule::Language, Rule::Time]
        );
        assert_eq!(rules.check(0, 0), Err(Rule::GenderParties));
        let b = rules.breakdown(0, 0);
        assert_eq!(b.novelty, 1.0);
        assert_eq!(b.continuity, 0.0);
        assert!((rules.score(&b) - (1.0 + 1.0 + 0.5 + 0.25 * 0.5)).abs() < 1e-6);
    }
}

/// A rule about the whole group at one provider, or about seekers kept together or apart.
#[derive(
    Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case", tag = "rule")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum GroupRule {
    /// More seats taken than the capacity.
    Capacity,
    /// Fewer seats filled than the minimum (the provider should not take place).
    Minimum,
    /// Fewer newcomers than `composition.min_newcomers` (the host counts).
    Newcomers,
    /// Fewer established residents than `composition.min_established` (the host counts).
    Established,
    /// Someone is the only person with their value of an attribute.
    LoneMember {
        /// The attribute, such as `gender`.
        attribute: String,
    },
    /// An all-female party and an all-male party (the host counts).
    GenderParties,
    /// Two seekers of a keep-apart set at one provider.
    KeepApart,
    /// Seekers of a keep-together set placed apart.
    KeepTogether,
    /// Two people at the table met before and `policy.novelty` is never-again.
    MetBefore,
    /// The provider's host already runs `max_events` other providers (`hosts`): a dinner not
    /// used because its household hosts on another date.
    HostEvents {
        /// The host's id.
        host: String,
    },
}

impl GroupRule {
    /// The rule's name in JSON and reports (`lone_member` for every attribute).
    #[must_use]
    pub fn name(&self) -> &'static str {
        match self {
            GroupRule::Capacity => "capacity",
            GroupRule::Minimum => "minimum",
            GroupRule::Newcomers => "newcomers",
            GroupRule::Established => "established",
            GroupRule::LoneMember { .. } => "lone_member",
            GroupRule::GenderParties => "gender_parties",
            GroupRule::KeepApart => "keep_apart",
            GroupRule::KeepTogether => "keep_together",
            GroupRule::MetBefore => "met_before",
            GroupRule::HostEvents { .. } => "host_events",
        }
    }

    /// One rule of each kind, for the tests that must cover them all: the match stops
    /// compiling when a kind is added without an example here.
    #[cfg(test)]
    pub(crate) fn every_kind() -> Vec<GroupRule> {
        let all = vec![
            GroupRule::Capacity,
            GroupRule::Minimum,
            GroupRule::Newcomers,
            GroupRule::Established,
            GroupRule::LoneMember {
                attribute: "gender".into(),
            },
            GroupRule::GenderParties,
            GroupRule::KeepApart,
            GroupRule::KeepTogether,
            GroupRule::MetBefore,
            GroupRule::HostEvents {
                host: "household-7".into(),
            },
        ];
        for rule in &all {
            match rule {
                GroupRule::Capacity
                | GroupRule::Minimum
                | GroupRule::Newcomers
                | GroupRule::Established
                | GroupRule::LoneMember { .. }
                | GroupRule::GenderParties
                | GroupRule::KeepApart
                | GroupRule::KeepTogether
                | GroupRule::MetBefore
                | GroupRule::HostEvents { .. } => {}
            }
        }
        all
    }

    /// Whether the rule is a conflict between members (capacity, gender parties, keep-apart):
    /// adding members cannot mend it, only taking one away; the other group rules (minimum,
    /// composition, lone member) a larger group may yet meet.
    #[must_use]
    pub fn is_conflict(&self) -> bool {
        matches!(
            self,
            GroupRule::Capacity | GroupRule::GenderParties | GroupRule::KeepApart
        )
    }
}

/// The group rules a provider's group breaks: `members` are seeker indices placed with
/// provider `p`. An empty group breaks none (the provider does not take place). Keep-together
/// is about several providers and is checked by [`keep_together_violations`].
#[must_use]
pub fn group_violations(instance: &Instance, p: usize, members: &[usize]) -> Vec<GroupRule> {
    let mut broken = Vec::new();
    if members.is_empty() {
        return broken;
    }
    let provider = &instance.providers[p];
    let policy = &instance.policy;
    let seats: u64 = members
        .iter()
        .map(|&s| u64::from(instance.seekers[s].seats_taken()))
        .sum();
    if seats > u64::from(provider.capacity) {
        broken.push(GroupRule::Capacity);
    }
    if seats < u64::from(provider.minimum) {
        broken.push(GroupRule::Minimum);
    }
    // Everyone at the table: each party with its size, and the host household.
    let host = provider
        .host_profile
        .as_ref()
        .map(|h| (h, provider.host_size));
    let people = || {
        members
            .iter()
            .map(|&s| (&instance.seekers[s].profile, instance.seekers[s].party_size))
            .chain(host)
    };
    let composition = &policy.composition;
    if composition.enforce {
        let count = |origin: Origin| -> u64 {
            people()
                .filter(|(profile, _)| profile.origin == Some(origin))
                .map(|(_, n)| u64::from(n))
                .sum()
        };
        if count(Origin::Newcomer) < u64::from(composition.min_newcomers) {
            broken.push(GroupRule::Newcomers);
        }
        if count(Origin::Established) < u64::from(composition.min_established) {
            broken.push(GroupRule::Established);
        }
        for attribute in &composition.no_lone {
            let mut counts: HashMap<String, u64> = HashMap::new();
            for (profile, n) in people() {
                if let Some(value) = profile.value(attribute) {
                    *counts.entry(value).or_default() += u64::from(n);
                }
            }
            if counts.values().any(|&n| n == 1) {
                broken.push(GroupRule::LoneMember {
                    attribute: attribute.clone(),
                });
            }
        }
    }
    if policy.rules.gender_parties {
        let genders: Vec<Option<Gender>> = people().map(|(profile, _)| profile.gender).collect();
        if genders.contains(&Some(Gender::Female)) && genders.contains(&Some(Gender::Male)) {
            broken.push(GroupRule::GenderParties);
        }
    }
    let keep_apart = &instance.constraints.keep_apart;
    let index: HashMap<&str, usize> = if keep_apart.is_empty() {
        HashMap::new()
    } else {
        members
            .iter()
            .map(|&s| (instance.seekers[s].id.as_str(), s))
            .collect()
    };
    if instance.constraints.keep_apart.iter().any(|set| {
        set.iter()
            .filter(|id| index.contains_key(id.as_str()))
            .count()
            > 1
    }) {
        broken.push(GroupRule::KeepApart);
    }
    if policy.novelty == Some(crate::model::Novelty::NeverAgain) {
        let ids: Vec<&str> = members
            .iter()
            .map(|&s| instance.seekers[s].id.as_str())
            .collect();
        if met_before_at_table(instance, p, &ids) {
            broken.push(GroupRule::MetBefore);
        }
    }
    broken
}

/// The keep-together sets (by position) whose members are not all with one provider or all
/// unplaced. `provider_of[s]` is seeker `s`'s provider index, if placed.
#[must_use]
pub fn keep_together_violations(instance: &Instance, provider_of: &[Option<usize>]) -> Vec<usize> {
    let index = instance.seeker_indices();
    instance
        .constraints
        .keep_together
        .iter()
        .enumerate()
        .filter(|(_, set)| {
            let mut places = set
                .iter()
                .filter_map(|id| index.get(id.as_str()))
                .map(|&s| provider_of[s]);
            let first = places.next();
            places.any(|p| Some(p) != first)
        })
        .map(|(j, _)| j)
        .collect()
}
