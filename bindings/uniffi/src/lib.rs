//! samman for apps: Kotlin (Android, JVM services) and Swift (iOS) bindings made with uniffi.
//!
//! An app builds an [`Instance`] from native records ([`SeekerRecord`], [`ProviderRecord`],
//! [`PolicyRecord`]) or from the JSON instance format, validates it (every problem with its
//! path), solves it into a [`PlanRecord`], and asks for its [`MetricsRecord`] and for the
//! [`Explanation`] of one seeker. Every failure is a [`SammanError`]; every exported function
//! runs behind a panic guard, so a bug in samman reaches the app as
//! [`SammanError::Internal`] instead of aborting it.
//!
//! The core crate knows nothing of uniffi: this crate defines its own records and converts.

mod error;
mod plan;
mod records;
mod warnings;

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use samman::model;
use samman::rules::{Criterion, Rules};

use error::guard;
pub use error::{Problem, SammanError};
pub use plan::{
    CancelledRecord, CriterionScore, Explanation, MatchRecord, MetricsRecord, Objective,
    PlanRecord, RuleCount, SolveOptions, Solver, UnplacedReason, UnplacedRecord,
};
pub use records::{
    CompositionRecord, DatedWindowRecord, Day, Gender, HardRulesRecord, LanguageLevel,
    LanguageRecord, LimitsRecord, LocationRecord, Origin, PolicyRecord, ProfileRecord,
    ProviderKind, ProviderRecord, SeekerRecord, WeeklyWindowRecord,
};

uniffi::setup_scaffolding!("samman");

/// A matching problem: seekers, providers and the policy. Immutable once built.
#[derive(Debug, uniffi::Object)]
pub struct Instance {
    inner: model::Instance,
}

impl Instance {
    /// The core instance.
    #[must_use]
    pub fn core(&self) -> &model::Instance {
        &self.inner
    }

    /// The instance, failing with every validation problem.
    fn valid(&self) -> Result<&model::Instance, SammanError> {
        samman::validate::validate(&self.inner)?;
        Ok(&self.inner)
    }

    /// The seeker index of each match and unplaced entry, checking that the plan's ids are
    /// this instance's.
    fn plan_indices(&self, plan: &PlanRecord) -> Result<PlanIndices, SammanError> {
        let seekers: HashMap<&str, usize> = (self.inner.seekers.iter().enumerate())
            .map(|(i, s)| (s.id.as_str(), i))
            .collect();
        let providers: HashMap<&str, usize> = (self.inner.providers.iter().enumerate())
            .map(|(i, p)| (p.id.as_str(), i))
            .collect();
        let mut problems = Vec::new();
        let mut matched = Vec::with_capacity(plan.matches.len());
        for (i, m) in plan.matches.iter().enumerate() {
            let s = seekers.get(m.seeker.as_str()).copied();
            let p = providers.get(m.provider.as_str()).copied();
            if s.is_none() {
                problems.push(Problem::new(
                    format!("plan.matches[{i}].seeker"),
                    "not a seeker of this instance",
                ));
            }
            if p.is_none() {
                problems.push(Problem::new(
                    format!("plan.matches[{i}].provider"),
                    "not a provider of this instance",
                ));
            }
            if let (Some(s), Some(p)) = (s, p) {
                matched.push((s, p));
            }
        }
        for (i, u) in plan.unplaced.iter().enumerate() {
            if !seekers.contains_key(u.seeker.as_str()) {
                problems.push(Problem::new(
                    format!("plan.unplaced[{i}].seeker"),
                    "not a seeker of this instance",
                ));
            }
        }
        if problems.is_empty() {
            Ok(PlanIndices { matched })
        } else {
            Err(SammanError::InvalidInput { problems })
        }
    }
}

/// The plan's matches as (seeker, provider) indices into the instance.
struct PlanIndices {
    matched: Vec<(usize, usize)>,
}

