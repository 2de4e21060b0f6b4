//! Every failure of the core as one value with a `kind` and the `path` of what is wrong, and
//! its JavaScript form: an `Error` with `kind`, `path` and, where the core gives them, more
//! details (`problems`, `line`, `column`, `row`). The message is the core's own.
//!
//! One `From` per core error, each an exhaustive `match`, so that a new variant in the core
//! is a compile error here, not a silent "internal".

use samman::csv_io::CsvError;
use samman::explain::ExplainError;
use samman::graph::GraphError;
use samman::metrics::{MetricsError, PlanError};
use samman::solve::SolveError;
use samman::validate::{Invalid, ParseError};
use serde_json::{Value, json};
use wasm_bindgen::JsValue;

/// A failure, ready to be thrown to JavaScript.
#[derive(Debug, Clone, PartialEq)]
pub struct Failure {
    /// What kind: `parse`, `invalid`, `limit`, `lock`, `locked_group`, `score`, `option`,
    /// `argument`, `plan`, `unknown_seeker`, `csv` or `internal`.
    pub kind: &'static str,
    /// Where: a JSON path such as `seekers[3].party_size` or `options.solver`, or the file.
    pub path: String,
    /// The core's message.
    pub message: String,
    /// More properties for the `Error`, as a JSON object.
    pub details: Value,
}

impl Failure {
    /// A failure with no details.
    #[must_use]
    pub fn new(kind: &'static str, path: &str, message: &str) -> Self {
        Self {
            kind,
            path: path.to_owned(),
            message: message.to_owned(),
            details: Value::Null,
        }
    }

    /// A failure that no input should cause.
    #[must_use]
    pub fn internal(e: &dyn std::fmt::Display) -> Self {
        Self::new("internal", "", &e.to_string())
    }

    /// A CSV problem in `file` (`seekers` or `providers`), with its row and column.
    #[must_use]
    pub fn csv(file: &str, e: &CsvError) -> Self {
        Self {
            details: json!({"row": e.row, "column": e.column}),
            ..Self::new("csv", file, &e.to_string())
        }
    }

    /// The JavaScript `Error`: message, `kind`, `path` and the details as properties.
    #[must_use]
    pub fn into_js(self) -> JsValue {
        let error = js_sys::Error::new(&self.message);
        let set = |key: &str, value: &JsValue| {
            // Setting a property on a fresh Error object cannot fail.
            let _ = js_sys::Reflect::set(&error, &JsValue::from_str(key), value);
        };
        set("kind", &JsValue::from_str(self.kind));
        set("path", &JsValue::from_str(&self.path));
        if let Value::Object(details) = self.details {
            for (key, value) in details {
                // JSON text parses back into plain JS values; it is what the core serialised.
                if let Ok(value) = js_sys::JSON::parse(&value.to_string()) {
                    set(&key, &value);
                }
            }
        }
        error.into()
    }
}

impl From<ParseError> for Failure {
    fn from(e: ParseError) -> Self {
        Self {
            details: json!({"line": e.line, "column": e.column}),
            ..Self::new("parse", &e.path, &e.to_string())
        }
    }
}

impl From<Invalid> for Failure {
    fn from(e: Invalid) -> Self {
        let path = e
            .problems
            .first()
            .map_or("", |p| p.path.as_str())
            .to_owned();
        Self {
            details: json!({"problems": e.problems}),
            ..Self::new("invalid", &path, &e.to_string())
        }
    }
}

impl From<GraphError> for Failure {
    fn from(e: GraphError) -> Self {
        match e {
            GraphError::Invalid(invalid) => invalid.into(),
            GraphError::LimitExceeded { .. } => Self::new("limit", "policy.limits", &e.to_string()),
        }
    }
}

impl From<SolveError> for Failure {
    fn from(e: SolveError) -> Self {
        let message = e.to_string();
        match e {
            SolveError::Graph(graph) => graph.into(),
            SolveError::Lock { path, .. } => Self::new("lock", &path, &message),
            SolveError::LockedGroup { .. } => {
                Self::new("locked_group", "constraints.locked", &message)
            }
            SolveError::NonFiniteScore { .. } => Self::new("score", "policy.weights", &message),
            SolveError::InvalidOption { path, .. } => Self::new("option", &path, &message),
            SolveError::Flow(_) | SolveError::Stable(_) => Self::new("internal", "", &message),
        }
    }
}

impl From<PlanError> for Failure {
    fn from(e: PlanError) -> Self {
        let path = if e.path == "." {
            "plan".to_owned()
        } else {
            format!("plan.{}", e.path)
        };
        Self {
            details: json!({"line": e.line, "column": e.column}),
            ..Self::new("plan", &path, &e.to_string())
        }
    }
}

impl From<MetricsError> for Failure {
    fn from(e: MetricsError) -> Self {
        match e {
            MetricsError::Graph(graph) => graph.into(),
        }
    }
}

impl From<ExplainError> for Failure {
    fn from(e: ExplainError) -> Self {
        match e {
            ExplainError::Invalid(invalid) => invalid.into(),
            ExplainError::UnknownSeeker(_) => {
                Self::new("unknown_seeker", "seekers", &e.to_string())
            }
        }
    }
}
