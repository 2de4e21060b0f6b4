//! Programmes that recur: rounds where everyone meets someone new, who met whom appended to
//! the history, and running dinners. Options are read through the core's serde model.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyDict;
use samman::rounds::RoundsOptions;
use samman::running_dinner::{self, DinnerPlan, RunningDinner};

use crate::domain::{PyInstance, any_plan, deserialize, to_value};
use crate::{errors, guarded, json};

/// Register the functions in the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(solve_rounds, m)?)?;
    m.add_function(wrap_pyfunction!(add_history, m)?)?;
    m.add_function(wrap_pyfunction!(plan_running_dinner, m)?)?;
    m.add_function(wrap_pyfunction!(cancel_running_dinner, m)?)?;
    Ok(())
}

/// A value read into `T`, with the path of what is wrong in the message.
fn read<T: serde::de::DeserializeOwned>(what: &str, value: &Bound<'_, PyAny>) -> PyResult<T> {
    deserialize(json::from_python(value, what)?)
        .map_err(|(path, message)| PyValueError::new_err(format!("{what}: {path}: {message}")))
}

/// Plan `rounds` rounds of `instance` so that everyone meets someone new; `options` sets
/// `RoundsOptions` fields (`never_again`, `seed`, `time_limit_seconds`, `max_iterations`,
/// `providers`).
#[pyfunction]
#[pyo3(signature = (instance, rounds, **options))]
fn solve_rounds<'py>(
    py: Python<'py>,
    instance: &Bound<'py, PyInstance>,
    rounds: u32,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    guarded(|| {
        let mut options: RoundsOptions = match options {
            Some(options) => read("options", options.as_any())?,
            None => RoundsOptions::default(),
        };
        options.rounds = rounds;
        let session = instance.get().session();
        let plan = py
            .detach(|| session.rounds(&options).map(|p| to_value(&p)))
            .map_err(|e| errors::core(&e))?;
        json::to_python(py, &plan)
    })
}

/// The instance with a plan's meetings appended to its history (`history.met` and
/// `history.meetings`); `date` as `YYYY-MM-DD`.
#[pyfunction]
#[pyo3(signature = (instance, plan, date = None))]
fn add_history(
    instance: &Bound<'_, PyInstance>,
    plan: &Bound<'_, PyAny>,
    date: Option<&str>,
) -> PyResult<PyInstance> {
    guarded(|| {
        let date = date
            .map(|d| {
                chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").map_err(|_| {
                    PyValueError::new_err(format!(
                        "date: `{d}` is not a date; expected YYYY-MM-DD, such as 2026-10-04"
                    ))
                })
            })
            .transpose()?;
        let plan = any_plan(plan)?;
        let next = instance
            .get()
            .session()
            .add_history(&plan, date)
            .map_err(|e| errors::core(&e))?;
        PyInstance::checked(next)
    })
}

/// Every team's route through a running dinner (a dict in the format of docs/rounds.md).
#[pyfunction]
#[pyo3(signature = (dinner, seed = 0))]
fn plan_running_dinner<'py>(
    py: Python<'py>,
    dinner: &Bound<'py, PyAny>,
    seed: u64,
) -> PyResult<Bound<'py, PyAny>> {
    guarded(|| {
        let dinner: RunningDinner = read("dinner", dinner)?;
        let plan = py
            .detach(|| running_dinner::plan(&dinner, seed).map(|p| to_value(&p)))
            .map_err(|e| errors::core(&e.into()))?;
        json::to_python(py, &plan)
    })
}

/// A running dinner re-planned after `cancelled` teams dropped out of the `previous` plan.
#[pyfunction]
#[pyo3(signature = (dinner, previous, cancelled, seed = 0))]
fn cancel_running_dinner<'py>(
    py: Python<'py>,
    dinner: &Bound<'py, PyAny>,
    previous: &Bound<'py, PyAny>,
    cancelled: Vec<String>,
    seed: u64,
) -> PyResult<Bound<'py, PyAny>> {
    guarded(|| {
        let dinner: RunningDinner = read("dinner", dinner)?;
        let previous: DinnerPlan = read("previous", previous)?;
        let plan = py
            .detach(|| {
                running_dinner::cancel(&dinner, &previous, &cancelled, seed).map(|p| to_value(&p))
            })
            .map_err(|e| errors::core(&e.into()))?;
        json::to_python(py, &plan)
    })
}
