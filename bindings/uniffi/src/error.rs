//! The one error apps see, with only the variants an app can act on, and the guard that keeps
//! a panic inside samman from crossing the FFI boundary.

use std::panic::{AssertUnwindSafe, catch_unwind};

use samman::ErrorKind;
use samman::graph::GraphError;
use samman::solve::SolveError;
use samman::validate::{Invalid, ParseError};

/// One thing wrong with the input: where, and what.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Problem {
    /// The path of the offending field, such as `seekers[2].location.lat`.
    pub path: String,
    /// What is wrong. Never echoes a personal attribute value (a diet, an origin).
    pub message: String,
}

impl Problem {
    pub(crate) fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            path: path.into(),
            message: message.into(),
        }
    }
}

impl From<samman::validate::Problem> for Problem {
    fn from(problem: samman::validate::Problem) -> Self {
        Self::new(problem.path, problem.message)
    }
}

/// Why a samman call failed. Kotlin sees `SammanException`, Swift `SammanError`.
#[derive(Debug, Clone, PartialEq, thiserror::Error, uniffi::Error)]
pub enum SammanError {
    /// The input is malformed or breaks the format's rules: fix the fields named by the
    /// problems' paths.
    #[error("invalid input: {}", summary(problems))]
    InvalidInput {
        /// Every problem found, each with its path.
        problems: Vec<Problem>,
    },
    /// The input is larger than the policy's limits allow: raise `policy.limits` or split it.
    #[error("limit exceeded: {detail}")]
    LimitExceeded {
        // `detail`, not `message`: a Kotlin exception already has a `message`.
        /// What was counted, how many, and the limit.
        detail: String,
    },
    /// A bug in samman (a panic caught at the boundary): report it with the input.
    #[error("internal error: {detail}")]
    Internal {
        /// What went wrong.
        detail: String,
    },
}

fn summary(problems: &[Problem]) -> String {
    let mut text = format!("{} problem(s)", problems.len());
    for problem in problems {
        text.push_str(&format!("; {}: {}", problem.path, problem.message));
    }
    text
}

impl SammanError {
    /// Invalid input with one problem.
    pub(crate) fn invalid(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self::InvalidInput {
            problems: vec![Problem::new(path, message)],
        }
    }
}

impl From<Invalid> for SammanError {
    fn from(invalid: Invalid) -> Self {
        Self::InvalidInput {
            problems: invalid.problems.into_iter().map(Problem::from).collect(),
        }
    }
}

impl From<ParseError> for SammanError {
    fn from(error: ParseError) -> Self {
        let message = if error.line == 0 {
            error.message
        } else {
            format!(
                "{} (line {}, column {})",
                error.message, error.line, error.column
            )
        };
        Self::invalid(error.path, message)
    }
}

impl From<samman::Error> for SammanError {
    /// One mapping, by the core's kind: the same input gives the same kind and path here as
    /// on every other front.
    fn from(error: samman::Error) -> Self {
        match error.kind() {
            ErrorKind::LimitExceeded => Self::LimitExceeded {
                detail: error.to_string(),
            },
            ErrorKind::Internal => Self::Internal {
                detail: error.to_string(),
            },
            _ => Self::InvalidInput {
                problems: error.problems().into_iter().map(Problem::from).collect(),
            },
        }
    }
}

impl From<GraphError> for SammanError {
    fn from(error: GraphError) -> Self {
        samman::Error::from(error).into()
    }
}

impl From<SolveError> for SammanError {
    fn from(error: SolveError) -> Self {
        samman::Error::from(error).into()
    }
}

/// Run `body`, turning a panic into [`SammanError::Internal`] so that it never unwinds into
/// foreign code. Every exported function goes through this.
///
/// The panic message is kept: samman's own panics name invariants, not personal data.
pub(crate) fn guard<T>(body: impl FnOnce() -> Result<T, SammanError>) -> Result<T, SammanError> {
    catch_unwind(AssertUnwindSafe(body)).unwrap_or_else(|payload| {
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a panic without a message".to_owned());
        Err(SammanError::Internal { detail: message })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guard_turns_a_panic_into_an_internal_error() {
        let result: Result<(), _> = guard(|| panic!("boom {}", 7));
        assert_eq!(
            result,
            Err(SammanError::Internal {
                detail: "boom 7".into()
            })
        );
    }

    #[test]
    fn guard_passes_values_and_errors_through() {
        assert_eq!(guard(|| Ok(3)), Ok(3));
        let invalid = SammanError::invalid("seekers[0].id", "empty");
        assert_eq!(guard::<()>(|| Err(invalid.clone())), Err(invalid));
    }

    #[test]
    fn parse_errors_keep_path_line_and_column() {
        let error = samman::validate::parse_json("{\"version\": 1, \"seekers\": [{\"id\": 5}]}")
            .expect_err("an id must be a string");
        let SammanError::InvalidInput { problems } = SammanError::from(error) else {
            panic!("a parse error is invalid input");
        };
        assert_eq!(problems[0].path, "seekers[0].id");
        assert!(problems[0].message.contains("line 1"), "{problems:?}");
    }
}
