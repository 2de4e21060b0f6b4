//! `samman` with spreadsheets: the sample sheets of examples/sheets/ through validate, solve,
//! evaluate and explain.

use std::path::PathBuf;
use std::process::{Command, Output};

fn samman(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_samman"))
        .args(args)
        // Reports in English whatever the machine's locale (`--lang` tests set it).
        .env("LC_ALL", "en_GB.UTF-8")
        .output()
        .expect("the samman binary runs")
}

fn example(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples/sheets")
        .join(name)
        .display()
        .to_string()
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("samman-cli-sheets-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn every_planning_command_reads_spreadsheets() {
    let (s, p, policy) = (
        example("gaster.csv"),
        example("vardar.csv"),
        example("policy.json"),
    );
    let sheets = ["--seekers", &s, "--providers", &p, "--policy", &policy];

    let out = samman(&[&["validate"], &sheets[..]].concat());
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("valid"));

    let plan = scratch("plan.json");
    let plan = plan.to_str().unwrap();
    let out = samman(&[&["solve"], &sheets[..], &["-o", plan]].concat());
    assert!(out.status.success(), "{}", text(&out.stderr));
    let written: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(plan).unwrap()).unwrap();
    assert!(!written["matches"].as_array().unwrap().is_empty());

    let out = samman(&[&["evaluate"], &sheets[..], &[plan]].concat());
    assert!(out.status.success(), "{}", text(&out.stderr));

    let out = samman(
        &[
            &["explain"],
            &sheets[..],
            &["--plan", plan, "--seeker", "g6"],
        ]
        .concat(),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("g6"), "{}", text(&out.stdout));
}

#[test]
fn a_bad_cell_names_the_file_row_and_column() {
    let bad = scratch("gäster.csv");
    std::fs::write(&bad, "id;namn;antal\ng1;Åsa;4 personer\n").unwrap();
    let out = samman(&[
        "solve",
        "--seekers",
        bad.to_str().unwrap(),
        "--providers",
        &example("vardar.csv"),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let message = text(&out.stderr);
    assert!(message.contains("gäster.csv"), "{message}");
    assert!(message.contains("row 2, column antal"), "{message}");
    assert!(
        message.contains("found a text with digits; expected a whole number"),
        "{message}"
    );
    assert!(!message.contains("4 personer"), "{message}");
    assert!(!message.contains("Åsa"), "{message}");

    let out = samman(&["solve", "--seekers", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("--providers"));
}

#[test]
fn rounds_read_spreadsheets_as_the_json_instance_they_make() {
    let (s, p, policy) = (
        example("gaster.csv"),
        example("vardar.csv"),
        example("policy.json"),
    );
    let steps = ["--rounds", "2", "--max-iterations", "200", "--json"];
    let from_sheets = samman(
        &[
            &[
                "rounds",
                "--seekers",
                &s,
                "--providers",
                &p,
                "--policy",
                &policy,
            ][..],
            &steps[..],
        ]
        .concat(),
    );
    assert!(
        from_sheets.status.success(),
        "{}",
        text(&from_sheets.stderr)
    );
    let plan: serde_json::Value = serde_json::from_slice(&from_sheets.stdout).unwrap();
    assert_eq!(plan["rounds"].as_array().map(Vec::len), Some(2));

    // The same people as an instance JSON (what `solve` reads them into) give the same rounds.
    let roster = samman::sheets::load(&samman::sheets::Source {
        seekers: Some(s.clone().into()),
        providers: Some(p.clone().into()),
        policy: Some(policy.clone().into()),
        ..samman::sheets::Source::default()
    })
    .unwrap();
    let file = scratch("rounds-instance.json");
    std::fs::write(&file, serde_json::to_string(&roster.instance).unwrap()).unwrap();
    let from_json = samman(&[&["rounds", file.to_str().unwrap()][..], &steps[..]].concat());
    assert!(from_json.status.success(), "{}", text(&from_json.stderr));
    assert_eq!(text(&from_sheets.stdout), text(&from_json.stdout));
}
