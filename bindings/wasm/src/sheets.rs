//! The spreadsheet calls: the seekers and providers files (CSV, XLSX or ODS, as names and
//! bytes) read into an instance with the columns samman does not read carried by id, and the
//! coordinator's workbook and placements CSV written from a plan, in Swedish or English. All
//! of it is the core's `samman::sheets`; this only passes the bytes and the JSON.

use samman::Plan;
use samman::i18n::{Lang, Messages};
use samman::sheets::report::{self, ReportInput};
use samman::sheets::{self, PassThrough, Roster, SheetFile, write};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::calls::{argument, json, required};
use crate::failure::Failure;

/// The two files and the policy the people are planned with, as the exports take them.
#[derive(Debug, Clone, Copy)]
pub struct Sheets<'a> {
    /// The seekers' file.
    pub seekers: SheetFile<'a>,
    /// The providers' file.
    pub providers: SheetFile<'a>,
    /// The policy as JSON text (an instance's `policy`); empty: the default policy.
    pub policy: &'a str,
}

/// The people of the files, with the policy: what the plan was (or will be) made on.
fn roster(sheets: &Sheets<'_>) -> Result<Roster, Failure> {
    let mut roster = sheets::load_bytes(sheets.seekers, sheets.providers).map_err(|e| {
        // Which argument is wrong, for a program; the message names the file for a person.
        let side = match &e {
            sheets::LoadError::Sheet { file, .. } if file == sheets.providers.name => "providers",
            _ => "seekers",
        };
        Failure::from(e).at(side)
    })?;
    if !sheets.policy.trim().is_empty() {
        roster.instance.policy = sheets::parse_policy(sheets.policy)?;
    }
    Ok(roster)
}

/// The carried columns of one file: its name, the columns' headers, and per row (in the
/// instance's order) the id, the row number, the name when a column says name, the values.
fn carried(pass: &PassThrough, ids: impl Iterator<Item = String>) -> Value {
    let rows: Vec<Value> = ids
        .map(|id| {
            json!({
                "id": id,
                "row": pass.row(&id),
                "name": pass.name(&id),
                "values": pass.values(&id).unwrap_or_default(),
            })
        })
        .collect();
    json!({"file": pass.file(), "columns": pass.columns(), "rows": rows})
}

/// See [`crate::read_sheets`].
///
/// # Errors
/// A [`Failure`] whose `path` is `seekers` or `providers` (with the file, row and column in
/// the message and `row`, `column`), or the policy's path.
pub fn read_sheets(sheets: &Sheets<'_>) -> Result<String, Failure> {
    let roster = roster(sheets)?;
    let instance = &roster.instance;
    let seekers = instance.seekers.iter().map(|s| s.id.as_str().to_owned());
    let providers = instance.providers.iter().map(|p| p.id.as_str().to_owned());
    json(&json!({
        "instance": instance,
        "seekers": carried(&roster.seekers, seekers),
        "providers": carried(&roster.providers, providers),
    }))
}

/// See [`crate::is_providers_sheet`].
///
/// # Errors
/// A [`Failure`] for a file that cannot be read.
pub fn is_providers_sheet(file: SheetFile<'_>) -> Result<bool, Failure> {
    Ok(file.table()?.is_providers())
}

/// The options of the workbook.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct WorkbookOptions {
    /// `sv` or `en` (English when absent).
    lang: Option<String>,
    /// Whether to add the sheet of changes from the previous plan.
    changes: bool,
}

/// See [`crate::write_workbook`].
///
/// # Errors
/// A [`Failure`] for unreadable files, policy, plan or options, a plan that does not fit the
/// people, or a workbook that cannot be written.
pub fn write_workbook(sheets: &Sheets<'_>, plan: &str, options: &str) -> Result<Vec<u8>, Failure> {
    let options: WorkbookOptions = argument("options", options)?;
    let m = Messages::new(lang_of(&options)?);
    let sheets = with_report(sheets, plan, options.changes, |input| {
        report::workbook(input, &m)
    })?;
    write::xlsx(&sheets).map_err(|e| Failure::internal(&e))
}

/// See [`crate::not_placed`].
///
/// # Errors
/// A [`Failure`] for unreadable files, policy, plan or options, or a plan that does not fit the
/// people.
pub fn not_placed(sheets: &Sheets<'_>, plan: &str, options: &str) -> Result<String, Failure> {
    let options: WorkbookOptions = argument("options", options)?;
    let m = Messages::new(lang_of(&options)?);
    json(&with_report(sheets, plan, false, |input| {
        report::unplaced_words(input, &m)
    })?)
}

/// What the coordinator's outputs are computed from, for the people of the files and a plan
/// made on them: the validated session and the unplaced seekers' explanations.
fn with_report<T>(
    sheets: &Sheets<'_>,
    plan: &str,
    changes: bool,
    f: impl FnOnce(&ReportInput<'_>) -> T,
) -> Result<T, Failure> {
    let roster = roster(sheets)?;
    let plan: Plan = required("plan", plan)?;
    let session = session_of(&roster)?;
    let explanations = report::explain_unplaced(&session, &plan)?;
    Ok(f(&ReportInput {
        session: &session,
        roster: &roster,
        plan: &plan,
        explanations: &explanations,
        changes,
    }))
}

/// The language of the options: English when absent.
fn lang_of(options: &WorkbookOptions) -> Result<Lang, Failure> {
    match options.lang.as_deref() {
        None => Ok(Lang::En),
        Some(code) => Lang::parse(code)
            .ok_or_else(|| Failure::argument("options.lang", "expected `sv` or `en`")),
    }
}

/// See [`crate::write_placements_csv`].
///
/// # Errors
/// A [`Failure`] for unreadable files, policy or plan.
pub fn write_placements_csv(sheets: &Sheets<'_>, plan: &str) -> Result<Vec<u8>, Failure> {
    let roster = roster(sheets)?;
    let plan: Plan = required("plan", plan)?;
    write::placements_csv(&roster, &plan, roster.format).map_err(|e| Failure::internal(&e))
}

/// See [`crate::read_workbook`].
///
/// # Errors
/// A [`Failure`] for bytes that are not a workbook.
pub fn read_workbook(bytes: &[u8]) -> Result<String, Failure> {
    json(&sheets::workbook_text(bytes)?)
}

/// The prepared instance of the people read, validated as on every front.
fn session_of(roster: &Roster) -> Result<samman::Session, Failure> {
    samman::Session::new(roster.instance.clone()).map_err(Failure::from)
}
