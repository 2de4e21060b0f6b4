//! `samman history add`, `samman rounds` and `samman running-dinner`, run as a user would.

use std::process::{Command, Output};

fn samman(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_samman"))
        .args(args)
        // Reports in English whatever the machine's locale (`--lang` tests set it).
        .env("LC_ALL", "en_GB.UTF-8")
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

#[test]
fn rounds_prints_the_format_of_the_issue() {
    let dir = temp_dir();
    let file = dir.join("kirkman.json");
    let seekers: Vec<String> = (1..=15).map(|i| format!(r#"{{"id": "p{i}"}}"#)).collect();
    let providers: Vec<String> = (1..=5)
        .map(|t| format!(r#"{{"id": "t{t}", "capacity": 3}}"#))
        .collect();
    std::fs::write(
        &file,
        format!(
            r#"{{"version": 1, "seekers": [{}], "providers": [{}]}}"#,
            seekers.join(","),
            providers.join(",")
        ),
    )
    .expect("written");
    let output = samman(&[
        "rounds",
        path(&file),
        "--rounds",
        "7",
        "--never-again",
        "--seed",
        "1",
        "--time-limit",
        "60",
        "--json",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let plan: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    assert_eq!(plan["repeat_pairs"], 0);
    assert_eq!(plan["repeats"], serde_json::json!([]));
    let rounds = plan["rounds"].as_array().expect("rounds");
    assert_eq!(rounds.len(), 7);
    assert_eq!(rounds[0]["round"], 1);
    assert_eq!(rounds[0]["sitting_out"], serde_json::json!([]));
    let group = &rounds[0]["groups"][0];
    assert_eq!(group["provider"], "t1");
    assert_eq!(group["members"].as_array().map(Vec::len), Some(3));
    // The readable report.
    let output = samman(&["rounds", path(&file), "--rounds", "2", "--seed", "1"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.starts_with("2 rounds: no repeat pairs"), "{text}");
    assert!(text.contains("round 1:\n  t1: "), "{text}");
    // Bad options are input errors.
    let output = samman(&["rounds", path(&file), "--rounds", "0"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("rounds: must be at least 1"));
}

#[test]
fn generate_recurring_programmes_and_plan_them() {
    let dir = temp_dir();
    let dinner = dir.join("running-dinner.json");
    let generated = samman(&["generate", "running-dinner", "--teams", "12", "--seed", "3"]);
    assert!(generated.status.success(), "{}", stderr(&generated));
    std::fs::write(&dinner, &generated.stdout).expect("written");
    let output = samman(&["running-dinner", path(&dinner), "--seed", "1", "--json"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let plan: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    let teams = plan["teams"].as_array().expect("teams");
    assert_eq!(teams.len(), 12);
    assert_eq!(teams[0]["id"], "team-1");
    assert_eq!(teams[0]["route"].as_array().map(Vec::len), Some(3));
    let hosts = teams[0]["hosts"].as_u64().expect("hosts") as usize;
    assert_eq!(teams[0]["route"][hosts - 1], "team-1");
    assert_eq!(plan["repeat_meetings"], 0);
    assert!(
        plan["total_km"].as_f64().expect("km") >= plan["lower_bound_km"].as_f64().expect("bound")
    );
    // A cancellation, re-planned from the previous plan.
    let previous = dir.join("evening.json");
    std::fs::write(&previous, &output.stdout).expect("written");
    let output = samman(&[
        "running-dinner",
        path(&dinner),
        "--cancel",
        "team-2",
        "--previous",
        path(&previous),
        "--json",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let next: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    assert_eq!(next["from_waiting_list"].as_array().map(Vec::len), Some(1));
    // The roulette and the year of dinners are instances the rounds command plans.
    for (programme, rounds, extra) in [
        ("roulette", "3", vec![]),
        ("dinner-year", "12", vec!["--round-providers", "by-date"]),
    ] {
        let file = dir.join(format!("{programme}.json"));
        let generated = samman(&["generate", programme, "--size", "40", "--seed", "2"]);
        assert!(generated.status.success(), "{}", stderr(&generated));
        std::fs::write(&file, &generated.stdout).expect("written");
        let valid = samman(&["validate", path(&file)]);
        assert!(valid.status.success(), "{programme}: {}", stdout(&valid));
        let mut args = vec![
            "rounds",
            path(&file),
            "--rounds",
            rounds,
            "--max-iterations",
            "300",
            "--json",
        ];
        args.extend(extra);
        let output = samman(&args);
        assert!(output.status.success(), "{programme}: {}", stderr(&output));
        let plan: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON");
        assert_eq!(
            plan["rounds"].as_array().map(Vec::len),
            Some(rounds.parse().expect("n"))
        );
    }
}

/// The fenced blocks of one language in docs/rounds.md.
fn doc_blocks(language: &str) -> Vec<String> {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/rounds.md"))
            .expect("docs/rounds.md");
    let fence = format!("```{language}\n");
    text.split(&fence)
        .skip(1)
        .map(|rest| rest.split("```").next().unwrap_or_default().to_owned())
        .collect()
}

#[test]
fn the_commands_of_docs_rounds_run_as_written() {
    let dir = std::env::temp_dir().join(format!("samman-rounds-doc-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a directory");
    let bin = std::path::Path::new(env!("CARGO_BIN_EXE_samman"))
        .parent()
        .expect("the binary's directory")
        .to_owned();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let blocks = doc_blocks("console");
    assert!(blocks.len() >= 4);
    for block in blocks {
        for line in block.lines() {
            let command = line
                .strip_prefix("$ ")
                .expect("a command line starts with `$ `");
            let output = Command::new("sh")
                .args(["-c", command])
                .current_dir(&dir)
                .env("PATH", &path)
                .output()
                .expect("sh runs");
            assert!(output.status.success(), "`{command}`: {}", stderr(&output));
        }
    }
    // The running-dinner format of the page plans as it stands.
    let formats = doc_blocks("json");
    let dinner = formats
        .iter()
        .find(|b| b.contains("\"teams\""))
        .expect("the running-dinner format");
    std::fs::write(dir.join("doc-dinner.json"), dinner).expect("written");
    let output = samman(&[
        "running-dinner",
        path_of(&dir.join("doc-dinner.json")),
        "--json",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let plan: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    assert_eq!(plan["teams"].as_array().map(Vec::len), Some(6));
    let weeks: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("weeks.json")).expect("written by the page"),
    )
    .expect("JSON");
    for key in ["rounds", "repeat_pairs", "repeats", "metrics", "stats"] {
        assert!(weeks.get(key).is_some(), "{key}");
    }
}

fn path_of(p: &std::path::Path) -> &str {
    p.to_str().expect("a UTF-8 path")
}
