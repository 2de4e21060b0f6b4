//! The extension module `samman._samman`: a thin layer over the `samman` crate.
//!
//! Every exported function runs inside `guarded`, so that a panic in the core becomes a
//! `samman.errors.InternalError` instead of aborting the interpreter or raising pyo3's
//! `PanicException` (a `BaseException` that `except Exception` would not catch). Heavy work
//! runs with the GIL released (`Python::detach`).

mod arrays;
mod domain;
mod errors;
mod json;
mod lowlevel;
mod recurring;
mod research;

use std::panic::{AssertUnwindSafe, catch_unwind};

use pyo3::prelude::*;

/// Run `body`, turning a panic into `samman.errors.InternalError`.
///
/// `AssertUnwindSafe` is sound here: after a panic nothing the closure touched is used again,
/// only the panic message is reported.
pub(crate) fn guarded<T>(body: impl FnOnce() -> PyResult<T>) -> PyResult<T> {
    match catch_unwind(AssertUnwindSafe(body)) {
        Ok(result) => result,
        Err(payload) => {
            let message = payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "a panic with no message".to_owned());
            Err(errors::InternalError::new_err(format!(
                "internal error in samman (a bug, please report it): {message}"
            )))
        }
    }
}

/// Panic inside the core on purpose, so that the tests can check that no panic reaches Python.
/// With `detached`, the panic happens while the GIL is released.
#[pyfunction]
#[pyo3(signature = (detached = false))]
fn _panic_for_tests(py: Python<'_>, detached: bool) -> PyResult<()> {
    guarded(|| {
        if detached {
            py.detach(|| panic!("panic requested by _panic_for_tests (detached)"));
        }
        panic!("panic requested by _panic_for_tests")
    })
}

/// The compiled core of the `samman` package; import `samman` instead.
#[pymodule]
fn _samman(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_function(wrap_pyfunction!(lowlevel::assign, m)?)?;
    m.add_function(wrap_pyfunction!(lowlevel::stable_match, m)?)?;
    m.add_function(wrap_pyfunction!(_panic_for_tests, m)?)?;
    m.add_function(wrap_pyfunction!(research::_candidate_columns, m)?)?;
    m.add_function(wrap_pyfunction!(research::suggest, m)?)?;
    domain::register(m)?;
    recurring::register(m)?;
    Ok(())
}
