//! samman for apps: Kotlin (Android, JVM services) and Swift (iOS) bindings made with uniffi.
//!
//! The records and enums apps use are the core's own (`Instance`, `Seeker`, `Policy`,
//! `Options`, `Plan`, `Pairs`, `Report`, `Explanation`, ...), exported by the core's `uniffi`
//! feature. This crate only translates: a [`Session`] holds a validated instance and calls
//! `samman::Session` for solving, evaluating and explaining; the functions below read and
//! write the JSON formats with serde and give the core's defaults. Every failure is a
//! [`SammanError`], mapped once in the core from `samman::Error` by kind; every exported
//! function runs behind a panic guard, so a bug in samman reaches the app as
//! [`SammanError::Internal`] instead of aborting it.

mod error;
mod recurring;

use std::sync::Arc;

use samman::explain::Explanation;
use samman::ffi::ProblemRecord as Problem;
use samman::metrics::{MetricsOptions, Report};
use samman::model::{Instance, Policy, SeekerId};
use samman::plan::{Pairs, Plan};
use samman::solve::Options;

pub use error::SammanError;
use error::guard;

uniffi::setup_scaffolding!("samman");

/// A validated instance, ready to be solved, evaluated and explained (the core's
/// `samman::Session`: validated once, candidate graph built once).
#[derive(Debug, uniffi::Object)]
pub struct Session {
    inner: samman::Session,
}

#[uniffi::export]
impl Session {
    /// Validate `instance` and prepare it.
    ///
    /// # Errors
    /// `InvalidInput` with every problem and its path; `LimitExceeded` over `policy.limits`.
    #[uniffi::constructor]
    pub fn new(instance: Instance) -> Result<Arc<Self>, SammanError> {
        guard(|| samman::Session::new(instance).map(|inner| Arc::new(Self { inner })))
    }

    /// Read an instance from the JSON format (`samman schema`), validate and prepare it.
    ///
    /// # Errors
    /// `InvalidInput` with the path, line and column where reading failed; otherwise as
    /// [`Session::new`].
    #[uniffi::constructor]
    pub fn from_json(json: String) -> Result<Arc<Self>, SammanError> {
        guard(|| samman::Session::from_json(&json).map(|inner| Arc::new(Self { inner })))
    }

    /// The instance.
    #[must_use]
    pub fn instance(&self) -> Instance {
        self.inner.instance().clone()
    }

    /// Plan the instance. The plan breaks no hard rule and no group rule; the same instance
    /// and options give the same plan.
    ///
    /// # Errors
    /// `UnknownId` or `InvalidInput` for a lock or previous plan that does not fit,
    /// `LimitExceeded` when the candidate pairs pass `policy.limits.max_edges`.
    pub fn solve(&self, options: Options) -> Result<Plan, SammanError> {
        guard(|| self.inner.solve(&options))
    }

    /// The core's figures about a plan made by [`Session::solve`].
    ///
    /// # Errors
    /// `LimitExceeded` when the candidate pairs pass `policy.limits.max_edges`.
    pub fn evaluate(&self, plan: Plan, options: MetricsOptions) -> Result<Report, SammanError> {
        guard(|| self.inner.evaluate(&(&plan).into(), &options))
    }

    /// The core's figures about a plan from anywhere (ids the instance does not have are
    /// reported as violations, not errors).
    ///
    /// # Errors
    /// As [`Session::evaluate`].
    pub fn evaluate_plan(
        &self,
        plan: Pairs,
        options: MetricsOptions,
    ) -> Result<Report, SammanError> {
        guard(|| self.inner.evaluate(&plan, &options))
    }

    /// Problems of single records, each with its path: they never make the instance invalid;
    /// such a record is planned as far as its data allows or left out with its reason.
    pub fn warnings(&self) -> Vec<Problem> {
        self.inner.warnings().into_iter().map(Into::into).collect()
    }

    /// Why each of `seekers` is or is not placed in `plan` (or in general, without a plan),
    /// and which relaxation would help, in the order asked.
    ///
    /// # Errors
    /// `UnknownId` (path `seeker`) for the first id no seeker has.
    pub fn explain(
        &self,
        plan: Option<Plan>,
        seekers: Vec<SeekerId>,
    ) -> Result<Vec<Explanation>, SammanError> {
        guard(|| {
            let plan: Option<Pairs> = plan.as_ref().map(Into::into);
            self.inner.explain(plan.as_ref(), &seekers)
        })
    }

    /// The explanation of `seeker` in words, as `samman explain` prints it, in `lang` (`sv` or
    /// `en`): why the seeker is or is not placed and what would help, the coordinator's own
    /// changes first.
    ///
    /// # Errors
    /// `InvalidInput` (path `lang`) for a language samman does not speak; `UnknownId` (path
    /// `seeker`) for an id no seeker has.
    pub fn explain_text(
        &self,
        plan: Option<Plan>,
        seeker: SeekerId,
        lang: String,
    ) -> Result<String, SammanError> {
        let Some(lang) = samman::i18n::Lang::parse(&lang) else {
            let problem = Problem {
                path: "lang".to_owned(),
                message: "not a language samman speaks: use sv or en".to_owned(),
            };
            return Err(SammanError::InvalidInput {
                kind: samman::ErrorKind::InvalidInput.name().to_owned(),
                path: problem.path.clone(),
                detail: format!("lang: {}", problem.message),
                problems: vec![problem],
            });
        };
        guard(|| {
            let with_plan = plan.is_some();
            let plan: Option<Pairs> = plan.as_ref().map(Into::into);
            let explanation = self.inner.explain_one(plan.as_ref(), &seeker)?;
            let messages = samman::i18n::Messages::new(lang);
            Ok::<_, samman::Error>(samman::advice::explanation(
                &messages,
                &str::to_owned,
                &explanation,
                with_plan,
            ))
        })
    }

