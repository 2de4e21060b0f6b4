//! Explanations for coordinators: why a seeker was not placed, which rule shuts out the most
//! providers, and a concrete change that would open some ("travelling 2.5 km further would open
//! 2 dinners"); for a placed seeker, the weighted contributions behind its match's score.
//!
//! Every count of opened providers is exact: the change is applied to a copy of the seeker
//! (or of the providers) and every pair rule is checked again for each provider the relaxed
//! rule alone shut out. A change touches only what its rule reads, so it cannot open a
//! provider that another rule also excludes; a unit test checks this against checking every
//! provider.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::{
    Availability, Constraints, DatedWindow, Diet, History, Instance, Provider, ProviderId,
    ProviderKind, Seeker, SeekerId, WeeklyWindow,
};
use crate::parallel::prelude::*;
use crate::plan::Pairs;
use crate::rules::{Criterion, GroupRule, Rule, Rules, distance_km, group_violations};
use crate::validate::{Invalid, validate};

/// Why an explanation could not be given.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum ExplainError {
    /// The instance is not valid.
    #[error(transparent)]
    Invalid(#[from] Invalid),
    /// No seeker has this id.
    #[error("no seeker has the id `{0}`")]
    UnknownSeeker(SeekerId),
}

/// One criterion's part in a match's score.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Contribution {
    /// The criterion.
    pub criterion: Criterion,
    /// Its value for the pair, before weighting.
    pub value: f64,
    /// The policy's weight.
    pub weight: f64,
    /// `weight × value`.
    pub contribution: f64,
}

/// A match and the score behind it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MatchExplanation {
    /// The provider.
    pub provider: ProviderId,
    /// The pair score: `placement + Σ contribution`.
    pub score: f64,
    /// The placement weight, the part of the score any match gets.
    pub placement: f64,
    /// Each criterion's contribution, in `Criterion::ALL` order.
    pub contributions: Vec<Contribution>,
    /// Pair rules the match breaks (empty for a valid plan).
    pub broken_rules: Vec<Rule>,
}

/// A concrete change to the instance.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "change", rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Change {
    /// The seeker travels further.
    TravelFurther {
        /// The seeker's new travel limit, km.
        max_travel_km: f64,
        /// How much further than now, km.
        extra_km: f64,
    },
    /// The seeker adds a time window (one a provider offers).
    AddDatedWindow {
        /// The window.
        window: DatedWindow,
    },
    /// The seeker adds a weekly window (one a provider offers).
    AddWeeklyWindow {
        /// The window.
        window: WeeklyWindow,
    },
    /// These providers cater for every dietary requirement of the party.
    CaterFor {
        /// The providers to ask.
        providers: Vec<ProviderId>,
    },
    /// These providers complete identity verification.
    Verify {
        /// The providers to verify.
        providers: Vec<ProviderId>,
    },
}

/// Who would make a change: what a coordinator can do comes before what the person would have
/// to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Side {
    /// The coordinator: verify a provider, ask a kitchen to cater, allow a little more travel.
    Coordinator,
    /// The person: be available at another time.
    Person,
}

impl Change {
    /// Who would make the change.
    #[must_use]
    pub fn side(&self) -> Side {
        match self {
            Change::CaterFor { .. } | Change::Verify { .. } | Change::TravelFurther { .. } => {
                Side::Coordinator
            }
            Change::AddDatedWindow { .. } | Change::AddWeeklyWindow { .. } => Side::Person,
        }
    }
}

/// A relaxation of one rule for one seeker, and what it would open.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Relaxation {
    /// The rule relaxed.
    pub rule: Rule,
    /// Who would make the change: the coordinator (a provider, a limit) or the person.
    pub side: Side,
    /// The change.
    pub change: Change,
    /// Providers that become feasible for the seeker (every pair rule holds) with the change.
    pub opens: usize,
    /// The change and what it opens, in words.
    pub description: String,
}

impl Relaxation {
    /// Apply the change to an instance, for the seeker `seeker`. Nothing happens when the
    /// seeker or a named provider is not in the instance.
    pub fn apply(&self, instance: &mut Instance, seeker: &SeekerId) {
        let Some(s) = instance.seekers.iter().position(|x| &x.id == seeker) else {
            return;
        };
        match &self.change {
            Change::CaterFor { providers } | Change::Verify { providers } => {
                let diet = instance.seekers[s].diet.clone();
                let named: HashSet<&ProviderId> = providers.iter().collect();
                let renewed_on = renewal_date(instance);
                for p in instance
                    .providers
                    .iter_mut()
                    .filter(|p| named.contains(&p.id))
                {
                    self.change.change_provider(p, &diet, renewed_on);
                }
            }
            change => change.change_seeker(&mut instance.seekers[s]),
        }
    }
}

