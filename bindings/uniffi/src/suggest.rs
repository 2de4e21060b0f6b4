//! Ranked suggestions for a coordinator's approval screen: `Instance::suggest`, converting the
//! core's `samman::suggest` into records.

use samman::metrics::Plan;
use samman::rules::Criterion;
use samman::suggest::suggest;

use crate::error::guard;
use crate::plan::{self, CriterionScore, PlanRecord};
use crate::{Instance, SammanError};

/// One provider suggested for a seeker.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct SuggestionRecord {
    /// The provider's id.
    pub provider: String,
    /// The pair's score.
    pub score: f64,
    /// Each soft criterion's value for the pair, before weighting.
    pub criteria: Vec<CriterionScore>,
    /// Seats the plan leaves free at the provider, not counting this seeker.
    pub free_seats: u32,
    /// Whether the plan already places the seeker here.
    pub current: bool,
    /// The seekers that would have to move for the seeker's party to fit.
    pub displaced: Vec<String>,
}

#[uniffi::export]
impl Instance {
    /// The `k` best feasible providers for `seeker`, best first, with free seats and who would
    /// have to move counted against `plan` (none: every seat free). With a plan, a provider is
    /// suggested only when the party fits after those moves and its group breaks no group rule.
    ///
    /// # Errors
    /// [`SammanError::InvalidInput`] when the instance is invalid, when `seeker` is not a
    /// seeker of the instance (path `seeker`), or when the plan does not fit the instance.
    pub fn suggest(
        &self,
        plan: Option<PlanRecord>,
        seeker: String,
        k: u32,
    ) -> Result<Vec<SuggestionRecord>, SammanError> {
        guard(|| {
            let instance = self.valid()?;
            let plan = match plan {
                Some(plan) => {
                    self.plan_indices(&plan)?;
                    Some(Plan::from_pairs(
                        plan.matches.into_iter().map(|m| (m.seeker, m.provider)),
                    ))
                }
                None => None,
            };
            let suggestions = suggest(instance, plan.as_ref(), &seeker.as_str().into(), k as usize)
                .map_err(|e| SammanError::from(samman::Error::from(e)))?;
            Ok(suggestions
                .into_iter()
                .map(|s| SuggestionRecord {
                    provider: s.provider.0,
                    score: s.score,
                    criteria: Criterion::ALL
                        .iter()
                        .map(|&c| CriterionScore {
                            criterion: plan::criterion_name(c).to_owned(),
                            value: f64::from(s.breakdown.get(c)),
                        })
                        .collect(),
                    free_seats: s.free_seats,
                    current: s.current,
                    displaced: s.displaced.into_iter().map(|id| id.0).collect(),
                })
                .collect())
        })
    }
}
