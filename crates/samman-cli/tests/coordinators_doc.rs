//! docs/coordinators.md: every `samman` command of its shell blocks runs, from the repository
//! root, and succeeds; the files it writes go to a scratch directory.

use std::path::{Path, PathBuf};
use std::process::Command;

fn commands(markdown: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut in_shell = false;
    for line in markdown.lines() {
        if line.starts_with("```") {
            in_shell = line.trim() == "```sh";
            continue;
        }
        if in_shell {
            let words: Vec<String> = line.split_whitespace().map(str::to_owned).collect();
            if words.first().is_some_and(|w| w == "samman") {
                out.push(words[1..].to_vec());
            }
        }
    }
    out
}

#[test]
fn every_command_of_the_guide_runs() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let guide = std::fs::read_to_string(root.join("docs/coordinators.md")).unwrap();
    let all = commands(&guide);
    assert_eq!(all.len(), 8, "four commands in each language");
    let scratch: PathBuf =
        std::env::temp_dir().join(format!("samman-guide-{}", std::process::id()));
    std::fs::create_dir_all(&scratch).unwrap();
    for mut args in all {
        if let Some(at) = args.iter().position(|a| a == "-o") {
            args[at + 1] = scratch.join(&args[at + 1]).display().to_string();
        }
        let output = Command::new(env!("CARGO_BIN_EXE_samman"))
            .args(&args)
            .current_dir(&root)
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "samman {}: {}",
            args.join(" "),
            String::from_utf8_lossy(&output.stderr)
        );
    }
    for written in [
        "gastlistor.xlsx",
        "placeringar.csv",
        "guest-lists.xlsx",
        "placements.csv",
    ] {
        assert!(
            scratch.join(written).metadata().unwrap().len() > 100,
            "{written}"
        );
    }
}

/// The guide's example of a bad cell (a `1 person` on row 3) is what samman answers, in each
/// language.
#[test]
fn the_guides_example_of_a_bad_cell_is_what_samman_says() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let guide = std::fs::read_to_string(root.join("docs/coordinators.md")).unwrap();
    let scratch: PathBuf =
        std::env::temp_dir().join(format!("samman-guide-cell-{}", std::process::id()));
    std::fs::create_dir_all(&scratch).unwrap();
    let sheet = std::fs::read_to_string(root.join("examples/sheets/gaster.csv")).unwrap();
    let mut rows: Vec<String> = sheet.lines().map(str::to_owned).collect();
    let mut cells: Vec<&str> = rows[2].split(';').collect();
    assert_eq!(cells[3], "1", "row 3's party size");
    cells[3] = "1 person";
    rows[2] = cells.join(";");
    std::fs::write(scratch.join("gaster.csv"), rows.join("\n") + "\n").unwrap();
    for (lang, start) in [
        ("sv", "samman: gaster.csv: rad 3"),
        ("en", "samman: gaster.csv: row 3"),
    ] {
        let example = guide
            .lines()
            .find(|line| line.starts_with(start))
            .unwrap_or_else(|| panic!("the guide shows `{start}`"));
        let output = Command::new(env!("CARGO_BIN_EXE_samman"))
            .args([
                "--lang",
                lang,
                "validate",
                "--seekers",
                "gaster.csv",
                "--providers",
            ])
            .arg(root.join("examples/sheets/vardar.csv"))
            .current_dir(&scratch)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2));
        assert_eq!(String::from_utf8_lossy(&output.stderr).trim_end(), example);
    }
}
