//! Spreadsheets in: seekers and providers from the files coordinators keep (CSV, XLSX, ODS),
//! with the columns samman does not read (names, phone numbers, notes) carried through to the
//! outputs next to each id and never read.
//!
//! [`load`] is the one way the command and the bindings read people from files: an instance
//! JSON, or a seekers file and a providers file with an optional policy JSON.

mod charset;
mod headers;
mod office;
mod problem;
pub mod report;
mod text;
pub mod write;

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

pub use headers::{ALIASES, normalise};
pub(crate) use headers::{Header, classify};
pub use office::SheetText;
pub use problem::{Expected, Form, SheetProblem};

use crate::csv_io::{self, CsvError};
use crate::i18n::Messages;
use crate::model::{Instance, Policy};
use crate::validate::{ParseError, parse_json};

/// The kind of file a table was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SheetKind {
    /// Comma-, semicolon- or tab-separated text.
    Csv,
    /// An Office Open XML workbook (Excel).
    Xlsx,
    /// An OpenDocument spreadsheet (LibreOffice).
    Ods,
}

impl SheetKind {
    /// The kind a file name's extension says (`.csv`, `.tsv`, `.txt`, `.xlsx`, `.xlsm`, `.ods`).
    #[must_use]
    pub fn from_path(path: &Path) -> Option<Self> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "csv" | "tsv" | "txt" => Some(Self::Csv),
            "xlsx" | "xlsm" => Some(Self::Xlsx),
            "ods" => Some(Self::Ods),
            _ => None,
        }
    }
}

/// The separator of a CSV file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delimiter {
    /// `,`
    Comma,
    /// `;` (what Excel saves where the decimal separator is a comma, as in Swedish).
    Semicolon,
    /// A tab.
    Tab,
}

impl Delimiter {
    /// The separator as a byte.
    #[must_use]
    pub fn byte(self) -> u8 {
        match self {
            Self::Comma => b',',
            Self::Semicolon => b';',
            Self::Tab => b'\t',
        }
    }

    /// The separator's name in a message.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Comma => "comma",
            Self::Semicolon => "semicolon",
            Self::Tab => "tab",
        }
    }
}

/// The character encoding of a CSV file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEncoding {
    /// UTF-8 without a byte-order mark.
    Utf8,
    /// UTF-8 with a byte-order mark (Excel's "CSV UTF-8").
    Utf8Bom,
    /// UTF-16 with a byte-order mark (Excel's "Unicode text").
    Utf16,
    /// Windows-1252 (Excel's "CSV" on a Swedish or other western European Windows).
    Windows1252,
}

/// How a file was written, so that outputs can be written the same way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SheetFormat {
    /// The kind of file.
    pub kind: SheetKind,
    /// The separator (CSV only; a comma for workbooks).
    pub delimiter: Delimiter,
    /// The encoding (CSV only; UTF-8 for workbooks).
    pub encoding: TextEncoding,
}

impl Default for SheetFormat {
    fn default() -> Self {
        Self {
            kind: SheetKind::Csv,
            delimiter: Delimiter::Comma,
            encoding: TextEncoding::Utf8,
        }
    }
}

/// A sheet as text: the header and the rows that have a value, each with its number as the
/// spreadsheet shows it (the header is row 1 when it is the first row).
#[derive(Clone)]
pub struct Table {
    pub(crate) header: Vec<String>,
    pub(crate) rows: Vec<TableRow>,
    pub(crate) format: SheetFormat,
}

/// One row of a [`Table`].
#[derive(Clone)]
pub(crate) struct TableRow {
    pub(crate) number: u64,
    pub(crate) cells: Vec<String>,
}

impl Table {
    /// Read a table from a file's bytes.
    ///
    /// # Errors
    /// A [`CsvError`] at the row that cannot be read (row 0: the file as a whole).
    pub fn from_bytes(bytes: &[u8], kind: SheetKind) -> std::result::Result<Self, CsvError> {
        match kind {
            SheetKind::Csv => text::read_csv(bytes),
            SheetKind::Xlsx | SheetKind::Ods => office::read_workbook(bytes, kind),
        }
    }

    /// How the file was written.
    #[must_use]
    pub fn format(&self) -> SheetFormat {
        self.format
    }

    /// The number of rows under the header.
    #[must_use]
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether there is no row under the header.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Whether this is a providers file: a header names the capacity column (`capacity`,
    /// `platser`, `seats`, ...). How two files dropped together are told apart.
    #[must_use]
    pub fn is_providers(&self) -> bool {
        self.header.iter().any(|h| {
            classify(h, &csv_io::PROVIDER_COLUMNS, "host_extra.")
                == Header::Known("capacity".into())
        })
    }
}

impl fmt::Debug for Table {
    // The cells are people's data: never printed.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Table")
            .field("columns", &self.header.len())
            .field("rows", &self.rows.len())
            .field("format", &self.format)
            .finish()
    }
}

