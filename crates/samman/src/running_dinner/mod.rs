//! Running dinners: teams cook one course each at home and eat the others at other teams'
//! homes, meeting new teams at every course.
//!
//! Each team hosts exactly one of `C` courses (default 3); at each course a table is the host
//! team and guest teams. No two teams should share a table twice in the evening, every guest's
//! diet must be one the host's kitchen caters for, a team never hosts a course it cannot cook,
//! and the total travel between consecutive courses is made short. Teams may have any size.
//! When the number of teams is not a multiple of `C`, some courses have one host more and
//! tables of different sizes; the plan states it. A cancelled team is replaced from the
//! waiting list, or its guests re-routed, changing as few routes as possible ([`cancel`]).

mod bound;
mod cancel;
mod generate;
mod problem;
mod search;

pub use problem::DinnerProblem;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::{Diet, Location};

pub use cancel::cancel;

fn one() -> u32 {
    1
}

fn three() -> u32 {
    3
}

/// A team that cooks one course at home and visits others for the rest.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Team {
    /// Opaque id, unique among teams and the waiting list.
    pub id: String,
    /// People in the team (any number).
    #[serde(default = "one")]
    #[cfg_attr(feature = "uniffi", uniffi(default = 1))]
    pub size: u32,
    /// Where the team lives and cooks.
    pub location: Location,
    /// What the team's members do not eat: every host they visit must cater for it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub diet: Vec<Diet>,
    /// Diets the team's kitchen caters for.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub caters: Vec<Diet>,
    /// Courses (from 1) the team cannot cook, such as `[2]` for no main course.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub cannot_host: Vec<u32>,
}

/// A running dinner: the teams, how many courses, and who waits for a place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RunningDinner {
    /// Format version: 1.
    pub version: u32,
    /// Courses of the evening (2 or more; default 3: starter, main, dessert).
    #[serde(default = "three")]
    #[cfg_attr(feature = "uniffi", uniffi(default = 3))]
    pub courses: u32,
    /// The teams taking part.
    pub teams: Vec<Team>,
    /// Teams waiting for a place, in order, to fill cancellations.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub waiting_list: Vec<Team>,
}

/// One team's evening.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct TeamRoute {
    /// The team.
    pub id: String,
    /// The course it hosts, from 1.
    pub hosts: u32,
    /// Per course, the team at whose home it eats (its own id at the course it hosts).
    pub route: Vec<String>,
    /// Its travel between consecutive courses, in km.
    pub km: f64,
}

/// One table: a course at a host's home.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct DinnerTable {
    /// The course, from 1.
    pub course: u32,
    /// The host team.
    pub host: String,
    /// The guest teams.
    pub guests: Vec<String>,
    /// People at the table (the host team's included).
    pub people: u32,
}

/// A route that changed when re-planning after a cancellation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RouteChange {
    /// The team whose route changed.
    pub team: String,
    /// The course, from 1.
    pub course: u32,
    /// Where it was to eat.
    pub from: String,
    /// Where it eats now.
    pub to: String,
}

/// A plan of the evening.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct DinnerPlan {
    /// Courses.
    pub courses: u32,
    /// Every team's route, in input order.
    pub teams: Vec<TeamRoute>,
    /// Every table, by course then host.
    pub tables: Vec<DinnerTable>,
    /// Times two teams share a table beyond their first (0: everyone meets new teams).
    pub repeat_meetings: u64,
    /// Guest teams whose diet the host's kitchen does not cater for.
    pub uncatered: u64,
    /// Total travel between consecutive courses, in km.
    pub total_km: f64,
    /// A lower bound on the total travel of any plan without repeat meetings with these
    /// hosts per course (each host's guests at a course arrive from as many distinct other
    /// homes; the hosts of the first course receive no one).
    pub lower_bound_km: f64,
    /// What the plan had to settle, such as tables of different sizes.
    pub notes: Vec<String>,
    /// Routes changed from a previous plan (after a cancellation).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<RouteChange>,
    /// Teams from the waiting list that took a cancelled team's place.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub from_waiting_list: Vec<String>,
    /// The seed used.
    pub seed: u64,
}

/// Why a running dinner could not be planned.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DinnerError {
    /// The input is not a plannable running dinner.
    #[error("{path}: {message}")]
    Invalid {
        /// Where, such as `teams[3].cannot_host[0]`.
        path: String,
        /// What is wrong and what is expected, in English.
        message: String,
        /// The same, to say in another language ([`DinnerError::text`]).
        problem: DinnerProblem,
    },
}

