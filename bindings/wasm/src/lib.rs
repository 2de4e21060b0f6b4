//! WebAssembly binding of samman: the core's functions with JSON text in and out, for the
//! `loadSamman()` loader of the npm package (`pkg/index.js`), which parses and stringifies.
//!
//! The binding only translates: every rule, figure and message comes from `samman`. Each
//! export is a few lines: read the JSON arguments ([`calls`]), call the core, write its answer
//! as the command's `--json` writes it, and turn a failure into a JS `Error` with `kind` and
//! `path` ([`failure`]).

pub mod calls;
pub mod failure;
pub mod sheets;

use wasm_bindgen::prelude::*;

use failure::Failure;
use samman::sheets::SheetFile;

/// A result for JavaScript: the JSON text, or a thrown `Error` with `kind` and `path`.
type JsResult = Result<String, JsValue>;

fn js(result: Result<String, Failure>) -> JsResult {
    result.map_err(|f| f.into_js())
}

/// The check of an instance, as `samman validate --json` prints it: `{"valid", "problems"}`,
/// or `{"valid": false, "parse_error"}` when the text is not an instance.
#[wasm_bindgen]
#[must_use]
pub fn validate(instance: &str) -> String {
    calls::validate(instance)
}

/// Solve an instance with options (`samman::solve::Options` as JSON); the plan as
/// `samman solve` writes it.
///
/// # Errors
/// An `Error` whose `kind` and `path` say what is wrong.
#[wasm_bindgen]
pub fn solve(instance: &str, options: &str) -> JsResult {
    js(calls::solve(instance, options))
}

/// Every metric of a plan (a samman plan or a list of `{seeker, provider}`), with metric
/// options (`samman::metrics::MetricsOptions` as JSON), as `samman evaluate --json` prints it.
///
/// # Errors
/// An `Error` whose `kind` and `path` say what is wrong.
#[wasm_bindgen]
pub fn evaluate(instance: &str, plan: &str, options: &str) -> JsResult {
    js(calls::evaluate(instance, plan, options))
}

/// A plan's headline figures against its instance (`samman::plan::Summary`): seekers placed,
/// people of every wanted placement and people placed, providers taking place and cancelled,
/// seats, as `samman demo --json` prints its `summary`.
///
/// # Errors
/// An `Error` whose `kind` and `path` say what is wrong.
#[wasm_bindgen]
pub fn summary(instance: &str, plan: &str) -> JsResult {
    js(calls::summary(instance, plan))
}

/// Explanations of seekers (a JSON list of ids), against a plan when `plan` is not empty: a
/// JSON list, each as `samman explain --json` prints it.
///
/// # Errors
/// An `Error` whose `kind` and `path` say what is wrong.
#[wasm_bindgen]
pub fn explain(instance: &str, plan: &str, seekers: &str) -> JsResult {
    js(calls::explain(instance, plan, seekers))
}

/// A generated programme (`dinners`, `visits`, `workshops`, `experiences`, `coaching`) with
/// parameters (`samman::generate::Params` as JSON), as `samman generate` prints it.
///
/// # Errors
/// An `Error` whose `kind` and `path` say what is wrong.
#[wasm_bindgen]
pub fn generate(programme: &str, params: &str) -> JsResult {
    js(calls::generate(programme, params))
}

/// The policy of a programme (its rules and weights), as JSON: the planner's presets.
///
/// # Errors
/// An `Error` of kind `argument` for an unknown programme.
#[wasm_bindgen]
pub fn preset(programme: &str) -> JsResult {
    js(calls::preset(programme))
}

/// An instance read from a seekers and a providers CSV file (bytes), as JSON.
///
/// # Errors
/// An `Error` of kind `csv` whose `path` names the file, row and column.
#[wasm_bindgen(js_name = readCsv)]
pub fn read_csv(seekers: &[u8], providers: &[u8]) -> JsResult {
    js(calls::read_csv(seekers, providers))
}

/// A plan written as CSV: `seeker,provider,seats,score`.
///
/// # Errors
/// An `Error` whose `kind` and `path` say what is wrong.
#[wasm_bindgen(js_name = writePlanCsv)]
pub fn write_plan_csv(instance: &str, plan: &str) -> JsResult {
    js(calls::write_plan_csv(instance, plan))
}

/// A plan of rounds (`samman::rounds::RoundsOptions` as JSON: `rounds`, `never_again`,
/// `seed`, `time_limit_seconds`, `max_iterations`, `providers`), as `samman rounds --json`
/// prints it.
///
/// # Errors
/// An `Error` whose `kind` and `path` say what is wrong.
#[wasm_bindgen]
pub fn rounds(instance: &str, options: &str) -> JsResult {
    js(calls::rounds(instance, options))
}