impl Change {
    /// Make a change to the seeker on `seeker`; a change to providers leaves it alone.
    fn change_seeker(&self, target: &mut Seeker) {
        match self {
            Change::TravelFurther { max_travel_km, .. } => {
                target.max_travel_km = Some(*max_travel_km);
            }
            Change::AddDatedWindow { window } => target.availability.dated.push(window.clone()),
            Change::AddWeeklyWindow { window } => target.availability.weekly.push(window.clone()),
            Change::CaterFor { .. } | Change::Verify { .. } => {}
        }
    }

    /// Make a change to providers on `provider`, one the change names, for a party with the
    /// dietary requirements `diet`; a change to the seeker leaves it alone.
    fn change_provider(
        &self,
        provider: &mut Provider,
        diet: &[Diet],
        renewed_on: Option<NaiveDate>,
    ) {
        match self {
            Change::CaterFor { .. } => {
                for need in diet {
                    if !provider.caters.contains(need) {
                        provider.caters.push(need.clone());
                    }
                }
            }
            Change::Verify { .. } => {
                provider.verification.verified = true;
                if let Some(today) = renewed_on {
                    provider.verification.verified_on = Some(today);
                }
            }
            _ => {}
        }
    }
}

/// Why a seeker is or is not placed, and what would help.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Explanation {
    /// The seeker.
    pub seeker: SeekerId,
    /// The match, when the plan places the seeker.
    pub placed: Option<MatchExplanation>,
    /// A seeker who wants several providers (`seeker.wants`): its further matches, in plan
    /// order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub also_placed: Vec<MatchExplanation>,
    /// Providers in the instance.
    pub providers: usize,
    /// Providers for which every pair rule holds.
    pub feasible: usize,
    /// For each pair rule, the providers it excludes (a provider may count under several).
    pub excluded: BTreeMap<Rule, usize>,
    /// For each pair rule, the providers it alone excludes: dropping the rule would open them.
    pub excluded_only: BTreeMap<Rule, usize>,
    /// With a plan: feasible providers whose seats are taken by others.
    pub seats_taken: Option<usize>,
    /// With a plan: feasible providers with room where the party would break a group rule
    /// (composition, gender of parties, keep-apart) that the group does not break without it.
    pub composition: Option<usize>,
    /// With a plan: feasible providers with room and no group rule in the way (a better plan
    /// could use them).
    pub open: Option<usize>,
    /// With a plan and `hosts`: feasible providers that do not take place because their host
    /// already runs `max_events` others (the `host_events` rule); not counted as open.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub host_elsewhere: Option<usize>,
    /// The pair rule whose relaxation would open the most providers (most `excluded_only`).
    pub most_limiting: Option<Rule>,
    /// Concrete relaxations that open at least one provider, most opened first.
    pub relaxations: Vec<Relaxation>,
    /// Providers the verification rule excludes because their verification expired
    /// (`policy.rules.verification_valid_days`), with the last day it was valid.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub expired_verifications: Vec<ExpiredVerification>,
}

/// A provider whose identity verification has expired.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ExpiredVerification {
    /// The provider.
    pub provider: ProviderId,
    /// The last day the verification was valid (`verified_on + verification_valid_days`);
    /// none when the verification has no date.
    pub valid_until: Option<NaiveDate>,
    /// In words: `the verification of volunteer-3 expired: valid until 2025-06-01`.
    pub description: String,
}

/// Explain seeker `seeker` of `instance`, against `plan` when one is given.
///
/// # Complexity
/// `O(N)` to validate the instance and read the plan (`N` seekers and providers), which is
/// most of the time on large instances; `O(P)` to prepare the rules for the seeker alone with
/// the `P` providers and check every pair; one more preparation of the providers for the
/// candidate changes, each checked against the providers its rule alone shuts out (at most
/// 200 changes per rule); with a plan, `O(P · m)` for the group rules (`m` the
/// largest group). To explain many seekers use [`explain_many`]: it validates and reads the
/// plan once.
///
/// # Errors
/// [`ExplainError::Invalid`] for an invalid instance, [`ExplainError::UnknownSeeker`].
pub fn explain(
    instance: &Instance,
    plan: Option<&Pairs>,
    seeker: &SeekerId,
) -> Result<Explanation, ExplainError> {
    let mut explanations = explain_many(instance, plan, std::slice::from_ref(seeker))?;
    Ok(explanations
        .pop()
        .expect("one explanation for the one seeker asked"))
}

