// planner-offline.html: the whole planner in one file that works opened from disk (file://),
// where browsers load no ES module files and fetch nothing. The page's modules (the
// wasm-bindgen glue, the loader, text.js, planner.js) are inlined in one module script, each
// in its own scope, the .wasm as base64, the styles inline, and the Content-Security-Policy
// allows exactly these (by hash) and no connection at all. Not a bundler: it knows these
// files' few import lines.
//
// Usage: node apps/planner/offline.mjs  (after apps/planner/build.sh has filled samman/)
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const here = import.meta.dirname;
const read = (...path) => readFileSync(join(here, ...path), "utf8");

/** A module's body in its own scope, returning its exports; its import lines dropped. */
function scoped(source) {
  const exported = [];
  let body = source.replace(/^import .*;$/gm, "");
  body = body.replace(/^export (async function|function|const|let|class) (\w+)/gm, (_, keyword, name) => {
    exported.push([name, name]);
    return `${keyword} ${name}`;
  });
  body = body.replace(/^export \{([^}]*)\};?$/gm, (_, list) => {
    for (const part of list.split(",")) {
      const [local, as] = part.trim().split(/\s+as\s+/);
      exported.push([as ?? local, local]);
    }
    return "";
  });
  const names = exported.map(([name, local]) => `${JSON.stringify(name)}: ${local}`).join(", ");
  return `(() => {\n${body}\nreturn { ${names} };\n})()`;
}

const wasm = readFileSync(join(here, "samman", "samman_wasm_bg.wasm")).toString("base64");
const script = [
  `const $glue = ${scoped(read("samman", "samman_wasm.js"))};`,
  `const $index = (() => { const init = $glue.default; const core = $glue;\nreturn ${scoped(read("samman", "index.js"))}; })();`,
  `const $text = ${scoped(read("text.js"))};`,
  `const WASM = "${wasm}";`,
  `const loadSamman = () => $index.loadSamman({ wasm: Uint8Array.from(atob(WASM), (c) => c.charCodeAt(0)) });`,
  `const { say } = $text;`,
  // From file:// no worker can be started: the core runs on the page's thread.
  `const NO_WORKER = true;`,
  read("planner.js").replace(/^import .*;$/gm, ""),
].join("\n");
const style = read("style.css");
const hash = (text) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

let html = read("index.html");
html = html.replace(/content="default-src[^"]*"/, `content="default-src 'none'; script-src ${hash(script)} 'wasm-unsafe-eval'; connect-src 'none'; style-src ${hash(style)}; img-src data: blob:; form-action 'none'; base-uri 'none'"`);
html = html.replace('<link rel="stylesheet" href="style.css">', () => `<style>${style}</style>`);
html = html.replace('<script type="module" src="planner.js"></script>', () => `<script type="module">${script}</script>`);
writeFileSync(join(here, "planner-offline.html"), html);
console.log(`wrote ${join(here, "planner-offline.html")} (${html.length} bytes)`);
