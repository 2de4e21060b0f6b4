//! CPU time of reading and writing spreadsheets of 20 000 seekers, measured as the process's
//! own CPU time (from /proc/self/stat), so that a loaded machine does not inflate it as it
//! inflates wall-clock time: `cargo run --release -p samman-benches --example sheets_timing`.
//! The criterion bench `sheets` measures the same operations in wall-clock time.

use std::time::Instant;

use samman::generate::{Params, dinners};
use samman::i18n::{Lang, Messages};
use samman::sheets::report::{self, Cell, Line, ReportInput, Sheet, Style};
use samman::sheets::{self, Roster, SheetKind, Table, write};
use samman::solve::{Options, SolverKind, solve};

/// The process's CPU time so far, in seconds (Linux; 0 elsewhere).
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields 14 and 15 (user and system time, in clock ticks of 1/100 s), counted after the
    // command name's closing parenthesis.
    let after = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    (ticks(11) + ticks(12)) / 100.0
}

fn time<T>(what: &str, runs: u32, mut work: impl FnMut() -> T) {
    let (cpu, wall) = (cpu_seconds(), Instant::now());
    for _ in 0..runs {
        std::hint::black_box(work());
    }
    let cpu = (cpu_seconds() - cpu) / f64::from(runs);
    let wall = wall.elapsed().as_secs_f64() / f64::from(runs);
    println!("{what:<40} cpu {cpu:>6.3} s   wall {wall:>6.3} s   ({runs} runs)");
}

fn main() {
    let instance = dinners(&Params {
        size: 20_000,
        seed: 1,
        ..Params::default()
    });
    // The seekers as a coordinator's sheet: id, name, phone, party size, languages, lat, lon.
    let header = [
        "id", "namn", "telefon", "antal", "språk", "latitud", "longitud",
    ];
    let rows: Vec<Vec<String>> = instance
        .seekers
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let at = s.location.expect("generated seekers have a location");
            vec![
                s.id.as_str().to_owned(),
                format!("Gäst Åström {i}"),
                format!("070-{i:07}"),
                s.party_size.to_string(),
                s.languages
                    .iter()
                    .map(|l| format!("{}:{}", l.code.0, format!("{:?}", l.level).to_lowercase()))
                    .collect::<Vec<_>>()
                    .join(", "),
                format!("{:.5}", at.lat).replace('.', ","),
                format!("{:.5}", at.lon).replace('.', ","),
            ]
        })
        .collect();
    let csv: Vec<u8> = std::iter::once(header.join(";"))
        .chain(rows.iter().map(|r| r.join(";")))
        .collect::<Vec<_>>()
        .join("\n")
        .chars()
        .map(|c| u8::try_from(u32::from(c)).expect("Latin-1"))
        .collect();
    let mut lines = vec![Line {
        style: Style::Header,
        cells: header.iter().map(|h| Cell::Text((*h).to_owned())).collect(),
    }];
    lines.extend(rows.iter().map(|r| Line {
        style: Style::Plain,
        cells: r.iter().cloned().map(Cell::Text).collect(),
    }));
    let xlsx = write::xlsx(&[Sheet {
        name: "Gäster".into(),
        lines,
    }])
    .expect("writes");

    time("read CSV (Windows-1252, semicolons)", 5, || {
        let table = Table::from_bytes(&csv, SheetKind::Csv).expect("reads");
        sheets::seekers_from_table(&table).expect("reads").0.len()
    });
    time("read XLSX", 3, || {
        let table = Table::from_bytes(&xlsx, SheetKind::Xlsx).expect("reads");
        sheets::seekers_from_table(&table).expect("reads").0.len()
    });

    let table = Table::from_bytes(&csv, SheetKind::Csv).expect("reads");
    let (_, pass) = sheets::seekers_from_table(&table).expect("reads");
    let plan = solve(
        &instance,
        &Options {
            solver: SolverKind::Optimal,
            ..Options::default()
        },
    )
    .expect("solves");
    let session = samman::Session::new(instance.clone()).expect("valid");
    let roster = Roster {
        instance,
        seekers: pass,
        format: table.format(),
        ..Roster::default()
    };
    let messages = Messages::new(Lang::Sv);
    time("write the XLSX workbook", 3, || {
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
    time("write the placements CSV", 5, || {
        write::placements_csv(&roster, &plan, roster.format)
            .expect("writes")
            .len()
    });
}
