// Spreadsheets in and out through the package, against the native command: the sample sheets
// of examples/sheets/ (and the same sheets saved as XLSX by LibreOffice) read into the same
// instance, the same plan as `samman solve --seekers --providers`, the same placements CSV
// byte for byte, and the same workbook read back sheet by sheet. Needs LibreOffice (`soffice`)
// and the native command ($SAMMAN_BIN, else the workspace's debug build).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadSamman } from "../pkg/index.js";
import { cli as run, root } from "./command.mjs";

const samman = await loadSamman();
const dir = mkdtempSync(join(tmpdir(), "samman-sheets-"));
const example = (name) => join(root, "examples/sheets", name);
for (const name of ["gaster.csv", "vardar.csv", "policy.json"]) copyFileSync(example(name), join(dir, name));
const cli = (args, env = {}) => run(args, { cwd: dir, env: { ...process.env, ...env }, encoding: null });

/** A CSV converted to XLSX by LibreOffice, as a Swedish coordinator's Excel would save it. */
function officeXlsx(csv, outDir, filter = "CSV:59,34,76,1,,1053") {
  execFileSync("soffice", [
    `-env:UserInstallation=file://${outDir}/profile`, "--headless",
    `--infilter=${filter}`, "--convert-to", "xlsx", "--outdir", outDir, csv,
  ], { stdio: "ignore" });
  return readFileSync(join(outDir, csv.split("/").pop().replace(/\.csv$/, ".xlsx")));
}

const policy = JSON.parse(readFileSync(example("policy.json"), "utf8"));
const csvFiles = {
  seekers: { name: "gaster.csv", bytes: readFileSync(example("gaster.csv")) },
  providers: { name: "vardar.csv", bytes: readFileSync(example("vardar.csv")) },
  policy,
};

test("the sample sheets read into the command's instance, with names carried", () => {
  const roster = samman.readSheets(csvFiles);
  assert.equal(roster.instance.policy.rules.gender_parties, true, "the policy given");
  assert.deepEqual(roster.instance.policy.composition, { ...roster.instance.policy.composition, ...policy.composition });
  assert.deepEqual(roster.seekers.columns, ["namn", "telefon", "anteckningar"]);
  assert.equal(roster.seekers.file, "gaster.csv");
  const g4 = roster.seekers.rows.find((r) => r.id === "g4");
  assert.equal(g4.name, "Kerstin Åkesson");
  assert.equal(g4.row, 5);
  assert.deepEqual(roster.seekers.rows.map((r) => r.id), roster.instance.seekers.map((s) => s.id));
  assert.equal(roster.providers.rows.find((r) => r.id === "d2").name, "Örjan Ek");

  // The plan of the instance read is the command's plan of the same files, byte for byte.
  const native = cli(["solve", "--seekers", "gaster.csv", "--providers", "vardar.csv", "--policy", "policy.json",
    "--solver", "groups", "--json"]).toString();
  assert.equal(samman.json.solve(JSON.stringify(roster.instance), '{"solver":"groups"}') + "\n", native);
});

test("the same sheets saved as XLSX by LibreOffice read the same", () => {
  const xlsx = {
    seekers: { name: "gaster.xlsx", bytes: officeXlsx(join(dir, "gaster.csv"), dir) },
    providers: { name: "vardar.xlsx", bytes: officeXlsx(join(dir, "vardar.csv"), dir) },
    policy,
  };
  assert.equal(xlsx.seekers.bytes.subarray(0, 2).toString(), "PK", "a zip file");
  const fromCsv = samman.readSheets(csvFiles);
  const fromXlsx = samman.readSheets(xlsx);
  assert.deepEqual(fromXlsx.instance, fromCsv.instance);
  assert.deepEqual(fromXlsx.seekers.rows, fromCsv.seekers.rows);
  assert.deepEqual(fromXlsx.providers.rows, fromCsv.providers.rows);
  assert.equal(samman.isProvidersSheet(xlsx.providers), true);
  assert.equal(samman.isProvidersSheet(xlsx.seekers), false);
  assert.equal(samman.isProvidersSheet(csvFiles.providers), true);
});

