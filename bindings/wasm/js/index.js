// samman for JavaScript: `loadSamman()` loads the WebAssembly core once (Node 20+ or a
// browser) and returns functions that take and give plain objects, in the JSON shape of the
// `samman` command's `--json`. Nothing here computes a rule, a figure or a message: each
// function turns its arguments into JSON text, calls the core, and parses the answer. A
// failure is thrown as an `Error` with `kind` and `path` (and `problems`, `line`, `column` or
// `row` where the core gives them).
import init, * as core from "./samman_wasm.js";

let loading = null;

/** The .wasm file's bytes in Node; its URL in a browser (fetched and compiled streaming). */
async function wasmSource() {
  const url = new URL("./samman_wasm_bg.wasm", import.meta.url);
  const isNode = typeof process !== "undefined" && process.versions != null && process.versions.node != null;
  if (isNode && url.protocol === "file:") {
    const { readFile } = await import("node:fs/promises");
    return readFile(url);
  }
  return url;
}

const text = (value) => (typeof value === "string" ? value : JSON.stringify(value));
const optional = (value) => (value == null ? "" : text(value));
const bytes = (file) => {
  if (typeof file === "string") return new TextEncoder().encode(file);
  if (file instanceof ArrayBuffer) return new Uint8Array(file);
  return file;
};

/** A spreadsheet file as the core takes it: `{name, bytes}` or a browser `File` read first. */
const file = (f, side) => {
  if (f == null || typeof f.name !== "string" || f.bytes == null) {
    const error = new Error(`${side}: expected {name, bytes}, such as {name: "guests.xlsx", bytes: new Uint8Array(...)}`);
    Object.assign(error, { kind: "invalid_input", path: side });
    throw error;
  }
  return [f.name, bytes(f.bytes)];
};
/** The seekers file, the providers file and the policy, as the spreadsheet exports take them. */
const sheets = ({ seekers, providers, policy } = {}) =>
  [...file(seekers, "seekers"), ...file(providers, "providers"), optional(policy)];

/** The functions of the package, bound to the loaded core. */
function api() {
  return Object.freeze({
    /** The check of an instance: `{valid, problems}` or `{valid: false, parse_error}`. */
    validate: (instance) => JSON.parse(core.validate(text(instance))),
    /** The plan of an instance, as `samman solve` writes it. */
    solve: (instance, options) => JSON.parse(core.solve(text(instance), optional(options))),
    /** Every metric of a plan (a samman plan or a list of `{seeker, provider}`). */
    evaluate: (instance, plan, options) =>
      JSON.parse(core.evaluate(text(instance), text(plan), optional(options))),
    /** A plan's headline figures: seekers and people placed, providers, seats. */
    summary: (instance, plan) => JSON.parse(core.summary(text(instance), text(plan))),
    /** Why one seeker is or is not placed, and what would help; against `plan` when given. */
    explain: (instance, seeker, { plan } = {}) =>
      JSON.parse(core.explain(text(instance), optional(plan), JSON.stringify([seeker])))[0],
    /** Explanations of several seekers, in the order asked. */
    explainMany: (instance, seekers, { plan } = {}) =>
      JSON.parse(core.explain(text(instance), optional(plan), JSON.stringify(seekers))),
    /** A generated programme: dinners, visits, workshops, experiences or coaching. */
    generate: (programme, params) => JSON.parse(core.generate(programme, optional(params))),
    /** The policy (rules and weights) of a programme, to plan one's own people with. */
    preset: (programme) => JSON.parse(core.preset(programme)),
    /** An instance from a seekers and a providers CSV file (text, bytes or ArrayBuffer). */
    readCsv: (seekers, providers) => JSON.parse(core.readCsv(bytes(seekers), bytes(providers))),
    /** A plan as CSV text: `seeker,provider,seats,score`. */
    writePlanCsv: (instance, plan) => core.writePlanCsv(text(instance), text(plan)),
    /** Rounds where everyone meets someone new, as `samman rounds --json` writes them. */
    rounds: (instance, options) => JSON.parse(core.rounds(text(instance), optional(options))),
    /**
     * The people of a seekers and a providers file (CSV, XLSX or ODS, by the names'
     * extensions), with the policy: `{instance, seekers, providers}`, each side with the
     * columns samman does not read (names, phone numbers) carried by id.
     */
    readSheets: (files) => JSON.parse(core.readSheets(...sheets(files))),
    /** Whether a file (`{name, bytes}`) is a providers file: a header names the capacity. */
    isProvidersSheet: (f) => core.isProvidersSheet(...file(f, "file")),
    /** The coordinator's workbook (XLSX bytes) of a plan made on the files and policy. */
    writeWorkbook: (files, plan, options) =>
      core.writeWorkbook(...sheets(files), text(plan), optional(options)),
    /**
     * The seekers the plan leaves out, in words in `options.lang` (`sv` or `en`): why, and
     * what would help, as the workbook's "Not placed" sheet says it: `[{seeker, reason, help}]`.
     */
    notPlaced: (files, plan, options) =>
      JSON.parse(core.notPlaced(...sheets(files), text(plan), optional(options))),
    /** The placements CSV (bytes, in the seekers file's delimiter and encoding). */
    writePlacementsCsv: (files, plan) => core.writePlacementsCsv(...sheets(files), text(plan)),
    /** Every sheet of a workbook (XLSX or ODS bytes) as text: `[{name, rows}]`. */
    readWorkbook: (workbook) => JSON.parse(core.readWorkbook(bytes(workbook))),
    /** The JSON Schemas of the documents the package takes and gives, by name. */
    schemas: () => JSON.parse(core.schemas()),
    /** The version of the core. */
    version: () => core.version(),
    /** The same functions with JSON text in and out, byte for byte the command's output. */
    json: Object.freeze({
      validate: core.validate,
      solve: core.solve,
      evaluate: core.evaluate,
      summary: core.summary,
      explain: core.explain,
      generate: core.generate,
      preset: core.preset,
      readCsv: core.readCsv,
      writePlanCsv: core.writePlanCsv,
      rounds: core.rounds,
      readSheets: core.readSheets,
      readWorkbook: core.readWorkbook,
    }),
  });
}

/**
 * Load the WebAssembly core (once) and return samman's functions.
 * @param {{wasm?: BufferSource | URL | Response | WebAssembly.Module}} [options] where the
 *   .wasm is, when not beside this file (bytes, a URL, a response or a compiled module).
 * @returns {Promise<import("./index.d.ts").Samman>}
 */
export function loadSamman({ wasm } = {}) {
  if (loading == null) {
    loading = (wasm != null ? Promise.resolve(wasm) : wasmSource())
      .then((source) => init({ module_or_path: source }))
      .then(api);
  }
  return loading;
}
