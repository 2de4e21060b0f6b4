//! Spreadsheets in: the sample sheets of examples/sheets/ read as Swedish Excel saves them
//! (semicolons, decimal commas, Windows-1252 or UTF-8 with a byte-order mark), Swedish and
//! English headers, and the columns samman does not read carried by id.

use std::path::{Path, PathBuf};

use samman::sheets::{self, Delimiter, LoadError, SheetKind, Source, Table, TextEncoding};

fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples/sheets")
        .join(name)
}

/// A scratch directory of this test binary, one per test.
fn scratch(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("samman-sheets-{}-{test}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Text in Windows-1252 (every character used here is in Latin-1).
fn windows_1252(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| u8::try_from(u32::from(c)).expect("a Latin-1 character"))
        .collect()
}

fn source(seekers: PathBuf, providers: PathBuf) -> Source {
    Source {
        seekers: Some(seekers),
        providers: Some(providers),
        policy: Some(example("policy.json")),
        ..Source::default()
    }
}

#[test]
fn swedish_excel_files_in_every_encoding_read_the_same() {
    let seekers = std::fs::read_to_string(example("gaster.csv")).unwrap();
    let providers = std::fs::read_to_string(example("vardar.csv")).unwrap();
    let dir = scratch("encodings");
    let mut rosters = Vec::new();
    for (name, encode, expected) in [
        (
            "utf8",
            (|t: &str| t.as_bytes().to_vec()) as fn(&str) -> Vec<u8>,
            TextEncoding::Utf8,
        ),
        (
            "bom",
            |t: &str| [b"\xEF\xBB\xBF".as_slice(), t.as_bytes()].concat(),
            TextEncoding::Utf8Bom,
        ),
        (
            "cp1252",
            |t: &str| windows_1252(t),
            TextEncoding::Windows1252,
        ),
        (
            "crlf-cp1252",
            |t: &str| windows_1252(&t.replace('\n', "\r\n")),
            TextEncoding::Windows1252,
        ),
    ] {
        let s = dir.join(format!("{name}-gaster.csv"));
        let p = dir.join(format!("{name}-vardar.csv"));
        std::fs::write(&s, encode(&seekers)).unwrap();
        std::fs::write(&p, encode(&providers)).unwrap();
        let roster = sheets::load(&source(s, p)).unwrap();
        assert_eq!(roster.format.encoding, expected, "{name}");
        assert_eq!(roster.format.delimiter, Delimiter::Semicolon, "{name}");
        rosters.push(roster);
    }
    for roster in &rosters {
        assert_eq!(roster.instance, rosters[0].instance);
        for id in ["g1", "g2", "g9"] {
            assert_eq!(roster.seekers.values(id), rosters[0].seekers.values(id));
            assert_eq!(roster.seekers.row(id), rosters[0].seekers.row(id), "{id}");
        }
        // The same columns and values; only the file names differ.
        assert_eq!(roster.seekers.columns(), rosters[0].seekers.columns());
        assert_eq!(roster.providers.columns(), rosters[0].providers.columns());
        for provider in &roster.instance.providers {
            let id = provider.id.as_str();
            assert_eq!(roster.providers.values(id), rosters[0].providers.values(id));
        }
    }
    let roster = &rosters[2];
    // Names, phone numbers and notes are carried, with å ä ö intact.
    assert_eq!(
        roster.seekers.columns(),
        ["namn", "telefon", "anteckningar"]
    );
    assert_eq!(roster.seekers.name("g4"), Some("Kerstin Åkesson"));
    assert_eq!(roster.providers.name("d2"), Some("Örjan Ek"));
    assert_eq!(
        roster.providers.values("d3").unwrap()[2],
        "trappor, ingen hiss"
    );
    assert_eq!(roster.seekers.row("g1"), Some(2));
    // Swedish headers and decimal commas.
    let g1 = &roster.instance.seekers[0];
    assert_eq!(g1.party_size, 2);
    assert_eq!(g1.languages.len(), 2);
    assert!((g1.location.unwrap().lat - 59.331).abs() < 1e-9);
    assert_eq!(roster.instance.providers[0].capacity, 4);
    assert_eq!(roster.instance.providers[0].caters.len(), 3);
    assert!(roster.instance.policy.rules.gender_parties);
    // The carried columns are never printed.
    let debug = format!("{roster:?}");
    assert!(
        !debug.contains("Kerstin") && !debug.contains("070-"),
        "{debug}"
    );
    samman::validate::validate(&roster.instance).unwrap();
}

#[test]
fn english_headers_commas_and_tabs() {
    let csv = "ID,Name,Party size,Languages,Phone\ng1,Ann Berg,2,\"sv:native;en:fluent\",070\n";
    let table = Table::from_bytes(csv.as_bytes(), SheetKind::Csv).unwrap();
    assert_eq!(table.format().delimiter, Delimiter::Comma);
    let tsv = csv.replace(',', "\t").replace('"', "");
    let table = Table::from_bytes(tsv.as_bytes(), SheetKind::Csv).unwrap();
    assert_eq!((table.format().delimiter, table.len()), (Delimiter::Tab, 1));
    let seekers = samman::csv_io::read_seekers(tsv.as_bytes()).unwrap();
    assert_eq!((seekers[0].party_size, seekers[0].languages.len()), (2, 2));
}

#[test]
fn decimal_commas_where_unambiguous() {
    let read = |text: &str| samman::csv_io::read_seekers(text.as_bytes());
    let s = read("id;lat;lon;max_travel_km\ng1;59,33;18,06;2,5\n").unwrap();
    assert_eq!(s[0].max_travel_km, Some(2.5));
    // In a comma-separated file `1,500` could be a thousand: refused, not guessed.
    let e = read("id,max_travel_km\ng1,\"1,500\"\n").unwrap_err();
    assert_eq!((e.row, e.column.as_str()), (2, "max_travel_km"));
    assert_eq!(
        read("id,max_travel_km\ng1,\"2,5\"\n").unwrap()[0].max_travel_km,
        Some(2.5)
    );
    // A whole number stays whole.
    assert!(read("id;party_size\ng1;2,5\n").is_err());
}

#[test]
fn errors_name_the_file() {
    let dir = scratch("errors");
    let s = dir.join("gäster.csv");
    std::fs::write(&s, "id;antal\ng1;två\n").unwrap();
    let e = sheets::load(&source(s.clone(), example("vardar.csv"))).unwrap_err();
    let LoadError::Sheet { file, error } = &e else {
        panic!("{e}")
    };
    assert!(file.ends_with("gäster.csv"));
    assert_eq!((error.row, error.column.as_str()), (2, "antal"));
    assert!(e.to_string().contains("gäster.csv"), "{e}");

    let missing = dir.join("none.csv");
    let e = sheets::load(&source(missing, example("vardar.csv"))).unwrap_err();
    assert!(
        e.to_string()
            .contains("none.csv: cannot be opened (no such file)"),
        "{e}"
    );

    let e = sheets::load(&Source {
        seekers: Some(s),
        ..Source::default()
    })
    .unwrap_err();
    assert!(matches!(e, LoadError::Usage(_)));

    let policy = dir.join("policy.json");
    std::fs::write(&policy, "{\"rules\": {\"tme\": true}}").unwrap();
    let e = sheets::load(&Source {
        policy: Some(policy),
        ..source(example("gaster.csv"), example("vardar.csv"))
    })
    .unwrap_err();
    let LoadError::Json { error, .. } = &e else {
        panic!("{e}")
    };
    assert_eq!(error.path, "policy.rules.tme");
}
