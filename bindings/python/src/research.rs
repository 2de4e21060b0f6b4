//! The candidate graph as numpy columns (`_candidate_columns`, wrapped by `samman.candidates`)
//! and ranked suggestions for a coordinator (`suggest`). The core computes both; this only
//! converts.

use numpy::IntoPyArray;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyDict;
use samman::candidates::CandidateColumns;
use samman::model::SeekerId;

use crate::domain::{PyInstance, any_plan};
use crate::{errors, guarded, json};

/// The feasible pairs of `instance` as columns: a dict with `seeker`, `provider` (int64
/// arrays), `score` (float64), `breakdown` (criterion name to float64 array), `seeker_ids`
/// and `provider_ids` (lists of str).
#[pyfunction]
pub fn _candidate_columns<'py>(
    py: Python<'py>,
    instance: &Bound<'py, PyInstance>,
) -> PyResult<Bound<'py, PyDict>> {
    guarded(|| {
        let session = instance.get().session();
        let columns = py
            .detach(|| {
                session
                    .candidates()
                    .map(|graph| CandidateColumns::new(session.instance(), graph))
            })
            .map_err(|e| errors::core(&e))?;
        let out = PyDict::new(py);
        let wide = |v: Vec<u32>| v.into_iter().map(i64::from).collect::<Vec<i64>>();
        out.set_item("seeker", wide(columns.seeker).into_pyarray(py))?;
        out.set_item("provider", wide(columns.provider).into_pyarray(py))?;
        out.set_item("score", columns.score.into_pyarray(py))?;
        let breakdown = PyDict::new(py);
        for column in columns.breakdown {
            breakdown.set_item(column.name, column.values.into_pyarray(py))?;
        }
        out.set_item("breakdown", breakdown)?;
        out.set_item("seeker_ids", columns.seeker_ids)?;
        out.set_item("provider_ids", columns.provider_ids)?;
        Ok(out)
    })
}

/// The `k` best feasible providers for `seeker_id`, best first, against `plan` (or none):
/// dicts with `provider`, `score`, `breakdown`, `free_seats`, `current` and `displaced`.
#[pyfunction]
#[pyo3(signature = (instance, plan, seeker_id, k = 5))]
pub fn suggest<'py>(
    py: Python<'py>,
    instance: &Bound<'py, PyInstance>,
    plan: Option<&Bound<'py, PyAny>>,
    seeker_id: &str,
    k: i64,
) -> PyResult<Bound<'py, PyAny>> {
    guarded(|| {
        let k = usize::try_from(k).map_err(|_| {
            PyValueError::new_err("k is negative: it must be a non-negative integer")
        })?;
        let plan = plan.map(any_plan).transpose()?;
        let session = instance.get().session();
        let seeker = SeekerId(seeker_id.to_owned());
        let suggestions = py
            .detach(|| session.suggest(plan.as_ref(), &seeker, k))
            .map_err(|e| errors::core(&e))?;
        let value = serde_json::to_value(&suggestions)
            .map_err(|e| errors::InternalError::new_err(e.to_string()))?;
        json::to_python(py, &value)
    })
}