/// Explain each of `seekers` of `instance`, against `plan` when one is given: the same
/// explanations as [`explain`] gives for each, in the order asked, with the instance validated
/// and the plan read once, and the seekers explained in parallel, in chunks of 64 that share
/// the preparation of the providers.
///
/// # Complexity
/// `O(N)` once (validation and the plan); for each chunk, two or three preparations of the `P`
/// providers (`O(P)` each); for each of the `k` seekers, `O(P)` rule checks for the counts,
/// one check of each candidate change (at most 200 per rule) against each provider the rule
/// alone shuts out, and with a plan `O(P · m)` for the group rules.
///
/// # Errors
/// [`ExplainError::Invalid`] for an invalid instance; [`ExplainError::UnknownSeeker`] for the
/// first id asked that no seeker has (then nothing is explained).
///
/// # Example
/// ```
/// use samman::explain::explain_many;
/// use samman::generate::{Params, visits};
///
/// let instance = visits(&Params { size: 40, ..Params::default() });
/// let ids: Vec<_> = instance.seekers.iter().map(|s| s.id.clone()).collect();
/// let explanations = explain_many(&instance, None, &ids).unwrap();
/// assert_eq!(explanations.len(), 40);
/// assert!(explanations.iter().all(|e| e.providers == instance.providers.len()));
/// ```
pub fn explain_many(
    instance: &Instance,
    plan: Option<&Pairs>,
    seekers: &[SeekerId],
) -> Result<Vec<Explanation>, ExplainError> {
    validate(instance)?;
    explain_validated(instance, plan, seekers)
}

/// [`explain_many`] of an instance already validated.
pub(crate) fn explain_validated(
    instance: &Instance,
    plan: Option<&Pairs>,
    seekers: &[SeekerId],
) -> Result<Vec<Explanation>, ExplainError> {
    let asked: Vec<usize> = if let [seeker] = seekers {
        // One seeker: a scan, not an index of every id.
        let s = instance
            .seekers
            .iter()
            .position(|x| &x.id == seeker)
            .ok_or_else(|| ExplainError::UnknownSeeker(seeker.clone()))?;
        vec![s]
    } else {
        let index: HashMap<&SeekerId, usize> = instance
            .seekers
            .iter()
            .enumerate()
            .map(|(i, s)| (&s.id, i))
            .collect();
        seekers
            .iter()
            .map(|id| {
                index
                    .get(id)
                    .copied()
                    .ok_or_else(|| ExplainError::UnknownSeeker(id.clone()))
            })
            .collect::<Result<_, _>>()?
    };
    let placements = plan.map(|plan| Placements::new(instance, plan));
    let placements = placements.as_ref();
    // The seekers of a chunk (each once) alone with every provider, their own history and the
    // policy: the rules give a seeker the same verdicts and scores there as in the whole
    // instance (they read one seeker and one provider at a time, and a provider's blocks and
    // ranks name seekers by id), and preparing them costs `O(P)`, not `O(N)`. The providers
    // are copied once; the seekers are replaced for each chunk.
    let mut work = Instance {
        version: instance.version,
        seekers: Vec::new(),
        providers: instance.providers.clone(),
        policy: instance.policy.clone(),
        history: History::default(),
        constraints: Constraints::default(),
        hosts: Vec::new(),
    };
    let mut explanations = Vec::with_capacity(asked.len());
    for chunk in asked.chunks(SEEKERS_PER_CHUNK) {
        let mut distinct = chunk.to_vec();
        distinct.sort_unstable();
        distinct.dedup();
        let ids: HashSet<&SeekerId> = distinct.iter().map(|&s| &instance.seekers[s].id).collect();
        work.seekers = distinct
            .iter()
            .map(|&s| instance.seekers[s].clone())
            .collect();
        work.history.meetings = instance
            .history
            .meetings
            .iter()
            .filter(|m| ids.contains(&m.seeker))
            .cloned()
            .collect();
        let found: Vec<Found> = {
            let rules = Rules::of_validated(&work);
            chunk
                .par_iter()
                .map(|&s| {
                    let rs = distinct
                        .binary_search(&s)
                        .expect("every seeker of the chunk");
                    found(instance, &rules, rs, s, placements)
                })
                .collect()
        };
        work.history = History::default();
        let searches = try_changes(instance, &mut work, &found);
        explanations.par_extend(found.into_par_iter().zip(searches).map(
            |(mut found, searches)| {
                found.explanation.relaxations = relaxations(instance, &found, searches);
                found.explanation
            },
        ));
    }
    Ok(explanations)
}

/// What explaining one seeker finds before any change is tried.
struct Found {
    /// The seeker, by index in the instance.
    seeker: usize,
    /// The explanation, all but the relaxations.
    explanation: Explanation,
    /// Per provider, the rules that fail, as a [`Rules::failed`] mask.
    failed: Vec<u16>,
    /// The changes to the seeker to try, for each rule relaxed that way, in the order tried.
    candidates: Vec<(Rule, Vec<Change>)>,
}

