//! Explanations for coordinators: why a seeker was not placed, which rule shuts out the most
//! providers, and a concrete change that would open some ("travelling 2.5 km further would open
//! 2 dinners"); for a placed seeker, the weighted contributions behind its match's score.
//!
//! Every count of opened providers is exact: the change is applied to a copy of the seeker
//! (or of the providers) and every pair rule is checked again.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use crate::metrics::Plan;
use crate::model::{
    Availability, DatedWindow, Instance, LanguageCode, LanguageSkill, ProviderId, ProviderKind,
    SeekerId, WeeklyWindow,
};
use crate::rules::{Criterion, GroupRule, Rule, Rules, distance_km, group_violations};
use crate::validate::{Invalid, validate};

/// Why an explanation could not be given.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
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
    /// The seeker speaks a language at a level (more than now).
    SpeakLanguage {
        /// The language.
        code: LanguageCode,
        /// The level the rule needs.
        level: crate::model::Level,
    },
    /// The seeker adds a topic.
    AddTopic {
        /// The topic.
        topic: String,
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

/// A relaxation of one rule for one seeker, and what it would open.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Relaxation {
    /// The rule relaxed.
    pub rule: Rule,
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
        let diet = instance.seekers[s].diet.clone();
        let target = &mut instance.seekers[s];
        match &self.change {
            Change::TravelFurther { max_travel_km, .. } => {
                target.max_travel_km = Some(*max_travel_km);
            }
            Change::AddDatedWindow { window } => target.availability.dated.push(window.clone()),
            Change::AddWeeklyWindow { window } => target.availability.weekly.push(window.clone()),
            Change::SpeakLanguage { code, level } => {
                match target.languages.iter_mut().find(|l| &l.code == code) {
                    Some(skill) => skill.level = skill.level.max(*level),
                    None => target.languages.push(LanguageSkill {
                        code: code.clone(),
                        level: *level,
                    }),
                }
            }
            Change::AddTopic { topic } => target.topics.push(topic.clone()),
            Change::CaterFor { providers } => {
                for p in instance
                    .providers
                    .iter_mut()
                    .filter(|p| providers.contains(&p.id))
                {
                    for need in &diet {
                        if !p.caters.contains(need) {
                            p.caters.push(need.clone());
                        }
                    }
                }
            }
            Change::Verify { providers } => {
                for p in instance
                    .providers
                    .iter_mut()
                    .filter(|p| providers.contains(&p.id))
                {
                    p.verification.verified = true;
                }
            }
        }
    }
}

/// Why a seeker is or is not placed, and what would help.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Explanation {
    /// The seeker.
    pub seeker: SeekerId,
    /// The match, when the plan places the seeker.
    pub placed: Option<MatchExplanation>,
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
    /// The pair rule whose relaxation would open the most providers (most `excluded_only`).
    pub most_limiting: Option<Rule>,
    /// Concrete relaxations that open at least one provider, most opened first.
    pub relaxations: Vec<Relaxation>,
}

