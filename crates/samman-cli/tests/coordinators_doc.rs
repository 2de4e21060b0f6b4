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
