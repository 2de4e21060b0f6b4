//! The arrays API for people who bring their own scores: `assign` (b-matching) and
//! `stable_match` (deferred acceptance). Bad input raises `ValueError`.

use numpy::{IntoPyArray, PyArray1};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use samman::algo::bmatching::{self, Objective, Problem};
use samman::algo::stable::{self, Market, Proposing};

use crate::arrays::{self, Slice, Weights};
use crate::guarded;

/// The chosen edges of a maximum-weight capacitated bipartite b-matching.
#[pyfunction]
#[pyo3(signature = (
    n_left, n_right, left, right, weight, left_capacity = None, right_capacity = None,
    *, objective = "max_weight"
))]
#[allow(clippy::too_many_arguments)] // the signature is the documented Python one
pub fn assign<'py>(
    py: Python<'py>,
    n_left: &Bound<'py, PyAny>,
    n_right: &Bound<'py, PyAny>,
    left: &Bound<'py, PyAny>,
    right: &Bound<'py, PyAny>,
    weight: &Bound<'py, PyAny>,
    left_capacity: Option<&Bound<'py, PyAny>>,
    right_capacity: Option<&Bound<'py, PyAny>>,
    objective: &str,
) -> PyResult<Bound<'py, PyArray1<i64>>> {
    guarded(|| {
        let objective = match objective {
            "max_weight" => Objective::MaxWeight,
            "max_cardinality" => Objective::MaxCardinality,
            other => {
                return Err(PyValueError::new_err(format!(
                    "objective must be \"max_weight\" or \"max_cardinality\", not {other:?}"
                )));
            }
        };
        let n_left = arrays::count("n_left", n_left)?;
        let n_right = arrays::count("n_right", n_right)?;
        let left = arrays::unsigned("left", "an index", left)?;
        let right = arrays::unsigned("right", "an index", right)?;
        let weight = arrays::weights("weight", weight)?;
        let capacity =
            |name, ob: Option<&Bound<'py, PyAny>>| -> PyResult<Option<Slice<'py, u32>>> {
                ob.map(|ob| arrays::unsigned(name, "a capacity", ob))
                    .transpose()
            };
        let left_capacity = capacity("left_capacity", left_capacity)?;
        let right_capacity = capacity("right_capacity", right_capacity)?;
        let problem = Problem {
            n_left,
            n_right,
            left: left.as_slice(),
            right: right.as_slice(),
            weight: &[] as &[f64], // replaced below by the weights in their own type
            left_capacity: left_capacity.as_ref().map(Slice::as_slice),
            right_capacity: right_capacity.as_ref().map(Slice::as_slice),
        };
        // The slices stay borrowed from the arrays while the GIL is released: numpy arrays are
        // not copied, and the caller must not change them from another thread meanwhile.
        let solution = match &weight {
            Weights::Integer(weight) => {
                let problem = problem.with_weights(weight.as_slice());
                py.detach(|| bmatching::solve(&problem, objective))
            }
            Weights::Float(weight) => {
                let problem = problem.with_weights(weight.as_slice());
                py.detach(|| bmatching::solve(&problem, objective))
            }
        }
        .map_err(|e| PyValueError::new_err(e.to_string()))?;
        let edges: Vec<i64> = solution.edges.into_iter().map(|e| e as i64).collect();
        Ok(edges.into_pyarray(py))
    })
}

/// For each left index, the right index of the proposing side's optimal stable matching, or -1.
#[pyfunction]
#[pyo3(signature = (left_prefs, right_prefs, right_capacity = None, *, proposing = "left"))]
pub fn stable_match<'py>(
    py: Python<'py>,
    left_prefs: &Bound<'py, PyAny>,
    right_prefs: &Bound<'py, PyAny>,
    right_capacity: Option<&Bound<'py, PyAny>>,
    proposing: &str,
) -> PyResult<Bound<'py, PyArray1<i64>>> {
    guarded(|| {
        let proposing = match proposing {
            "left" => Proposing::Left,
            "right" => Proposing::Right,
            other => {
                return Err(PyValueError::new_err(format!(
                    "proposing must be \"left\" or \"right\", not {other:?}"
                )));
            }
        };
        let left_prefs = preference_lists("left_prefs", left_prefs)?;
        let right_prefs = preference_lists("right_prefs", right_prefs)?;
        let right_capacity = right_capacity
            .map(|ob| arrays::unsigned("right_capacity", "a capacity", ob))
            .transpose()?;
        let market = Market {
            left_prefs: &left_prefs,
            right_prefs: &right_prefs,
            right_capacity: right_capacity.as_ref().map(Slice::as_slice),
            left_size: None,
        };
        let matching = py
            .detach(|| stable::deferred_acceptance(&market, proposing))
            .map_err(|e| PyValueError::new_err(e.to_string()))?;
        let partners: Vec<i64> = matching
            .into_iter()
            .map(|right| right.map_or(-1, i64::from))
            .collect();
        Ok(partners.into_pyarray(py))
    })
}

/// Reads preference lists: a sequence of integer sequences or arrays (a 2-D array's rows work).
fn preference_lists(name: &str, ob: &Bound<'_, PyAny>) -> PyResult<Vec<Vec<u32>>> {
    if ob.is_instance_of::<pyo3::types::PyString>() {
        return Err(PyValueError::new_err(format!(
            "{name} must be a list of lists of indices, not a string"
        )));
    }
    let lists = ob
        .try_iter()
        .map_err(|_| PyValueError::new_err(format!("{name} must be a list of lists of indices")))?;
    lists
        .enumerate()
        .map(|(i, list)| {
            let list = list?;
            let values = arrays::unsigned(&format!("{name}[{i}]"), "an index", &list)?;
            Ok(values.as_slice().to_vec())
        })
        .collect()
}
