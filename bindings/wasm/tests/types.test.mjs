// The package's TypeScript types (index.d.ts, types.d.ts generated from the core's JSON
// Schemas, samman_wasm.d.ts from wasm-bindgen) compile under `tsc --strict`, accept what an
// embedder writes, and reject a wrong solver or programme (tests/typescript/consumer.ts).
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { resolve } from "node:path";

const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const consumer = resolve(import.meta.dirname, "typescript/consumer.ts");

test("the .d.ts files type an embedder's code, strictly", () => {
  const run = spawnSync(process.execPath, [
    tsc, "--noEmit", "--strict", "--target", "es2022", "--module", "nodenext",
    "--moduleResolution", "nodenext", "--skipLibCheck", "false", consumer,
  ], { encoding: "utf8" });
  assert.equal(run.status, 0, run.stdout + run.stderr);
});
