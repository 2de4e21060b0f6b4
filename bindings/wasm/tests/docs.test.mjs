// The JavaScript examples in docs/web.md and README.md run against the built package, and
// print what their `// ` comments say they print.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const root = resolve(import.meta.dirname, "../../..");
const index = pathToFileURL(join(root, "bindings/wasm/pkg/index.js")).href;
const dir = mkdtempSync(join(tmpdir(), "samman-docs-"));

function blocks(markdown) {
  return [...markdown.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]);
}

for (const doc of ["docs/web.md", "README.md"]) {
  const examples = blocks(readFileSync(join(root, doc), "utf8"));
  test(`${doc} has JavaScript examples`, () => assert.ok(examples.length > 0));
  for (const [i, code] of examples.entries()) {
    test(`${doc}: example ${i + 1} runs`, () => {
      const file = join(dir, `${doc.replace(/\W/g, "_")}-${i}.mjs`);
      writeFileSync(file, code.replaceAll("./bindings/wasm/pkg/index.js", index));
      const out = execFileSync(process.execPath, [file], { encoding: "utf8" });
      for (const [, expected] of code.matchAll(/console\.log\(.*\); \/\/ (.*)$/gm)) {
        assert.ok(out.includes(expected), `printed ${JSON.stringify(out)}, not ${expected}`);
      }
    });
  }
}