    /// The `k` best feasible providers for `seeker`, best first, with score, free seats in
    /// `plan` and who would have to move: a coordinator's approval screen.
    ///
    /// # Errors
    /// `UnknownId` (path `seeker`) when no seeker has the id.
    pub fn suggest(
        &self,
        plan: Option<Plan>,
        seeker: SeekerId,
        k: u32,
    ) -> Result<Vec<samman::suggest::Suggestion>, SammanError> {
        guard(|| {
            let plan: Option<Pairs> = plan.as_ref().map(Into::into);
            self.inner.suggest(plan.as_ref(), &seeker, k as usize)
        })
    }
}

/// Read an instance from the JSON format without validating it.
///
/// # Errors
/// `InvalidInput` with the path, line and column where reading failed.
#[uniffi::export]
pub fn instance_from_json(json: String) -> Result<Instance, SammanError> {
    guard(|| samman::validate::parse_json(&json).map_err(samman::Error::from))
}

/// The instance in the JSON format.
///
/// # Errors
/// `Internal` only if serialisation fails, which it should not.
#[uniffi::export]
pub fn instance_to_json(instance: Instance) -> Result<String, SammanError> {
    to_json(&instance)
}

/// Every problem of an instance, each with its path; empty when it is valid.
///
/// # Errors
/// Only `Internal`: problems are the result, not an error.
#[uniffi::export]
pub fn validate(instance: Instance) -> Result<Vec<Problem>, SammanError> {
    guard(|| {
        Ok::<_, samman::Error>(match samman::validate::validate(&instance) {
            Ok(()) => Vec::new(),
            Err(invalid) => invalid.problems.into_iter().map(Into::into).collect(),
        })
    })
}

/// The problems of single records of an instance, each with its path (a party larger than
/// every table, coordinates out of range): they never make it invalid; such a record is planned
/// as far as its data allows or left out with its reason.
///
/// # Errors
/// Only `Internal`.
#[uniffi::export]
pub fn warnings(instance: Instance) -> Result<Vec<Problem>, SammanError> {
    guard(|| {
        Ok::<_, samman::Error>(
            samman::validate::check(&instance)
                .warnings
                .into_iter()
                .map(Into::into)
                .collect(),
        )
    })
}

/// The instance with every id replaced by a keyed hash (`privacy::pseudonymize`, see
/// docs/privacy.md): the same id and key always give the same pseudonym.
///
/// # Errors
/// Only `Internal`.
#[uniffi::export]
pub fn pseudonymize(instance: Instance, key: Vec<u8>) -> Result<Instance, SammanError> {
    guard(|| Ok::<_, samman::Error>(samman::privacy::pseudonymize(&instance, &key)))
}

/// Solve options from their JSON form (the core's `Options`, as `samman solve --options` reads).
///
/// # Errors
/// `InvalidInput` naming the field that could not be read.
#[uniffi::export]
pub fn options_from_json(json: String) -> Result<Options, SammanError> {
    serde_json::from_str(&json).map_err(|e| {
        let problem = Problem {
            path: "options".to_owned(),
            message: e.to_string(),
        };
        SammanError::InvalidInput {
            kind: samman::ErrorKind::InvalidInput.name().to_owned(),
            path: problem.path.clone(),
            detail: format!("options: {}", problem.message),
            problems: vec![problem],
        }
    })
}

/// The plan in the JSON format `samman solve --json` prints.
///
/// # Errors
/// `Internal` only if serialisation fails, which it should not.
#[uniffi::export]
pub fn plan_to_json(plan: Plan) -> Result<String, SammanError> {
    to_json(&plan)
}

/// The report in the JSON format `samman evaluate --json` prints.
///
/// # Errors
/// `Internal` only if serialisation fails, which it should not.
#[uniffi::export]
pub fn report_to_json(report: Report) -> Result<String, SammanError> {
    to_json(&report)
}

/// The explanations in the JSON format `samman explain --json` prints.
///
/// # Errors
/// `Internal` only if serialisation fails, which it should not.
#[uniffi::export]
pub fn explanations_to_json(explanations: Vec<Explanation>) -> Result<String, SammanError> {
    to_json(&explanations)
}

/// The core's default policy.
#[uniffi::export]
#[must_use]
pub fn default_policy() -> Policy {
    Policy::default()
}

/// The core's default solve options.
#[uniffi::export]
#[must_use]
pub fn default_options() -> Options {
    Options::default()
}

/// The core's default metrics options.
#[uniffi::export]
#[must_use]
pub fn default_metrics_options() -> MetricsOptions {
    MetricsOptions::default()
}

/// The version of samman in this library.
#[uniffi::export]
#[must_use]
pub fn samman_version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

/// Panics inside samman on purpose, so that a test in the app's language can show that a
/// panic arrives as [`SammanError::Internal`] and does not abort the process.
///
/// # Errors
/// Always `Internal` with `message`.
#[uniffi::export]
pub fn panic_for_tests(message: String) -> Result<(), SammanError> {
    guard(|| -> Result<(), SammanError> { panic!("{message}") })
}

fn to_json(value: &impl serde::Serialize) -> Result<String, SammanError> {
    guard(|| serde_json::to_string(value).map_err(|e| SammanError::internal(e.to_string())))
}