/// Explain seeker `s` of `instance`, seeker `rs` of `rules` (whose providers are the
/// instance's, in the same order), all but the relaxations.
fn found(
    instance: &Instance,
    rules: &Rules<'_>,
    rs: usize,
    s: usize,
    placements: Option<&Placements>,
) -> Found {
    let n_providers = instance.providers.len();
    let failed: Vec<u16> = (0..n_providers).map(|p| rules.failed(rs, p)).collect();
    let (mut excluded_by, mut only_by) = ([0usize; Rule::ALL.len()], [0usize; Rule::ALL.len()]);
    for &mask in &failed {
        if mask.count_ones() == 1 {
            only_by[mask.trailing_zeros() as usize] += 1;
        }
        for (i, n) in excluded_by.iter_mut().enumerate() {
            *n += usize::from((mask >> i) & 1 == 1);
        }
    }
    let counts = |by: [usize; Rule::ALL.len()]| -> BTreeMap<Rule, usize> {
        Rule::ALL
            .into_iter()
            .zip(by)
            .filter(|&(_, n)| n > 0)
            .collect()
    };
    let (excluded, excluded_only) = (counts(excluded_by), counts(only_by));
    let feasible: Vec<usize> = (0..n_providers).filter(|&p| failed[p] == 0).collect();
    let most_limiting = excluded_only
        .iter()
        .max_by_key(|(rule, n)| (**n, std::cmp::Reverse(**rule)))
        .map(|(rule, _)| *rule);

    let mut explanation = Explanation {
        seeker: instance.seekers[s].id.clone(),
        placed: None,
        also_placed: Vec::new(),
        providers: n_providers,
        feasible: feasible.len(),
        excluded,
        excluded_only,
        seats_taken: None,
        composition: None,
        open: None,
        host_elsewhere: None,
        most_limiting,
        relaxations: Vec::new(),
        expired_verifications: expired_verifications(instance, s, &failed),
    };
    if let Some(Placements {
        provider_of,
        members,
        also,
    }) = placements
    {
        if let Some(p) = provider_of[s] {
            explanation.placed = Some(match_explanation(rules, rs, p));
        }
        explanation.also_placed = also[s]
            .iter()
            .map(|&p| match_explanation(rules, rs, p))
            .collect();
        let (mut taken, mut composition, mut open) = (0, 0, 0);
        let size = u64::from(instance.seekers[s].seats_taken());
        // Hosts at their limit on events: their providers not taking place stay shut (no work
        // at all for an instance without hosts).
        let host_limit = if instance.hosts.is_empty() {
            Vec::new()
        } else {
            instance.host_limits()
        };
        let mut running = vec![0u32; instance.hosts.len()];
        for (p, limit) in host_limit.iter().enumerate() {
            if let (Some((h, _)), false) = (limit, members[p].is_empty()) {
                running[*h] += 1;
            }
        }
        let mut elsewhere = 0;
        // The seeker is among the members of its own provider only, which is skipped.
        for &p in feasible
            .iter()
            .filter(|&&p| provider_of[s] != Some(p) && !also[s].contains(&p))
        {
            if host_limit
                .get(p)
                .copied()
                .flatten()
                .is_some_and(|(h, max)| members[p].is_empty() && running[h] >= max)
            {
                elsewhere += 1;
                continue;
            }
            let used: u64 = members[p]
                .iter()
                .map(|&t| u64::from(instance.seekers[t].seats_taken()))
                .sum();
            if used + size > u64::from(instance.providers[p].capacity) {
                taken += 1;
                continue;
            }
            let before = group_violations(instance, p, &members[p]);
            let mut with = members[p].clone();
            with.push(s);
            let added = group_violations(instance, p, &with)
                .into_iter()
                .any(|r| r != GroupRule::Minimum && !before.contains(&r));
            if added {
                composition += 1;
            } else {
                open += 1;
            }
        }
        explanation.seats_taken = Some(taken);
        explanation.composition = Some(composition);
        explanation.open = Some(open);
        explanation.host_elsewhere = (!instance.hosts.is_empty()).then_some(elsewhere);
    }
    let candidates = candidates(instance, s, &failed);
    Found {
        seeker: s,
        explanation,
        failed,
        candidates,
    }
}

/// The providers the verification rule shuts out for seeker `s` (a `failed` mask each) whose
/// verification is there but expired.
fn expired_verifications(
    instance: &Instance,
    s: usize,
    failed: &[u16],
) -> Vec<ExpiredVerification> {
    let policy = &instance.policy;
    let (Some(days), true) = (
        policy.rules.verification_valid_days,
        policy.rules.verification && instance.seekers[s].requires_verified,
    ) else {
        return Vec::new();
    };
    let bit = Rule::ALL
        .iter()
        .position(|&r| r == Rule::Verification)
        .expect("Rule::ALL lists every rule");
    failed
        .iter()
        .enumerate()
        .filter(|&(p, mask)| (mask >> bit) & 1 == 1 && instance.providers[p].verification.verified)
        .map(|(p, _)| {
            let provider = &instance.providers[p];
            let valid_until = provider.verification.valid_until(days);
            let description = match valid_until {
                Some(date) => format!(
                    "the verification of {} expired: valid until {date}",
                    provider.id
                ),
                None => format!(
                    "the verification of {} has no date, so it counts as expired",
                    provider.id
                ),
            };
            ExpiredVerification {
                provider: provider.id.clone(),
                valid_until,
                description,
            }
        })
        .collect()
}

