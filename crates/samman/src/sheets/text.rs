//! CSV files as spreadsheets save them: UTF-8 with or without a byte-order mark, UTF-16 with
//! one (Excel's "Unicode text"), or Windows-1252 (Swedish Excel's "CSV"); separated by commas,
//! semicolons or tabs.

use super::{
    Delimiter, SheetFormat, SheetKind, SheetProblem, Table, TableRow, TextEncoding, charset,
};
use crate::csv_io::CsvError;

/// Decode a CSV file's bytes, detecting the encoding.
pub(crate) fn decode(bytes: &[u8]) -> (String, TextEncoding) {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return (
            String::from_utf8_lossy(rest).into_owned(),
            TextEncoding::Utf8Bom,
        );
    }
    for (bom, big_endian) in [(b"\xFF\xFE", false), (b"\xFE\xFF", true)] {
        if let Some(rest) = bytes.strip_prefix(bom) {
            return (charset::decode_utf16(rest, big_endian), TextEncoding::Utf16);
        }
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_owned(), TextEncoding::Utf8),
        // Every byte is a character in Windows-1252, so this never fails: a file in another
        // 8-bit encoding reads with wrong letters but the right structure.
        Err(_) => (
            charset::decode_windows_1252(bytes),
            TextEncoding::Windows1252,
        ),
    }
}

/// The delimiter of the header line: the most frequent of comma, semicolon and tab outside
/// quotes (a comma on a tie, and for a header of one column).
pub(crate) fn detect_delimiter(text: &str) -> Delimiter {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' | '\r' if !quoted => break,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = [Delimiter::Comma, Delimiter::Semicolon, Delimiter::Tab]
        .into_iter()
        .zip(counts)
        .rev()
        .max_by_key(|(_, n)| *n)
        .map_or(Delimiter::Comma, |(d, _)| d);
    if counts.iter().all(|&n| n == 0) {
        Delimiter::Comma
    } else {
        best
    }
}

/// Read a CSV file into a table: the header row and every row that has a value.
pub(crate) fn read_csv(bytes: &[u8]) -> Result<Table, CsvError> {
    let (text, encoding) = decode(bytes);
    // Windows line ends would shift the csv reader's line count (it counts a record's start
    // before the `\n` of a `\r\n`); as plain `\n` the row numbers are the spreadsheet's.
    let text = if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    };
    let delimiter = detect_delimiter(&text);
    let mut csv = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter.byte())
        .from_reader(text.as_bytes());
    let mut header: Option<Vec<String>> = None;
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    let bytes = text.as_bytes();
    let (mut counted, mut lines_before, mut breaks_in_cells) = (0, 0, 0);
    loop {
        let line = csv.position().line();
        match csv.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                // A line break inside a quoted cell is a new line of text but not a new row.
                // The reader's own line count is off after blank lines: count from the bytes.
                let mut start = record.position().map_or(0, |p| p.byte() as usize);
                while bytes.get(start) == Some(&b'\n') {
                    start += 1;
                }
                lines_before += bytes[counted.min(start)..start]
                    .iter()
                    .filter(|&&b| b == b'\n')
                    .count() as u64;
                counted = counted.max(start);
                let number = lines_before + 1 - breaks_in_cells;
                breaks_in_cells += record
                    .iter()
                    .map(|c| c.matches('\n').count() as u64)
                    .sum::<u64>();
                if record.iter().all(|c| c.trim().is_empty()) {
                    continue;
                }
                let cells: Vec<String> = record.iter().map(str::to_owned).collect();
                match &header {
                    None => header = Some(cells),
                    Some(h)
                        if cells.len() > h.len()
                            && cells[h.len()..].iter().any(|c| !c.trim().is_empty()) =>
                    {
                        return Err(CsvError::new(
                            number,
                            String::new(),
                            SheetProblem::TooManyCells {
                                cells: cells.len(),
                                header: h.len(),
                                delimiter,
                            },
                        ));
                    }
                    Some(_) => rows.push(TableRow { number, cells }),
                }
            }
            Err(e) => {
                return Err(CsvError::new(
                    e.position().map_or(line, csv::Position::line),
                    String::new(),
                    SheetProblem::NotCsv,
                ));
            }
        }
    }
    Ok(Table {
        header: header.unwrap_or_default(),
        rows,
        format: SheetFormat {
            kind: SheetKind::Csv,
            delimiter,
            encoding,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delimiters() {
        assert_eq!(
            detect_delimiter("id;namn;antal\n1;a,b;2"),
            Delimiter::Semicolon
        );
        assert_eq!(detect_delimiter("id,name\n"), Delimiter::Comma);
        assert_eq!(detect_delimiter("id\tname\n"), Delimiter::Tab);
        assert_eq!(detect_delimiter("\"a;b\",c\n"), Delimiter::Comma);
        assert_eq!(detect_delimiter("id\n"), Delimiter::Comma);
    }

    #[test]
    fn rows_are_numbered_as_the_spreadsheet_shows_them() {
        let table = read_csv(b"id,note\r\na,\"two\r\nlines\"\r\n\r\nb,x\r\n").unwrap();
        let numbers: Vec<u64> = table.rows.iter().map(|r| r.number).collect();
        assert_eq!(numbers, [2, 4]);
        assert_eq!(table.rows[0].cells[1], "two\nlines");
    }

    #[test]
    fn encodings() {
        assert_eq!(decode(b"\xEF\xBB\xBFid").1, TextEncoding::Utf8Bom);
        let (text, encoding) = decode(b"namn\n\xc5sa \xf6");
        assert_eq!(
            (text.as_str(), encoding),
            ("namn\nÅsa ö", TextEncoding::Windows1252)
        );
        let (text, encoding) = decode("Åsa".as_bytes());
        assert_eq!((text.as_str(), encoding), ("Åsa", TextEncoding::Utf8));
        let (text, encoding) = decode(b"\xFF\xFEi\0d\0");
        assert_eq!((text.as_str(), encoding), ("id", TextEncoding::Utf16));
    }
}