#[uniffi::export]
impl Instance {
    /// An instance from native records. Text fields that cannot be read (a date, a time of
    /// day) fail here, every one with its path (`seekers[2].availability.dated[0].start`);
    /// everything else is checked by [`Instance::validate`] and again before solving.
    ///
    /// # Errors
    /// [`SammanError::InvalidInput`] with every unreadable field.
    #[uniffi::constructor]
    pub fn from_records(
        seekers: Vec<SeekerRecord>,
        providers: Vec<ProviderRecord>,
        policy: PolicyRecord,
    ) -> Result<Arc<Self>, SammanError> {
        guard(|| {
            let mut problems = Vec::new();
            let mut instance = model::Instance::new();
            let mut collect = |prefix: String, error: SammanError| match records::at(&prefix, error)
            {
                SammanError::InvalidInput { problems: found } => {
                    problems.extend(found);
                    Ok(())
                }
                other => Err(other),
            };
            for (i, record) in seekers.into_iter().enumerate() {
                match model::Seeker::try_from(record) {
                    Ok(seeker) => instance.seekers.push(seeker),
                    Err(error) => collect(format!("seekers[{i}]"), error)?,
                }
            }
            for (i, record) in providers.into_iter().enumerate() {
                match model::Provider::try_from(record) {
                    Ok(provider) => instance.providers.push(provider),
                    Err(error) => collect(format!("providers[{i}]"), error)?,
                }
            }
            match model::Policy::try_from(policy) {
                Ok(policy) => instance.policy = policy,
                Err(error) => collect("policy".to_owned(), error)?,
            }
            if problems.is_empty() {
                Ok(Arc::new(Self { inner: instance }))
            } else {
                Err(SammanError::InvalidInput { problems })
            }
        })
    }

    /// An instance from the JSON instance format (`samman schema` prints its JSON Schema).
    ///
    /// # Errors
    /// [`SammanError::InvalidInput`] with the path, line and column where reading failed.
    #[uniffi::constructor]
    pub fn from_json(json: String) -> Result<Arc<Self>, SammanError> {
        guard(|| {
            let inner = samman::validate::parse_json(&json)?;
            Ok(Arc::new(Self { inner }))
        })
    }

    /// The instance in the JSON format, with every field the core knows.
    ///
    /// # Errors
    /// [`SammanError::Internal`] only if serialisation fails, which it should not.
    pub fn to_json(&self) -> Result<String, SammanError> {
        guard(|| {
            serde_json::to_string_pretty(&self.inner).map_err(|e| SammanError::Internal {
                detail: e.to_string(),
            })
        })
    }

    /// The seekers as records (fields outside the records' subset are left out).
    ///
    /// # Errors
    /// Only [`SammanError::Internal`].
    pub fn seekers(&self) -> Result<Vec<SeekerRecord>, SammanError> {
        guard(|| Ok(self.inner.seekers.iter().map(Into::into).collect()))
    }

    /// The providers as records (fields outside the records' subset are left out).
    ///
    /// # Errors
    /// Only [`SammanError::Internal`].
    pub fn providers(&self) -> Result<Vec<ProviderRecord>, SammanError> {
        guard(|| Ok(self.inner.providers.iter().map(Into::into).collect()))
    }

    /// The policy as a record (weights are not part of the record).
    ///
    /// # Errors
    /// Only [`SammanError::Internal`].
    pub fn policy(&self) -> Result<PolicyRecord, SammanError> {
        guard(|| Ok((&self.inner.policy).into()))
    }

    /// Every problem of the instance, each with its path; empty when it is valid.
    ///
    /// # Errors
    /// Only [`SammanError::Internal`]: problems are the result, not an error.
    pub fn validate(&self) -> Result<Vec<Problem>, SammanError> {
        guard(|| {
            Ok(match samman::validate::validate(&self.inner) {
                Ok(()) => Vec::new(),
                Err(invalid) => invalid.problems.into_iter().map(Into::into).collect(),
            })
        })
    }

    /// Plan the instance with the chosen solver. The plan breaks no hard rule and no group
    /// rule; the same instance and options give the same plan.
    ///
    /// # Errors
    /// [`SammanError::InvalidInput`] when the instance is invalid (every problem),
    /// [`SammanError::LimitExceeded`] when it is over `policy.limits`.
    pub fn solve(&self, options: SolveOptions) -> Result<PlanRecord, SammanError> {
        guard(|| {
            let plan = samman::solve::solve(&self.inner, &options.into())?;
            Ok((&plan).into())
        })
    }

