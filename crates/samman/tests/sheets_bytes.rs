//! Spreadsheets in memory, as a browser gives them (the web binding's way in): two files as
//! names and bytes read exactly as the same files from disk, a workbook read as its CSV, a
//! providers file told from a seekers file by its header, and the coordinator's workbook read
//! back sheet by sheet as the writer laid it out.

use std::path::{Path, PathBuf};

use samman::i18n::{Lang, Messages};
use samman::sheets::report::{self, Cell, Line, ReportInput, Sheet, Style};
use samman::sheets::{
    self, LoadError, Roster, SheetFile, SheetKind, Source, Table, load_bytes, workbook_text, write,
};
use samman::solve::{Options, SolverKind};

fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples/sheets")
        .join(name)
}

fn read(name: &str) -> Vec<u8> {
    std::fs::read(example(name)).unwrap()
}

/// A semicolon CSV as a workbook's first sheet, numbers (with decimal commas) as numbers, as
/// a spreadsheet program saves it; written by the core's own XLSX writer.
fn xlsx_of_csv(bytes: &[u8]) -> Vec<u8> {
    let text = String::from_utf8(bytes.to_vec()).unwrap();
    let lines = text
        .lines()
        .map(|line| Line {
            style: Style::Plain,
            cells: line
                .split(';')
                .map(|cell| match cell.replace(',', ".").parse::<f64>() {
                    Ok(n) => Cell::Number(n),
                    Err(_) => Cell::Text(cell.to_owned()),
                })
                .collect(),
        })
        .collect();
    write::xlsx(&[Sheet {
        name: "Blad1".into(),
        lines,
    }])
    .unwrap()
}

/// The sample sheets read from memory, as `g.csv` and `v.csv`.
fn sample_roster() -> Roster {
    load_bytes(
        SheetFile {
            name: "g.csv",
            bytes: &read("gaster.csv"),
        },
        SheetFile {
            name: "v.csv",
            bytes: &read("vardar.csv"),
        },
    )
    .unwrap()
}

fn assert_same_people(a: &Roster, b: &Roster) {
    assert_eq!(a.instance, b.instance);
    for (x, y) in [(&a.seekers, &b.seekers), (&a.providers, &b.providers)] {
        assert_eq!(x.columns(), y.columns());
    }
    for s in &a.instance.seekers {
        let id = s.id.as_str();
        assert_eq!(a.seekers.values(id), b.seekers.values(id), "{id}");
        assert_eq!(a.seekers.row(id), b.seekers.row(id), "{id}");
    }
    for p in &a.instance.providers {
        let id = p.id.as_str();
        assert_eq!(a.providers.values(id), b.providers.values(id), "{id}");
    }
}

#[test]
fn two_files_in_memory_read_as_the_same_files_from_disk() {
    let from_disk = sheets::load(&Source {
        seekers: Some(example("gaster.csv")),
        providers: Some(example("vardar.csv")),
        ..Source::default()
    })
    .unwrap();
    let (seekers, providers) = (read("gaster.csv"), read("vardar.csv"));
    let in_memory = load_bytes(
        SheetFile {
            name: "gäster.csv",
            bytes: &seekers,
        },
        SheetFile {
            name: "värdar.csv",
            bytes: &providers,
        },
    )
    .unwrap();
    assert_same_people(&in_memory, &from_disk);
    assert_eq!(in_memory.format, from_disk.format);
    assert_eq!(
        (in_memory.seekers.file(), in_memory.providers.file()),
        ("gäster.csv", "värdar.csv")
    );
    assert_eq!(in_memory.seekers.name("g4"), Some("Kerstin Åkesson"));
    // A problem's place names the file as the person chose it.
    assert_eq!(
        in_memory.locate("seekers[0].party_size").as_deref(),
        Some("gäster.csv, row 2, column antal")
    );
}

