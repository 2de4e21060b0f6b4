//! The core's errors mapped onto the exception hierarchy of `samman.errors` (defined in
//! Python, so that the exceptions pickle and carry plain attributes), one exhaustive `match`
//! per core error type.

use pyo3::PyErr;
use pyo3::exceptions::PyValueError;
use pyo3::import_exception;
use samman::explain::ExplainError;
use samman::graph::GraphError;
use samman::solve::SolveError;
use samman::suggest::SuggestError;
use samman::validate::{Invalid, ParseError as CoreParseError};

import_exception!(samman.errors, ValidationError);
import_exception!(samman.errors, ParseError);
import_exception!(samman.errors, LimitError);
import_exception!(samman.errors, InternalError);
import_exception!(samman.errors, CsvError);
import_exception!(samman.errors, UnknownIdError);

/// `ValidationError(message, problems)` with every problem as a `(path, message)` pair.
pub fn invalid(error: &Invalid) -> PyErr {
    let problems: Vec<(String, String)> = error
        .problems
        .iter()
        .map(|p| (p.path.clone(), p.message.clone()))
        .collect();
    ValidationError::new_err((error.to_string(), problems))
}

/// `ParseError(message, path, line, column)`.
pub fn parse(error: &CoreParseError) -> PyErr {
    ParseError::new_err((
        error.to_string(),
        error.path.clone(),
        error.line,
        error.column,
    ))
}

/// A graph that could not be built.
pub fn graph(error: &GraphError) -> PyErr {
    match error {
        GraphError::Invalid(invalid_instance) => invalid(invalid_instance),
        GraphError::LimitExceeded { .. } => LimitError::new_err(error.to_string()),
    }
}

/// An explanation that could not be given.
pub fn explain(error: &ExplainError) -> PyErr {
    match error {
        ExplainError::Invalid(invalid_instance) => invalid(invalid_instance),
        ExplainError::UnknownSeeker(_) => UnknownIdError::new_err(error.to_string()),
    }
}

/// Suggestions that could not be given.
pub fn suggest(error: &SuggestError) -> PyErr {
    match error {
        SuggestError::Invalid(invalid_instance) => invalid(invalid_instance),
        SuggestError::UnknownSeeker(_) => UnknownIdError::new_err(error.to_string()),
    }
}

/// A solve that failed.
pub fn solve(error: &SolveError) -> PyErr {
    let problem = |path: &str, message: String| {
        ValidationError::new_err((error.to_string(), vec![(path.to_owned(), message)]))
    };
    match error {
        SolveError::Graph(g) => graph(g),
        SolveError::Lock { path, message } => problem(path, message.clone()),
        SolveError::LockedGroup { .. } => problem("locked", error.to_string()),
        SolveError::NonFiniteScore { .. } => problem("policy.weights", error.to_string()),
        SolveError::InvalidOption { .. } => PyValueError::new_err(error.to_string()),
        SolveError::Flow(_) => LimitError::new_err(error.to_string()),
        SolveError::Stable(_) => InternalError::new_err(error.to_string()),
    }
}