    /// Figures about a plan of this instance: seekers and people placed, providers used and
    /// cancelled, seats filled, scores.
    ///
    /// # Errors
    /// [`SammanError::InvalidInput`] when the plan names a seeker or provider this instance
    /// does not have (paths `plan.matches[i].seeker`, ...).
    pub fn evaluate(&self, plan: PlanRecord) -> Result<MetricsRecord, SammanError> {
        guard(|| {
            let indices = self.plan_indices(&plan)?;
            let instance = &self.inner;
            let seekers = instance.seekers.len() as u32;
            let seekers_placed = indices.matched.len() as u32;
            let people: u64 = instance
                .seekers
                .iter()
                .map(|s| u64::from(s.party_size))
                .sum();
            let people_placed: u64 = (indices.matched.iter())
                .map(|&(s, _)| u64::from(instance.seekers[s].party_size))
                .sum();
            let used: HashSet<usize> = indices.matched.iter().map(|&(_, p)| p).collect();
            let seats: u64 = (used.iter())
                .map(|&p| u64::from(instance.providers[p].capacity))
                .sum();
            let total_score: f64 = plan.matches.iter().map(|m| m.score).sum();
            Ok(MetricsRecord {
                seekers,
                seekers_placed,
                people,
                people_placed,
                match_rate: if seekers == 0 {
                    1.0
                } else {
                    f64::from(seekers_placed) / f64::from(seekers)
                },
                providers: instance.providers.len() as u32,
                providers_used: used.len() as u32,
                providers_cancelled: plan.cancelled.len() as u32,
                seat_fill_rate: if seats == 0 {
                    0.0
                } else {
                    people_placed as f64 / seats as f64
                },
                total_score,
                mean_score: if seekers_placed == 0 {
                    0.0
                } else {
                    total_score / f64::from(seekers_placed)
                },
            })
        })
    }

    /// Why `seeker` is placed where they are in `plan` (the criteria behind the score), or why
    /// not (the rules in the way and what relaxing one would open).
    ///
    /// # Errors
    /// [`SammanError::InvalidInput`] when the instance is invalid, when `seeker` is not a
    /// seeker of the instance (path `seeker`), or when the plan does not fit the instance.
    pub fn explain(&self, plan: PlanRecord, seeker: String) -> Result<Explanation, SammanError> {
        guard(|| {
            let instance = self.valid()?;
            let indices = self.plan_indices(&plan)?;
            let s = (instance
                .seekers
                .iter()
                .position(|x| x.id.as_str() == seeker))
            .ok_or_else(|| SammanError::invalid("seeker", "not a seeker of this instance"))?;
            let rules = Rules::new(instance);
            let feasible = (0..instance.providers.len())
                .filter(|&p| rules.check(s, p).is_ok())
                .count() as u32;
            if let Some(&(_, p)) = indices.matched.iter().find(|&&(m, _)| m == s) {
                let breakdown = rules.breakdown(s, p);
                let criteria: Vec<CriterionScore> = Criterion::ALL
                    .iter()
                    .map(|&c| CriterionScore {
                        criterion: plan::criterion_name(c).to_owned(),
                        value: f64::from(breakdown.get(c)),
                    })
                    .collect();
                let score = (plan.matches.iter())
                    .find(|m| m.seeker == seeker)
                    .map_or(0.0, |m| m.score);
                let provider = instance.providers[p].id.0.clone();
                let strongest = (criteria.iter())
                    .filter(|c| c.value > 0.0)
                    .max_by(|a, b| a.value.total_cmp(&b.value))
                    .map_or(String::new(), |c| {
                        format!("; strongest criterion {}", c.criterion)
                    });
                return Ok(Explanation {
                    summary: format!(
                        "{seeker} is placed with {provider} (score {score:.2}, one of {feasible} \
                         feasible provider(s)){strongest}"
                    ),
                    seeker,
                    provider: Some(provider),
                    score: Some(score),
                    criteria,
                    reason: None,
                    feasible_providers: feasible,
                });
            }
            let reason = (plan.unplaced.iter())
                .find(|u| u.seeker == seeker)
                .map(|u| u.reason.clone())
                .ok_or_else(|| {
                    SammanError::invalid("plan", "the seeker is neither matched nor unplaced")
                })?;
            Ok(Explanation {
                summary: plan::reason_summary(&seeker, &reason),
                seeker,
                provider: None,
                score: None,
                criteria: Vec::new(),
                reason: Some(reason),
                feasible_providers: feasible,
            })
        })
    }
}

/// The default policy (the core's): Europe/Stockholm, every hard rule but topics on.
///
/// # Errors
/// Only [`SammanError::Internal`].
#[uniffi::export]
pub fn default_policy() -> Result<PolicyRecord, SammanError> {
    guard(|| Ok(PolicyRecord::default()))
}

/// The version of samman in this library.
///
/// # Errors
/// Only [`SammanError::Internal`].
#[uniffi::export]
pub fn samman_version() -> Result<String, SammanError> {
    guard(|| Ok(env!("CARGO_PKG_VERSION").to_owned()))
}

/// Panics inside samman on purpose, so that a test in the app's language can show that a
/// panic arrives as [`SammanError::Internal`] and does not abort the process. It has no other
/// use.
///
/// # Errors
/// Always [`SammanError::Internal`] with `message`.
#[uniffi::export]
pub fn panic_for_tests(message: String) -> Result<(), SammanError> {
    guard(|| -> Result<(), SammanError> { panic!("{message}") })
}