test("the workbook and the placements CSV are the command's, in Swedish and English", () => {
  const plan = samman.solve(samman.readSheets(csvFiles).instance, { solver: "groups" });
  const args = ["solve", "--seekers", "gaster.csv", "--providers", "vardar.csv", "--policy", "policy.json", "--solver", "groups"];
  for (const lang of ["sv", "en"]) {
    cli([...args, "-o", `plan-${lang}.xlsx`], { LANG: lang === "sv" ? "sv_SE.UTF-8" : "en_GB.UTF-8", LC_ALL: "", LC_MESSAGES: "" });
    const native = samman.readWorkbook(readFileSync(join(dir, `plan-${lang}.xlsx`)));
    const ours = samman.readWorkbook(samman.writeWorkbook(csvFiles, plan, { lang }));
    assert.deepEqual(ours, native, lang);
  }
  // The lists, in Swedish: each provider's block has the people placed there, by name.
  const [, lists] = samman.readWorkbook(samman.writeWorkbook(csvFiles, plan, { lang: "sv" }));
  const roster = samman.readSheets(csvFiles);
  const nameOf = new Map(roster.seekers.rows.map((r) => [r.id, r.name]));
  for (const provider of roster.instance.providers) {
    const start = lists.rows.findIndex((row) => row[0] === provider.id);
    assert.ok(start >= 0, provider.id);
    const end = lists.rows.findIndex((row, i) => i > start && row.every((cell) => cell === ""));
    const block = lists.rows.slice(start, end < 0 ? undefined : end);
    const people = block.filter((row) => nameOf.has(row[0])).map((row) => [row[0], row[1]]);
    const expected = plan.matches.filter((m) => m.provider === provider.id).map((m) => [m.seeker, nameOf.get(m.seeker)]);
    assert.deepEqual(people, expected, provider.id);
  }

  cli([...args, "-o", "plan.csv"]);
  const csv = samman.writePlacementsCsv(csvFiles, plan);
  assert.ok(csv instanceof Uint8Array);
  assert.deepEqual(Buffer.from(csv), readFileSync(join(dir, "plan.csv")));
});

test("a bad file is an Error naming the file, row and column; the argument in path", () => {
  const bad = { name: "deltagare.csv", bytes: readFileSync(example("gaster.csv"), "utf8").replace("g2;Björn Ström;070-222 22 22;1;", "g2;Björn Ström;070-222 22 22;en;") };
  let error = null;
  try {
    samman.readSheets({ ...csvFiles, seekers: bad });
  } catch (e) {
    error = e;
  }
  assert.ok(error instanceof Error);
  assert.equal(error.kind, "invalid_input");
  assert.equal(error.path, "seekers");
  assert.equal(error.file, "deltagare.csv");
  assert.deepEqual([error.row, error.column], [3, "antal"]);
  assert.match(error.message, /^deltagare\.csv: row 3, column antal: /);
  assert.ok(!error.message.includes("Björn"), "no person's values in a message");

  assert.throws(() => samman.readSheets({ ...csvFiles, providers: { name: "v.xlsx", bytes: new Uint8Array([1, 2, 3]) } }),
    (e) => e.path === "providers" && /^v\.xlsx: /.test(e.message));
  assert.throws(() => samman.readSheets({ seekers: csvFiles.seekers }), (e) => e.path === "providers");
  assert.throws(() => samman.readSheets({ ...csvFiles, policy: { rules: { tme: true } } }),
    (e) => e.kind === "invalid_input" && e.path === "policy.rules.tme");
  const plan = samman.solve(samman.readSheets(csvFiles).instance, { solver: "groups" });
  assert.throws(() => samman.writeWorkbook(csvFiles, plan, { lang: "de" }), (e) => e.path === "options.lang");
  assert.throws(() => samman.readWorkbook(new Uint8Array([80, 75])), (e) => e.kind === "invalid_input");
});
