//! The `samman` command, run as a user would.

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

fn temp_file(name: &str, text: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("samman-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn demo_prints_a_summary() {
    let output = samman(&["demo", "--size", "120"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    for expected in [
        "samman demo: a dinner programme of 120 guest parties",
        "placed:",
        "taking place:",
        "why parties were not placed:",
    ] {
        assert!(text.contains(expected), "missing `{expected}` in:\n{text}");
    }
}

#[test]
fn demo_json_is_deterministic() {
    let a = samman(&["demo", "--size", "80", "--json"]);
    let b = samman(&["demo", "--size", "80", "--json"]);
    let mut va: serde_json::Value = serde_json::from_slice(&a.stdout).unwrap();
    let mut vb: serde_json::Value = serde_json::from_slice(&b.stdout).unwrap();
    // The build time is the only figure that may differ.
    va["graph"]["build_seconds"] = 0.into();
    vb["graph"]["build_seconds"] = 0.into();
    assert_eq!(va, vb);
    assert_eq!(va["summary"]["parties"], 80);
}

#[test]
fn validate_lists_every_problem_and_exits_2() {
    let path = temp_file(
        "invalid.json",
        r#"{"version": 1, "seekers": [{"id": "a", "party_size": 0}, {"id": "a"}], "providers": [{"id": "p", "capacity": 0}]}"#,
    );
    let output = samman(&["validate", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    let text = stdout(&output);
    assert!(text.contains("3 errors"), "{text}");
    for path in [
        "seekers[0].party_size",
        "seekers[1].id",
        "providers[0].capacity",
    ] {
        assert!(text.contains(path), "missing {path} in {text}");
    }
    let json = samman(&["validate", path.to_str().unwrap(), "--json"]);
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(report["valid"], false);
    assert_eq!(report["problems"].as_array().unwrap().len(), 3);
}

#[test]
fn validate_prints_warnings_apart_and_strict_makes_them_errors() {
    let path = temp_file(
        "warnings.json",
        r#"{"version": 1, "seekers": [{"id": "family", "party_size": 7}, {"id": "g", "location": {"lat": 95, "lon": 18}}], "providers": [{"id": "p", "capacity": 6}]}"#,
    );
    let output = samman(&["validate", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "warnings only: exit 0");
    let text = stdout(&output);
    assert!(text.contains("2 warnings"), "{text}");
    assert!(!text.contains("  error: "), "{text}");
    assert!(text.contains("warning: seekers[0].party_size"), "{text}");
    assert!(text.contains("warning: seekers[1].location.lat"), "{text}");
    let strict = samman(&["validate", path.to_str().unwrap(), "--strict"]);
    assert_eq!(strict.status.code(), Some(2));
    let json = samman(&["validate", path.to_str().unwrap(), "--json"]);
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(report["valid"], true);
    assert_eq!(report["problems"].as_array().unwrap().len(), 0);
    assert_eq!(report["warnings"].as_array().unwrap().len(), 2);
    // The plan leaves the two out with their reasons and places no one else wrongly.
    let plan = samman(&["solve", path.to_str().unwrap()]);
    assert_eq!(plan.status.code(), Some(0), "{}", stderr(&plan));
}

#[test]
fn malformed_json_gives_line_and_column_without_a_panic() {
    let path = temp_file(
        "malformed.json",
        "{\n  \"version\": 1,\n  \"seekers\": [ {\"id\": } ]\n}",
    );
    let output = samman(&["validate", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    let text = stderr(&output);
    assert!(text.contains("line 3, column 23"), "{text}");
    assert!(!text.contains("panicked"), "{text}");
}

#[test]
fn a_missing_file_is_one_clear_message() {
    let output = samman(&["graph", "/nonexistent/instance.json"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).starts_with("samman: cannot read /nonexistent/instance.json"));
}

#[test]
fn schema_graph_and_solve() {
    let schema = samman(&["schema"]);
    assert!(schema.status.success());
    assert_eq!(stdout(&schema), samman::instance_schema());
    let documents = samman(&["schema", "--documents"]);
    assert!(documents.status.success());
    assert_eq!(stdout(&documents), samman::document_schemas());

    let instance = samman::generate::dinners(&samman::generate::Params {
        size: 60,
        ..Default::default()
    });
    let path = temp_file("dinners.json", &serde_json::to_string(&instance).unwrap());
    let graph = samman(&["graph", path.to_str().unwrap(), "--json"]);
    assert!(graph.status.success(), "{}", stderr(&graph));
    let report: serde_json::Value = serde_json::from_slice(&graph.stdout).unwrap();
    assert_eq!(report["stats"]["seekers"], 60);
    assert_eq!(report["estimate"]["edges"], report["stats"]["edges"]);

    let out = path.with_file_name("plan.json");
    let solved = samman(&[
        "solve",
        path.to_str().unwrap(),
        "--output",
        out.to_str().unwrap(),
    ]);
    assert!(solved.status.success(), "{}", stderr(&solved));
    let plan: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out).unwrap()).unwrap();
    assert!(plan["matches"].as_array().is_some_and(|m| !m.is_empty()));
}

#[test]
fn graph_prints_the_estimate_first_and_can_stop_there() {
    let mut instance = samman::generate::dinners(&samman::generate::Params {
        size: 80,
        seed: 3,
        ..Default::default()
    });
    let edges = samman::graph::CandidateGraph::build(&instance)
        .unwrap()
        .edge_count();
    let path = temp_file("estimate.json", &serde_json::to_string(&instance).unwrap());
    let path = path.to_str().unwrap();

    let full = samman(&["graph", path]);
    assert!(full.status.success(), "{}", stderr(&full));
    let text = stdout(&full);
    let first = text.lines().next().unwrap_or_default();
    assert!(first.starts_with("estimate: seekers 80, "), "{text}");
    assert!(
        first.contains(&format!("feasible pairs {edges},")),
        "{text}"
    );
    assert!(text.contains("seeker degree:"), "{text}");

    let only = samman(&["graph", path, "--estimate-only"]);
    assert!(only.status.success(), "{}", stderr(&only));
    assert_eq!(stdout(&only), format!("{first}\n"));

    let json = samman(&["graph", path, "--estimate-only", "--json"]);
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(report["estimate"]["edges"], edges);
    assert!(report["estimate"]["bytes"].as_u64().unwrap() > 0);
    assert!(report.get("stats").is_none());

    // Over the edge limit: the estimate still reports, the graph is refused with exit code 2.
    instance.policy.limits.max_edges = (edges / 2) as u64;
    let path = temp_file("over.json", &serde_json::to_string(&instance).unwrap());
    let path = path.to_str().unwrap();
    let only = samman(&["graph", path, "--estimate-only"]);
    assert!(only.status.success(), "{}", stderr(&only));
    assert!(
        stdout(&only).contains(&format!("over the limit of {}", edges / 2)),
        "{}",
        stdout(&only)
    );
    let refused = samman(&["graph", path]);
    assert_eq!(refused.status.code(), Some(2));
    assert_eq!(
        stderr(&refused),
        format!(
            "samman: candidate edges: {edges} is more than the limit of {} (policy.limits)\n",
            edges / 2
        )
    );
}

#[test]
fn pseudonymize_hides_every_id_the_same_way_under_one_key() {
    let instance = stdout(&samman(&[
        "generate", "visits", "--size", "30", "--seed", "4",
    ]));
    let file = temp_file("pseudo-instance.json", &instance);
    let key = temp_file("pseudo.key", "a secret of more than sixteen bytes");
    let run = || {
        let output = samman(&[
            "pseudonymize",
            file.to_str().unwrap(),
            "--key-file",
            key.to_str().unwrap(),
        ]);
        assert!(output.status.success(), "{}", stderr(&output));
        stdout(&output)
    };
    let (first, second) = (run(), run());
    assert_eq!(first, second, "the same key gives the same pseudonyms");
    let original: serde_json::Value = serde_json::from_str(&instance).unwrap();
    let hidden: serde_json::Value = serde_json::from_str(&first).unwrap();
    for (side, n) in [("seekers", 30), ("providers", 1)] {
        let ids = |v: &serde_json::Value| -> Vec<String> {
            v[side]
                .as_array()
                .unwrap()
                .iter()
                .map(|x| x["id"].as_str().unwrap().to_owned())
                .collect()
        };
        let (before, after) = (ids(&original), ids(&hidden));
        assert!(after.len() >= n);
        assert!(
            before
                .iter()
                .all(|id| !first.contains(&format!("\"{id}\""))),
            "no {side} id is left"
        );
        assert_eq!(after.len(), before.len());
    }
    // The pseudonymised instance still validates: references moved with the ids.
    let hidden_file = temp_file("pseudo-hidden.json", &first);
    assert!(
        samman(&["validate", hidden_file.to_str().unwrap()])
            .status
            .success()
    );

    let empty = temp_file("pseudo-empty.key", "");
    let output = samman(&[
        "pseudonymize",
        file.to_str().unwrap(),
        "--key-file",
        empty.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("is empty"), "{}", stderr(&output));
}
