//! Every failure of the core as one value with a `kind` and the `path` of what is wrong, and
//! its JavaScript form: an `Error` with `kind`, `path` and, where the core gives them, more
//! details (`problems`, `line`, `column`, `row`). The message is the core's own.
//!
//! Every core error is mapped once, by its kind (`samman::ErrorKind`); the binding's own
//! argument errors are `invalid_input` with the argument's path.

use samman::ErrorKind;
use samman::csv_io::CsvError;
use serde_json::{Value, json};
use wasm_bindgen::JsValue;

/// A failure, ready to be thrown to JavaScript.
#[derive(Debug, Clone, PartialEq)]
pub struct Failure {
    /// The core's kind: `invalid_input`, `limit_exceeded`, `unknown_id` or `internal`.
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
        Self::new(ErrorKind::Internal.name(), "", &e.to_string())
    }

    /// An argument of the binding that could not be read, at `path`.
    #[must_use]
    pub fn argument(path: &str, message: &str) -> Self {
        Self::new(ErrorKind::InvalidInput.name(), path, message)
    }

    /// A CSV problem in `file` (`seekers` or `providers`), with its row and column.
    #[must_use]
    pub fn csv(file: &str, e: &CsvError) -> Self {
        Self {
            details: json!({"row": e.row, "column": e.column}),
            ..Self::new(e.kind().name(), file, &e.to_string())
        }
    }

    /// The same failure at another `path` (the argument a program passed wrongly).
    #[must_use]
    pub fn at(self, path: &str) -> Self {
        Self {
            path: path.to_owned(),
            ..self
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

impl<E: Into<samman::Error>> From<E> for Failure {
    /// One mapping, by the core's classification: `kind` is the core's `ErrorKind` name
    /// (`invalid_input`, `limit_exceeded`, `unknown_id`, `internal`), the same as every other
    /// front gives for the same input, and `path` the core's path.
    fn from(e: E) -> Self {
        let e: samman::Error = e.into();
        let mut details = json!({"problems": e.problems()});
        match &e {
            samman::Error::Parse(parse) => {
                details["line"] = json!(parse.line);
                details["column"] = json!(parse.column);
            }
            samman::Error::Plan(plan) => {
                details["line"] = json!(plan.line);
                details["column"] = json!(plan.column);
            }
            samman::Error::Load(samman::sheets::LoadError::Sheet { file, error }) => {
                details["file"] = json!(file);
                details["row"] = json!(error.row);
                details["column"] = json!(error.column);
            }
            samman::Error::Csv(csv) => {
                details["row"] = json!(csv.row);
                details["column"] = json!(csv.column);
            }
            _ => {}
        }
        Self {
            kind: e.kind().name(),
            path: e.path().unwrap_or_default().to_owned(),
            message: e.to_string(),
            details,
        }
    }
}
