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
    /** The JSON Schemas of Instance, Options, Plan, Params and MetricsOptions. */
    schemas: () => JSON.parse(core.schemas()),
    /** The version of the core. */
    version: () => core.version(),
    /** The same functions with JSON text in and out, byte for byte the command's output. */
    json: Object.freeze({
      validate: core.validate,
      solve: core.solve,
      evaluate: core.evaluate,
      explain: core.explain,
      generate: core.generate,
      preset: core.preset,
      readCsv: core.readCsv,
      writePlanCsv: core.writePlanCsv,
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