/// The two files and the policy, as the spreadsheet exports take them.
fn files<'a>(
    seekers_name: &'a str,
    seekers: &'a [u8],
    providers_name: &'a str,
    providers: &'a [u8],
    policy: &'a str,
) -> sheets::Sheets<'a> {
    sheets::Sheets {
        seekers: SheetFile {
            name: seekers_name,
            bytes: seekers,
        },
        providers: SheetFile {
            name: providers_name,
            bytes: providers,
        },
        policy,
    }
}

/// The people of a seekers and a providers file (CSV, XLSX or ODS by the names' extensions)
/// with a policy (JSON; empty: the default): `{instance, seekers, providers}`, each side with
/// its carried columns (`file`, `columns`, `rows` of `{id, row, name, values}`).
///
/// # Errors
/// An `Error` whose `path` is `seekers` or `providers` and whose message names the file, row
/// and column.
#[wasm_bindgen(js_name = readSheets)]
pub fn read_sheets(
    seekers_name: &str,
    seekers: &[u8],
    providers_name: &str,
    providers: &[u8],
    policy: &str,
) -> JsResult {
    js(sheets::read_sheets(&files(
        seekers_name,
        seekers,
        providers_name,
        providers,
        policy,
    )))
}

/// Whether a file is a providers file (a header names the capacity column).
///
/// # Errors
/// An `Error` for a file that cannot be read.
#[wasm_bindgen(js_name = isProvidersSheet)]
pub fn is_providers_sheet(name: &str, bytes: &[u8]) -> Result<bool, JsValue> {
    sheets::is_providers_sheet(SheetFile { name, bytes }).map_err(Failure::into_js)
}

/// The coordinator's workbook (XLSX bytes) of a plan made on the files and policy, with
/// options `{lang: "sv" | "en", changes}`: as `samman solve -o plan.xlsx` writes it.
///
/// # Errors
/// An `Error` whose `kind` and `path` say what is wrong.
#[wasm_bindgen(js_name = writeWorkbook)]
pub fn write_workbook(
    seekers_name: &str,
    seekers: &[u8],
    providers_name: &str,
    providers: &[u8],
    policy: &str,
    plan: &str,
    options: &str,
) -> Result<Vec<u8>, JsValue> {
    let files = files(seekers_name, seekers, providers_name, providers, policy);
    sheets::write_workbook(&files, plan, options).map_err(Failure::into_js)
}

/// The seekers a plan made on the files and policy leaves out, in words, with options
/// `{lang: "sv" | "en"}`: `[{seeker, reason, help}]` as JSON text, the rows of the workbook's
/// "Not placed" sheet (why, and what would help, providers by name).
///
/// # Errors
/// An `Error` whose `kind` and `path` say what is wrong.
#[wasm_bindgen(js_name = notPlaced)]
pub fn not_placed(
    seekers_name: &str,
    seekers: &[u8],
    providers_name: &str,
    providers: &[u8],
    policy: &str,
    plan: &str,
    options: &str,
) -> JsResult {
    let files = files(seekers_name, seekers, providers_name, providers, policy);
    sheets::not_placed(&files, plan, options).map_err(Failure::into_js)
}

/// The placements CSV (bytes, in the seekers file's delimiter and encoding) of a plan made on
/// the files and policy: as `samman solve -o plan.csv` writes it.
///
/// # Errors
/// An `Error` whose `kind` and `path` say what is wrong.
#[wasm_bindgen(js_name = writePlacementsCsv)]
pub fn write_placements_csv(
    seekers_name: &str,
    seekers: &[u8],
    providers_name: &str,
    providers: &[u8],
    policy: &str,
    plan: &str,
) -> Result<Vec<u8>, JsValue> {
    let files = files(seekers_name, seekers, providers_name, providers, policy);
    sheets::write_placements_csv(&files, plan).map_err(Failure::into_js)
}

/// Every sheet of a workbook (XLSX or ODS bytes) as text: a JSON list of `{name, rows}`.
///
/// # Errors
/// An `Error` for bytes that are not a workbook.
#[wasm_bindgen(js_name = readWorkbook)]
pub fn read_workbook(bytes: &[u8]) -> JsResult {
    js(sheets::read_workbook(bytes))
}

/// The JSON Schemas of the documents the package takes and gives, by name.
#[wasm_bindgen]
#[must_use]
pub fn schemas() -> String {
    calls::schemas().to_owned()
}

/// The version of the samman core compiled in.
#[wasm_bindgen]
#[must_use]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}
