//! The core's errors mapped onto the exception hierarchy of `samman.errors` (defined in
//! Python, so that the exceptions pickle and carry plain attributes), one exhaustive `match`
//! by the core's error kind.

use pyo3::PyErr;
use pyo3::import_exception;
use samman::ErrorKind;
use samman::validate::ParseError as CoreParseError;

import_exception!(samman.errors, ValidationError);
import_exception!(samman.errors, ParseError);
import_exception!(samman.errors, LimitError);
import_exception!(samman.errors, InternalError);
import_exception!(samman.errors, CsvError);
import_exception!(samman.errors, UnknownIdError);

/// `ParseError(message, path, line, column)`.
pub fn parse(error: &CoreParseError) -> PyErr {
    ParseError::new_err((
        error.to_string(),
        error.path.clone(),
        error.line,
        error.column,
    ))
}

/// Any core error, mapped once by its kind: a parse error keeps its line and column, a CSV
/// error its row and column; other invalid input is a `ValidationError` with every problem.
pub fn core(error: &samman::Error) -> PyErr {
    match error {
        samman::Error::Parse(e) => return parse(e),
        samman::Error::Csv(e) => {
            return CsvError::new_err((error.to_string(), String::new(), e.row, e.column.clone()));
        }
        _ => {}
    }
    match error.kind() {
        ErrorKind::InvalidInput => {
            let problems: Vec<(String, String)> = error
                .problems()
                .into_iter()
                .map(|p| (p.path, p.message))
                .collect();
            ValidationError::new_err((error.to_string(), problems))
        }
        ErrorKind::LimitExceeded => {
            LimitError::new_err((error.to_string(), error.path().map(str::to_owned)))
        }
        ErrorKind::UnknownId => {
            UnknownIdError::new_err((error.to_string(), error.path().map(str::to_owned)))
        }
        _ => InternalError::new_err((error.to_string(), error.path().map(str::to_owned))),
    }
}
