// Types of the samman package. Instance, Options, Plan, Params and MetricsOptions are
// generated from the core's JSON Schemas into types.d.ts by build.sh; the metric report and
// the explanations are typed loosely here (their Rust types have no schema yet).
import type { Instance, Options, Plan, Params, MetricsOptions } from "./types.js";
export type { Instance, Options, Plan, Params, MetricsOptions };

/** A problem of an instance, at the path of the offending field. */
export interface Problem { path: string; message: string }

/** What `validate` returns: as `samman validate --json` prints it. */
export type Validation =
  | { valid: boolean; problems: Problem[] }
  | { valid: false; parse_error: { path: string; line: number; column: number; message: string } };

/** A seeker and a provider: one placement of a plan from anywhere. */
export interface PlanEntry { seeker: string; provider: string }

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

/** A CSV file: its text, or its bytes. */
export type FileContents = string | Uint8Array | ArrayBuffer;

/** samman's functions, bound to the loaded WebAssembly core. */
export interface Samman {
  validate(instance: Instance | string): Validation;
  solve(instance: Instance | string, options?: Options | string): Plan;
  evaluate(instance: Instance | string, plan: Plan | { matches: PlanEntry[] } | string, options?: MetricsOptions | string): Report;
  explain(instance: Instance | string, seeker: string, options?: { plan?: Plan | { matches: PlanEntry[] } | string }): Explanation;
  explainMany(instance: Instance | string, seekers: string[], options?: { plan?: Plan | { matches: PlanEntry[] } | string }): Explanation[];
  generate(programme: Programme, params?: Params | string): Instance;
  preset(programme: Programme): Instance["policy"];
  readCsv(seekers: FileContents, providers: FileContents): Instance;
  writePlanCsv(instance: Instance | string, plan: Plan | { matches: PlanEntry[] } | string): string;
  schemas(): Record<"Instance" | "Options" | "Plan" | "Params" | "MetricsOptions", object>;
  version(): string;
  /** The same functions with JSON text in and out: the command's `--json` output, byte for byte. */
  json: {
    validate(instance: string): string;
    solve(instance: string, options: string): string;
    evaluate(instance: string, plan: string, options: string): string;
    explain(instance: string, plan: string, seekers: string): string;
    generate(programme: string, params: string): string;
    preset(programme: string): string;
    readCsv(seekers: Uint8Array, providers: Uint8Array): string;
    writePlanCsv(instance: string, plan: string): string;
  };
}

/**
 * Load the WebAssembly core (once) and return samman's functions. `wasm`: where the .wasm is,
 * when not beside index.js (bytes, a URL, a response or a compiled module).
 */
export function loadSamman(options?: { wasm?: BufferSource | URL | Response | WebAssembly.Module }): Promise<Samman>;
