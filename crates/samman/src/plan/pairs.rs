//! Plans as metrics read them: a list of (seeker, provider) pairs from samman or from
//! anywhere else, read from JSON with the path of a wrong field.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Pair, Plan};
use crate::model::{ProviderId, SeekerId};

/// An entry as read: a [`Pair`] that ignores other fields, so that the matches of a samman
/// plan (with their seats, score and breakdown) read as pairs.
#[derive(Deserialize)]
#[serde(rename = "Pair")]
struct Entry {
    seeker: SeekerId,
    provider: ProviderId,
}

impl From<Entry> for Pair {
    fn from(entry: Entry) -> Self {
        Pair {
            seeker: entry.seeker,
            provider: entry.provider,
        }
    }
}

/// Deserialise entries leniently (see [`Entry`]).
fn entries<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Vec<Pair>, D::Error> {
    let entries: Vec<Entry> = Deserialize::deserialize(deserializer)?;
    Ok(entries.into_iter().map(Pair::from).collect())
}

/// A plan as a list of placements, from samman or from anywhere else. Seekers not listed are
/// unplaced. Scores are not part of a plan: metrics rebuild them from the instance.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Pairs {
    /// The placements, in any order.
    #[serde(deserialize_with = "entries")]
    pub matches: Vec<Pair>,
}

/// Why a plan could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("cannot read the plan: {path}: {message} (line {line}, column {column})")]
#[non_exhaustive]
pub struct PlanError {
    /// The path of the field being read.
    pub path: String,
    /// Line, from 1.
    pub line: usize,
    /// Column, from 1.
    pub column: usize,
    /// What went wrong.
    pub message: String,
}

impl Pairs {
    /// A plan from (seeker, provider) pairs.
    #[must_use]
    pub fn from_pairs<S: Into<SeekerId>, P: Into<ProviderId>>(
        pairs: impl IntoIterator<Item = (S, P)>,
    ) -> Self {
        Self {
            matches: pairs
                .into_iter()
                .map(|(s, p)| Pair {
                    seeker: s.into(),
                    provider: p.into(),
                })
                .collect(),
        }
    }

    /// Read a plan from JSON: an object with a `matches` array (such as a samman plan; other
    /// fields are ignored) or a bare array of `{"seeker", "provider"}` objects.
    ///
    /// # Errors
    /// A [`PlanError`] with line, column and path.
    pub fn from_json(text: &str) -> Result<Self, PlanError> {
        let value: serde_json::Value = serde_json::from_str(text).map_err(|e| PlanError {
            path: ".".into(),
            line: e.line(),
            column: e.column(),
            message: strip_position(&e.to_string()),
        })?;
        // Read the shape explicitly so that the error names the field that is wrong.
        let entries = match &value {
            serde_json::Value::Object(map) => map.get("matches").ok_or_else(|| PlanError {
                path: ".".into(),
                line: 0,
                column: 0,
                message: "a plan object needs a `matches` array".into(),
            })?,
            _ => &value,
        };
        let result: Result<Vec<Entry>, _> = serde_path_to_error::deserialize(entries);
        match result {
            Ok(matches) => Ok(Self {
                matches: matches.into_iter().map(Pair::from).collect(),
            }),
            Err(error) => {
                let inner = error.path().to_string();
                let path = match (&value, inner.as_str()) {
                    (serde_json::Value::Object(_), ".") => "matches".to_owned(),
                    (serde_json::Value::Object(_), p) if p.starts_with('[') => {
                        format!("matches{p}")
                    }
                    (serde_json::Value::Object(_), p) => format!("matches.{p}"),
                    (_, p) => p.to_owned(),
                };
                Err(PlanError {
                    path,
                    line: 0,
                    column: 0,
                    message: error.into_inner().to_string(),
                })
            }
        }
    }
}

fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_owned(),
        None => message.to_owned(),
    }
}

impl From<&Plan> for Pairs {
    fn from(plan: &Plan) -> Self {
        Self {
            matches: plan.pairs(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plans_read_from_both_shapes() {
        let a = Pairs::from_json(
            r#"{"matches":[{"seeker":"s1","provider":"p1","score":2.0}],"solver":"x"}"#,
        )
        .unwrap();
        let b = Pairs::from_json(r#"[{"seeker":"s1","provider":"p1"}]"#).unwrap();
        assert_eq!(a, b);
        assert_eq!(a, Pairs::from_pairs([("s1", "p1")]));
        let e = Pairs::from_json(r#"{"matches":[{"seeker":"s1"}]}"#).unwrap_err();
        assert!(e.path.starts_with("matches"), "{e}");
        assert!(e.message.contains("provider"), "{e}");
        let e = Pairs::from_json("[1,").unwrap_err();
        assert!(e.line >= 1);
    }
}
