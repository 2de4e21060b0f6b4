//! The coordinator's outputs from the sample sheets: a list per provider with the people placed
//! there and their names, who is not placed and why, in English and Swedish; the workbook read
//! back from its bytes; the placements CSV in the input's delimiter and encoding.

use std::io::Cursor;
use std::path::{Path, PathBuf};

use calamine::{Data, Reader, Xlsx};
use samman::i18n::{Lang, Messages};
use samman::plan::Plan;
use samman::sheets::report::{self, Cell, ReportInput, Sheet, Style};
use samman::sheets::{
    self, Delimiter, Roster, SheetFormat, SheetKind, Source, TextEncoding, write,
};
use samman::solve::{self, Options, SolverKind};

fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples/sheets")
        .join(name)
}

fn planned() -> (Roster, Plan) {
    let roster = sheets::load(&Source {
        seekers: Some(example("gaster.csv")),
        providers: Some(example("vardar.csv")),
        policy: Some(example("policy.json")),
        ..Source::default()
    })
    .unwrap();
    let options = Options {
        solver: SolverKind::Groups,
        ..Options::default()
    };
    let plan = solve::solve(&roster.instance, &options).unwrap();
    (roster, plan)
}

fn sheets_for(roster: &Roster, plan: &Plan, lang: Lang) -> Vec<Sheet> {
    let session = samman::Session::new(roster.instance.clone()).unwrap();
    let explanations = report::explain_unplaced(&session, plan).unwrap();
    report::workbook(
        &ReportInput {
            session: &session,
            roster,
            plan,
            explanations: &explanations,
            changes: false,
        },
        &Messages::new(lang),
    )
}

fn texts(cells: &[Cell]) -> Vec<String> {
    cells.iter().map(Cell::text).collect()
}

/// The seeker ids listed in each provider's block: (provider, seekers).
fn blocks(sheet: &Sheet) -> Vec<(String, Vec<String>)> {
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for line in &sheet.lines {
        match line.style {
            Style::Title => out.push((line.cells[0].text(), Vec::new())),
            Style::Plain => out.last_mut().unwrap().1.push(line.cells[0].text()),
            _ => {}
        }
    }
    out
}

#[test]
fn each_provider_lists_its_people_with_their_names() {
    let (roster, plan) = planned();
    assert!(!plan.matches.is_empty() && !plan.unplaced.is_empty());
    let sheets = sheets_for(&roster, &plan, Lang::En);
    let names: Vec<&str> = sheets.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Summary", "Lists", "Not placed"]);

    let lists = &sheets[1];
    let listed = blocks(lists);
    assert_eq!(listed.len(), roster.instance.providers.len());
    for m in &plan.matches {
        let block = listed
            .iter()
            .find(|(p, _)| p == m.provider.as_str())
            .unwrap();
        assert!(block.1.contains(&m.seeker.as_str().to_owned()), "{m:?}");
    }
    let placed: usize = listed.iter().map(|(_, s)| s.len()).sum();
    assert_eq!(placed, plan.matches.len());

    // Names and notes travel with the ids, the host's in the block's title.
    let d1 = lists
        .lines
        .iter()
        .find(|l| l.style == Style::Title && l.cells[0].text() == "d1")
        .unwrap();
    assert_eq!(
        texts(&d1.cells)[1..],
        ["Åsa Lindqvist", "070-111 11 11", "har katt"]
    );
    let g1 = lists
        .lines
        .iter()
        .find(|l| l.style == Style::Plain && l.cells[0].text() == "g1")
        .unwrap();
    assert_eq!(texts(&g1.cells)[1], "Saida Haddad");
    // What the host must know, in people.
    let g1_host = plan
        .matches
        .iter()
        .find(|m| m.seeker.as_str() == "g1")
        .unwrap();
    let block_notes: Vec<String> = lists
        .lines
        .iter()
        .skip_while(|l| {
            !(l.style == Style::Title && l.cells[0].text() == g1_host.provider.as_str())
        })
        .take_while(|l| l.style != Style::Blank)
        .filter(|l| l.style == Style::Note)
        .map(|l| l.cells[0].text())
        .collect();
    assert!(
        block_notes
            .iter()
            .any(|n| n.starts_with("To know:") && n.contains("2 halal")),
        "{block_notes:?}"
    );

    // The family that no host can receive on its day is left out, with the reason, while
    // the rest is planned.
    let not_placed = &sheets[2];
    let g6 = not_placed
        .lines
        .iter()
        .find(|l| l.cells[0].text() == "g6")
        .unwrap();
    let g6 = texts(&g6.cells);
    assert_eq!(g6[1], "Familjen Nasser");
    assert!(
        g6.iter()
            .any(|c| c == "No provider fits: no provider is free at the same time."),
        "{g6:?}"
    );
    assert!(g6.last().unwrap().contains("For the person:"), "{g6:?}");
    // Kerstin fits only at Märta's and Åsa's: Åsa's table is full, Märta's is empty and does not
    // take place, and that is said, not "seats taken".
    let g4 = not_placed
        .lines
        .iter()
        .find(|l| l.cells[0].text() == "g4")
        .unwrap();
    let g4 = texts(&g4.cells);
    assert!(
        g4.iter().any(
            |c| c.starts_with("Märta Öberg (d3) has room but does not take place")
                && c.contains("too few newcomers")
        ),
        "{g4:?}"
    );
}