#[test]
fn a_workbook_reads_as_the_csv_it_was_made_from() {
    let csv = sample_roster();
    let (seekers, providers) = (
        xlsx_of_csv(&read("gaster.csv")),
        xlsx_of_csv(&read("vardar.csv")),
    );
    let workbook = load_bytes(
        SheetFile {
            name: "g.XLSX",
            bytes: &seekers,
        },
        SheetFile {
            name: "v.xlsx",
            bytes: &providers,
        },
    )
    .unwrap();
    assert_eq!(workbook.format.kind, SheetKind::Xlsx);
    assert_same_people(&workbook, &csv);
    assert_eq!(workbook.providers.name("d2"), Some("Örjan Ek"));
}

#[test]
fn a_providers_file_is_told_by_its_capacity_column() {
    let table = |text: &str| Table::from_bytes(text.as_bytes(), SheetKind::Csv).unwrap();
    assert!(
        Table::from_bytes(&read("vardar.csv"), SheetKind::Csv)
            .unwrap()
            .is_providers()
    );
    assert!(
        !Table::from_bytes(&read("gaster.csv"), SheetKind::Csv)
            .unwrap()
            .is_providers()
    );
    assert!(table("id,Capacity\nd1,4\n").is_providers());
    assert!(table("id;Seats\nd1;4\n").is_providers());
    assert!(!table("id,party_size,name\ng1,2,Ann\n").is_providers());
    // A column merely named like a capacity is not one.
    assert!(!table("id,capacity_note\ng1,x\n").is_providers());
}

#[test]
fn unreadable_bytes_name_the_file() {
    let e = load_bytes(
        SheetFile {
            name: "deltagare.xlsx",
            bytes: b"id,party_size\ng1,2\n",
        },
        SheetFile {
            name: "v.csv",
            bytes: &read("vardar.csv"),
        },
    )
    .unwrap_err();
    let LoadError::Sheet { file, error } = &e else {
        panic!("{e}")
    };
    assert_eq!((file.as_str(), error.row), ("deltagare.xlsx", 0));
    assert!(e.to_string().starts_with("deltagare.xlsx: "), "{e}");
    assert!(workbook_text(b"not a workbook").is_err());
}

/// A line's cells as text, without the empty cells at its end.
fn trimmed(mut cells: Vec<String>) -> Vec<String> {
    while cells.last().is_some_and(String::is_empty) {
        cells.pop();
    }
    cells
}

#[test]
fn the_workbook_reads_back_as_it_was_laid_out() {
    let mut roster = sample_roster();
    roster.instance.policy =
        sheets::parse_policy(&String::from_utf8(read("policy.json")).unwrap()).unwrap();
    let session = samman::Session::new(roster.instance.clone()).unwrap();
    let plan = session
        .solve(&Options {
            solver: SolverKind::Groups,
            ..Options::default()
        })
        .unwrap();
    let explanations = report::explain_unplaced(&session, &plan).unwrap();
    let input = ReportInput {
        session: &session,
        roster: &roster,
        plan: &plan,
        explanations: &explanations,
        changes: false,
    };
    for lang in [Lang::En, Lang::Sv] {
        let laid_out = report::workbook(&input, &Messages::new(lang));
        let read_back = workbook_text(&write::xlsx(&laid_out).unwrap()).unwrap();
        assert_eq!(read_back.len(), laid_out.len());
        for (sheet, back) in laid_out.iter().zip(&read_back) {
            assert_eq!(back.name, sheet.name);
            let mut expected: Vec<Vec<String>> = sheet
                .lines
                .iter()
                .map(|l| trimmed(l.cells.iter().map(Cell::text).collect()))
                .collect();
            while expected.last().is_some_and(Vec::is_empty) {
                expected.pop();
            }
            let got: Vec<Vec<String>> = back.rows.iter().cloned().map(trimmed).collect();
            assert_eq!(got, expected, "{lang:?} {}", sheet.name);
        }
        // Never the cells in a debug print.
        assert!(!format!("{read_back:?}").contains("Åsa"));
    }
}
