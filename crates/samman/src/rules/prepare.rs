//! An instance prepared for applying the rules many times: per-side traits as bit masks,
//! classes of identical availabilities with a memo of the time rule's verdicts, preference
//! ranks, blocks and history as sorted indices.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU8, Ordering};

use chrono::NaiveDate;

use super::novelty::hosts_met;
use super::{
    Breakdown, Rule, Screen, Verdict, accepts_ok, diet_ok, distance_score, gender_parties_ok,
    needs_ok, rank_score, readiness_ok, same_ok, time_ok, topics_ok, topics_score, travel_limit,
};
use crate::history::host_person;
use crate::model::{
    DIET_NAMES, Diet, Gender, HardRules, Instance, LanguageSkill, Level, Provider, Radians,
    ResolvedAvailability, Seeker, Zone,
};
use crate::parallel::prelude::*;

/// The host index of a provider without a host person.
const NO_HOST: u32 = u32::MAX;

/// An instance prepared for applying the rules many times: the time zone, resolved
/// availabilities, preference ranks, blocks and history as hash sets of indices.
#[derive(Debug)]
pub struct Rules<'a> {
    pub(super) instance: &'a Instance,
    tz: Zone,
    /// Time rule data: per seeker and provider, its class of identical availabilities.
    pub(super) times: TimeClasses,
    /// Per seeker, the providers blocked by either side, sorted.
    pub(super) blocked: Vec<Vec<u32>>,
    /// Per seeker, (provider, rank in the seeker's list), sorted by provider.
    seeker_rank: Vec<Vec<(u32, u32)>>,
    /// Per provider, (seeker, rank in the provider's list), sorted by seeker.
    provider_rank: Vec<Vec<(u32, u32)>>,
    /// Per seeker, the hosts met before, sorted.
    pub(super) met: Vec<Vec<u32>>,
    /// Per seeker, beside `met`, the weight novelty gives the latest meeting (1: as if now).
    met_weight: Vec<Vec<f32>>,
    /// Per provider, the index of its host person in `met`, or [`NO_HOST`].
    provider_host: Vec<u32>,
    pub(super) seeker_traits: Vec<Traits>,
    pub(super) provider_traits: Vec<Traits>,
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
pub(super) struct TimeClasses {
    seeker_classes: Vec<ResolvedAvailability>,
    provider_classes: Vec<ResolvedAvailability>,
    pub(super) seeker_class: Vec<u32>,
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
pub(super) struct Traits {
    /// Seeker: the vocabulary diets required. Provider: every vocabulary diet its kitchen
    /// serves, through the catering matrix.
    pub(super) diet: u32,
    /// A custom or unknown diet is involved: fall back to the list comparison.
    pub(super) diet_custom: bool,
    /// Languages spoken at the policy's minimum level or better, by ISO 639-1 position.
    pub(super) languages: [u64; 3],
    /// No language listed: the language rule does not constrain this side.
    pub(super) no_languages: bool,
    /// Seeker: seats taken (`seats`, else party size). Provider: capacity.
    pub(super) seats: u32,
    /// Own travel limit (infinite when none).
    pub(super) travel_km: f64,
    /// Location, when there is one.
    pub(super) at: Option<Radians>,
    /// Seeker: requires a verified provider. Provider: is verified.
    pub(super) verification: bool,
    /// Seeker: the party's gender. Provider: the host's.
    pub(super) gender: Option<Gender>,
    /// Length of the side's preference list.
    pub(super) ranked: u32,
    /// Lists topics.
    pub(super) has_topics: bool,
    /// Seeker: the waiting criterion. Provider: the reliability criterion.
    pub(super) own_criterion: f64,
    /// The record is left out of matching (the `record` rule).
    pub(super) left_out: bool,
    /// Provider: not matched now (the `readiness` rule fails).
    pub(super) unready: bool,
    /// Seeker: lists needs.
    pub(super) has_needs: bool,
    /// Filters the other side's profile (`accepts`).
    pub(super) has_accepts: bool,
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
    pub(crate) fn seeker_screen(&self, s: usize) -> Screen {
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
    pub(crate) fn provider_screen(&self, p: usize) -> Screen {
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
    /// The rules of an instance of copies (`solve::wants`), where seeker `k` is a copy of
    /// seeker `first[k]` and only the first copies are named in the providers' lists: every
    /// copy is ranked where its first copy is, so it scores the same.
    pub(crate) fn ranking_copies_as(mut self, first: &[u32]) -> Self {
        // Per first copy, its later copies: each list grows by the copies of those it names.
        let mut later: HashMap<u32, Vec<u32>> = HashMap::new();
        for (k, &f) in first.iter().enumerate() {
            if k as u32 != f {
                later.entry(f).or_default().push(k as u32);
            }
        }
        for list in &mut self.provider_rank {
            let added: Vec<(u32, u32)> = list
                .iter()
                .filter_map(|&(s, rank)| Some(later.get(&s)?.iter().map(move |&k| (k, rank))))
                .flatten()
                .collect();
            if !added.is_empty() {
                list.extend(added);
                list.sort_unstable();
            }
        }
        self
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
    pub(crate) fn failed(&self, s: usize, p: usize) -> u16 {
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
    pub(crate) fn feasible_after_screen(&self, s: usize, p: usize) -> bool {
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
        breakdown.score(&self.instance.policy.weights)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Availability, Day, Profile, WeeklyWindow};
    use crate::rules::language_ok;

    fn skills(list: &[(&str, Level)]) -> Vec<LanguageSkill> {
        list.iter()
            .map(|(c, l)| LanguageSkill::new(c, *l))
            .collect()
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
