//! The calls behind the exports, in plain Rust: JSON text in, the core's answer as JSON text
//! out (pretty-printed, as the command writes it), or a [`Failure`]. Testable without a
//! JavaScript engine.

use samman::Pairs;
use samman::Session;
use samman::generate::{self, Params, Programme};
use samman::metrics::MetricsOptions;
use samman::model::{Instance, SeekerId};
use samman::rounds::RoundsOptions;
use samman::solve::Options;
use samman::validate::parse_json;
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::failure::Failure;

/// The answer as pretty JSON, byte for byte what `samman ... --json` prints (less its final
/// newline).
pub(crate) fn json(value: &impl Serialize) -> Result<String, Failure> {
    serde_json::to_string_pretty(value).map_err(|e| Failure::internal(&e))
}

/// A prepared instance from JSON text: read and validated once, as on every front.
pub(crate) fn session(text: &str) -> Result<Session, Failure> {
    Session::from_json(text).map_err(Failure::from)
}

/// An argument from JSON text (empty text: its default), with the path of a wrong field
/// under `name`.
pub(crate) fn argument<T: DeserializeOwned + Default>(
    name: &str,
    text: &str,
) -> Result<T, Failure> {
    if text.trim().is_empty() {
        return Ok(T::default());
    }
    required(name, text)
}

/// A required argument from JSON text, with the path of a wrong field under `name`.
pub(crate) fn required<T: DeserializeOwned>(name: &str, text: &str) -> Result<T, Failure> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(&mut deserializer).map_err(|e| {
        let field = e.path().to_string();
        let path = if field == "." {
            name.to_owned()
        } else {
            format!("{name}.{field}")
        };
        Failure::argument(&path, &e.into_inner().to_string())
    })
}

/// See [`crate::summary`].
///
/// # Errors
/// A [`Failure`] for an invalid instance or plan.
pub fn summary(instance: &str, plan: &str) -> Result<String, Failure> {
    let session = session(instance)?;
    let plan: samman::Plan = required("plan", plan)?;
    json(&plan.summary(session.instance()))
}

/// See [`crate::validate`].
#[must_use]
pub fn validate(text: &str) -> String {
    let report = match parse_json(text) {
        Err(e) => serde_json::json!({
            "valid": false,
            "parse_error": {"path": e.path, "line": e.line, "column": e.column, "message": e.message}
        }),
        Ok(instance) => {
            let problems = samman::validate::validate(&instance)
                .err()
                .map(|e| e.problems)
                .unwrap_or_default();
            serde_json::json!({"valid": problems.is_empty(), "problems": problems})
        }
    };
    format!("{report:#}")
}

/// See [`crate::solve`].
///
/// # Errors
/// A [`Failure`] for an unreadable instance or options, or one the core cannot solve.
pub fn solve(instance_text: &str, options: &str) -> Result<String, Failure> {
    let options: Options = argument("options", options)?;
    let plan = session(instance_text)?.solve(&options)?;
    json(&plan)
}

/// See [`crate::evaluate`].
///
/// # Errors
/// A [`Failure`] for an unreadable instance, plan or options, or an invalid instance.
pub fn evaluate(instance_text: &str, plan: &str, options: &str) -> Result<String, Failure> {
    let options: MetricsOptions = argument("options", options)?;
    let plan = Pairs::from_json(plan)?;
    let report = session(instance_text)?.evaluate(&plan, &options)?;
    json(&report)
}

/// See [`crate::explain`].
///
/// # Errors
/// A [`Failure`] for an unreadable instance, plan or list, an invalid instance or an
/// unknown seeker.
pub fn explain(instance_text: &str, plan: &str, seekers: &str) -> Result<String, Failure> {
    let seekers: Vec<SeekerId> = argument("seekers", seekers)?;
    let plan = if plan.trim().is_empty() {
        None
    } else {
        Some(Pairs::from_json(plan)?)
    };
    let explanations = session(instance_text)?.explain(plan.as_ref(), &seekers)?;
    json(&explanations)
}