/// Explain seeker `seeker` of `instance`, against `plan` when one is given.
///
/// # Complexity
/// `O(P)` rule checks for the counts, plus `O(P)` for each candidate relaxation tried (at most
/// a few hundred); with a plan, `O(P · m)` for the group rules (`m` the largest group).
///
/// # Errors
/// [`ExplainError::Invalid`] for an invalid instance, [`ExplainError::UnknownSeeker`].
pub fn explain(
    instance: &Instance,
    plan: Option<&Plan>,
    seeker: &SeekerId,
) -> Result<Explanation, ExplainError> {
    validate(instance)?;
    let s = instance
        .seekers
        .iter()
        .position(|x| &x.id == seeker)
        .ok_or_else(|| ExplainError::UnknownSeeker(seeker.clone()))?;
    let rules = Rules::new(instance);
    let n_providers = instance.providers.len();
    let mut excluded = BTreeMap::new();
    let mut excluded_only = BTreeMap::new();
    let mut failing: Vec<Vec<Rule>> = Vec::with_capacity(n_providers);
    for p in 0..n_providers {
        let failures = rules.failures(s, p);
        if let [rule] = failures[..] {
            *excluded_only.entry(rule).or_insert(0) += 1;
        }
        for &rule in &failures {
            *excluded.entry(rule).or_insert(0) += 1;
        }
        failing.push(failures);
    }
    let feasible: Vec<usize> = (0..n_providers)
        .filter(|&p| failing[p].is_empty())
        .collect();
    let most_limiting = excluded_only
        .iter()
        .max_by_key(|(rule, n)| (**n, std::cmp::Reverse(**rule)))
        .map(|(rule, _)| *rule);

    let mut explanation = Explanation {
        seeker: seeker.clone(),
        placed: None,
        providers: n_providers,
        feasible: feasible.len(),
        excluded,
        excluded_only,
        seats_taken: None,
        composition: None,
        open: None,
        most_limiting,
        relaxations: relaxations(instance, s, &failing),
    };
    if let Some(plan) = plan {
        let provider_of = placements(instance, plan);
        if let Some(p) = provider_of[s] {
            explanation.placed = Some(match_explanation(&rules, s, p));
        }
        let mut members: Vec<Vec<usize>> = vec![Vec::new(); n_providers];
        for (t, p) in provider_of.iter().enumerate() {
            if let (Some(p), true) = (p, t != s) {
                members[*p].push(t);
            }
        }
        let (mut taken, mut composition, mut open) = (0, 0, 0);
        let size = u64::from(instance.seekers[s].party_size);
        for &p in feasible.iter().filter(|&&p| provider_of[s] != Some(p)) {
            let used: u64 = members[p]
                .iter()
                .map(|&t| u64::from(instance.seekers[t].party_size))
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
    }
    Ok(explanation)
}

fn placements(instance: &Instance, plan: &Plan) -> Vec<Option<usize>> {
    let seeker_ix: HashMap<&str, usize> = instance
        .seekers
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();
    let provider_ix: HashMap<&str, usize> = instance
        .providers
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i))
        .collect();
    let mut provider_of = vec![None; instance.seekers.len()];
    for m in &plan.matches {
        if let (Some(&s), Some(&p)) = (
            seeker_ix.get(m.seeker.as_str()),
            provider_ix.get(m.provider.as_str()),
        ) {
            provider_of[s].get_or_insert(p);
        }
    }
    provider_of
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
            let weight = match criterion {
                Criterion::Distance => w.distance,
                Criterion::Language => w.language,
                Criterion::Preference => w.preference,
                Criterion::Waiting => w.waiting,
                Criterion::Continuity => w.continuity,
                Criterion::Novelty => w.novelty,
                Criterion::Topics => w.topics,
                Criterion::Reliability => w.reliability,
                Criterion::Priority => w.priority,
            };
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

/// The seeker alone with every provider, so a changed copy can be checked in `O(P)`.
struct Trial {
    instance: Instance,
}

impl Trial {
    fn new(instance: &Instance, s: usize) -> Self {
        let seeker = &instance.seekers[s];
        let alone = Instance {
            version: instance.version,
            seekers: vec![seeker.clone()],
            providers: instance.providers.clone(),
            policy: instance.policy.clone(),
            history: crate::model::History {
                meetings: instance
                    .history
                    .meetings
                    .iter()
                    .filter(|m| m.seeker == seeker.id)
                    .cloned()
                    .collect(),
            },
            constraints: crate::model::Constraints::default(),
        };
        Self { instance: alone }
    }

