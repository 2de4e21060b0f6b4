//! `samman history add`, `samman rounds` and `samman running-dinner`, run as a user would.

use std::process::{Command, Output};

fn samman(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_samman"))
        .args(args)
        .output()
        .expect("the samman binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn temp_dir() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("samman-recurring-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    dir
}

fn path(p: &std::path::Path) -> &str {
    p.to_str().expect("a UTF-8 path")
}

#[test]
fn history_add_appends_a_plans_meetings() {
    let dir = temp_dir();
    let instance = dir.join("dinners.json");
    let plan = dir.join("plan.json");
    let next = dir.join("next.json");
    let generated = samman(&["generate", "dinners", "--size", "40", "--seed", "2"]);
    assert!(generated.status.success(), "{}", stderr(&generated));
    std::fs::write(&instance, generated.stdout).expect("written");
    let solved = samman(&["solve", path(&instance), "-o", path(&plan)]);
    assert!(solved.status.success(), "{}", stderr(&solved));
    let added = samman(&[
        "history",
        "add",
        path(&instance),
        path(&plan),
        "--date",
        "2026-10-04",
        "-o",
        path(&next),
    ]);
    assert!(added.status.success(), "{}", stderr(&added));
    let next: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&next).expect("read")).expect("JSON");
    let met = next["history"]["met"].as_array().expect("history.met");
    assert!(!met.is_empty());
    assert!(met.iter().all(|m| m["date"] == "2026-10-04"));
    let plan: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&plan).expect("read")).expect("JSON");
    let placed = plan["matches"].as_array().expect("matches").len();
    let before: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&instance).expect("read")).expect("JSON");
    assert_eq!(
        next["history"]["meetings"].as_array().map(Vec::len),
        Some(before["history"]["meetings"].as_array().map_or(0, Vec::len) + placed)
    );
    let valid = samman(&["validate", path(&dir.join("next.json"))]);
    assert!(valid.status.success(), "{}", stdout(&valid));
}

#[test]
fn history_add_refuses_a_bad_date_with_an_example() {
    let dir = temp_dir();
    let instance = dir.join("tiny.json");
    std::fs::write(&instance, r#"{"version": 1}"#).expect("written");
    let plan = dir.join("empty-plan.json");
    std::fs::write(&plan, r#"{"matches": []}"#).expect("written");
    let output = samman(&[
        "history",
        "add",
        path(&instance),
        path(&plan),
        "--date",
        "4 October",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("expected YYYY-MM-DD, such as 2026-10-04"));
}