impl DinnerError {
    /// The error in the language of `m`: the path, then the problem.
    #[must_use]
    pub fn text(&self, m: &crate::i18n::Messages) -> String {
        match self {
            Self::Invalid { path, problem, .. } => format!("{path}: {}", problem.text(m)),
        }
    }
}

fn invalid(path: impl Into<String>, problem: DinnerProblem) -> DinnerError {
    DinnerError::Invalid {
        path: path.into(),
        message: problem.english(),
        problem,
    }
}

/// Check a running dinner: versions, ids, courses, locations, course wishes.
///
/// # Errors
/// The first problem found, with its path.
pub fn check(dinner: &RunningDinner) -> Result<(), DinnerError> {
    if dinner.version != 1 {
        return Err(invalid("version", DinnerProblem::Version));
    }
    if !(2..=12).contains(&dinner.courses) {
        return Err(invalid("courses", DinnerProblem::Courses));
    }
    let c = dinner.courses as usize;
    if dinner.teams.len() < 2 * c {
        return Err(invalid(
            "teams",
            DinnerProblem::TooFewTeams {
                teams: dinner.teams.len(),
                courses: c,
            },
        ));
    }
    let mut seen = std::collections::HashSet::new();
    for (list, teams) in [
        ("teams", &dinner.teams),
        ("waiting_list", &dinner.waiting_list),
    ] {
        for (i, team) in teams.iter().enumerate() {
            let at = format!("{list}[{i}]");
            if team.id.is_empty() {
                return Err(invalid(format!("{at}.id"), DinnerProblem::EmptyId));
            }
            if !seen.insert(team.id.as_str()) {
                return Err(invalid(
                    format!("{at}.id"),
                    DinnerProblem::DuplicateId {
                        id: team.id.clone(),
                    },
                ));
            }
            if team.size == 0 {
                return Err(invalid(format!("{at}.size"), DinnerProblem::Size));
            }
            let l = team.location;
            if !(l.lat.is_finite()
                && l.lon.is_finite()
                && l.lat.abs() <= 90.0
                && l.lon.abs() <= 180.0)
            {
                return Err(invalid(format!("{at}.location"), DinnerProblem::Location));
            }
            for (k, &course) in team.cannot_host.iter().enumerate() {
                if course == 0 || course > dinner.courses {
                    return Err(invalid(
                        format!("{at}.cannot_host[{k}]"),
                        DinnerProblem::CourseNumber {
                            courses: dinner.courses,
                        },
                    ));
                }
            }
            if (1..=dinner.courses).all(|k| team.cannot_host.contains(&k)) {
                return Err(invalid(
                    format!("{at}.cannot_host"),
                    DinnerProblem::MustHost,
                ));
            }
        }
    }
    Ok(())
}

/// How many teams host each course: as even as possible, the first courses one more.
pub(crate) fn hosts_per_course(teams: usize, courses: usize) -> Vec<usize> {
    (0..courses)
        .map(|k| teams / courses + usize::from(k < teams % courses))
        .collect()
}

/// Plan a running dinner.
///
/// # Arguments
/// `dinner`: the teams and courses; `seed`: the search's seed (same seed, same plan).
///
/// # Returns
/// A [`DinnerPlan`]: each team's route, the tables, repeats and uncatered guests left (0 when
/// the search met every rule), the total travel and its lower bound.
///
/// # Errors
/// [`DinnerError::Invalid`] for an input [`check`] refuses, or course wishes no assignment of
/// hosts to courses can meet.
///
/// # Complexity
/// A simulated annealing of `O(2000 · n)` steps over swaps of guests between tables of a
/// course and swaps of the courses two teams host, each step `O(n·C)`.
///
/// # Example
/// ```
/// use samman::running_dinner::{plan, generate};
///
/// let dinner = generate(12, 1);
/// let evening = plan(&dinner, 1)?;
/// assert_eq!(evening.repeat_meetings, 0);
/// assert!(evening.total_km >= evening.lower_bound_km);
/// # Ok::<(), samman::running_dinner::DinnerError>(())
/// ```
pub fn plan(dinner: &RunningDinner, seed: u64) -> Result<DinnerPlan, DinnerError> {
    check(dinner)?;
    let evening = search::Evening::new(dinner)?;
    let layout = evening.solve(seed)?;
    Ok(evening.report(&layout, seed))
}

pub use generate::generate;
