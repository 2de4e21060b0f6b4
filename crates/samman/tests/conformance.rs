//! The conformance suite, Rust side: every case of `tests/conformance/cases` run through the
//! session gives exactly the plan, metrics, explanations or error (kind and path) of
//! `tests/conformance/expected`. The command, Python and Kotlin run the same cases against the
//! same expected files, so a front that differs fails its own test.
//!
//! After a change that is meant to alter the answers, rewrite the expected files with
//! `SAMMAN_BLESS=1 cargo test -p samman --test conformance` and explain the difference in
//! CHANGELOG.md.

use std::path::{Path, PathBuf};

use samman::metrics::MetricsOptions;
use samman::model::SeekerId;
use samman::plan::Pairs;
use samman::{Options, Session};
use serde_json::{Value, json};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/conformance")
}

/// The answer of the core to one case, in the shape of the expected files.
fn answer(case: &Value) -> Value {
    let error = |e: samman::Error| json!({"error": {"kind": e.kind().name(), "path": e.path()}});
    let text = match case.get("instance_text") {
        Some(text) => text.as_str().expect("instance_text is text").to_owned(),
        None => case["instance"].to_string(),
    };
    let session = match Session::from_json(&text) {
        Ok(session) => session,
        Err(e) => return error(e),
    };
    let options: Options =
        serde_json::from_value(case.get("options").cloned().unwrap_or(json!({})))
            .expect("the case's options are core Options");
    let plan = match session.solve(&options) {
        Ok(plan) => plan,
        Err(e) => return error(e),
    };
    let placements = Pairs::from(&plan);
    let metrics = match session.evaluate(&placements, &MetricsOptions::default()) {
        Ok(report) => report,
        Err(e) => return error(e),
    };
    let ids: Vec<SeekerId> = case
        .get("explain")
        .and_then(Value::as_array)
        .map(|ids| {
            ids.iter()
                .map(|id| SeekerId::from(id.as_str().expect("an id")))
                .collect()
        })
        .unwrap_or_default();
    let explanations = match session.explain(Some(&placements), &ids) {
        Ok(explanations) => explanations,
        Err(e) => return error(e),
    };
    json!({
        "plan": as_read(&plan),
        "metrics": as_read(&metrics),
        "explanations": as_read(&explanations),
    })
}

/// A value as its JSON text reads back, which is what every front sees (the breakdown's `f32`
/// figures print in their shortest form, not widened to `f64`).
fn as_read<T: serde::Serialize>(value: &T) -> Value {
    serde_json::from_str(&serde_json::to_string(value).expect("serialises")).expect("reads back")
}

#[path = "../../../tests/conformance/compare.rs"]
mod compare;
use compare::differs;

#[test]
fn every_case_gives_the_expected_answer() {
    let bless = std::env::var_os("SAMMAN_BLESS").is_some();
    let mut cases: Vec<PathBuf> = std::fs::read_dir(root().join("cases"))
        .expect("the cases folder")
        .map(|entry| entry.expect("a case").path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .collect();
    cases.sort();
    assert!(cases.len() >= 10, "the suite has its cases");
    let mut failures = Vec::new();
    for path in &cases {
        let case: Value =
            serde_json::from_str(&std::fs::read_to_string(path).expect("readable")).expect("JSON");
        let actual = answer(&case);
        let expected_path = root()
            .join("expected")
            .join(path.file_name().expect("a name"));
        if bless {
            let text = serde_json::to_string_pretty(&actual).expect("serialises") + "\n";
            std::fs::write(&expected_path, text).expect("writable");
            continue;
        }
        let expected: Value = serde_json::from_str(
            &std::fs::read_to_string(&expected_path)
                .unwrap_or_else(|_| panic!("{} has no expected answer", path.display())),
        )
        .expect("JSON");
        if let Some(difference) = differs(&expected, &actual, "") {
            failures.push(format!("{}: {difference}", path.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_error_cases_cover_every_kind_a_user_can_cause() {
    let kinds: std::collections::BTreeSet<String> = std::fs::read_dir(root().join("expected"))
        .expect("the expected folder")
        .filter_map(|entry| {
            let text = std::fs::read_to_string(entry.ok()?.path()).ok()?;
            let value: Value = serde_json::from_str(&text).ok()?;
            Some(value.get("error")?.get("kind")?.as_str()?.to_owned())
        })
        .collect();
    for kind in ["invalid_input", "limit_exceeded", "unknown_id"] {
        assert!(kinds.contains(kind), "no case gives {kind}: {kinds:?}");
    }
}