#[test]
fn swedish_workbook_and_its_bytes() {
    let (roster, plan) = planned();
    let sheets = sheets_for(&roster, &plan, Lang::Sv);
    let names: Vec<&str> = sheets.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Sammanfattning", "Listor", "Inte placerade"]);
    let g6 = sheets[2]
        .lines
        .iter()
        .find(|l| l.cells[0].text() == "g6")
        .unwrap();
    assert!(texts(&g6.cells).contains(&"Ingen värd passar: ingen värd kan samma tid.".to_owned()));

    let bytes = write::xlsx(&sheets).unwrap();
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
    assert_eq!(
        book.sheet_names(),
        ["Sammanfattning", "Listor", "Inte placerade"]
    );
    let lists = book.worksheet_range("Listor").unwrap();
    for (r, line) in sheets[1].lines.iter().enumerate() {
        for (c, cell) in line.cells.iter().enumerate() {
            let read = lists
                .get_value((r as u32, c as u32))
                .cloned()
                .unwrap_or(Data::Empty);
            match (cell, read) {
                (Cell::Text(t), Data::String(s)) => assert_eq!(&s, t),
                (Cell::Text(t), Data::Empty) => assert!(t.is_empty()),
                (Cell::Number(n), Data::Float(f)) => assert_eq!(*n, f),
                (cell, read) => panic!("row {r} column {c}: {cell:?} read as {read:?}"),
            }
        }
    }
}

#[test]
fn placements_csv_keeps_the_inputs_form_and_reads_back_as_the_plan() {
    let (roster, plan) = planned();
    let format = SheetFormat {
        kind: SheetKind::Csv,
        delimiter: Delimiter::Semicolon,
        encoding: TextEncoding::Windows1252,
    };
    let bytes = write::placements_csv(&roster, &plan, format).unwrap();
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "Windows-1252 with å ä ö"
    );
    let table = sheets::Table::from_bytes(&bytes, SheetKind::Csv).unwrap();
    assert_eq!(table.format(), format);
    let back = samman::csv_io::read_plan(bytes.as_slice()).unwrap();
    assert_eq!(back, samman::Pairs::from(&plan));
    let text: String = bytes.iter().map(|&b| char::from(b)).collect();
    assert!(
        text.starts_with("seeker;namn;telefon;anteckningar;provider;provider.namn;"),
        "{text}"
    );
    assert!(
        text.contains("Saida Haddad") && text.contains("Åsa Lindqvist"),
        "{text}"
    );

    let utf8 = write::placements_csv(&roster, &plan, SheetFormat::default()).unwrap();
    let text = String::from_utf8(utf8).unwrap();
    assert!(text.starts_with("seeker,namn,"), "{text}");
}

#[test]
fn a_group_below_its_minimum_is_said_as_such() {
    // Märta's table (d3) needs 10 to take place: Kerstin (g4), who fits there and at Åsa's full
    // table only, is told that d3 needs 10 and how few can come, not "seats taken".
    let (mut roster, _) = planned();
    let d3 = roster
        .instance
        .providers
        .iter_mut()
        .find(|p| p.id.as_str() == "d3")
        .unwrap();
    d3.minimum = 10;
    d3.capacity = d3.capacity.max(10);
    let options = Options {
        solver: SolverKind::Groups,
        ..Options::default()
    };
    let plan = solve::solve(&roster.instance, &options).unwrap();
    assert!(plan.matches.iter().all(|m| m.provider.as_str() != "d3"));
    for (lang, words) in [
        (
            Lang::En,
            "Märta Öberg (d3) needs 10 people to take place; only ",
        ),
        (Lang::Sv, "Märta Öberg (d3) behöver 10 personer"),
    ] {
        let sheets = sheets_for(&roster, &plan, lang);
        let g4 = sheets[2]
            .lines
            .iter()
            .find(|l| l.cells[0].text() == "g4")
            .unwrap();
        let g4 = texts(&g4.cells);
        assert!(g4.iter().any(|c| c.starts_with(words)), "{g4:?}");
        assert!(
            !g4.iter()
                .any(|c| c.contains("are full") || c.contains("är full")),
            "{g4:?}"
        );
    }
}
