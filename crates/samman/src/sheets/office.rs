//! XLSX and ODS workbooks (through calamine): the first sheet, read as a table of text cells.

use std::io::Cursor;

use calamine::{Data, Ods, Range, Reader, Xlsx, open_workbook_from_rs};

use super::SheetProblem;
use super::{Delimiter, SheetFormat, SheetKind, Table, TableRow, TextEncoding};
use crate::csv_io::CsvError;

fn whole_file(problem: SheetProblem) -> CsvError {
    CsvError::whole_file(problem)
}

type Bytes<'a> = Cursor<&'a [u8]>;

/// The sheets of a workbook as ranges of cells: the first only, or all in order.
fn read_ranges<'a, R: Reader<Bytes<'a>>>(
    mut book: R,
    all: bool,
) -> Result<Vec<(String, Range<Data>)>, CsvError> {
    if all {
        return Ok(book.worksheets());
    }
    let name = book
        .sheet_names()
        .first()
        .cloned()
        .ok_or_else(|| whole_file(SheetProblem::NoSheet))?;
    let range = book
        .worksheet_range_at(0)
        .ok_or_else(|| whole_file(SheetProblem::NoSheet))?
        .map_err(|_| whole_file(SheetProblem::FirstSheetUnreadable))?;
    Ok(vec![(name, range)])
}

/// The sheets of an XLSX or ODS workbook, by the kind its name says and else the other (a
/// file saved under the wrong extension). Only these two readers, not calamine's detection
/// of every format: its legacy XLS and XLSB readers would weigh on the WebAssembly build
/// for files samman does not take.
fn ranges(
    bytes: &[u8],
    kind: SheetKind,
    all: bool,
) -> Result<Vec<(String, Range<Data>)>, CsvError> {
    let xlsx = || open_workbook_from_rs::<Xlsx<_>, _>(Cursor::new(bytes)).ok();
    let ods = || open_workbook_from_rs::<Ods<_>, _>(Cursor::new(bytes)).ok();
    let cannot = || whole_file(SheetProblem::NotWorkbook);
    if kind == SheetKind::Ods {
        if let Some(book) = ods() {
            return read_ranges(book, all);
        }
    }
    match xlsx() {
        Some(book) => read_ranges(book, all),
        None => read_ranges(ods().ok_or_else(cannot)?, all),
    }
}

/// Read the first sheet of an XLSX or ODS workbook.
pub(crate) fn read_workbook(bytes: &[u8], kind: SheetKind) -> Result<Table, CsvError> {
    let range = ranges(bytes, kind, false)?
        .pop()
        .map(|(_, range)| range)
        .ok_or_else(|| whole_file(SheetProblem::NoSheet))?;
    let first_row = range.start().map_or(0, |(row, _)| u64::from(row));
    let first_col = range.start().map_or(0, |(_, col)| col as usize);
    let mut header: Option<Vec<String>> = None;
    let mut rows = Vec::new();
    for (i, cells) in range.rows().enumerate() {
        let number = first_row + i as u64 + 1;
        // A sheet whose data starts in column C is read as if it started in column A.
        let mut text = Vec::with_capacity(cells.len());
        for (j, cell) in cells.iter().enumerate() {
            text.push(cell_text(cell).ok_or_else(|| {
                CsvError::new(
                    number,
                    column_letter(first_col + j),
                    SheetProblem::CellError,
                )
            })?);
        }
        if text.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        match header {
            None => header = Some(text),
            Some(_) => rows.push(TableRow {
                number,
                cells: text,
            }),
        }
    }
    Ok(Table {
        header: header.unwrap_or_default(),
        rows,
        format: SheetFormat {
            kind,
            delimiter: Delimiter::Comma,
            encoding: TextEncoding::Utf8,
        },
    })
}

/// One sheet of a workbook as text: its name (the tab) and its rows from A1, each cell as
/// samman reads it (empty rows kept, so that blocks stay apart). Its `Debug` shows only
/// counts: the cells are people's data.
#[derive(Clone, PartialEq, Eq, serde::Serialize)]
pub struct SheetText {
    /// The sheet's name.
    pub name: String,
    /// Its rows from row 1, each from column A.
    pub rows: Vec<Vec<String>>,
}

impl std::fmt::Debug for SheetText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SheetText")
            .field("name", &self.name)
            .field("rows", &self.rows.len())
            .finish()
    }
}

/// Every sheet of an XLSX or ODS workbook as text, in the workbook's order.
pub(crate) fn workbook_text(bytes: &[u8]) -> Result<Vec<SheetText>, CsvError> {
    let mut sheets = Vec::new();
    for (name, range) in ranges(bytes, SheetKind::Xlsx, true)? {
        let (first_row, first_col) = range.start().unwrap_or((0, 0));
        let mut rows = vec![Vec::new(); first_row as usize];
        for (i, cells) in range.rows().enumerate() {
            let mut text = vec![String::new(); first_col as usize];
            for (j, cell) in cells.iter().enumerate() {
                text.push(cell_text(cell).ok_or_else(|| {
                    CsvError::new(
                        u64::from(first_row) + i as u64 + 1,
                        column_letter(first_col as usize + j),
                        SheetProblem::CellErrorReadBack,
                    )
                })?);
            }
            rows.push(text);
        }
        sheets.push(SheetText { name, rows });
    }
    Ok(sheets)
}

/// A cell as the text samman reads: whole numbers without a decimal point, dates as
/// `2026-09-05` (or `2026-09-05T17:00` with a time), `None` for an error cell.
fn cell_text(cell: &Data) -> Option<String> {
    Some(match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{f:.0}"),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => match d.as_datetime() {
            Some(t) if t.time() == chrono::NaiveTime::MIN => t.format("%Y-%m-%d").to_string(),
            Some(t) => t.format("%Y-%m-%dT%H:%M").to_string(),
            None => d.as_f64().to_string(),
        },
        Data::DateTimeIso(s) | Data::DurationIso(s) => {
            s.strip_suffix("T00:00:00").unwrap_or(s).to_owned()
        }
        Data::Error(_) => return None,
    })
}

/// A column as the spreadsheet labels it: A, B, ..., Z, AA, ...
pub(crate) fn column_letter(mut index: usize) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(b'A' + (index % 26) as u8);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    letters.reverse();
    String::from_utf8(letters).expect("ASCII letters")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(27), "AB");
        assert_eq!(column_letter(702), "AAA");
    }

    #[test]
    fn cells() {
        assert_eq!(cell_text(&Data::Float(4.0)).unwrap(), "4");
        assert_eq!(cell_text(&Data::Float(59.33)).unwrap(), "59.33");
        assert_eq!(
            cell_text(&Data::DateTimeIso("2026-09-05T00:00:00".into())).unwrap(),
            "2026-09-05"
        );
        assert!(cell_text(&Data::Error(calamine::CellErrorType::Div0)).is_none());
    }
}