/// A plan read against an instance.
pub(crate) struct Placements {
    /// Per seeker, its provider: that of the first entry naming both a known seeker and a
    /// known provider.
    pub(crate) provider_of: Vec<Option<usize>>,
    /// Per provider, the seekers placed there, in instance order.
    pub(crate) members: Vec<Vec<usize>>,
    /// Per seeker who wants several providers, its further providers (other entries, up to
    /// its `wants`, none twice), in plan order.
    pub(crate) also: Vec<Vec<usize>>,
}

impl Placements {
    pub(crate) fn new(instance: &Instance, plan: &Pairs) -> Self {
        let seeker_ix = instance.seeker_indices();
        let provider_ix = instance.provider_indices();
        let mut provider_of = vec![None; instance.seekers.len()];
        let mut also: Vec<Vec<usize>> = vec![Vec::new(); instance.seekers.len()];
        for m in &plan.matches {
            if let (Some(&s), Some(&p)) = (
                seeker_ix.get(m.seeker.as_str()),
                provider_ix.get(m.provider.as_str()),
            ) {
                match provider_of[s] {
                    None => provider_of[s] = Some(p),
                    Some(first) => {
                        let wanted = instance.seekers[s].wants.max(1) as usize;
                        if first != p && !also[s].contains(&p) && also[s].len() + 1 < wanted {
                            also[s].push(p);
                        }
                    }
                }
            }
        }
        let mut members: Vec<Vec<usize>> = vec![Vec::new(); instance.providers.len()];
        for (t, p) in provider_of.iter().enumerate() {
            for p in p.iter().chain(&also[t]) {
                members[*p].push(t);
            }
        }
        for group in &mut members {
            group.sort_unstable();
        }
        Self {
            provider_of,
            members,
            also,
        }
    }
}

/// The score of pair (`s`, `p`) taken apart into weighted contributions.
#[must_use]
pub fn match_explanation(rules: &Rules<'_>, s: usize, p: usize) -> MatchExplanation {
    let instance = rules.instance();
    let breakdown = rules.breakdown(s, p);
    let w = &instance.policy.weights;
    let contributions = Criterion::ALL
        .into_iter()
        .map(|criterion| {
            let weight = w.get(criterion);
            let value = f64::from(breakdown.get(criterion));
            Contribution {
                criterion,
                value,
                weight,
                contribution: weight * value,
            }
        })
        .collect();
    MatchExplanation {
        provider: instance.providers[p].id.clone(),
        score: rules.score(&breakdown),
        placement: w.placement,
        contributions,
        broken_rules: rules.failures(s, p),
    }
}

/// Most candidate changes tried per rule, to bound the work on large instances.
const MAX_CANDIDATES: usize = 200;

/// Seekers that [`explain_many`] explains together: their candidate changes are tried against
/// one preparation of the providers (bounding the copies of seekers held at once).
const SEEKERS_PER_CHUNK: usize = 64;

/// Further travel limits tried in a first round: the smallest usually opens a provider, and
/// the rest (up to [`MAX_CANDIDATES`]) are tried only for the seekers it does not.
const FIRST_DISTANCES: usize = 8;

/// The bit of `rule` in a [`Rules::failed`] mask.
fn bit(rule: Rule) -> u16 {
    let i = Rule::ALL
        .iter()
        .position(|&r| r == rule)
        .expect("Rule::ALL lists every rule");
    1 << i
}

/// The providers that `rule` alone shuts out, by index: the only ones a change to what the
/// rule reads can open, since every other rule reads other fields.
fn shut_out_by(failed: &[u16], rule: Rule) -> Vec<usize> {
    (0..failed.len())
        .filter(|&p| failed[p] == bit(rule))
        .collect()
}

