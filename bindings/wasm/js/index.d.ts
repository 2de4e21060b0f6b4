// Types of the samman package. Instance, Options, Plan, Params and MetricsOptions are
// generated from the core's JSON Schemas into types.d.ts by build.sh; the metric report and
// the explanations are typed loosely here (their Rust types have no schema yet).
import type { Instance, Options, Plan, Params, MetricsOptions, RoundsOptions, RoundsPlan } from "./types.js";
export type { Instance, Options, Plan, Params, MetricsOptions, RoundsOptions, RoundsPlan };

/** A problem of an instance, at the path of the offending field. */
export interface Problem { path: string; message: string }

/** What `validate` returns: as `samman validate --json` prints it. */
export type Validation =
  | { valid: boolean; problems: Problem[] }
  | { valid: false; parse_error: { path: string; line: number; column: number; message: string } };

/** A seeker and a provider: one placement of a plan from anywhere. */
export interface PlanEntry { seeker: string; provider: string }

/** A plan's headline figures against its instance, as `samman demo --json` prints its summary. */
export interface Summary {
  bound: number | null; gap: number | null;
  parties: number; parties_placed: number; people: number; people_placed: number;
  providers: number; providers_cancelled: number; providers_taking_place: number;
  seats: number; seats_used: number; solver: string; total_score: number;
  unplaced_by_reason: Record<string, number>;
}

/** Every metric of a plan, as `samman evaluate --json` prints it. */
export type Report = Record<string, unknown>;

/** Why a seeker is or is not placed, and what would help, as `samman explain --json` prints it. */
export interface Explanation {
  seeker: string;
  placed: Record<string, unknown> | null;
  providers: number;
  feasible: number;
  excluded: Record<string, number>;
  excluded_only: Record<string, number>;
  seats_taken: number | null;
  composition: number | null;
  open: number | null;
  /** With a plan and `hosts`: feasible providers not taking place because their host runs others. */
  host_elsewhere?: number;
  most_limiting: string | null;
  relaxations: Array<Record<string, unknown>>;
}

/** The programmes a scenario can be generated for. */
export type Programme = "dinners" | "visits" | "workshops" | "experiences" | "coaching";

/** An `Error` thrown by every function: `kind` and `path` say what is wrong and where. */
export interface SammanError extends Error {
  kind: "invalid_input" | "limit_exceeded" | "unknown_id" | "internal";
  path: string;
  problems?: Problem[];
  line?: number;
  column?: number | string;
  row?: number;
}

/** A file's contents: its text, or its bytes. */
export type FileContents = string | Uint8Array | ArrayBuffer;

/** A spreadsheet file: its name (its kind by the extension: .csv, .xlsx, .ods) and contents. */
export interface SheetFile { name: string; bytes: FileContents }

/** The people's files and the policy they are planned with (the default policy when absent). */
export interface Sheets { seekers: SheetFile; providers: SheetFile; policy?: Instance["policy"] | string }

/** The columns of a file samman does not read (names, phone numbers, notes), carried by id. */
export interface Carried {
  /** The file's name, as given. */
  file: string;
  /** The carried columns' headers, as the file wrote them. */
  columns: string[];
  /** Per row, in the instance's order: the id, its row in the file, the name (from a column
   * headed name, namn, ...) and the carried values in the order of `columns`. */
  rows: Array<{ id: string; row: number | null; name: string | null; values: string[] }>;
}

/** What `readSheets` returns. */
export interface Roster { instance: Instance; seekers: Carried; providers: Carried }

/** Options of the coordinator's workbook. */
/** A seeker a plan leaves out, in words: the rows of the workbook's "Not placed" sheet. */
export interface UnplacedWords {
  /** The seeker's id. */
  seeker: string;
  /** Why, in plain words. */
  reason: string;
  /** What would help, the coordinator's side first; empty when no single change would. */
  help: string;
}

export interface WorkbookOptions {
  /** The language of the workbook: `sv` or `en` (English when absent). */
  lang?: "sv" | "en";
  /** Add the sheet of changes from the previous plan (the plan's `moves`). */
  changes?: boolean;
}

/** A sheet of a workbook as text: its name and its rows from A1. */
export interface SheetText { name: string; rows: string[][] }

/** samman's functions, bound to the loaded WebAssembly core. */
export interface Samman {
  validate(instance: Instance | string): Validation;
  solve(instance: Instance | string, options?: Options | string): Plan;
  evaluate(instance: Instance | string, plan: Plan | { matches: PlanEntry[] } | string, options?: MetricsOptions | string): Report;
  summary(instance: Instance | string, plan: Plan | string): Summary;
  explain(instance: Instance | string, seeker: string, options?: { plan?: Plan | { matches: PlanEntry[] } | string }): Explanation;
  explainMany(instance: Instance | string, seekers: string[], options?: { plan?: Plan | { matches: PlanEntry[] } | string }): Explanation[];
  generate(programme: Programme, params?: Params | string): Instance;
  preset(programme: Programme): Instance["policy"];
  readCsv(seekers: FileContents, providers: FileContents): Instance;
  writePlanCsv(instance: Instance | string, plan: Plan | { matches: PlanEntry[] } | string): string;
  rounds(instance: Instance | string, options?: RoundsOptions | string): RoundsPlan;
  readSheets(files: Sheets): Roster;
  isProvidersSheet(file: SheetFile): boolean;
  writeWorkbook(files: Sheets, plan: Plan | string, options?: WorkbookOptions | string): Uint8Array;
  notPlaced(files: Sheets, plan: Plan | string, options?: { lang?: "sv" | "en" } | string): UnplacedWords[];
  writePlacementsCsv(files: Sheets, plan: Plan | string): Uint8Array;
  readWorkbook(workbook: FileContents): SheetText[];
  schemas(): Record<"Instance" | "Options" | "Plan" | "Params" | "MetricsOptions" | "RoundsOptions" | "RoundsPlan", object>;
  version(): string;
  /** The same functions with JSON text in and out: the command's `--json` output, byte for byte. */
  json: {
    validate(instance: string): string;
    solve(instance: string, options: string): string;
    evaluate(instance: string, plan: string, options: string): string;
    summary(instance: string, plan: string): string;
    explain(instance: string, plan: string, seekers: string): string;
    generate(programme: string, params: string): string;
    preset(programme: string): string;
    readCsv(seekers: Uint8Array, providers: Uint8Array): string;
    writePlanCsv(instance: string, plan: string): string;
    rounds(instance: string, options: string): string;
    readSheets(seekersName: string, seekers: Uint8Array, providersName: string, providers: Uint8Array, policy: string): string;
    readWorkbook(workbook: Uint8Array): string;
  };
}

/**
 * Load the WebAssembly core (once) and return samman's functions. `wasm`: where the .wasm is,
 * when not beside index.js (bytes, a URL, a response or a compiled module).
 */
export function loadSamman(options?: { wasm?: BufferSource | URL | Response | WebAssembly.Module }): Promise<Samman>;