/// See [`crate::generate`].
///
/// # Errors
/// A [`Failure`] for an unknown programme or unreadable parameters.
pub fn generate(programme: &str, params: &str) -> Result<String, Failure> {
    let params: Params = argument("params", params)?;
    json(&generate::generate(self::programme(programme)?, &params))
}

/// See [`crate::preset`].
///
/// # Errors
/// A [`Failure`] for an unknown programme.
pub fn preset(programme: &str) -> Result<String, Failure> {
    json(&generate::preset(self::programme(programme)?))
}

fn programme(name: &str) -> Result<Programme, Failure> {
    name.parse()
        .map_err(|e: String| Failure::argument("programme", &e))
}

/// See [`crate::read_csv`].
///
/// # Errors
/// A [`Failure`] of kind `csv` naming the file, row and column.
pub fn read_csv(seekers: &[u8], providers: &[u8]) -> Result<String, Failure> {
    let mut instance = Instance::new();
    instance.seekers =
        samman::csv_io::read_seekers(seekers).map_err(|e| Failure::csv("seekers", &e))?;
    instance.providers =
        samman::csv_io::read_providers(providers).map_err(|e| Failure::csv("providers", &e))?;
    json(&instance)
}

/// See [`crate::write_plan_csv`].
///
/// # Errors
/// A [`Failure`] for an unreadable instance or plan.
pub fn write_plan_csv(instance_text: &str, plan: &str) -> Result<String, Failure> {
    let plan = Pairs::from_json(plan)?;
    let mut out = Vec::new();
    samman::csv_io::write_plan(session(instance_text)?.instance(), &plan, &mut out)
        .map_err(|e| Failure::csv("plan", &e))?;
    String::from_utf8(out).map_err(|e| Failure::internal(&e))
}

/// See [`crate::rounds`].
///
/// # Errors
/// A [`Failure`] for an unreadable or invalid instance, unreadable options or options out of
/// range (`rounds`, `time_limit_seconds`).
pub fn rounds(instance_text: &str, options: &str) -> Result<String, Failure> {
    let options: RoundsOptions = argument("options", options)?;
    let session = session(instance_text)?;
    json(&samman::rounds::plan_rounds(session.instance(), &options)?)
}

/// See [`crate::schemas`]: the core's schemas as committed (docs/schema/documents.json, kept
/// equal to `samman::document_schemas()` by the core's tests), so that the package carries
/// text rather than the code that writes it.
#[must_use]
pub fn schemas() -> &'static str {
    include_str!("../../../docs/schema/documents.json")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_errors_carry_the_path_of_the_field() {
        let text = generate("dinners", r#"{"size": 10}"#).unwrap();
        let failure = solve(&text, r#"{"solver": "fastest"}"#).unwrap_err();
        assert_eq!(
            (failure.kind, failure.path.as_str()),
            ("invalid_input", "options.solver")
        );
    }

    #[test]
    fn every_programme_has_a_preset() {
        for programme in Programme::ALL {
            let policy: serde_json::Value =
                serde_json::from_str(&preset(programme.name()).unwrap()).unwrap();
            assert!(policy["rules"].is_object(), "{policy}");
        }
        assert_eq!(preset("picnics").unwrap_err().path, "programme");
    }

    #[test]
    fn the_plan_is_what_the_core_gives() {
        let text = generate("visits", r#"{"size": 30, "seed": 4}"#).unwrap();
        let options = Options {
            solver: samman::SolverKind::Groups,
            ..Options::default()
        };
        let core = Session::new(parse_json(&text).unwrap())
            .unwrap()
            .solve(&options)
            .unwrap();
        let ours = solve(&text, r#"{"solver": "groups"}"#).unwrap();
        assert_eq!(ours, serde_json::to_string_pretty(&core).unwrap());
    }
}