/// The changes to try on seeker `s` (before any provider is checked with them): for each rule
/// relaxed by changing the seeker, at most [`MAX_CANDIDATES`] distinct changes drawn from the
/// providers that rule excludes, in the order tried. A rule that alone shuts out no provider
/// gets none: no change to the seeker could open one.
fn candidates(instance: &Instance, s: usize, failed: &[u16]) -> Vec<(Rule, Vec<Change>)> {
    let seeker = &instance.seekers[s];
    let failing_on = |rule: Rule| (0..failed.len()).filter(move |&p| failed[p] & bit(rule) != 0);
    // Distinct changes in order of first appearance, at most `MAX_CANDIDATES`.
    let add = |changes: &mut Vec<Change>, c: Change| {
        if changes.len() < MAX_CANDIDATES && !changes.contains(&c) {
            changes.push(c);
        }
    };
    let mut candidates = Vec::new();

    // Distance: further travel limits, each just enough for an excluded provider, nearest first.
    let mut distance = Vec::new();
    if let (Some(here), Some(limit)) = (seeker.location, seeker.max_travel_km) {
        let mut needed: Vec<f64> = failing_on(Rule::Distance)
            .filter_map(|p| distance_km(Some(here), instance.providers[p].location))
            .map(tenth_up)
            .filter(|&km| km > limit)
            .collect();
        needed.sort_by(f64::total_cmp);
        needed.dedup();
        needed.truncate(MAX_CANDIDATES);
        distance = needed
            .into_iter()
            .map(|km| Change::TravelFurther {
                max_travel_km: km,
                extra_km: tenth_up(km - limit),
            })
            .collect();
    }
    candidates.push((Rule::Distance, distance));

    // Time: the windows the excluded providers offer.
    let mut windows: Vec<Change> = Vec::new();
    for p in failing_on(Rule::Time) {
        let Availability { dated, weekly } = &instance.providers[p].availability;
        for w in dated {
            add(&mut windows, Change::AddDatedWindow { window: w.clone() });
        }
        for w in weekly {
            add(&mut windows, Change::AddWeeklyWindow { window: w.clone() });
        }
    }
    candidates.push((Rule::Time, windows));

    // Never a change to who the person is: no relaxation asks them to learn a language, change
    // their diet or what they came for (language, diet and topics are relaxed on the
    // providers' side or not at all).

    candidates.retain(|(rule, changes)| {
        !changes.is_empty() && failed.iter().any(|&mask| mask == bit(*rule))
    });
    candidates
}

/// Where the search for one relaxation of one seeker stands: the candidate changes of one rule
/// tried so far, and the best.
struct Search {
    /// The providers the rule alone shuts out, by index.
    shut_out: Vec<usize>,
    /// Candidates tried (a prefix of the rule's candidates).
    tried: usize,
    /// The best change so far, by position among the candidates, and what it opens.
    best: Option<(usize, Vec<usize>)>,
}

/// Candidates `from..to` of rule `rule` (by position in [`Found::candidates`]) of found seeker
/// `found`, copied into a round's seekers from `first_copy` on.
#[derive(Clone, Copy)]
struct Slot {
    found: usize,
    rule: usize,
    from: usize,
    to: usize,
    first_copy: usize,
}

/// Try the candidate changes of found seekers: copies of the seekers, one per change, replace
/// the seekers of `work` (whose providers are the instance's, in the same order, so that a
/// copy's verdict on provider `p` is the changed seeker's), and each copy is checked against
/// the providers its rule alone shuts out, every pair rule. Copies share their seeker's id,
/// which none of these providers blocks (only the relaxed rule fails there). At most two rounds:
/// a first with every candidate but the further travel limits after [`FIRST_DISTANCES`], a
/// second with those for the seekers whose first ones open nothing.
fn try_changes(instance: &Instance, work: &mut Instance, found: &[Found]) -> Vec<Vec<Search>> {
    let mut searches: Vec<Vec<Search>> = found
        .iter()
        .map(|f| {
            f.candidates
                .iter()
                .map(|(rule, _)| Search {
                    shut_out: shut_out_by(&f.failed, *rule),
                    tried: 0,
                    best: None,
                })
                .collect()
        })
        .collect();
    loop {
        let mut slots: Vec<Slot> = Vec::new();
        work.seekers.clear();
        for (f, found) in found.iter().enumerate() {
            let seeker = &instance.seekers[found.seeker];
            for (k, (rule, changes)) in found.candidates.iter().enumerate() {
                let search = &searches[f][k];
                let distance = *rule == Rule::Distance;
                if search.tried == changes.len() || (distance && search.best.is_some()) {
                    continue;
                }
                let to = if distance && search.tried == 0 {
                    changes.len().min(FIRST_DISTANCES)
                } else {
                    changes.len()
                };
                slots.push(Slot {
                    found: f,
                    rule: k,
                    from: search.tried,
                    to,
                    first_copy: work.seekers.len(),
                });
                for change in &changes[search.tried..to] {
                    let mut copy = seeker.clone();
                    change.change_seeker(&mut copy);
                    work.seekers.push(copy);
                }
            }
        }
        if slots.is_empty() {
            return searches;
        }
        let rules = Rules::of_validated(work);
        let bests: Vec<Option<(usize, Vec<usize>)>> = slots
            .par_iter()
            .map(|slot| {
                let distance = found[slot.found].candidates[slot.rule].0 == Rule::Distance;
                let shut_out = &searches[slot.found][slot.rule].shut_out;
                let mut best: Option<(usize, Vec<usize>)> = None;
                for i in slot.from..slot.to {
                    let copy = slot.first_copy + (i - slot.from);
                    let opened: Vec<usize> = shut_out
                        .iter()
                        .copied()
                        .filter(|&p| rules.check(copy, p).is_ok())
                        .collect();
                    // The first that opens the most; for distance, the first that opens any
                    // (the smallest limit).
                    if !opened.is_empty() && best.as_ref().is_none_or(|b| b.1.len() < opened.len())
                    {
                        best = Some((i, opened));
                        if distance {
                            break;
                        }
                    }
                }
                best
            })
            .collect();
        for (slot, best) in slots.iter().zip(bests) {
            let search = &mut searches[slot.found][slot.rule];
            search.tried = slot.to;
            if let Some((i, opened)) = best {
                if search
                    .best
                    .as_ref()
                    .is_none_or(|b| b.1.len() < opened.len())
                {
                    search.best = Some((i, opened));
                }
            }
        }
    }
}