/// The columns of a file that samman does not read (a name, a phone number, notes), kept per
/// id so that they travel with the row into every output. Never read for matching, never in a
/// message; its `Debug` shows only counts.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct PassThrough {
    columns: Vec<String>,
    values: HashMap<String, Vec<String>>,
    rows: HashMap<String, u64>,
    /// The file, as given, for messages.
    file: String,
    /// The column samman reads -> its header as the file wrote it.
    headers: HashMap<String, String>,
}

impl PassThrough {
    pub(crate) fn new(columns: Vec<String>, headers: HashMap<String, String>) -> Self {
        Self {
            columns,
            headers,
            ..Self::default()
        }
    }

    /// A person or provider as a list names them: `Name (id)`, or the id alone.
    #[must_use]
    pub fn label(&self, id: &str) -> String {
        match self.name(id) {
            Some(name) => format!("{name} ({id})"),
            None => id.to_owned(),
        }
    }

    /// The header a column samman reads has in the file (`antal` for `party_size`).
    #[must_use]
    pub fn header(&self, column: &str) -> Option<&str> {
        self.headers.get(column).map(String::as_str)
    }

    /// The file the rows were read from, as given (empty when read from JSON).
    #[must_use]
    pub fn file(&self) -> &str {
        &self.file
    }

    pub(crate) fn insert(&mut self, id: &str, row: u64, values: Vec<String>) {
        self.rows.entry(id.to_owned()).or_insert(row);
        if !self.columns.is_empty() {
            self.values.entry(id.to_owned()).or_insert(values);
        }
    }

    /// The headers of the carried columns, as the file wrote them.
    #[must_use]
    pub fn columns(&self) -> &[String] {
        &self.columns
    }

    /// The carried values of an id's row, in the order of [`PassThrough::columns`].
    #[must_use]
    pub fn values(&self, id: &str) -> Option<&[String]> {
        self.values.get(id).map(Vec::as_slice)
    }

    /// The row an id was read from, as the spreadsheet numbers it.
    #[must_use]
    pub fn row(&self, id: &str) -> Option<u64> {
        self.rows.get(id).copied()
    }

    /// The person's name, from the first carried column whose header says name (`name`,
    /// `namn`, `first name`, `förnamn`, ...), when it has a value.
    #[must_use]
    pub fn name(&self, id: &str) -> Option<&str> {
        let column = self.columns.iter().position(|c| {
            let c = normalise(c);
            [
                "name",
                "namn",
                "first_name",
                "förnamn",
                "full_name",
                "fullständigt_namn",
            ]
            .contains(&c.as_str())
        })?;
        let value = self.values.get(id)?.get(column)?.trim();
        (!value.is_empty()).then_some(value)
    }
}

impl fmt::Debug for PassThrough {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PassThrough")
            .field("columns", &self.columns.len())
            .field("rows", &self.rows.len())
            .finish()
    }
}

/// People read from files: the instance, and per side the carried columns and the rows.
#[derive(Debug, Clone, Default)]
pub struct Roster {
    /// The instance to plan.
    pub instance: Instance,
    /// The seekers file's carried columns (empty when read from JSON).
    pub seekers: PassThrough,
    /// The providers file's carried columns (empty when read from JSON).
    pub providers: PassThrough,
    /// How the seekers file was written (UTF-8 CSV with commas when read from JSON).
    pub format: SheetFormat,
}

impl Roster {
    /// Where a validation problem's path (`seekers[5].party_size`) points in the spreadsheets:
    /// `gaster.csv, row 7, column antal`. `None` for a path outside the sheets (the policy) or
    /// an instance read from JSON.
    #[must_use]
    pub fn locate(&self, path: &str) -> Option<String> {
        crate::i18n::with_english(|m| self.locate_in(m, path))
    }

