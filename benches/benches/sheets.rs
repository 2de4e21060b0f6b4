//! Spreadsheets of 20 000 seekers (a generated dinner programme) in and out: reading the
//! seekers from a Swedish Excel CSV (semicolons, decimal commas, Windows-1252) and from XLSX,
//! and writing the coordinator's workbook and the placements CSV for the optimal plan.
//! Run: `cargo bench -p samman-benches --bench sheets`.

use std::fmt::Write as _;
use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_main};
use samman::generate::{Params, dinners};
use samman::i18n::{Lang, Messages};
use samman::model::{Instance, Seeker};
use samman::sheets::report::{self, Cell, Line, ReportInput, Sheet, Style};
use samman::sheets::{self, Roster, SheetFormat, SheetKind, Table, write};
use samman::solve::{Options, SolverKind, solve};

const SEEKERS: usize = 20_000;

const HEADER: [&str; 12] = [
    "id",
    "namn",
    "telefon",
    "antal",
    "ursprung",
    "kön",
    "språk",
    "kost",
    "tillgänglighet",
    "latitud",
    "longitud",
    "max km",
];

/// A seeker as the cells of a coordinator's row, with a made-up name and phone number.
fn cells(i: usize, s: &Seeker) -> Vec<String> {
    let list = |items: Vec<String>| items.join(", ");
    let decimal = |x: f64| format!("{x:.5}").replace('.', ",");
    let location = s.location.expect("generated seekers have a location");
    vec![
        s.id.as_str().to_owned(),
        format!("Gäst Åström {i}"),
        format!("070-{:07}", i),
        s.party_size.to_string(),
        s.profile
            .origin
            .map(|o| format!("{o:?}").to_lowercase())
            .unwrap_or_default(),
        s.profile
            .gender
            .map(|g| format!("{g:?}").to_lowercase())
            .unwrap_or_default(),
        list(
            s.languages
                .iter()
                .map(|l| format!("{}:{}", l.code.0, format!("{:?}", l.level).to_lowercase()))
                .collect(),
        ),
        list(s.diet.iter().map(ToString::to_string).collect()),
        s.availability
            .dated
            .iter()
            .map(|w| format!("{}/{}", w.start, w.end))
            .collect::<Vec<_>>()
            .join("; "),
        decimal(location.lat),
        decimal(location.lon),
        s.max_travel_km.map(decimal).unwrap_or_default(),
    ]
}

/// The seekers as Swedish Excel saves a CSV: semicolons, Windows-1252.
fn swedish_csv(instance: &Instance) -> Vec<u8> {
    let mut text = HEADER.join(";") + "\n";
    for (i, s) in instance.seekers.iter().enumerate() {
        let row: Vec<String> = cells(i, s)
            .into_iter()
            .map(|c| {
                if c.contains(';') {
                    format!("\"{c}\"")
                } else {
                    c
                }
            })
            .collect();
        let _ = writeln!(text, "{}", row.join(";"));
    }
    text.chars()
        .map(|c| u8::try_from(u32::from(c)).expect("Latin-1 text"))
        .collect()
}

/// The seekers as an XLSX workbook (written by samman's own writer: one header, one row each).
fn workbook(instance: &Instance) -> Vec<u8> {
    let mut lines = vec![Line {
        style: Style::Header,
        cells: HEADER.iter().map(|h| Cell::Text((*h).to_owned())).collect(),
    }];
    for (i, s) in instance.seekers.iter().enumerate() {
        lines.push(Line {
            style: Style::Plain,
            cells: cells(i, s).into_iter().map(Cell::Text).collect(),
        });
    }
    write::xlsx(&[Sheet {
        name: "Gäster".into(),
        lines,
    }])
    .expect("writes")
}

fn benches(c: &mut Criterion) {
    let mut instance = dinners(&Params {
        size: SEEKERS,
        seed: 1,
        ..Params::default()
    });
    // The sheets carry no history or constraints: plan the people alone.
    instance.history = samman::model::History::default();
    instance.constraints = samman::model::Constraints::default();
    let csv = swedish_csv(&instance);
    let xlsx = workbook(&instance);

    let mut group = c.benchmark_group("sheets_read_20k");
    group.sample_size(10);
    group.throughput(Throughput::Elements(SEEKERS as u64));
    group.bench_function("csv_windows_1252_semicolons", |b| {
        b.iter(|| {
            let table = Table::from_bytes(black_box(&csv), SheetKind::Csv).expect("reads");
            sheets::seekers_from_table(&table).expect("reads").0.len()
        });
    });
    group.bench_function("xlsx", |b| {
        b.iter(|| {
            let table = Table::from_bytes(black_box(&xlsx), SheetKind::Xlsx).expect("reads");
            sheets::seekers_from_table(&table).expect("reads").0.len()
        });
    });
    group.finish();

    // The roster as a coordinator's files give it, and the optimal plan (outside the timing).
    let table = Table::from_bytes(&csv, SheetKind::Csv).expect("reads");
    let (seekers, seeker_pass) = sheets::seekers_from_table(&table).expect("reads");
    assert_eq!(seekers.len(), SEEKERS);
    let mut planned = instance.clone();
    planned.seekers = seekers;
    let plan = solve(
        &planned,
        &Options {
            solver: SolverKind::Optimal,
            ..Options::default()
        },
    )
    .expect("solves");
    let session = samman::Session::new(planned.clone()).expect("valid");
    let roster = Roster {
        instance: planned,
        seekers: seeker_pass,
        format: table.format(),
        ..Roster::default()
    };
    let messages = Messages::new(Lang::Sv);

    let mut group = c.benchmark_group("sheets_write_20k");
    group.sample_size(10);
    group.throughput(Throughput::Elements(SEEKERS as u64));
    group.bench_function("xlsx_workbook", |b| {
        b.iter(|| {
            let input = ReportInput {
                session: &session,
                roster: &roster,
                plan: &plan,
                explanations: &[],
                changes: false,
            };
            write::xlsx(&report::workbook(&input, &messages))
                .expect("writes")
                .len()
        });
    });
    group.bench_function("placements_csv", |b| {
        b.iter(|| {
            write::placements_csv(&roster, &plan, SheetFormat { ..roster.format })
                .expect("writes")
                .len()
        });
    });
    group.finish();
}

fn main_benches() {
    let mut criterion = Criterion::default().configure_from_args();
    benches(&mut criterion);
}

criterion_main!(main_benches);