/// Seeker `s` with the providers `shut_out` (by index in the instance), each changed by
/// `change`; the providers (by index in the instance) feasible for the seeker then.
fn opened_by_changing_providers(
    instance: &Instance,
    s: usize,
    shut_out: &[usize],
    change: &Change,
) -> Vec<usize> {
    let seeker = &instance.seekers[s];
    let changed = Instance {
        version: instance.version,
        seekers: vec![seeker.clone()],
        providers: shut_out
            .iter()
            .map(|&p| {
                let mut provider = instance.providers[p].clone();
                change.change_provider(&mut provider, &seeker.diet, renewal_date(instance));
                provider
            })
            .collect(),
        policy: instance.policy.clone(),
        history: History::default(),
        constraints: Constraints::default(),
        hosts: Vec::new(),
    };
    let rules = Rules::of_validated(&changed);
    (0..shut_out.len())
        .filter(|&k| rules.check(0, k).is_ok())
        .map(|k| shut_out[k])
        .collect()
}

/// The relaxations for a found seeker, from the searches over its candidate changes.
fn relaxations(instance: &Instance, found: &Found, searches: Vec<Search>) -> Vec<Relaxation> {
    let s = found.seeker;
    let what = |opened: &[usize]| {
        noun(
            opened.iter().map(|&p| instance.providers[p].kind),
            opened.len(),
        )
    };
    let mut found_relaxations: Vec<Relaxation> = Vec::new();
    for ((rule, changes), search) in found.candidates.iter().zip(searches) {
        let Some((i, opened)) = search.best else {
            continue;
        };
        let change = &changes[i];
        let description = match change {
            Change::TravelFurther {
                max_travel_km,
                extra_km,
            } => format!(
                "travelling {extra_km:.1} km further (up to {max_travel_km:.1} km) would open {}",
                what(&opened)
            ),
            Change::AddDatedWindow { window } => format!(
                "being available {} to {} would open {}",
                window.start.local.format("%Y-%m-%d %H:%M"),
                window.end.local.format("%Y-%m-%d %H:%M"),
                what(&opened)
            ),
            Change::AddWeeklyWindow { window } => format!(
                "being available {} {}-{} would open {}",
                window.day.name(),
                window.start,
                window.end,
                what(&opened)
            ),
            Change::CaterFor { .. } | Change::Verify { .. } => String::new(),
        };
        found_relaxations.push(Relaxation {
            rule: *rule,
            side: change.side(),
            change: change.clone(),
            opens: opened.len(),
            description,
        });
    }

    // Diet and verification: ask the providers that only this rule shuts out.
    for rule in [Rule::Diet, Rule::Verification] {
        let shut_out = shut_out_by(&found.failed, rule);
        if shut_out.is_empty() {
            continue;
        }
        let providers: Vec<ProviderId> = shut_out
            .iter()
            .map(|&p| instance.providers[p].id.clone())
            .collect();
        let change = if rule == Rule::Diet {
            Change::CaterFor { providers }
        } else {
            Change::Verify { providers }
        };
        let opened = opened_by_changing_providers(instance, s, &shut_out, &change);
        if opened.is_empty() {
            continue;
        }
        let named = named_providers(instance, &shut_out);
        let description = if rule == Rule::Diet {
            format!(
                "if {named} could cater for every dietary requirement of the party, that would \
                 open {}",
                what(&opened)
            )
        } else {
            format!("verifying {named} would open {}", what(&opened))
        };
        found_relaxations.push(Relaxation {
            rule,
            side: change.side(),
            opens: opened.len(),
            change,
            description,
        });
    }
    // What the coordinator can change first, then the person's own changes; most opened first.
    found_relaxations.sort_by(|a, b| (a.side, b.opens, a.rule).cmp(&(b.side, a.opens, b.rule)));
    found_relaxations
}

/// Up to three providers by id, then how many more: `vol-3, vol-7 and 2 more`.
fn named_providers(instance: &Instance, providers: &[usize]) -> String {
    let ids: Vec<&str> = providers
        .iter()
        .take(3)
        .map(|&p| instance.providers[p].id.as_str())
        .collect();
    let more = providers.len().saturating_sub(ids.len());
    match (ids.as_slice(), more) {
        ([one], 0) => (*one).to_owned(),
        (ids, 0) => {
            let (last, rest) = ids.split_last().expect("two or three ids");
            format!("{} and {last}", rest.join(", "))
        }
        (ids, more) => format!("{} and {more} more", ids.join(", ")),
    }
}

