//! The command's readable reports in Swedish and English (`--lang`), and progress that never
//! reaches `--json` output or a standard error that is not a terminal.

use std::path::PathBuf;
use std::process::{Command, Output};

fn samman(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_samman"))
        .args(args)
        // `--lang` decides; without it the reports would follow this locale.
        .env("LC_ALL", "en_GB.UTF-8")
        .output()
        .expect("the samman binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn example(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples/sheets")
        .join(name)
        .display()
        .to_string()
}

fn sheets() -> Vec<String> {
    vec![
        "--seekers".into(),
        example("gaster.csv"),
        "--providers".into(),
        example("vardar.csv"),
        "--policy".into(),
        example("policy.json"),
    ]
}

fn scratch(name: &str, contents: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("samman-reports-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path
}

fn run(lang: &str, command: &str, rest: &[String]) -> Output {
    let mut args = vec!["--lang", lang, command];
    args.extend(rest.iter().map(String::as_str));
    samman(&args)
}

#[test]
fn validate_speaks_the_language_asked() {
    let sv = run("sv", "validate", &sheets());
    assert!(sv.status.success(), "{}", text(&sv.stderr));
    assert!(
        text(&sv.stdout).contains("gaster.csv: inga fel"),
        "{}",
        text(&sv.stdout)
    );
    let en = run("en", "validate", &sheets());
    assert!(
        text(&en.stdout).contains("gaster.csv: valid"),
        "{}",
        text(&en.stdout)
    );

    // Errors and warnings, headings and lines.
    let broken = scratch(
        "broken.json",
        r#"{"version": 1, "seekers": [{"id": "a", "party_size": 0}, {"id": "a"}, {"id": "family", "party_size": 9}], "providers": [{"id": "p", "capacity": 0}, {"id": "q", "capacity": 6}]}"#,
    );
    let file = vec![broken.display().to_string()];
    let sv = text(&run("sv", "validate", &file).stdout);
    for words in [
        "3 fel",
        "  fel: seekers[0].party_size",
        "en varning",
        "  varning: ",
    ] {
        assert!(sv.contains(words), "`{words}` missing in:\n{sv}");
    }
    let en = text(&run("en", "validate", &file).stdout);
    for words in [
        "3 errors",
        "  error: seekers[0].party_size",
        "one warning",
        "  warning: ",
    ] {
        assert!(en.contains(words), "`{words}` missing in:\n{en}");
    }
    let strict = text(&run("sv", "validate", &[file[0].clone(), "--strict".into()]).stdout);
    assert!(strict.contains("fel med --strict"), "{strict}");
    // --json is the same in either language.
    let json = |lang| run(lang, "validate", &[file[0].clone(), "--json".into()]).stdout;
    assert_eq!(json("sv"), json("en"));
}

#[test]
fn problems_are_said_in_the_language_asked() {
    // An invalid instance: each problem's words, not only the headings.
    let broken = scratch(
        "problems.json",
        r#"{"version": 1, "policy": {"timezone": "Mars/Olympus"}, "seekers": [{"id": "s1", "party_size": 0, "preferences": ["p9"], "location": {"lat": 99, "lon": 18}}], "providers": [{"id": "p1", "capacity": 4, "minimum": 6}]}"#,
    );
    let file = vec![broken.display().to_string()];
    let sv = text(&run("sv", "validate", &file).stdout);
    for words in [
        "fel: policy.timezone: inte ett IANA-tidszonsnamn som Europe/Stockholm",
        "fel: seekers[0].party_size: måste vara minst 1",
        "fel: seekers[0].preferences[0]: ingen värd har id:t `p9`",
        "varning: seekers[0].location.lat: latituden måste vara mellan -90 och 90; den här \
         posten lämnas utanför matchningen",
    ] {
        assert!(sv.contains(words), "`{words}` missing in:\n{sv}");
    }
    let en = text(&run("en", "validate", &file).stdout);
    for words in [
        "error: policy.timezone: not an IANA time zone name such as Europe/Stockholm",
        "error: seekers[0].party_size: must be at least 1",
        "error: seekers[0].preferences[0]: unknown provider id `p9`",
        "warning: seekers[0].location.lat: latitude must be between -90 and 90; this record is \
         left out of matching",
    ] {
        assert!(en.contains(words), "`{words}` missing in:\n{en}");
    }
    // The JSON output keeps the English messages whatever the language.
    let json = |lang| run(lang, "validate", &[file[0].clone(), "--json".into()]).stdout;
    let sv_json = json("sv");
    assert_eq!(sv_json, json("en"));
    let value: serde_json::Value = serde_json::from_slice(&sv_json).unwrap();
    assert_eq!(value["problems"][1]["message"], "must be at least 1");
    // Planning an invalid instance fails with the problems in the language asked.
    let out = run("sv", "solve", &file);
    assert_eq!(out.status.code(), Some(2));
    let said = text(&out.stderr);
    assert!(said.contains("ogiltig instans: 3 fel"), "{said}");
    assert!(
        said.contains("seekers[0].party_size: måste vara minst 1"),
        "{said}"
    );
    let said = text(&run("en", "solve", &file).stderr);
    assert!(said.contains("invalid instance: 3 problem(s)"), "{said}");

    // A spreadsheet with a bad cell: the file, the row and the column, never the value.
    let bad = scratch("gäster-fel.csv", "id;namn;antal\ng1;Åsa;4 personer\n");
    let mut args = sheets();
    args[1] = bad.display().to_string();
    let sv = text(&run("sv", "validate", &args).stderr);
    assert!(
        sv.contains(
            "gäster-fel.csv: rad 2, kolumn antal: här står en text med siffror; skriv ett helt \
             antal personer, till exempel 2"
        ),
        "{sv}"
    );
    let en = text(&run("en", "validate", &args).stderr);
    assert!(
        en.contains(
            "gäster-fel.csv: row 2, column antal: found a text with digits; expected a whole \
             number of people, such as 2"
        ),
        "{en}"
    );
    for said in [&sv, &en] {
        assert!(
            !said.contains("4 personer") && !said.contains("Åsa"),
            "{said}"
        );
    }
    args.push("--json".into());
    let sv_json = run("sv", "validate", &args).stderr;
    assert_eq!(sv_json, run("en", "validate", &args).stderr);
    assert!(text(&sv_json).contains("found a text with digits"));

    // A value the sheet reads but validation refuses: placed by file, row and column.
    let zero = scratch("gäster-noll.csv", "id;namn;antal\ng1;Åsa;0\n");
    args[1] = zero.display().to_string();
    args.pop();
    let sv = text(&run("sv", "validate", &args).stdout);
    assert!(
        sv.contains("gäster-noll.csv, rad 2, kolumn antal: måste vara minst 1"),
        "{sv}"
    );
    let en = text(&run("en", "validate", &args).stdout);
    assert!(
        en.contains("gäster-noll.csv, row 2, column antal: must be at least 1"),
        "{en}"
    );
    // Planning it fails with the same place and words; --json keeps the path.
    let said = text(&run("sv", "solve", &args).stderr);
    assert!(
        said.contains("ogiltig instans: ett fel")
            && said.contains("gäster-noll.csv, rad 2, kolumn antal: måste vara minst 1"),
        "{said}"
    );
    args.push("--json".into());
    let json: serde_json::Value =
        serde_json::from_slice(&run("sv", "solve", &args).stderr).unwrap();
    assert_eq!(json["error"]["path"], "seekers[0].party_size");
    assert_eq!(
        json["error"]["problems"][0]["message"],
        "must be at least 1"
    );

    // The command's own failures: in the language asked, English with --json.
    let missing = ["/nonexistent/instance.json".to_owned()];
    let said = text(&run("sv", "graph", &missing).stderr);
    assert_eq!(
        said.trim_end(),
        "samman: kan inte läsa /nonexistent/instance.json: filen finns inte"
    );
    let said = text(&run("sv", "evaluate", &["--seekers".into(), "x.csv".into()]).stderr);
    assert!(said.contains("ange planfilen som ska utvärderas"), "{said}");
    let json: serde_json::Value =
        serde_json::from_slice(&run("sv", "graph", &[missing[0].clone(), "--json".into()]).stderr)
            .unwrap();
    let message = json["error"]["message"].as_str().unwrap();
    assert!(
        message.starts_with("cannot read /nonexistent/instance.json: "),
        "{message}"
    );
}

#[test]
fn solve_summarises_in_the_language_asked() {
    let plan = scratch("plan.json", "");
    let mut args = sheets();
    args.extend(["-o".into(), plan.display().to_string()]);
    let sv = run("sv", "solve", &args);
    assert!(sv.status.success(), "{}", text(&sv.stderr));
    let said = text(&sv.stderr);
    for words in [
        "lösare: groups (vald eftersom",
        "placerade: ",
        " av 9 sällskap",
        "blir av: ",
        "värdar",
        "varför sällskap inte placerades:",
    ] {
        assert!(said.contains(words), "`{words}` missing in:\n{said}");
    }
    let en = run("en", "solve", &args);
    let said = text(&en.stderr);
    for words in [
        "solver: groups (chosen because",
        "placed: ",
        " of 9 parties",
        "taking place: ",
        "why parties were not placed:",
    ] {
        assert!(said.contains(words), "`{words}` missing in:\n{said}");
    }
    // The plan itself is the same JSON in either language.
    let mut json = sheets();
    json.push("--json".into());
    assert_eq!(
        run("sv", "solve", &json).stdout,
        run("en", "solve", &json).stdout
    );
}

#[test]
fn evaluate_in_swedish() {
    let plan = scratch("plan-sv.json", "");
    let mut args = sheets();
    args.extend(["-o".into(), plan.display().to_string()]);
    assert!(run("sv", "solve", &args).status.success());
    let mut args = sheets();
    args.push(plan.display().to_string());
    let report = text(&run("sv", "evaluate", &args).stdout);
    for words in [
        "giltig",
        "placerade sällskap",
        "använda platser",
        "blockerande par",
    ] {
        assert!(report.contains(words), "`{words}` missing in:\n{report}");
    }
}

/// Long work with `--json`, or with standard error captured (not a terminal): nothing but the
/// report reaches standard error, however long it takes.
#[test]
fn no_progress_with_json_or_off_a_terminal() {
    let generated = samman(&["generate", "dinners", "--size", "400", "--seed", "3"]);
    assert!(generated.status.success());
    let instance = scratch("dinners.json", &text(&generated.stdout));
    // Enough iterations of the group search to take over a second.
    let options = scratch("options.json", r#"{"iterations": 150000}"#);
    let (instance, options) = (
        instance.display().to_string(),
        options.display().to_string(),
    );
    let json = samman(&["solve", &instance, "--options", &options, "--json"]);
    assert!(json.status.success());
    assert!(json.stderr.is_empty(), "{}", text(&json.stderr));
    let piped = samman(&["solve", &instance, "--options", &options]);
    assert!(piped.status.success());
    let said = text(&piped.stderr);
    assert!(said.starts_with("solver: groups"), "{said}");
    assert!(!said.contains('\r') && !said.contains('\u{1b}'), "{said:?}");
    assert!(!said.contains("searching for groups"), "{said}");
}

#[test]
fn rounds_and_running_dinner_problems_are_said_in_the_language_asked() {
    // Rounds: an option out of range.
    let mut rest = vec!["--rounds".to_owned(), "0".to_owned()];
    rest.extend(sheets());
    let sv = run("sv", "rounds", &rest);
    assert!(!sv.status.success());
    assert!(
        text(&sv.stderr).contains("rounds: måste vara minst 1"),
        "{}",
        text(&sv.stderr)
    );
    let en = run("en", "rounds", &rest);
    assert!(
        text(&en.stderr).contains("rounds: must be at least 1"),
        "{}",
        text(&en.stderr)
    );

    // A running dinner with one course.
    let generated = samman(&["generate", "running-dinner", "--teams", "8", "--seed", "1"]);
    assert!(generated.status.success(), "{}", text(&generated.stderr));
    let mut dinner: serde_json::Value = serde_json::from_slice(&generated.stdout).unwrap();
    dinner["courses"] = 1.into();
    let file = scratch("one-course.json", &dinner.to_string());
    let file = file.display().to_string();
    let sv = run("sv", "running-dinner", std::slice::from_ref(&file));
    assert!(!sv.status.success());
    assert!(
        text(&sv.stderr).contains("courses: förväntade 2 till 12 rätter, till exempel 3"),
        "{}",
        text(&sv.stderr)
    );
    let en = run("en", "running-dinner", std::slice::from_ref(&file));
    assert!(
        text(&en.stderr).contains("courses: expected 2 to 12 courses, such as 3"),
        "{}",
        text(&en.stderr)
    );
    // The JSON keeps the English message, whatever the language.
    let json = samman(&["--lang", "sv", "running-dinner", &file, "--json"]);
    assert!(
        text(&json.stdout).contains("expected 2 to 12 courses")
            || text(&json.stderr).contains("expected 2 to 12 courses"),
        "{}{}",
        text(&json.stdout),
        text(&json.stderr)
    );
}