    /// [`Roster::locate`] in `m`'s language: `gaster.csv, rad 7, kolumn antal`.
    #[must_use]
    pub fn locate_in(&self, m: &crate::i18n::Messages, path: &str) -> Option<String> {
        let (pass, rest, ids): (&PassThrough, &str, Vec<&str>) =
            if let Some(rest) = path.strip_prefix("seekers[") {
                let ids = self
                    .instance
                    .seekers
                    .iter()
                    .map(|s| s.id.as_str())
                    .collect();
                (&self.seekers, rest, ids)
            } else if let Some(rest) = path.strip_prefix("providers[") {
                let ids = self
                    .instance
                    .providers
                    .iter()
                    .map(|p| p.id.as_str())
                    .collect();
                (&self.providers, rest, ids)
            } else {
                return None;
            };
        if pass.file.is_empty() {
            return None;
        }
        let (index, field) = rest.split_once(']')?;
        let id = ids.get(index.parse::<usize>().ok()?)?;
        let row = pass.row(id)?;
        let mut segments = field
            .trim_start_matches('.')
            .split(['.', '['])
            .filter(|s| !s.is_empty() && !s.ends_with(']'));
        let column = match segments.next() {
            None => {
                return Some(m.text(
                    "at-row",
                    &[("file", pass.file.as_str().into()), ("row", row.into())],
                ));
            }
            Some("profile" | "verification" | "reliability") => segments.next()?.to_owned(),
            Some("host_profile") => format!("host_{}", segments.next()?),
            Some("location") => "lat".to_owned(),
            Some(other) => other.to_owned(),
        };
        let header = pass.header(&column).unwrap_or(&column);
        Some(m.text(
            "at-cell",
            &[
                ("file", pass.file.as_str().into()),
                ("row", row.into()),
                ("column", header.into()),
            ],
        ))
    }
}

/// Where the people come from: an instance JSON, or a seekers file and a providers file (CSV,
/// XLSX or ODS) with an optional policy JSON.
#[derive(Debug, Clone, Default)]
pub struct Source {
    /// An instance JSON file.
    pub instance: Option<PathBuf>,
    /// The seekers' spreadsheet.
    pub seekers: Option<PathBuf>,
    /// The providers' spreadsheet.
    pub providers: Option<PathBuf>,
    /// A policy JSON file (an object as the `policy` of an instance).
    pub policy: Option<PathBuf>,
}

/// Why people could not be read from files. Every message names the file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LoadError {
    /// The files given do not make one input.
    #[error("{0}")]
    Usage(Usage),
    /// A file cannot be opened.
    #[error("{file}: cannot be opened ({reason})")]
    Open {
        /// The file, as given.
        file: String,
        /// Why.
        reason: OpenReason,
    },
    /// A spreadsheet with a problem at a row and column.
    #[error("{file}: {error}")]
    Sheet {
        /// The file, as given.
        file: String,
        /// The problem.
        error: CsvError,
    },
    /// A JSON file with a problem at a path.
    #[error("{file}: {}", json_text(error))]
    Json {
        /// The file, as given.
        file: String,
        /// The problem.
        error: ParseError,
    },
}

impl LoadError {
    /// The error in `m`'s language: the file, then what is wrong there.
    #[must_use]
    pub fn text(&self, m: &Messages) -> String {
        match self {
            LoadError::Usage(usage) => usage.text(m),
            LoadError::Open { file, reason } => m.text(
                "load-open",
                &[
                    ("file", file.as_str().into()),
                    ("reason", reason.text(m).into()),
                ],
            ),
            LoadError::Sheet { file, error } => m.text(
                "load-file",
                &[
                    ("file", file.as_str().into()),
                    ("message", error.text(m).into()),
                ],
            ),
            LoadError::Json { file, error } => m.text(
                "load-file",
                &[
                    ("file", file.as_str().into()),
                    ("message", json_text_in(m, error).into()),
                ],
            ),
        }
    }
}

/// Files given that do not make one input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Usage {
    /// A policy file with an instance file.
    PolicyWithInstance,
    /// An instance file and spreadsheets.
    Both,
    /// Seekers without providers.
    SeekersAlone,
    /// Providers without seekers.
    ProvidersAlone,
    /// No file.
    Nothing,
}

impl Usage {
    fn id(self) -> &'static str {
        match self {
            Self::PolicyWithInstance => "usage-policy-with-instance",
            Self::Both => "usage-both",
            Self::SeekersAlone => "usage-seekers-alone",
            Self::ProvidersAlone => "usage-providers-alone",
            Self::Nothing => "usage-nothing",
        }
    }

    /// What to give instead, in `m`'s language.
    #[must_use]
    pub fn text(self, m: &Messages) -> String {
        m.get(self.id())
    }
}

impl fmt::Display for Usage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::i18n::with_english(|m| self.text(m)))
    }
}

/// Why a file cannot be opened.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum OpenReason {
    /// There is no such file.
    NotFound,
    /// The system does not let samman read it.
    PermissionDenied,
    /// Another reason, as the system says it.
    Other(String),
}

