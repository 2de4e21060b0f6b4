//! The conformance suite through the command: every case of `tests/conformance/cases` run as
//! a coordinator's script would (`samman solve --options`, `evaluate --json`, `explain
//! --json`) gives the plan, metrics, explanations or error (kind and path, printed as JSON on
//! standard error with `--json`) of `tests/conformance/expected`.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{Value, json};

#[path = "../../../tests/conformance/compare.rs"]
mod compare;
use compare::differs;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/conformance")
}

/// Run the command; its JSON output, or the error it printed as JSON.
fn samman(args: &[&str]) -> Result<Value, Value> {
    let output = Command::new(env!("CARGO_BIN_EXE_samman"))
        .args(args)
        .output()
        .expect("the command runs");
    if output.status.success() {
        Ok(serde_json::from_slice(&output.stdout).expect("JSON on standard output"))
    } else {
        let printed: Value =
            serde_json::from_slice(&output.stderr).expect("a JSON error on standard error");
        let error = &printed["error"];
        Err(json!({"error": {"kind": error["kind"], "path": error["path"]}}))
    }
}

fn answer(case: &Value, dir: &Path) -> Result<Value, Value> {
    let file = dir.join("instance.json");
    let text = match case.get("instance_text") {
        Some(text) => text.as_str().expect("text").to_owned(),
        None => case["instance"].to_string(),
    };
    std::fs::write(&file, text).expect("writable");
    let options = dir.join("options.json");
    std::fs::write(
        &options,
        case.get("options").unwrap_or(&json!({})).to_string(),
    )
    .expect("writable");
    let file = file.to_str().expect("a UTF-8 path");
    let plan = samman(&[
        "solve",
        file,
        "--options",
        options.to_str().expect("UTF-8"),
        "--json",
    ])?;
    let plan_file = dir.join("plan.json");
    std::fs::write(&plan_file, plan.to_string()).expect("writable");
    let plan_file = plan_file.to_str().expect("UTF-8");
    let metrics = samman(&["evaluate", file, plan_file, "--json"])?;
    let mut explanations = Vec::new();
    for id in case
        .get("explain")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let id = id.as_str().expect("an id");
        explanations.push(samman(&[
            "explain", file, "--plan", plan_file, "--seeker", id, "--json",
        ])?);
    }
    Ok(json!({"plan": plan, "metrics": metrics, "explanations": explanations}))
}

#[test]
fn the_command_gives_every_case_the_expected_answer() {
    let dir = std::env::temp_dir().join(format!("samman-conformance-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    let mut cases: Vec<PathBuf> = std::fs::read_dir(root().join("cases"))
        .expect("the cases folder")
        .map(|entry| entry.expect("a case").path())
        .collect();
    cases.sort();
    let mut failures = Vec::new();
    for path in &cases {
        let case: Value =
            serde_json::from_str(&std::fs::read_to_string(path).expect("readable")).expect("JSON");
        let actual = answer(&case, &dir).unwrap_or_else(|error| error);
        let expected_path = root()
            .join("expected")
            .join(path.file_name().expect("a name"));
        let expected: Value =
            serde_json::from_str(&std::fs::read_to_string(expected_path).expect("expected"))
                .expect("JSON");
        if let Some(difference) = differs(&expected, &actual, "") {
            failures.push(format!("{}: {difference}", path.display()));
        }
    }
    std::fs::remove_dir_all(&dir).ok();
    assert!(cases.len() >= 10, "the suite has its cases");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
