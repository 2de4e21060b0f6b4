//! What a problem reading a spreadsheet says, as a message id of `en.ftl` and `sv.ftl` with
//! its arguments: the English text is [`CsvError::message`](crate::csv_io::CsvError), the
//! stable form; a report says it in the reader's language.
//!
//! A cell's value is never an argument: a bad value is described by its [`Form`].

use crate::i18n::{Arg, Messages};

use super::Delimiter;

/// The form of a value, for a message that must not repeat it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// Nothing but spaces.
    EmptyCell,
    /// Digits, with a sign or not.
    WholeNumber,
    /// Digits with a decimal point or comma.
    Decimal,
    /// Something that starts as a date `YYYY-MM-DD`.
    Date,
    /// Text with a digit in it.
    TextWithDigits,
    /// Text.
    Text,
}

impl Form {
    /// The form of `value`: `4 personer` is a text with digits, `2026-13-01` a date.
    #[must_use]
    pub fn of(value: &str) -> Self {
        let value = value.trim();
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if value.is_empty() {
            Self::EmptyCell
        } else if digits(value.trim_start_matches(['-', '+'])) {
            Self::WholeNumber
        } else if value
            .split_once(['.', ','])
            .is_some_and(|(a, b)| digits(a.trim_start_matches(['-', '+'])) && digits(b))
        {
            Self::Decimal
        } else if value.len() >= 10
            && value.as_bytes()[4] == b'-'
            && value.as_bytes()[7] == b'-'
            && digits(&value[..4])
        {
            Self::Date
        } else if value.bytes().any(|b| b.is_ascii_digit()) {
            Self::TextWithDigits
        } else {
            Self::Text
        }
    }

    fn id(self) -> &'static str {
        match self {
            Self::EmptyCell => "form-empty-cell",
            Self::WholeNumber => "form-whole-number",
            Self::Decimal => "form-decimal",
            Self::Date => "form-date",
            Self::TextWithDigits => "form-text-with-digits",
            Self::Text => "form-text",
        }
    }

    /// Every form, for tests.
    pub const ALL: [Self; 6] = [
        Self::EmptyCell,
        Self::WholeNumber,
        Self::Decimal,
        Self::Date,
        Self::TextWithDigits,
        Self::Text,
    ];
}

/// What a column expects, with an example.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Expected {
    /// A whole number of people (`party_size`, `host_size`).
    People,
    /// A distance in km.
    Km,
    /// A date.
    Date,
    /// A number (`priority`).
    Number,
    /// The places a party takes.
    Seats,
    /// How many providers a seeker wants.
    Wants,
    /// Yes or no.
    YesNo,
    /// newcomer or established.
    Origin,
    /// female, male, mixed or other.
    Gender,
    /// `code:level` items.
    Languages,
    /// Known diets.
    Diets,
    /// A dated window.
    DatedWindow,
    /// A weekly or dated window.
    Window,
    /// A latitude.
    Latitude,
    /// A longitude.
    Longitude,
    /// The events a host takes on.
    Events,
    /// A whole number of seats (`capacity`, `minimum`).
    Capacity,
    /// A provider's kind.
    Kind,
    /// A whole number (`completed`, `cancelled`, `no_show`).
    Count,
    /// A provider's status.
    Status,
}

impl Expected {
    fn id(self) -> &'static str {
        match self {
            Self::People => "expected-people",
            Self::Km => "expected-km",
            Self::Date => "expected-date",
            Self::Number => "expected-number",
            Self::Seats => "expected-seats",
            Self::Wants => "expected-wants",
            Self::YesNo => "expected-yes-no",
            Self::Origin => "expected-origin",
            Self::Gender => "expected-gender",
            Self::Languages => "expected-languages",
            Self::Diets => "expected-diets",
            Self::DatedWindow => "expected-dated-window",
            Self::Window => "expected-window",
            Self::Latitude => "expected-latitude",
            Self::Longitude => "expected-longitude",
            Self::Events => "expected-events",
            Self::Capacity => "expected-capacity",
            Self::Kind => "expected-kind",
            Self::Count => "expected-count",
            Self::Status => "expected-status",
        }
    }

    /// Every expectation, for tests.
    pub const ALL: [Self; 20] = [
        Self::People,
        Self::Km,
        Self::Date,
        Self::Number,
        Self::Seats,
        Self::Wants,
        Self::YesNo,
        Self::Origin,
        Self::Gender,
        Self::Languages,
        Self::Diets,
        Self::DatedWindow,
        Self::Window,
        Self::Latitude,
        Self::Longitude,
        Self::Events,
        Self::Capacity,
        Self::Kind,
        Self::Count,
        Self::Status,
    ];
}