impl OpenReason {
    /// The reason in `m`'s language (another reason as the system says it).
    #[must_use]
    pub fn text(&self, m: &Messages) -> String {
        match self {
            Self::NotFound => m.get("load-no-such-file"),
            Self::PermissionDenied => m.get("load-permission-denied"),
            Self::Other(reason) => reason.clone(),
        }
    }
}

impl fmt::Display for OpenReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::i18n::with_english(|m| self.text(m)))
    }
}

/// A JSON reading problem in plain words: where (the field's path, or the line and column
/// for a document that is not JSON) and what, without the value read.
#[must_use]
pub fn json_text(error: &ParseError) -> String {
    crate::i18n::with_english(|m| json_text_in(m, error))
}

/// [`json_text`] in `m`'s language.
#[must_use]
pub fn json_text_in(m: &Messages, error: &ParseError) -> String {
    json_place_in(m, &error.path, error.line, error.column, &error.message)
}

/// serde's `message` at `path` (`.` for the document), `line` and `column` (0: none) in plain
/// words in `m`'s language.
pub(crate) fn json_place_in(
    m: &Messages,
    path: &str,
    line: usize,
    column: usize,
    message: &str,
) -> String {
    let mut message = crate::plain::JsonProblem::read(message).text(m);
    if path != "." && !path.is_empty() {
        message = m.text(
            "json-at",
            &[("path", path.into()), ("message", message.into())],
        );
    }
    if line > 0 {
        message = m.text(
            "json-line",
            &[
                ("message", message.into()),
                ("line", line.into()),
                ("column", column.into()),
            ],
        );
    }
    message
}

/// A `Result` with a [`LoadError`].
pub type Result<T> = std::result::Result<T, LoadError>;

fn read_file(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| LoadError::Open {
        file: path.display().to_string(),
        reason: match e.kind() {
            std::io::ErrorKind::NotFound => OpenReason::NotFound,
            std::io::ErrorKind::PermissionDenied => OpenReason::PermissionDenied,
            _ => OpenReason::Other(e.to_string()),
        },
    })
}

/// Read a spreadsheet file into a table, by its extension (CSV for any other).
///
/// # Errors
/// A [`LoadError`] naming the file.
pub fn read_table(path: &Path) -> Result<Table> {
    let bytes = read_file(path)?;
    SheetFile {
        name: &path.display().to_string(),
        bytes: &bytes,
    }
    .table()
}

/// A spreadsheet file in memory, as a browser or an upload gives it: its name (for messages,
/// and its kind by the extension) and its bytes.
#[derive(Clone, Copy)]
pub struct SheetFile<'a> {
    /// The file's name as the person chose it (`deltagare.xlsx`).
    pub name: &'a str,
    /// Its contents.
    pub bytes: &'a [u8],
}

impl SheetFile<'_> {
    /// The kind its name's extension says; CSV for any other, as for a file on disk.
    #[must_use]
    pub fn kind(&self) -> SheetKind {
        SheetKind::from_path(Path::new(self.name)).unwrap_or(SheetKind::Csv)
    }

    /// Read it into a table.
    ///
    /// # Errors
    /// A [`LoadError::Sheet`] naming the file, with the row and column.
    pub fn table(&self) -> Result<Table> {
        Table::from_bytes(self.bytes, self.kind()).map_err(|error| LoadError::Sheet {
            file: self.name.to_owned(),
            error,
        })
    }
}

impl fmt::Debug for SheetFile<'_> {
    // The bytes are people's data: never printed.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SheetFile")
            .field("name", &self.name)
            .field("bytes", &self.bytes.len())
            .finish()
    }
}

/// Read seekers and providers from two files in memory (CSV, XLSX or ODS, by the names'
/// extensions), as [`load`] reads two files from disk: the instance with the default policy,
/// and the carried columns by id. How the web binding reads the files a coordinator drops.
///
/// # Errors
/// A [`LoadError::Sheet`] naming the file, with the row and column.
///
/// # Example
/// ```
/// use samman::sheets::{load_bytes, SheetFile};
///
/// let seekers = SheetFile { name: "guests.csv", bytes: b"id;name;antal\ng1;Saida;2\n" };
/// let providers = SheetFile { name: "hosts.csv", bytes: b"id,namn,platser\nd1,\xc3\x85sa,4\n" };
/// let roster = load_bytes(seekers, providers)?;
/// assert_eq!(roster.instance.seekers[0].party_size, 2);
/// assert_eq!(roster.seekers.name("g1"), Some("Saida"));
/// assert_eq!(roster.providers.name("d1"), Some("\u{c5}sa"));
/// # Ok::<(), samman::sheets::LoadError>(())
/// ```
pub fn load_bytes(seekers: SheetFile<'_>, providers: SheetFile<'_>) -> Result<Roster> {
    roster_from_tables(
        (&seekers.table()?, seekers.name),
        (&providers.table()?, providers.name),
    )
}

