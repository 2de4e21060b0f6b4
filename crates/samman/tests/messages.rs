//! A catalogue of bad inputs, each read as a coordinator would give it (spreadsheets, a policy
//! JSON, an instance JSON), and the message each gives: the file, the row as the spreadsheet
//! shows it or the JSON path, the column, the form of what was found and the expected form
//! with an example. Never a Rust type name, raw JSON, a zero-based row or the value itself.

use std::path::{Path, PathBuf};

use samman::i18n::{Lang, Messages};
use samman::sheets::{self, Source};

fn scratch() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("samman-messages-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

const PROVIDERS: &str =
    "id;namn;platser;tillgänglighet;språk\nd1;Åsa;4;2026-09-05T17:00/2026-09-05T23:00;sv:native\n";
const SEEKERS: &str =
    "id;namn;antal;tillgänglighet;språk\ng1;Bo;2;2026-09-05T17:00/2026-09-05T23:00;sv:native\n";

/// Every message of one bad input: the load error, or the validation problems located in the
/// sheets. Each is also said in Swedish and checked there (`check_swedish`); said through the
/// English messages it is the stable English text.
fn messages(source: &Source) -> Vec<String> {
    let (en, sv) = (Messages::new(Lang::En), Messages::new(Lang::Sv));
    match sheets::load(source) {
        Err(e) => {
            assert_eq!(e.text(&en), e.to_string());
            check_swedish(&e.text(&sv));
            vec![e.to_string()]
        }
        Ok(roster) => {
            // Errors and warnings alike are read by a coordinator.
            let report = samman::validate::check(&roster.instance);
            report
                .errors
                .iter()
                .chain(&report.warnings)
                .map(|p| {
                    let said = |m: &Messages| match roster.locate_in(m, &p.path) {
                        Some(at) => format!("{at}: {}", p.text(m)),
                        None => format!("{}: {}", p.path, p.text(m)),
                    };
                    let english = match roster.locate(&p.path) {
                        Some(at) => format!("{at}: {}", p.message),
                        None => p.to_string(),
                    };
                    assert_eq!(said(&en), english);
                    check_swedish(&said(&sv));
                    english
                })
                .collect()
        }
    }
}

/// A Swedish message has no English words of samman's own left in it (the format's names,
/// such as `languages` or `party_size`, may stay).
fn check_swedish(message: &str) {
    for english in [
        "found ", "expected", " row ", "column ", "must ", "cannot ", " at ", "line ", "{ $",
    ] {
        assert!(
            !message.contains(english),
            "`{english}` in the Swedish message: {message}"
        );
    }
}

#[test]
fn every_bad_input_gets_a_plain_message() {
    let dir = scratch();
    let providers = write(&dir, "värdar.csv", PROVIDERS);
    // (what, seekers file text, expected parts of the message, the value never repeated)
    let sheet_cases: [(&str, &str, &[&str], &str); 9] = [
        (
            "a number of people written in words",
            "id;namn;antal\ng1;Bo;4 personer\n",
            &[
                "gäster.csv",
                "row 2",
                "column antal",
                "found a text with digits",
                "expected a whole number of people, such as 2",
            ],
            "4 personer",
        ),
        (
            "a date that does not exist",
            "id;namn;väntar sedan\ng1;Bo;2026-13-01\n",
            &[
                "row 2",
                "column väntar sedan",
                "found a date",
                "expected a date written as 2026-08-01",
            ],
            "2026-13-01",
        ),
        (
            "a language without a level",
            "id;namn;språk\ng1;Bo;\"sv:native;ar\"\n",
            &[
                "row 2",
                "column språk",
                "found a text",
                "such as sv:native;en:fluent",
            ],
            "ar",
        ),
        (
            "an unknown diet",
            "id;namn;kost\ng1;Bo;paleo-secret\n",
            &[
                "row 2",
                "column kost",
                "found a text",
                "such as vegan;halal",
            ],
            "paleo-secret",
        ),
        (
            "a time written without minutes",
            "id;namn;tider\ng1;Bo;tue 14-16\n",
            &["row 2", "column tider", "such as tue 14:00-16:00"],
            "14-16",
        ),
        (
            "a yes/no cell with something else",
            "id;namn;kräver verifierad\ng1;Bo;kanske\n",
            &[
                "row 2",
                "column kräver verifierad",
                "found a text",
                "expected yes or no",
            ],
            "kanske",
        ),
        (
            "a misspelt header",
            "id;namn;langauges\ng1;Bo;sv:native\n",
            &["row 1", "column langauges", "languages"],
            "sv:native",
        ),
        (
            "a party larger than every place",
            "id;namn;antal;tillgänglighet;språk\ng1;Bo;9;2026-09-05T17:00/2026-09-05T23:00;sv:native\n",
            &[
                "gäster.csv, row 2, column antal",
                "larger than every provider's capacity",
            ],
            "Bo",
        ),
        (
            "a row with a cell too many",
            "id;namn;antal\n\ng1;Bo;2;extra\n",
            &[
                "row 3",
                "the row has 4 cells but the header has 3",
                "semicolon",
            ],
            "extra",
        ),
    ];
    for (what, text, expected, value) in sheet_cases {
        let seekers = write(&dir, "gäster.csv", text);
        let found = messages(&Source {
            seekers: Some(seekers),
            providers: Some(providers.clone()),
            ..Source::default()
        });
        assert_eq!(found.len(), 1, "{what}: {found:?}");
        check(what, &found[0], expected, value);
    }

    let seekers = write(&dir, "gäster.csv", SEEKERS);
    let json_cases: [(&str, &str, &[&str], &str); 4] = [
        (
            "a policy with a text for a number",
            r#"{"rules": {"min_overlap_minutes": "sextio"}}"#,
            &[
                "policy.json",
                "at policy.rules.min_overlap_minutes",
                "found a text; expected a whole number, such as 4",
                "line 1",
            ],
            "sextio",
        ),
        (
            "a policy with a misspelt field",
            r#"{"rules": {"tme": true}}"#,
            &["policy.json", "at policy.rules.tme", "unknown field"],
            "true",
        ),
        (
            "a policy that is not JSON",
            "rules: none",
            &[
                "policy.json",
                "line 1",
                "a value (a number, a text in quotes, a list or an object) is expected",
            ],
            "none",
        ),
        (
            "a date that does not exist",
            r#"{"today": "2026-13-01"}"#,
            &[
                "policy.json",
                "at policy.today",
                "write a date as 2026-09-05",
            ],
            "2026-13-01",
        ),
    ];
    for (what, text, expected, value) in json_cases {
        let policy = write(&dir, "policy.json", text);
        let found = messages(&Source {
            seekers: Some(seekers.clone()),
            providers: Some(providers.clone()),
            policy: Some(policy),
            ..Source::default()
        });
        assert_eq!(found.len(), 1, "{what}: {found:?}");
        check(what, &found[0], expected, value);
    }

    let instance = write(
        &dir,
        "instance.json",
        r#"{"version": 1, "seekers": [{"id": "g1", "party_size": "4 personer"}]}"#,
    );
    let found = messages(&Source {
        instance: Some(instance),
        ..Source::default()
    });
    check(
        "an instance with a text for a number",
        &found[0],
        &[
            "instance.json",
            "at seekers[0].party_size",
            "found a text; expected a whole number, such as 4",
        ],
        "4 personer",
    );
}

fn check(what: &str, message: &str, expected: &[&str], value: &str) {
    for part in expected {
        assert!(
            message.contains(part),
            "{what}: `{part}` missing in: {message}"
        );
    }
    for programmer in [
        "u32",
        "u64",
        "f64",
        "invalid type",
        "expected value",
        "struct ",
        "row 0",
        "{\"",
    ] {
        assert!(
            !message.contains(programmer),
            "{what}: `{programmer}` in: {message}"
        );
    }
    let after_location = message.split(": ").skip(1).collect::<Vec<_>>().join(": ");
    assert!(
        !after_location.contains(value),
        "{what}: the value `{value}` repeated in: {message}"
    );
}
