// Size and speed of samman on the web (a benchmark, not a test): the .wasm's size, and a
// generated dinner programme planned in headless Chromium (the package loaded in a page served
// from 127.0.0.1) and in Node, against the native command on the same instance.
//
// Usage: node benches/web/bench.mjs SAMMAN_RELEASE_BINARY [SIZE=2000] [RUNS=3]
// (benches/web/run.sh builds what it needs and runs this.)
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { loadSamman } from "../../bindings/wasm/pkg/index.js";
import { launch, serve } from "../../apps/planner/tests/serve.mjs";

const [bin, size = "2000", runs = "3"] = process.argv.slice(2);
const root = resolve(import.meta.dirname, "../..");
const wasmBytes = statSync(join(root, "bindings/wasm/pkg/samman_wasm_bg.wasm")).size;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const dir = mkdtempSync(join(tmpdir(), "samman-web-bench-"));
const file = join(dir, "dinners.json");
const text = execFileSync(bin, ["generate", "dinners", "--size", size, "--seed", "1"], { encoding: "utf8", maxBuffer: 1 << 28 });
writeFileSync(file, text);

const samman = await loadSamman();
const { server, origin } = await serve(join(root, "apps/planner"), { "/bench-instance.json": text });
const browser = await launch();
const page = await browser.newPage();
await page.goto(origin + "/");
await page.waitForSelector("body[data-ready=true]");

const rows = [];
for (const solver of ["optimal", "groups"]) {
  const native = [];
  let nativePlan = "";
  for (let i = 0; i < Number(runs); i++) {
    const started = process.hrtime.bigint();
    const run = spawnSync(bin, ["solve", file, "--solver", solver, "--json"], { encoding: "utf8", maxBuffer: 1 << 28 });
    native.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (run.status !== 0) throw new Error(run.stderr);
    nativePlan = run.stdout;
  }
  const node = [];
  let nodePlan = "";
  for (let i = 0; i <= Number(runs); i++) {
    const started = performance.now();
    nodePlan = samman.json.solve(text, JSON.stringify({ solver }));
    if (i > 0) node.push(performance.now() - started); // the first run warms the engine up
  }
  // In the page: parse the instance as the planner does, then solve (objects in and out).
  const browserTimes = await page.evaluate(async ({ solver, runs }) => {
    const { loadSamman } = await import("/samman/index.js");
    const samman = await loadSamman();
    const instance = await (await fetch("/bench-instance.json")).json();
    const times = [];
    let plan = null;
    for (let i = 0; i <= runs; i++) {
      const started = performance.now();
      plan = samman.solve(instance, { solver });
      if (i > 0) times.push(performance.now() - started);
    }
    globalThis.lastPlan = plan;
    return times;
  }, { solver, runs: Number(runs) });
  const same = nodePlan + "\n" === nativePlan;
  rows.push({ solver, native: median(native), node: median(node), browser: median(browserTimes), same });
}
await browser.close();
server.close();

const placed = JSON.parse(samman.json.solve(text, "{}")).people_placed;
console.log(`instance: samman generate dinners --size ${size} --seed 1 (${placed} people placed by optimal)`);
console.log(`wasm: ${wasmBytes} bytes (${(wasmBytes / 2 ** 20).toFixed(2)} MiB) after wasm-opt`);
console.log("| solver | native command (ms) | Chromium, wasm (ms) | ratio | Node, wasm (ms) | same plan |");
console.log("|---|---:|---:|---:|---:|---|");
for (const r of rows) {
  console.log(`| ${r.solver} | ${r.native.toFixed(0)} | ${r.browser.toFixed(0)} | ${(r.browser / r.native).toFixed(2)} | ${r.node.toFixed(0)} | ${r.same ? "yes" : "NO"} |`);
}