/// The people of a seekers table and a providers table, each with its file's name.
fn roster_from_tables(seekers: (&Table, &str), providers: (&Table, &str)) -> Result<Roster> {
    let sheet = |file: &str| {
        let file = file.to_owned();
        move |error| LoadError::Sheet { file, error }
    };
    let (seeker_list, mut seeker_pass) =
        csv_io::seekers_from_table(seekers.0).map_err(sheet(seekers.1))?;
    let (provider_list, mut provider_pass) =
        csv_io::providers_from_table(providers.0).map_err(sheet(providers.1))?;
    seeker_pass.file = seekers.1.to_owned();
    provider_pass.file = providers.1.to_owned();
    let mut instance = Instance::new();
    instance.seekers = seeker_list;
    instance.providers = provider_list;
    instance.hosts = csv_io::hosts_from_table(providers.0).map_err(sheet(providers.1))?;
    Ok(Roster {
        instance,
        seekers: seeker_pass,
        providers: provider_pass,
        format: seekers.0.format,
    })
}

/// Seekers from a table, with the columns samman does not read carried by id.
///
/// # Errors
/// The first problem, with its row and column.
pub fn seekers_from_table(
    table: &Table,
) -> std::result::Result<(Vec<crate::model::Seeker>, PassThrough), CsvError> {
    csv_io::seekers_from_table(table)
}

/// Providers from a table, with the columns samman does not read carried by id.
///
/// # Errors
/// The first problem, with its row and column.
pub fn providers_from_table(
    table: &Table,
) -> std::result::Result<(Vec<crate::model::Provider>, PassThrough), CsvError> {
    csv_io::providers_from_table(table)
}

/// Every sheet of an XLSX or ODS workbook as text cells, in the workbook's order: how a
/// workbook samman wrote (the coordinator's lists) is read back, on any front.
///
/// # Errors
/// A [`CsvError`] for bytes that are not a workbook (row 0), or a cell that shows an error.
pub fn workbook_text(bytes: &[u8]) -> std::result::Result<Vec<SheetText>, CsvError> {
    office::workbook_text(bytes)
}

/// Read a policy from JSON text (an object as the `policy` of an instance).
///
/// # Errors
/// A [`ParseError`] whose path starts at `policy`.
pub fn parse_policy(text: &str) -> std::result::Result<Policy, ParseError> {
    // The instance parser's messages and privacy rules, applied to the policy alone.
    let wrapped = format!(
        "{{\"version\":{},\"policy\":\n{text}\n}}",
        crate::model::FORMAT_VERSION
    );
    parse_json(&wrapped).map(|i| i.policy).map_err(|mut e| {
        e.line = e.line.saturating_sub(1);
        e
    })
}

/// Read the people of a [`Source`].
///
/// # Errors
/// A [`LoadError`] naming the file, and in it the row and column or the JSON path.
pub fn load(source: &Source) -> Result<Roster> {
    match (&source.instance, &source.seekers, &source.providers) {
        (Some(path), None, None) => {
            if source.policy.is_some() {
                return Err(LoadError::Usage(Usage::PolicyWithInstance));
            }
            let bytes = read_file(path)?;
            let text = String::from_utf8_lossy(&bytes);
            let instance = parse_json(&text).map_err(|error| LoadError::Json {
                file: path.display().to_string(),
                error,
            })?;
            Ok(Roster {
                instance,
                ..Roster::default()
            })
        }
        (None, Some(seekers), Some(providers)) => {
            let mut roster = roster_from_tables(
                (&read_table(seekers)?, &seekers.display().to_string()),
                (&read_table(providers)?, &providers.display().to_string()),
            )?;
            if let Some(path) = &source.policy {
                let bytes = read_file(path)?;
                roster.instance.policy =
                    parse_policy(&String::from_utf8_lossy(&bytes)).map_err(|error| {
                        LoadError::Json {
                            file: path.display().to_string(),
                            error,
                        }
                    })?;
            }
            Ok(roster)
        }
        (Some(_), _, _) => Err(LoadError::Usage(Usage::Both)),
        (None, Some(_), None) => Err(LoadError::Usage(Usage::SeekersAlone)),
        (None, None, Some(_)) => Err(LoadError::Usage(Usage::ProvidersAlone)),
        (None, None, None) => Err(LoadError::Usage(Usage::Nothing)),
    }
}
