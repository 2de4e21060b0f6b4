//! Messages in plain words: serde's programmer-facing messages ("invalid type: string,
//! expected u32") read as a [`JsonProblem`] and said for the person who wrote the file ("found
//! a text; expected a whole number, such as 4"), in English or Swedish. What a spreadsheet's
//! cell *is* is [`crate::sheets::Form`].

use crate::i18n::{Arg, Messages};

/// What serde's name of a type means to a person, with an example: a message id.
fn expected(name: &str) -> Option<&'static str> {
    Some(match name.trim() {
        "u8" | "u16" | "u32" | "u64" | "usize" => "json-expect-whole-number",
        "i8" | "i16" | "i32" | "i64" | "isize" => "json-expect-signed-number",
        "f32" | "f64" => "json-expect-number",
        "a boolean" => "json-expect-boolean",
        "a string" => "json-expect-text",
        "a sequence" => "json-expect-list",
        "a map" => "json-expect-map",
        "struct Instance" | "struct Policy" => "json-expect-object",
        _ => return None,
    })
}

/// What serde's name of what it found means: a message id.
fn found(name: &str) -> &'static str {
    let name = name.trim();
    if name.starts_with("string") {
        "json-found-text"
    } else if name.starts_with("integer") {
        "json-found-whole-number"
    } else if name.starts_with("floating") {
        "json-found-decimal"
    } else if name.starts_with("boolean") {
        "json-found-boolean"
    } else if name.starts_with("sequence") {
        "json-found-list"
    } else if name.starts_with("map") {
        "json-found-object"
    } else if name.starts_with("null") {
        "json-found-null"
    } else {
        "json-found-other"
    }
}

/// What the reader expected, when a value has the wrong type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Wanted {
    /// Nothing said.
    Nothing,
    /// A form samman can say with an example: a message id (`json-expect-...`).
    Known(&'static str),
    /// serde's own words for it (a list of the format's names, never the input's).
    Serde(String),
}

/// A JSON reading problem, without the value read.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum JsonProblem {
    /// A value of the wrong type.
    Found {
        /// What was found: a message id (`json-found-...`).
        found: &'static str,
        /// What was expected.
        wanted: Wanted,
    },
    /// A date or time that does not exist.
    NotADate,
    /// A list of the wrong length.
    WrongLength {
        /// serde's words for the length expected.
        wanted: String,
    },
    /// Not JSON where a value should be.
    NotJson {
        /// What serde said after "expected value" (the position is reported apart).
        rest: String,
    },
    /// The text ends in the middle of a value.
    EndsEarly,
    /// A comma before a closing bracket or brace.
    TrailingComma,
    /// A field name not in double quotes.
    KeyNotString,
    /// A field the format does not have.
    UnknownField {
        /// The field.
        field: String,
        /// serde's words after the field (`, expected one of ...`).
        rest: String,
        /// The fields there are (`` `a`, `b` ``).
        allowed: String,
    },
    /// A field that must be given.
    MissingField {
        /// The field.
        field: String,
    },
    /// A field given twice.
    DuplicateField {
        /// The field.
        field: String,
    },
    /// A name the format does not have (a value's own name is left out where it is personal).
    UnknownVariant {
        /// serde's words after "unknown variant".
        rest: String,
        /// The names there are.
        allowed: String,
    },
    /// A message of another shape, as serde says it (it names fields, not values).
    Other(String),
}

impl JsonProblem {
    /// Read serde's message.
    #[must_use]
    pub fn read(message: &str) -> Self {
        for prefix in ["invalid type: ", "invalid value: "] {
            if let Some(rest) = message.strip_prefix(prefix) {
                let (what, wanted) = rest.rsplit_once(", expected ").unwrap_or((rest, ""));
                let wanted = match expected(wanted) {
                    Some(id) => Wanted::Known(id),
                    None if wanted.is_empty() => Wanted::Nothing,
                    None => Wanted::Serde(wanted.to_owned()),
                };
                return Self::Found {
                    found: found(what),
                    wanted,
                };
            }
        }
        if message.starts_with("input is out of range")
            || message.starts_with("premature end of input")
        {
            return Self::NotADate;
        }
        if let Some(rest) = message.strip_prefix("invalid length ") {
            let wanted = rest.split_once(", expected ").map_or("", |(_, w)| w);
            return Self::WrongLength {
                wanted: wanted.to_owned(),
            };
        }
        if let Some(rest) = message.strip_prefix("expected value") {
            return Self::NotJson {
                rest: rest.to_owned(),
            };
        }
        if message.starts_with("EOF while parsing") {
            return Self::EndsEarly;
        }
        if message.starts_with("trailing comma") {
            return Self::TrailingComma;
        }
        if message.starts_with("key must be a string") {
            return Self::KeyNotString;
        }
        // The names a format allows, after serde's "expected".
        let allowed = |rest: &str| {
            rest.strip_prefix(", expected one of ")
                .or_else(|| rest.strip_prefix(", expected "))
                .map(str::to_owned)
        };
        // A field's name, in backquotes, and what follows it.
        let field = |rest: &str| {
            let rest = rest.strip_prefix('`')?;
            let (field, rest) = rest.split_once('`')?;
            Some((field.to_owned(), rest.to_owned()))
        };
        if let Some((field, rest)) = message.strip_prefix("unknown field ").and_then(field) {
            if let Some(allowed) = allowed(&rest) {
                return Self::UnknownField {
                    field,
                    rest,
                    allowed,
                };
            }
        }
        if let Some((field, rest)) = message.strip_prefix("missing field ").and_then(field) {
            if rest.is_empty() {
                return Self::MissingField { field };
            }
        }
        if let Some((field, rest)) = message.strip_prefix("duplicate field ").and_then(field) {
            if rest.is_empty() {
                return Self::DuplicateField { field };
            }
        }
        if let Some(rest) = message.strip_prefix("unknown variant") {
            // The variant written (`` `x` ``), when serde's message still has it.
            let after_name = rest
                .strip_prefix(" `")
                .and_then(|r| r.split_once('`'))
                .map_or(rest, |(_, after)| after);
            if let Some(allowed) = allowed(after_name) {
                return Self::UnknownVariant {
                    rest: rest.to_owned(),
                    allowed,
                };
            }
        }
        Self::Other(message.to_owned())
    }

