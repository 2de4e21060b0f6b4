// Same answers as native: the wasm core (single-threaded) and the native `samman` command
// (rayon) give byte-identical JSON for the same instance and options, on every generator kind
// and every solver. The command is $SAMMAN_BIN, else the workspace's debug build.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadSamman } from "../pkg/index.js";
import { cli as run } from "./command.mjs";

const samman = await loadSamman();
const dir = mkdtempSync(join(tmpdir(), "samman-native-"));
const cli = (...args) => run(args);

const KINDS = { dinners: 120, visits: 150, workshops: 150, experiences: 150, coaching: 120 };
const SOLVERS = ["greedy", "optimal", "stable", "groups"];

for (const [kind, size] of Object.entries(KINDS)) {
  test(`${kind}: generate, solve with every solver, evaluate and explain as the command does`, () => {
    const native = cli("generate", kind, "--size", String(size), "--seed", "11");
    const ours = samman.json.generate(kind, JSON.stringify({ size, seed: 11 }));
    assert.equal(ours + "\n", native, "generated instance");
    const file = join(dir, `${kind}.json`);
    writeFileSync(file, native);

    for (const solver of SOLVERS) {
      const nativePlan = cli("solve", file, "--solver", solver, "--seed", "3", "--json");
      const wasmPlan = samman.json.solve(native, JSON.stringify({ solver, seed: 3 }));
      assert.equal(wasmPlan + "\n", nativePlan, `${kind} with ${solver}: plan JSON differs`);
      if (solver === "groups") {
        const planFile = join(dir, `${kind}-plan.json`);
        writeFileSync(planFile, nativePlan);
        const report = cli("evaluate", file, planFile, "--json");
        assert.equal(samman.json.evaluate(native, nativePlan, "") + "\n", report, `${kind}: metrics differ`);
        const plan = JSON.parse(nativePlan);
        const seeker = plan.unplaced[0]?.seeker ?? plan.matches[0].seeker;
        const explained = cli("explain", file, "--plan", planFile, "--seeker", seeker, "--json");
        const ourExplanation = samman.explain(native, seeker, { plan: nativePlan });
        assert.deepEqual(ourExplanation, JSON.parse(explained), `${kind}: explanation differs`);
      }
    }
  });
}