/// What is wrong in a spreadsheet, one variant per message.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum SheetProblem {
    /// A value of the wrong form.
    Bad {
        /// What the cell holds.
        found: Form,
        /// What the column expects.
        expected: Expected,
    },
    /// One coordinate without the other.
    MissingWhileGiven {
        /// The column that is given (`lat` or `lon`).
        other: String,
    },
    /// An `accepts` item without `:`.
    AcceptsItems,
    /// A required cell that is empty.
    EmptyCell,
    /// `host_max_events` without a host.
    NeedsHost,
    /// `host_max_events` that differs between rows of one host.
    DiffersFromRow {
        /// The row that gave it first.
        first: u64,
    },
    /// A file with no header.
    EmptyFile,
    /// A header that looks like a known column misspelt.
    Misspelt {
        /// The known column.
        column: String,
    },
    /// A column given twice.
    ColumnTwice,
    /// A required column that is not there.
    RequiredColumn,
    /// A row with more cells than the header.
    TooManyCells {
        /// Cells in the row.
        cells: usize,
        /// Cells in the header.
        header: usize,
        /// The file's separator.
        delimiter: Delimiter,
    },
    /// Text that is not CSV.
    NotCsv,
    /// A workbook without a sheet.
    NoSheet,
    /// A first sheet that cannot be read.
    FirstSheetUnreadable,
    /// Bytes that are not an XLSX or ODS workbook.
    NotWorkbook,
    /// A cell that shows a formula's error.
    CellError,
    /// A cell that shows a formula's error, in a workbook read back.
    CellErrorReadBack,
    /// The bytes cannot be read (the system's words).
    CannotRead {
        /// Why, as the system says it.
        reason: String,
    },
    /// The plan cannot be written (the system's words).
    CannotWrite {
        /// Why, as the system says it.
        reason: String,
    },
    /// A message samman has in English only.
    Other {
        /// The message.
        message: String,
    },
}

