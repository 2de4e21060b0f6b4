//! The evaluation commands end to end: generate, solve, evaluate (JSON and CSV plans),
//! compare, explain and suggest.

use std::process::Command;

fn samman(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_samman"))
        .args(args)
        // Reports in English whatever the machine's locale.
        .env("LC_ALL", "en_GB.UTF-8")
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn generate_solve_evaluate_compare_explain() {
    let dir = std::env::temp_dir().join(format!("samman-eval-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let instance = dir.join("instance.json");
    let plan = dir.join("plan.json");
    let (ok, json, _) = samman(&["generate", "dinners", "--size", "80", "--seed", "3"]);
    assert!(ok);
    std::fs::write(&instance, &json).unwrap();
    let (again, _, _) = samman(&["generate", "dinners", "--size", "80", "--seed", "3"]);
    assert!(again);
    let i = instance.to_str().unwrap();
    let p = plan.to_str().unwrap();
    assert!(samman(&["solve", i, "-o", p]).0);

    let (ok, out, err) = samman(&["--json", "evaluate", i, p]);
    assert!(ok, "{err}");
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(report["validity"]["valid"], true);
    let placed = report["placement"]["parties_placed"].as_u64().unwrap();
    assert!(placed > 0);

    // The same plan as CSV evaluates to the same report.
    let plan_json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&plan).unwrap()).unwrap();
    let mut csv = String::from("seeker,provider\n");
    for m in plan_json["matches"].as_array().unwrap() {
        csv += &format!(
            "{},{}\n",
            m["seeker"].as_str().unwrap(),
            m["provider"].as_str().unwrap()
        );
    }
    let plan_csv = dir.join("plan.csv");
    std::fs::write(&plan_csv, csv).unwrap();
    let (ok, out_csv, _) = samman(&["--json", "evaluate", i, plan_csv.to_str().unwrap()]);
    assert!(ok);
    assert_eq!(out, out_csv);

    let (ok, text, _) = samman(&["evaluate", i, p]);
    assert!(ok);
    assert!(text.contains("blocking pairs") && text.contains("gini of seeker scores"));

    let (ok, table, err) = samman(&["compare", i, "--solvers", "greedy"]);
    assert!(ok, "{err}");
    assert!(
        table
            .lines()
            .any(|l| l.starts_with("solver") && l.contains("greedy"))
    );
    let (ok, _, err) = samman(&["compare", i, "--solvers", "magic"]);
    assert!(!ok && err.contains("`magic` is not a solver"), "{err}");

    let unplaced = plan_json["unplaced"][0]["seeker"].as_str().unwrap();
    let (ok, text, err) = samman(&["explain", i, "--plan", p, "--seeker", unplaced]);
    assert!(ok, "{err}");
    assert!(text.contains("is not placed"), "{text}");
    let (ok, _, err) = samman(&["explain", i, "--seeker", "nobody"]);
    assert!(!ok && err.contains("nobody"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn generate_takes_the_shape_of_the_programme() {
    let (ok, json, err) = samman(&[
        "generate",
        "dinners",
        "--size",
        "60",
        "--providers",
        "7",
        "--area-km",
        "40",
        "--travel-km",
        "2.5",
    ]);
    assert!(ok, "{err}");
    let instance: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(instance["seekers"].as_array().unwrap().len(), 60);
    assert_eq!(instance["providers"].as_array().unwrap().len(), 7);
    // A smaller travel limit gives seekers smaller limits (the limit is drawn around the mean).
    let mean_limit = |json: &serde_json::Value| {
        let seekers = json["seekers"].as_array().unwrap();
        let sum: f64 = seekers
            .iter()
            .map(|s| s["max_travel_km"].as_f64().unwrap())
            .sum();
        sum / seekers.len() as f64
    };
    let (_, default_json, _) = samman(&["generate", "dinners", "--size", "60"]);
    let default: serde_json::Value = serde_json::from_str(&default_json).unwrap();
    assert!(mean_limit(&instance) < mean_limit(&default));

    for (flag, value) in [
        ("--providers", "0"),
        ("--area-km", "0"),
        ("--travel-km", "nan"),
    ] {
        let (ok, _, err) = samman(&["generate", "dinners", flag, value]);
        assert!(!ok, "{flag} {value} accepted");
        assert!(err.contains(flag), "{err}");
    }
}

/// `samman suggest`: the same suggestions as the core, as text and as JSON.
#[test]
fn suggest_prints_the_cores_suggestions() {
    let dir = std::env::temp_dir().join(format!("samman-suggest-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let instance = samman::generate::generate(
        samman::generate::Programme::Dinners,
        &samman::generate::Params {
            size: 80,
            seed: 3,
            ..samman::generate::Params::default()
        },
    );
    let options = samman::solve::Options::default();
    let plan = samman::Pairs::from(&samman::solve::solve(&instance, &options).unwrap());
    let instance_path = dir.join("instance.json");
    let plan_path = dir.join("plan.json");
    std::fs::write(&instance_path, serde_json::to_string(&instance).unwrap()).unwrap();
    std::fs::write(&plan_path, serde_json::to_string(&plan).unwrap()).unwrap();
    let (i, p) = (instance_path.to_str().unwrap(), plan_path.to_str().unwrap());
    let seeker = &instance.seekers[0].id;

    let (ok, out, err) = samman(&[
        "--json",
        "suggest",
        i,
        "--plan",
        p,
        "--seeker",
        seeker.as_str(),
        "-k",
        "3",
    ]);
    assert!(ok, "{err}");
    let printed: serde_json::Value = serde_json::from_str(&out).unwrap();
    let expected = samman::suggest::suggest(&instance, Some(&plan), seeker, 3).unwrap();
    assert_eq!(
        out.trim_end(),
        serde_json::to_string_pretty(&expected).unwrap()
    );
    for entry in printed.as_array().unwrap() {
        assert!(entry["provider"].is_string());
        assert!(entry["score"].is_number());
        assert!(entry["free_seats"].is_u64());
    }

    let (ok, text, err) = samman(&["suggest", i, "--plan", p, "--seeker", seeker.as_str()]);
    assert!(ok, "{err}");
    if let Some(top) = expected.first() {
        assert!(text.starts_with(&format!("1. {}", top.provider)), "{text}");
        assert!(text.contains("free seats"), "{text}");
    }

    let (ok, _, err) = samman(&["suggest", i, "--seeker", "nobody"]);
    assert!(!ok && err.contains("nobody"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}
