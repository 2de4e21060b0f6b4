//! The writers of the coordinator's outputs: an XLSX workbook of [`Sheet`]s, and a CSV of the
//! placements in the delimiter and encoding the input used. They lay out what
//! [`super::report`] computed and add nothing.

use rust_xlsxwriter::{Format, Workbook, XlsxError};

use super::report::{Cell, Sheet, Style};
use super::{Roster, SheetFormat, TextEncoding};
use crate::plan::Plan;

/// Why an output could not be written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("cannot write the {what}: {message}")]
pub struct WriteError {
    /// What was being written.
    pub what: &'static str,
    /// Why.
    pub message: String,
}

fn xlsx_error(e: &XlsxError) -> WriteError {
    WriteError {
        what: "workbook",
        message: e.to_string(),
    }
}

/// The sheets as an XLSX workbook: titles and headers in bold, notes in italics, columns as
/// wide as their text, the header row of a sheet that starts with one frozen.
///
/// # Errors
/// A [`WriteError`] when the workbook cannot be made (a sheet name of more than 31 characters
/// or with `[]:*?/\`, which samman's names never are).
pub fn xlsx(sheets: &[Sheet]) -> Result<Vec<u8>, WriteError> {
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    let title = Format::new().set_bold().set_font_size(12);
    let note = Format::new().set_italic();
    for sheet in sheets {
        let worksheet = workbook.add_worksheet();
        worksheet
            .set_name(sheet.name.as_str())
            .map_err(|e| xlsx_error(&e))?;
        // Printed lists fit the page's width, however many columns the sheets had.
        worksheet.set_landscape();
        worksheet.set_print_fit_to_pages(1, 0);
        let mut widths: Vec<usize> = Vec::new();
        for (r, line) in sheet.lines.iter().enumerate() {
            let row = r as u32;
            let format = match line.style {
                Style::Title => Some(&title),
                Style::Header => Some(&bold),
                Style::Note => Some(&note),
                Style::Plain | Style::Blank => None,
            };
            for (c, cell) in line.cells.iter().enumerate() {
                let col = c as u16;
                let result = match (cell, format) {
                    (Cell::Text(s), _) if s.is_empty() => Ok(&mut *worksheet),
                    (Cell::Text(s), Some(f)) => worksheet.write_string_with_format(row, col, s, f),
                    (Cell::Text(s), None) => worksheet.write_string(row, col, s),
                    (Cell::Number(n), Some(f)) => {
                        worksheet.write_number_with_format(row, col, *n, f)
                    }
                    (Cell::Number(n), None) => worksheet.write_number(row, col, *n),
                };
                result.map_err(|e| xlsx_error(&e))?;
                // A note spans the block: it does not widen the first column.
                if line.style != Style::Note {
                    let width = cell.text().chars().count();
                    if widths.len() <= c {
                        widths.resize(c + 1, 0);
                    }
                    widths[c] = widths[c].max(width);
                }
            }
        }
        for (c, width) in widths.iter().enumerate() {
            let width = (*width).clamp(6, 60) as f64 + 2.0;
            worksheet
                .set_column_width(c as u16, width)
                .map_err(|e| xlsx_error(&e))?;
        }
        if sheet
            .lines
            .first()
            .is_some_and(|l| l.style == Style::Header)
        {
            worksheet
                .set_freeze_panes(1, 0)
                .map_err(|e| xlsx_error(&e))?;
        }
    }
    workbook.save_to_buffer().map_err(|e| xlsx_error(&e))
}

/// The placements as CSV, one row per placement: `seeker`, the seeker's carried columns,
/// `provider`, the provider's carried columns (headed `provider.<column>`), `seats` and
/// `score`, separated and encoded as `format` says (UTF-16 is written as UTF-8 with a
/// byte-order mark). The file reads back as a plan (`csv_io::read_plan`).
///
/// # Errors
/// A [`WriteError`] when a row cannot be written.
pub fn placements_csv(
    roster: &Roster,
    plan: &Plan,
    format: SheetFormat,
) -> Result<Vec<u8>, WriteError> {
    let error = |e: &dyn std::fmt::Display| WriteError {
        what: "CSV file",
        message: e.to_string(),
    };
    let decimal_comma = format.delimiter == super::Delimiter::Semicolon;
    let mut csv = csv::WriterBuilder::new()
        .delimiter(format.delimiter.byte())
        .from_writer(Vec::new());
    let (seekers, providers) = (&roster.seekers, &roster.providers);
    let mut header = vec!["seeker".to_owned()];
    header.extend(seekers.columns().iter().cloned());
    header.push("provider".to_owned());
    header.extend(providers.columns().iter().map(|c| format!("provider.{c}")));
    header.extend(["seats".to_owned(), "score".to_owned()]);
    csv.write_record(&header).map_err(|e| error(&e))?;
    let blank = |n: usize| vec![String::new(); n];
    for m in &plan.matches {
        let mut row = vec![m.seeker.as_str().to_owned()];
        row.extend(
            seekers
                .values(m.seeker.as_str())
                .map_or_else(|| blank(seekers.columns().len()), <[String]>::to_vec),
        );
        row.push(m.provider.as_str().to_owned());
        row.extend(
            providers
                .values(m.provider.as_str())
                .map_or_else(|| blank(providers.columns().len()), <[String]>::to_vec),
        );
        row.push(m.seats.to_string());
        let score = format!("{:.6}", m.score);
        row.push(if decimal_comma {
            score.replace('.', ",")
        } else {
            score
        });
        csv.write_record(&row).map_err(|e| error(&e))?;
    }
    let bytes = csv.into_inner().map_err(|e| error(&e))?;
    Ok(match format.encoding {
        TextEncoding::Utf8 => bytes,
        TextEncoding::Utf8Bom | TextEncoding::Utf16 => {
            [b"\xEF\xBB\xBF".as_slice(), &bytes].concat()
        }
        TextEncoding::Windows1252 => {
            let text = String::from_utf8_lossy(&bytes);
            super::charset::encode_windows_1252(&text)
        }
    })
}