impl SheetProblem {
    /// The message id in `en.ftl` and `sv.ftl` (`Other` has none) and its arguments; `Bad`'s
    /// arguments are the form and the expectation said in `m`'s language.
    fn message(&self, m: &Messages) -> (&'static str, Vec<(&'static str, Arg)>) {
        let text = |s: &String| Arg::from(s.as_str());
        match self {
            Self::Bad { found, expected } => (
                "sheet-bad",
                vec![
                    ("found", m.get(found.id()).into()),
                    ("expected", m.get(expected.id()).into()),
                ],
            ),
            Self::MissingWhileGiven { other } => {
                ("sheet-missing-while-given", vec![("other", text(other))])
            }
            Self::AcceptsItems => ("sheet-accepts-items", vec![]),
            Self::EmptyCell => ("sheet-empty-cell", vec![]),
            Self::NeedsHost => ("sheet-needs-host", vec![]),
            Self::DiffersFromRow { first } => {
                ("sheet-differs-from-row", vec![("first", (*first).into())])
            }
            Self::EmptyFile => ("sheet-empty-file", vec![]),
            Self::Misspelt { column } => ("sheet-misspelt", vec![("column", text(column))]),
            Self::ColumnTwice => ("sheet-column-twice", vec![]),
            Self::RequiredColumn => ("sheet-required-column", vec![]),
            Self::TooManyCells {
                cells,
                header,
                delimiter,
            } => (
                "sheet-too-many-cells",
                vec![
                    ("cells", (*cells).into()),
                    ("header", (*header).into()),
                    ("delimiter", delimiter.name().into()),
                ],
            ),
            Self::NotCsv => ("sheet-not-csv", vec![]),
            Self::NoSheet => ("sheet-no-sheet", vec![]),
            Self::FirstSheetUnreadable => ("sheet-first-sheet-unreadable", vec![]),
            Self::NotWorkbook => ("sheet-not-workbook", vec![]),
            Self::CellError => ("sheet-cell-error", vec![]),
            Self::CellErrorReadBack => ("sheet-cell-error-read-back", vec![]),
            Self::CannotRead { reason } => ("sheet-cannot-read", vec![("reason", text(reason))]),
            Self::CannotWrite { reason } => ("sheet-cannot-write", vec![("reason", text(reason))]),
            Self::Other { message } => ("", vec![("message", text(message))]),
        }
    }

    /// The message in `m`'s language.
    #[must_use]
    pub fn text(&self, m: &Messages) -> String {
        match self {
            Self::Other { message } => message.clone(),
            _ => {
                let (id, args) = self.message(m);
                m.text(id, &args)
            }
        }
    }

    /// The message in English: what [`CsvError::message`](crate::csv_io::CsvError) holds.
    #[must_use]
    pub fn english(&self) -> String {
        crate::i18n::with_english(|m| self.text(m))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    /// One of every problem (but `Other`), with arguments; `Bad` with every form and every
    /// expectation.
    fn every_problem() -> Vec<SheetProblem> {
        use SheetProblem as P;
        let mut all: Vec<SheetProblem> = Form::ALL
            .into_iter()
            .flat_map(|found| {
                Expected::ALL
                    .into_iter()
                    .map(move |expected| P::Bad { found, expected })
            })
            .collect();
        all.extend([
            P::MissingWhileGiven {
                other: "lat".into(),
            },
            P::AcceptsItems,
            P::EmptyCell,
            P::NeedsHost,
            P::DiffersFromRow { first: 3 },
            P::EmptyFile,
            P::Misspelt {
                column: "capacity".into(),
            },
            P::ColumnTwice,
            P::RequiredColumn,
            P::NotCsv,
            P::NoSheet,
            P::FirstSheetUnreadable,
            P::NotWorkbook,
            P::CellError,
            P::CellErrorReadBack,
            P::CannotRead {
                reason: "broken pipe".into(),
            },
            P::CannotWrite {
                reason: "broken pipe".into(),
            },
        ]);
        for delimiter in [Delimiter::Comma, Delimiter::Semicolon, Delimiter::Tab] {
            all.push(P::TooManyCells {
                cells: 5,
                header: 4,
                delimiter,
            });
        }
        // A new problem must be added above: this match has no wildcard.
        let covered = |p: &SheetProblem| match p {
            P::Bad { .. }
            | P::MissingWhileGiven { .. }
            | P::AcceptsItems
            | P::EmptyCell
            | P::NeedsHost
            | P::DiffersFromRow { .. }
            | P::EmptyFile
            | P::Misspelt { .. }
            | P::ColumnTwice
            | P::RequiredColumn
            | P::TooManyCells { .. }
            | P::NotCsv
            | P::NoSheet
            | P::FirstSheetUnreadable
            | P::NotWorkbook
            | P::CellError
            | P::CellErrorReadBack
            | P::CannotRead { .. }
            | P::CannotWrite { .. } => true,
            P::Other { .. } => false,
        };
        assert!(all.iter().all(covered));
        all
    }

    #[test]
    fn every_problem_is_said_in_both_languages_with_its_arguments() {
        let mut ids = std::collections::BTreeSet::new();
        for lang in [Lang::En, Lang::Sv] {
            let m = Messages::new(lang);
            for id in Form::ALL
                .iter()
                .map(|f| f.id())
                .chain(Expected::ALL.iter().map(|e| e.id()))
            {
                m.checked_text(id, &[])
                    .unwrap_or_else(|e| panic!("{lang}.ftl, {id}: {e}"));
            }
            for problem in every_problem() {
                let (id, args) = problem.message(&m);
                ids.insert(id);
                let text = m
                    .checked_text(id, &args)
                    .unwrap_or_else(|e| panic!("{lang}.ftl, {id}: {e}"));
                assert!(
                    !text.contains("{ $") && !text.contains("{$"),
                    "{lang} {id}: {text}"
                );
                assert!(!text.is_empty() && text != id, "{lang} {id}");
            }
        }
        assert_eq!(ids.len(), 19, "one of every problem");
        let sv = Messages::new(Lang::Sv);
        let bad = SheetProblem::Bad {
            found: Form::of("4 personer"),
            expected: Expected::People,
        };
        assert_eq!(
            bad.english(),
            "found a text with digits; expected a whole number of people, such as 2"
        );
        assert!(bad.text(&sv).contains("2"), "{}", bad.text(&sv));
    }

    #[test]
    fn forms() {
        assert_eq!(Form::of("4 personer"), Form::TextWithDigits);
        assert_eq!(Form::of("två"), Form::Text);
        assert_eq!(Form::of("2,5"), Form::Decimal);
        assert_eq!(Form::of("-3"), Form::WholeNumber);
        assert_eq!(Form::of("2026-13-01"), Form::Date);
        assert_eq!(Form::of(" "), Form::EmptyCell);
    }
}