/// The date a verification made now carries, when verifications expire: `policy.today`.
fn renewal_date(instance: &Instance) -> Option<NaiveDate> {
    instance
        .policy
        .rules
        .verification_valid_days
        .and(instance.policy.today)
}

fn noun(kinds: impl Iterator<Item = ProviderKind>, n: usize) -> String {
    let mut kinds = kinds.peekable();
    let first = kinds.peek().copied();
    let same = first.filter(|k| kinds.all(|x| x == *k));
    let (one, many) = match same {
        Some(ProviderKind::Dinner) => ("dinner", "dinners"),
        Some(ProviderKind::Visit) => ("visit", "visits"),
        Some(ProviderKind::Workshop) => ("workshop group", "workshop groups"),
        Some(ProviderKind::Experience) => ("experience session", "experience sessions"),
        Some(ProviderKind::Coaching) => ("coach", "coaches"),
        _ => ("provider", "providers"),
    };
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Round up to a tenth of a km, never below `km`.
fn tenth_up(km: f64) -> f64 {
    let rounded = (km * 10.0).ceil() / 10.0;
    if rounded < km { rounded + 0.1 } else { rounded }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tenths_round_up() {
        assert_eq!(tenth_up(2.0), 2.0);
        assert!((tenth_up(2.01) - 2.1).abs() < 1e-12);
        assert!(tenth_up(7.123_456) >= 7.123_456);
    }

    /// Why a trial checks only the providers the relaxed rule alone shuts out: each change
    /// alters the verdict of its own rule and of no other, for every pair, on generated
    /// programmes of every kind with every candidate of the kind `relaxations` tries.
    #[test]
    fn a_change_alters_only_its_own_rule() {
        use crate::generate::{Params, dinners, experiences, visits, workshops};

        let generators: [fn(&Params) -> Instance; 4] = [dinners, visits, workshops, experiences];
        for (g, generate) in generators.into_iter().enumerate() {
            let mut instance = generate(&Params {
                size: 40,
                seed: g as u64,
                providers: Some(15),
                ..Params::default()
            });
            instance.policy.rules.topics = true;
            instance.policy.rules.max_distance_km = (g % 2 == 1).then_some(4.0);
            for (i, seeker) in instance.seekers.iter_mut().enumerate() {
                if i % 3 == 0 {
                    seeker.diet.push(Diet::Custom("ingen koriander".into()));
                }
                seeker.requires_verified |= i % 4 == 0;
            }
            let rules = Rules::of_validated(&instance);
            let n = instance.providers.len();
            let providers = || instance.providers.iter().map(|p| p.id.clone()).collect();
            let mut changes = vec![
                (
                    Rule::Diet,
                    Change::CaterFor {
                        providers: providers(),
                    },
                ),
                (
                    Rule::Verification,
                    Change::Verify {
                        providers: providers(),
                    },
                ),
            ];
            for (km, extra_km) in [(0.5, 0.1), (3.0, 1.0), (30.0, 20.0)] {
                let max_travel_km = km;
                changes.push((
                    Rule::Distance,
                    Change::TravelFurther {
                        max_travel_km,
                        extra_km,
                    },
                ));
            }
            for p in &instance.providers {
                for w in &p.availability.dated {
                    let window = w.clone();
                    changes.push((Rule::Time, Change::AddDatedWindow { window }));
                }
                for w in &p.availability.weekly {
                    let window = w.clone();
                    changes.push((Rule::Time, Change::AddWeeklyWindow { window }));
                }
            }
            for s in 0..instance.seekers.len() {
                for (rule, change) in &changes {
                    let mut changed = instance.clone();
                    let relaxation = Relaxation {
                        rule: *rule,
                        side: change.side(),
                        change: change.clone(),
                        opens: 0,
                        description: String::new(),
                    };
                    relaxation.apply(&mut changed, &instance.seekers[s].id);
                    let after = Rules::of_validated(&changed);
                    for p in 0..n {
                        let altered = rules.failed(s, p) ^ after.failed(s, p);
                        assert_eq!(
                            altered & !bit(*rule),
                            0,
                            "{change:?}: seeker {s}, provider {p}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn nouns() {
        assert_eq!(noun([ProviderKind::Dinner].into_iter(), 1), "1 dinner");
        assert_eq!(
            noun([ProviderKind::Visit, ProviderKind::Visit].into_iter(), 2),
            "2 visits"
        );
        assert_eq!(
            noun([ProviderKind::Visit, ProviderKind::Dinner].into_iter(), 2),
            "2 providers"
        );
    }
}