    /// The problem in `m`'s language (`Other` as serde says it).
    #[must_use]
    pub fn text(&self, m: &Messages) -> String {
        let text = |s: &String| Arg::from(s.as_str());
        match self {
            Self::Found { found, wanted } => {
                let found = Arg::from(m.get(found));
                match wanted {
                    Wanted::Nothing => m.text("json-found", &[("found", found)]),
                    Wanted::Known(id) => m.text(
                        "json-found-expected",
                        &[("found", found), ("expected", m.get(id).into())],
                    ),
                    Wanted::Serde(wanted) => m.text(
                        "json-found-expected",
                        &[("found", found), ("expected", text(wanted))],
                    ),
                }
            }
            Self::NotADate => m.get("json-not-a-date"),
            Self::WrongLength { wanted } => {
                m.text("json-wrong-length", &[("expected", text(wanted))])
            }
            Self::NotJson { rest } => m.text("json-not-json", &[("rest", text(rest))]),
            Self::EndsEarly => m.get("json-ends-early"),
            Self::TrailingComma => m.get("json-trailing-comma"),
            Self::KeyNotString => m.get("json-key-not-string"),
            Self::UnknownField {
                field,
                rest,
                allowed,
            } => m.text(
                "json-unknown-field",
                &[
                    ("field", text(field)),
                    ("rest", text(rest)),
                    ("allowed", text(allowed)),
                ],
            ),
            Self::MissingField { field } => m.text("json-missing-field", &[("field", text(field))]),
            Self::DuplicateField { field } => {
                m.text("json-duplicate-field", &[("field", text(field))])
            }
            Self::UnknownVariant { rest, allowed } => m.text(
                "json-unknown-variant",
                &[("rest", text(rest)), ("allowed", text(allowed))],
            ),
            Self::Other(message) => message.clone(),
        }
    }
}

/// A JSON reading problem in plain English, without the value read. Messages of other shapes
/// are returned as they are (they name fields, not values).
#[must_use]
pub fn json_problem(message: &str) -> String {
    crate::i18n::with_english(|m| JsonProblem::read(message).text(m))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn serde_messages() {
        assert_eq!(
            json_problem("invalid type: string \"4 personer\", expected u32"),
            "found a text; expected a whole number, such as 4"
        );
        assert!(json_problem("input is out of range").contains("2026-09-05"));
        for serde in [
            "missing field `id`",
            "duplicate field `id`",
            "unknown field `tme`, expected one of `time`, `diet`",
            "unknown variant `x`, expected one of `a`, `b`",
            "unknown variant, expected `a` or `b`",
        ] {
            assert_eq!(json_problem(serde), serde, "as serde says it, in English");
        }
        let sv = Messages::new(Lang::Sv);
        assert_eq!(
            JsonProblem::read("invalid type: string \"4 personer\", expected u32").text(&sv),
            "här står en text; skriv ett heltal, till exempel 4"
        );
    }

    #[test]
    fn every_problem_is_said_in_both_languages() {
        let founds = [
            "string", "integer", "floating", "boolean", "sequence", "map", "null", "unit",
        ];
        let wanteds = [
            "u32",
            "i64",
            "f64",
            "a boolean",
            "a string",
            "a sequence",
            "a map",
            "struct Policy",
            "a date",
            "",
        ];
        let mut messages: Vec<String> = founds
            .iter()
            .flat_map(|f| {
                wanteds.iter().map(move |w| {
                    if w.is_empty() {
                        format!("invalid type: {f}")
                    } else {
                        format!("invalid type: {f}, expected {w}")
                    }
                })
            })
            .collect();
        messages.extend(
            [
                "input is out of range",
                "invalid length 3, expected a tuple of size 2",
                "expected value",
                "EOF while parsing an object",
                "trailing comma",
                "key must be a string",
                "unknown field `tme`, expected one of `time`, `diet`",
                "unknown field `x`, expected `id`",
                "missing field `id`",
                "duplicate field `id`",
                "unknown variant `x`, expected one of `a`, `b`",
                "unknown variant, expected `a` or `b`",
            ]
            .map(str::to_owned),
        );
        for lang in [Lang::En, Lang::Sv] {
            let m = Messages::new(lang);
            for message in &messages {
                let problem = JsonProblem::read(message);
                assert!(!matches!(problem, JsonProblem::Other(_)), "{message}");
                let text = problem.text(&m);
                assert!(
                    !text.contains("{ $") && !text.contains("json-"),
                    "{lang}: {text}"
                );
            }
        }
    }
}