    /// Providers feasible for the seeker after `change`.
    fn feasible_after(&self, relaxation: &Relaxation) -> Vec<usize> {
        let mut changed = self.instance.clone();
        let id = changed.seekers[0].id.clone();
        relaxation.apply(&mut changed, &id);
        let rules = Rules::new(&changed);
        (0..changed.providers.len())
            .filter(|&p| rules.check(0, p).is_ok())
            .collect()
    }
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

fn relaxations(instance: &Instance, s: usize, failing: &[Vec<Rule>]) -> Vec<Relaxation> {
    let seeker = &instance.seekers[s];
    let trial = Trial::new(instance, s);
    let before: Vec<usize> = (0..failing.len())
        .filter(|&p| failing[p].is_empty())
        .collect();
    let failing_on = |rule: Rule| -> Vec<usize> {
        (0..failing.len())
            .filter(|&p| failing[p].contains(&rule))
            .collect()
    };
    // Score a candidate: the providers it opens, and their description.
    let evaluate = |rule: Rule, change: Change| -> Option<(Relaxation, Vec<usize>)> {
        let mut relaxation = Relaxation {
            rule,
            change,
            opens: 0,
            description: String::new(),
        };
        let opened: Vec<usize> = trial
            .feasible_after(&relaxation)
            .into_iter()
            .filter(|p| !before.contains(p))
            .collect();
        if opened.is_empty() {
            return None;
        }
        relaxation.opens = opened.len();
        Some((relaxation, opened))
    };
    let what = |opened: &[usize]| {
        noun(
            opened.iter().map(|&p| instance.providers[p].kind),
            opened.len(),
        )
    };
    let best_of = |rule: Rule, changes: Vec<Change>| -> Option<(Relaxation, Vec<usize>)> {
        changes
            .into_iter()
            .take(MAX_CANDIDATES)
            .filter_map(|c| evaluate(rule, c))
            .fold(
                None,
                |best: Option<(Relaxation, Vec<usize>)>, x| match best {
                    Some(b) if b.0.opens >= x.0.opens => Some(b),
                    _ => Some(x),
                },
            )
    };
    let mut found: Vec<Relaxation> = Vec::new();

    // Distance: the smallest further distance that opens a provider.
    if let (Some(here), Some(limit)) = (seeker.location, seeker.max_travel_km) {
        let mut needed: Vec<f64> = failing_on(Rule::Distance)
            .into_iter()
            .filter_map(|p| distance_km(Some(here), instance.providers[p].location))
            .map(tenth_up)
            .filter(|&km| km > limit)
            .collect();
        needed.sort_by(f64::total_cmp);
        needed.dedup();
        let first = needed.into_iter().take(MAX_CANDIDATES).find_map(|km| {
            evaluate(
                Rule::Distance,
                Change::TravelFurther {
                    max_travel_km: km,
                    extra_km: tenth_up(km - limit),
                },
            )
        });
        if let Some((mut r, opened)) = first {
            if let Change::TravelFurther {
                max_travel_km,
                extra_km,
            } = r.change
            {
                r.description = format!(
                    "travelling {extra_km:.1} km further (up to {max_travel_km:.1} km) would open {}",
                    what(&opened)
                );
            }
            found.push(r);
        }
    }

    // Time: a window one of the excluded providers offers, the one that opens the most.
    let mut windows: Vec<Change> = Vec::new();
    for p in failing_on(Rule::Time) {
        let Availability { dated, weekly } = &instance.providers[p].availability;
        for w in dated {
            let c = Change::AddDatedWindow { window: w.clone() };
            if !windows.contains(&c) {
                windows.push(c);
            }
        }
        for w in weekly {
            let c = Change::AddWeeklyWindow { window: w.clone() };
            if !windows.contains(&c) {
                windows.push(c);
            }
        }
    }
    if let Some((mut r, opened)) = best_of(Rule::Time, windows) {
        let when = match &r.change {
            Change::AddDatedWindow { window } => format!(
                "{} to {}",
                window.start.local.format("%Y-%m-%d %H:%M"),
                window.end.local.format("%Y-%m-%d %H:%M")
            ),
            Change::AddWeeklyWindow { window } => {
                format!("{} {}-{}", window.day.name(), window.start, window.end)
            }
            _ => String::new(),
        };
        r.description = format!("being available {when} would open {}", what(&opened));
        found.push(r);
    }

    // Language: a language an excluded provider speaks, at the level the rule needs.
    let level = instance.policy.rules.min_language_level;
    let mut codes: Vec<Change> = Vec::new();
    for p in failing_on(Rule::Language) {
        for skill in &instance.providers[p].languages {
            let c = Change::SpeakLanguage {
                code: skill.code.clone(),
                level,
            };
            if skill.level >= level && !codes.contains(&c) {
                codes.push(c);
            }
        }
    }
    if let Some((mut r, opened)) = best_of(Rule::Language, codes) {
        if let Change::SpeakLanguage { code, level } = &r.change {
            let now = seeker.languages.iter().find(|l| &l.code == code);
            let step = match now {
                Some(skill) => format!(" (now {})", crate::model::enum_name(&skill.level)),
                None => String::new(),
            };
            r.description = format!(
                "speaking {} at {} level{step} would open {}",
                code.0,
                crate::model::enum_name(level),
                what(&opened)
            );
        }
        found.push(r);
    }

    // Topics: a topic an excluded provider offers.
    let mut topics: Vec<Change> = Vec::new();
    for p in failing_on(Rule::Topics) {
        for topic in &instance.providers[p].topics {
            let c = Change::AddTopic {
                topic: topic.clone(),
            };
            if !topics.contains(&c) {
                topics.push(c);
            }
        }
    }
    if let Some((mut r, opened)) = best_of(Rule::Topics, topics) {
        if let Change::AddTopic { topic } = &r.change {
            r.description = format!("adding the topic {topic} would open {}", what(&opened));
        }
        found.push(r);
    }

    // Diet and verification: ask the providers that only this rule shuts out.
    for rule in [Rule::Diet, Rule::Verification] {
        let providers: Vec<ProviderId> = (0..failing.len())
            .filter(|&p| failing[p] == [rule])
            .map(|p| instance.providers[p].id.clone())
            .collect();
        if providers.is_empty() {
            continue;
        }
        let change = if rule == Rule::Diet {
            Change::CaterFor { providers }
        } else {
            Change::Verify { providers }
        };
        if let Some((mut r, opened)) = evaluate(rule, change) {
            r.description = if rule == Rule::Diet {
                format!(
                    "if they could cater for every dietary requirement of the party, {} would open",
                    what(&opened)
                )
            } else {
                format!(
                    "verifying the identity of the providers would open {}",
                    what(&opened)
                )
            };
            found.push(r);
        }
    }
    found.sort_by(|a, b| b.opens.cmp(&a.opens).then(a.rule.cmp(&b.rule)));
    found
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
