//! One classification of every error samman returns, so that each front (the command, Python,
//! Kotlin and Swift, JavaScript) maps an error once, by its [`ErrorKind`], and the same bad
//! input gives the same kind and path everywhere.

use std::fmt;

use serde::Serialize;

use crate::algo::{bmatching, stable};
use crate::csv_io::CsvError;
use crate::explain::ExplainError;
use crate::graph::GraphError;
use crate::history::HistoryError;
use crate::i18n::Messages;
use crate::metrics::MetricsError;
use crate::plan::PlanError;
use crate::rounds::RoundsError;
use crate::running_dinner::DinnerError;
use crate::sheets::LoadError;
use crate::solve::SolveError;
use crate::suggest::SuggestError;
use crate::validate::{Invalid, ParseError, Problem};

/// What kind of failure an error is: what the caller can do about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input is malformed or breaks a rule of the format: fix the field at the path.
    InvalidInput,
    /// The input is larger than the policy's limits allow: raise `policy.limits` or split it.
    LimitExceeded,
    /// An id names no seeker or provider of the instance.
    UnknownId,
    /// A fault inside samman: report it with the input.
    Internal,
}

impl ErrorKind {
    /// The kind's name on every front: `invalid_input`, `limit_exceeded`, `unknown_id`,
    /// `internal`.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::InvalidInput => "invalid_input",
            ErrorKind::LimitExceeded => "limit_exceeded",
            ErrorKind::UnknownId => "unknown_id",
            ErrorKind::Internal => "internal",
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Any error samman returns: what [`crate::Session`] gives, and what every front translates.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The text could not be read as an instance.
    #[error(transparent)]
    Parse(#[from] ParseError),
    /// The instance breaks the format's rules.
    #[error(transparent)]
    Invalid(#[from] Invalid),
    /// The candidate graph could not be built.
    #[error(transparent)]
    Graph(#[from] GraphError),
    /// A solve failed.
    #[error(transparent)]
    Solve(#[from] SolveError),
    /// An explanation could not be given.
    #[error(transparent)]
    Explain(#[from] ExplainError),
    /// A plan could not be evaluated.
    #[error(transparent)]
    Metrics(#[from] MetricsError),
    /// A plan could not be read.
    #[error(transparent)]
    Plan(#[from] PlanError),
    /// A CSV file could not be read.
    #[error(transparent)]
    Csv(#[from] CsvError),
    /// Suggestions could not be given.
    #[error(transparent)]
    Suggest(#[from] SuggestError),
    /// A plan's meetings could not be appended to the history.
    #[error(transparent)]
    History(#[from] HistoryError),
    /// Rounds could not be planned.
    #[error(transparent)]
    Rounds(#[from] RoundsError),
    /// People could not be read from files (spreadsheets or an instance JSON).
    #[error(transparent)]
    Load(#[from] LoadError),
    /// A running dinner could not be planned.
    #[error(transparent)]
    Dinner(#[from] DinnerError),
}

/// A `Result` with an [`Error`].
pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    /// What kind of failure this is.
    #[must_use]
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::Parse(e) => e.kind(),
            Error::Invalid(e) => e.kind(),
            Error::Graph(e) => e.kind(),
            Error::Solve(e) => e.kind(),
            Error::Explain(e) => e.kind(),
            Error::Metrics(e) => e.kind(),
            Error::Plan(e) => e.kind(),
            Error::Csv(e) => e.kind(),
            Error::Suggest(e) => e.kind(),
            Error::History(_) => ErrorKind::UnknownId,
            Error::Rounds(RoundsError::Graph(e)) => e.kind(),
            Error::Load(e) => e.kind(),
            Error::Rounds(_) | Error::Dinner(_) => ErrorKind::InvalidInput,
        }
    }

    /// The path of the offending field, where there is one (the first problem's, for an
    /// invalid instance).
    #[must_use]
    pub fn path(&self) -> Option<&str> {
        match self {
            Error::Parse(e) => e.path(),
            Error::Invalid(e) => e.path(),
            Error::Graph(e) => e.path(),
            Error::Solve(e) => e.path(),
            Error::Explain(e) => e.path(),
            Error::Metrics(e) => e.path(),
            Error::Plan(e) => e.path(),
            Error::Csv(e) => e.path(),
            Error::Suggest(e) => e.path(),
            Error::History(HistoryError::UnknownId { path, .. }) => Some(path),
            Error::Rounds(RoundsError::Graph(e)) => e.path(),
            Error::Rounds(RoundsError::InvalidOption { option, .. }) => Some(option),
            Error::Load(e) => e.path(),
            Error::Dinner(DinnerError::Invalid { path, .. }) => Some(path),
        }
    }

    /// Every problem, each with its path: the problems of an invalid instance, otherwise the
    /// error itself as one problem (with an empty path when it has none).
    #[must_use]
    pub fn problems(&self) -> Vec<Problem> {
        match self.invalid() {
            Some(invalid) => invalid.problems.clone(),
            None => vec![Problem::untranslated(
                self.path().unwrap_or_default(),
                self.message(),
            )],
        }
    }

    /// The error in `m`'s language: what the input can mend (an invalid instance, a file that
    /// cannot be read, an id no seeker has, a limit) in its words; a fault inside samman as
    /// its English [`fmt::Display`]. A JSON text that cannot be read is said in plain words
    /// (`found a text; expected a whole number, such as 4`), not in serde's.
    #[must_use]
    pub fn text(&self, m: &Messages) -> String {
        let graph = match self {
            Error::Graph(e)
            | Error::Solve(SolveError::Graph(e))
            | Error::Metrics(MetricsError::Graph(e))
            | Error::Rounds(RoundsError::Graph(e)) => Some(e),
            _ => None,
        };
        if let Some(GraphError::LimitExceeded { what, count, limit }) = graph {
            // The kind of count, as a word Fluent can select on.
            let kind = match *what {
                "seekers" => "seekers",
                "providers" => "providers",
                "candidate edges" => "edges",
                _ => "other",
            };
            return m.text(
                "error-limit",
                &[
                    ("what", (*what).into()),
                    ("kind", kind.into()),
                    ("count", (*count).into()),
                    ("limit", (*limit).into()),
                ],
            );
        }
        match self {
            Error::Load(e) => e.text(m),
            Error::Csv(e) => e.text(m),
            Error::Parse(e) => crate::sheets::json_text_in(m, e),
            Error::Explain(ExplainError::UnknownSeeker(id))
            | Error::Suggest(SuggestError::UnknownSeeker(id)) => {
                m.text("error-unknown-seeker", &[("id", id.as_str().into())])
            }
            Error::Plan(e) => m.text(
                "error-plan",
                &[(
                    "message",
                    crate::sheets::json_place_in(m, &e.path, e.line, e.column, &e.message).into(),
                )],
            ),
            Error::History(HistoryError::UnknownId { path, kind, id }) => m.text(
                "error-history-unknown-id",
                &[
                    ("path", path.as_str().into()),
                    ("what", (*kind).into()),
                    ("id", id.as_str().into()),
                ],
            ),
            Error::Solve(SolveError::UnknownId { path, what, id }) => m.text(
                "error-unknown-id",
                &[
                    ("path", path.as_str().into()),
                    ("what", (*what).into()),
                    ("id", id.as_str().into()),
                ],
            ),
            Error::Rounds(e @ RoundsError::InvalidOption { .. }) => e.text(m),
            Error::Dinner(e) => e.text(m),
            _ => match self.invalid() {
                Some(invalid) => invalid.text(m),
                None => self.to_string(),
            },
        }
    }

    /// The problems of an invalid instance, when that is what the error is (to say them in
    /// another language: [`Invalid::text`]).
    #[must_use]
    pub fn invalid(&self) -> Option<&Invalid> {
        match self {
            Error::Invalid(e)
            | Error::Graph(GraphError::Invalid(e))
            | Error::Solve(SolveError::Graph(GraphError::Invalid(e)))
            | Error::Explain(ExplainError::Invalid(e))
            | Error::Suggest(SuggestError::Invalid(e))
            | Error::Metrics(MetricsError::Graph(GraphError::Invalid(e))) => Some(e),
            _ => None,
        }
    }

    /// The message without the path in front, for fronts that carry the path apart.
    #[must_use]
    pub fn message(&self) -> String {
        let text = self.to_string();
        match self.path() {
            Some(path) if !path.is_empty() => text
                .strip_prefix(&format!("{path}: "))
                .map_or_else(|| text.clone(), str::to_owned),
            _ => text,
        }
    }
}

impl ParseError {
    /// Always [`ErrorKind::InvalidInput`], or [`ErrorKind::LimitExceeded`] for a text over the
    /// size cap.
    #[must_use]
    pub fn kind(&self) -> ErrorKind {
        match self.kind {
            crate::validate::ParseErrorKind::TooLarge => ErrorKind::LimitExceeded,
            _ => ErrorKind::InvalidInput,
        }
    }

    /// The path of the field being read (`.` for the document itself).
    #[must_use]
    pub fn path(&self) -> Option<&str> {
        Some(&self.path)
    }
}

impl Invalid {
    /// Always [`ErrorKind::InvalidInput`].
    #[must_use]
    pub fn kind(&self) -> ErrorKind {
        ErrorKind::InvalidInput
    }

    /// The first problem's path.
    #[must_use]
    pub fn path(&self) -> Option<&str> {
        self.problems.first().map(|p| p.path.as_str())
    }
}

impl GraphError {
    /// [`ErrorKind::InvalidInput`] or [`ErrorKind::LimitExceeded`].
    #[must_use]
    pub fn kind(&self) -> ErrorKind {
        match self {
            GraphError::Invalid(_) => ErrorKind::InvalidInput,
            GraphError::LimitExceeded { .. } => ErrorKind::LimitExceeded,
        }
    }

    /// The first problem's path, or `policy.limits.max_*` for a limit.
    #[must_use]
    pub fn path(&self) -> Option<&str> {
        match self {
            GraphError::Invalid(e) => e.path(),
            GraphError::LimitExceeded { what, .. } => Some(match *what {
                "seekers" => "policy.limits.max_seekers",
                "providers" => "policy.limits.max_providers",
                _ => "policy.limits.max_edges",
            }),
        }
    }
}

impl SolveError {
    /// What kind of failure this is.
    #[must_use]
    pub fn kind(&self) -> ErrorKind {
        match self {
            SolveError::Graph(e) => e.kind(),
            SolveError::UnknownId { .. } => ErrorKind::UnknownId,
            SolveError::Lock { .. }
            | SolveError::LockedGroup { .. }
            | SolveError::NonFiniteScore { .. }
            | SolveError::InvalidOption { .. } => ErrorKind::InvalidInput,
            SolveError::Flow(e) => e.kind(),
            SolveError::Stable(_) => ErrorKind::Internal,
        }
    }

    /// The path of the offending field, where there is one.
    #[must_use]
    pub fn path(&self) -> Option<&str> {
        match self {
            SolveError::Graph(e) => e.path(),
            SolveError::Lock { path, .. }
            | SolveError::InvalidOption { path, .. }
            | SolveError::UnknownId { path, .. } => Some(path),
            SolveError::LockedGroup { .. } => Some("constraints.locked"),
            SolveError::NonFiniteScore { .. } => Some("policy.weights"),
            SolveError::Flow(_) | SolveError::Stable(_) => None,
        }
    }
}

impl bmatching::Error {
    /// [`ErrorKind::LimitExceeded`] for a problem too large for the solver's indices,
    /// otherwise [`ErrorKind::InvalidInput`].
    #[must_use]
    pub fn kind(&self) -> ErrorKind {
        match self {
            bmatching::Error::TooLarge { .. } => ErrorKind::LimitExceeded,
            _ => ErrorKind::InvalidInput,
        }
    }
}

impl stable::Error {
    /// Always [`ErrorKind::InvalidInput`]: the market given breaks a rule of the format.
    #[must_use]
    pub fn kind(&self) -> ErrorKind {
        ErrorKind::InvalidInput
    }
}

impl ExplainError {
    /// [`ErrorKind::InvalidInput`] or [`ErrorKind::UnknownId`].
    #[must_use]
    pub fn kind(&self) -> ErrorKind {
        match self {
            ExplainError::Invalid(_) => ErrorKind::InvalidInput,
            ExplainError::UnknownSeeker(_) => ErrorKind::UnknownId,
        }
    }

    /// The first problem's path, or `seeker` for an unknown id.
    #[must_use]
    pub fn path(&self) -> Option<&str> {
        match self {
            ExplainError::Invalid(e) => e.path(),
            ExplainError::UnknownSeeker(_) => Some("seeker"),
        }
    }
}

impl SuggestError {
    /// [`ErrorKind::InvalidInput`] or [`ErrorKind::UnknownId`].
    #[must_use]
    pub fn kind(&self) -> ErrorKind {
        match self {
            SuggestError::Invalid(_) => ErrorKind::InvalidInput,
            SuggestError::UnknownSeeker(_) => ErrorKind::UnknownId,
        }
    }

    /// The first problem's path, or `seeker` for an unknown id.
    #[must_use]
    pub fn path(&self) -> Option<&str> {
        match self {
            SuggestError::Invalid(e) => e.path(),
            SuggestError::UnknownSeeker(_) => Some("seeker"),
        }
    }
}

impl MetricsError {
    /// The kind of the graph error behind it.
    #[must_use]
    pub fn kind(&self) -> ErrorKind {
        match self {
            MetricsError::Graph(e) => e.kind(),
        }
    }

    /// The path of the graph error behind it.
    #[must_use]
    pub fn path(&self) -> Option<&str> {
        match self {
            MetricsError::Graph(e) => e.path(),
        }
    }
}

impl PlanError {
    /// Always [`ErrorKind::InvalidInput`].
    #[must_use]
    pub fn kind(&self) -> ErrorKind {
        ErrorKind::InvalidInput
    }

    /// The path of the field being read in the plan.
    #[must_use]
    pub fn path(&self) -> Option<&str> {
        Some(&self.path)
    }
}

impl LoadError {
    /// [`ErrorKind::LimitExceeded`] for a JSON text over the size cap, otherwise
    /// [`ErrorKind::InvalidInput`].
    #[must_use]
    pub fn kind(&self) -> ErrorKind {
        match self {
            LoadError::Json { error, .. } => error.kind(),
            _ => ErrorKind::InvalidInput,
        }
    }

    /// The JSON path of a problem in a JSON file; `None` for a spreadsheet (its problem is
    /// placed by row and column) or a file that cannot be opened.
    #[must_use]
    pub fn path(&self) -> Option<&str> {
        match self {
            LoadError::Json { error, .. } => error.path(),
            _ => None,
        }
    }
}

impl CsvError {
    /// Always [`ErrorKind::InvalidInput`].
    #[must_use]
    pub fn kind(&self) -> ErrorKind {
        ErrorKind::InvalidInput
    }

    /// None: a CSV problem is placed by its `row` and `column` fields, not by a path.
    #[must_use]
    pub fn path(&self) -> Option<&str> {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn errors_the_input_can_mend_are_said_in_either_language() {
        let (en, sv) = (Messages::new(Lang::En), Messages::new(Lang::Sv));
        let limit = |what| GraphError::LimitExceeded {
            what,
            count: 12,
            limit: 10,
        };
        let errors: Vec<Error> = vec![
            ExplainError::UnknownSeeker("s9".into()).into(),
            SuggestError::UnknownSeeker("s9".into()).into(),
            SolveError::UnknownId {
                path: "constraints.locked[0].provider".into(),
                what: "provider",
                id: "p9".into(),
            }
            .into(),
            HistoryError::UnknownId {
                path: "matches[3].provider".into(),
                kind: "provider",
                id: "p9".into(),
            }
            .into(),
            limit("seekers").into(),
            limit("candidate edges").into(),
            SolveError::Graph(limit("providers")).into(),
            crate::sheets::LoadError::Usage(crate::sheets::Usage::Nothing).into(),
        ];
        let swedish = [
            "ingen sökande har id:t `s9`",
            "ingen sökande har id:t `s9`",
            "constraints.locked[0].provider: ingen värd har id:t `p9`",
            "matches[3].provider: ingen värd har id:t `p9`: planen måste vara en plan för den här \
             instansen",
            "sökande: 12 är fler än gränsen 10 (policy.limits)",
            "möjliga par: 12 är fler än gränsen 10 (policy.limits)",
            "värdar: 12 är fler än gränsen 10 (policy.limits)",
            "ange en instansfil, eller --seekers FIL och --providers FIL",
        ];
        for (error, swedish) in errors.iter().zip(swedish) {
            assert_eq!(error.text(&en), error.to_string(), "English as before");
            assert_eq!(error.text(&sv), swedish);
        }
        // Every way files given do not make one input, every reason a file cannot be opened.
        use crate::sheets::{OpenReason, Usage};
        for m in [&en, &sv] {
            for usage in [
                Usage::PolicyWithInstance,
                Usage::Both,
                Usage::SeekersAlone,
                Usage::ProvidersAlone,
                Usage::Nothing,
            ] {
                assert!(!usage.text(m).starts_with("usage-"), "{usage:?}");
            }
            for reason in [OpenReason::NotFound, OpenReason::PermissionDenied] {
                assert!(!reason.text(m).starts_with("load-"), "{reason:?}");
            }
        }
        // A plan serde cannot read: in plain words, in either language.
        let plan = crate::plan::Pairs::from_json(r#"{"matches": [{"seeker": 4}]}"#)
            .expect_err("an id is a text");
        let plan = Error::from(plan);
        assert_eq!(
            plan.text(&sv),
            "kan inte läsa planen: vid matches[0].seeker: här står ett heltal; skriv en text inom \
             citattecken, till exempel \"g1\""
        );
        assert!(
            plan.text(&en)
                .starts_with("cannot read the plan: at matches[0].seeker: found")
        );
    }
}
