// The planner in a real browser: Debian's Chromium, headless, driven by playwright-core. The
// page is served from this folder by a static server on 127.0.0.1 started here; the test
// uploads the fixture spreadsheets (CSV, and the same saved as XLSX by LibreOffice), plans,
// checks the tables against the core's own answer (the same package loaded in Node), moves a
// person by hand and re-plans, downloads the workbook and the plan and reads them back
// through the core, plans rounds, and checks that no request left the page. Screenshots are
// kept in apps/planner/test-results/. Needs apps/planner/samman/ and planner-offline.html
// (apps/planner/build.sh), and LibreOffice (`soffice`) for the XLSX fixtures.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { loadSamman } from "../samman/index.js";
import { PLANNER, launch, serve } from "./serve.mjs";

const results = join(PLANNER, "test-results");
mkdirSync(results, { recursive: true });
const fixture = (name) => join(PLANNER, "fixtures", name);

/** The fixture CSVs saved as XLSX by LibreOffice (headless), as a coordinator's office suite would. */
function xlsxFixtures() {
  const dir = mkdtempSync(join(tmpdir(), "planner-xlsx-"));
  for (const name of ["seekers", "providers"]) {
    execFileSync("soffice", [`-env:UserInstallation=file://${dir}/profile`, "--headless",
      "--infilter=CSV:44,34,76,1", "--convert-to", "xlsx", "--outdir", dir, fixture(`${name}.csv`)], { stdio: "ignore" });
  }
  return { seekers: join(dir, "seekers.xlsx"), providers: join(dir, "providers.xlsx") };
}

/** The fixtures as the core reads them, planned with the dinners preset. */
async function expectedFor(samman, files = { seekers: fixture("seekers.csv"), providers: fixture("providers.csv") }) {
  const sheets = {
    seekers: { name: files.seekers.split("/").pop(), bytes: readFileSync(files.seekers) },
    providers: { name: files.providers.split("/").pop(), bytes: readFileSync(files.providers) },
    policy: samman.preset("dinners"),
  };
  const roster = samman.readSheets(sheets);
  const names = new Map([...roster.seekers.rows, ...roster.providers.rows].map((r) => [r.id, r.name]));
  const label = (id) => (names.get(id) ? `${names.get(id)} (${id})` : id);
  return { sheets, roster, instance: roster.instance, names, label };
}

const peopleText = (n) => (n === 1 ? "1 person" : `${n} people`);
/** The ids in a cell's text of labels `Name (id)`. */
const ids = (text) => [...text.matchAll(/\((\w+)\)/g)].map((m) => m[1]);

let server;
let browser;
let origin;

before(async () => {
  ({ server, origin } = await serve());
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.close();
});

/** Every request the page makes, and any that is not for the local origin (then aborted). */
async function watch(context) {
  const requests = [];
  const outside = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(origin + "/")) return route.continue();
    outside.push(url);
    return route.abort();
  });
  context.on("request", (request) => requests.push(request.url()));
  return { requests, outside };
}

/** A fresh context with the page loaded: every request watched, the page's errors kept. */
async function openPlanner(options) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: "en-GB", ...options });
  const { requests, outside } = await watch(context);
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(origin + "/");
  await page.waitForSelector("body[data-ready=true]");
  return { context, page, requests, outside, errors, loaded: requests.length };
}

const rows = (page, table) =>
  page.$$eval(`#${table} tbody tr`, (trs) =>
    trs.map((tr) => [...tr.querySelectorAll("th, td")].map((cell) => cell.innerText.trim())));

test("a coordinator plans, moves a person, re-plans and downloads, all on the device", async () => {
  const samman = await loadSamman();
  const seekersCsv = readFileSync(fixture("seekers.csv"));
  // The core's answer for the same files and preset, to hold the page to.
  const { sheets, instance, label, names } = await expectedFor(samman);
  assert.equal(names.get("g01"), "Saida Haddad", "the fixture's names are carried");
  const expected = samman.solve(instance, { solver: "groups", seed: 0 });
  assert.ok(expected.unplaced.length > 0 && expected.matches.length > 0, "the fixture has both");

  const { context, page, requests, outside, errors, loaded } = await openPlanner({ acceptDownloads: true });
  // The core runs in a Web Worker: the page's own thread stays free while it plans.
  assert.equal(await page.getAttribute("body", "data-core"), "worker");
  assert.deepEqual(page.workers().map((w) => new URL(w.url()).pathname), ["/worker.js"]);

  // Every control has a label.
  const unlabelled = await page.$$eval("select, input", (controls) =>
    controls.filter((c) => c.labels == null || c.labels.length === 0).map((c) => c.id));
  assert.deepEqual(unlabelled, []);

  await page.selectOption("#lang", "en");
  await page.setInputFiles("#seekers-file", fixture("seekers.csv"));
  await page.setInputFiles("#providers-file", fixture("providers.csv"));
  await page.selectOption("#programme", "dinners");
  await page.waitForFunction(() => document.getElementById("providers-name").textContent !== "");
  // By keyboard: focus the Plan button and press Enter.
  await page.focus("#plan");
  await page.keyboard.press("Enter");
  await page.waitForSelector("#step-result:not([hidden])");
  assert.equal(await page.isHidden("#error"), true, await page.innerText("#error"));

  // The providers' table: each provider with exactly the people the core placed there.
  const providerRows = await rows(page, "providers-table");
  assert.equal(providerRows.length, instance.providers.length);
  for (const [i, provider] of instance.providers.entries()) {
    const people = expected.matches.filter((m) => m.provider === provider.id).map((m) => `${label(m.seeker)}, ${peopleText(m.seats)}`);
    assert.ok(providerRows[i][0].startsWith(label(provider.id)), providerRows[i][0]);
    assert.deepEqual(providerRows[i][2] === "" ? [] : providerRows[i][2].split("\n"), people, provider.id);
    // A provider with no one says it does not take place.
    const cancelled = expected.cancelled.some((c) => c.provider === provider.id);
    if (people.length === 0 && !cancelled) assert.match(providerRows[i][0], /no one placed: it does not take place/);
    if (people.length > 0) assert.doesNotMatch(providerRows[i][0], /does not take place/);
  }
  assert.ok(instance.providers.some((p) => !expected.matches.some((m) => m.provider === p.id)), "the fixture has an empty provider");
  // The not-placed table: each unplaced seeker, with the reason and the core's suggestions.
  const unplacedRows = await rows(page, "unplaced-table");
  assert.deepEqual(unplacedRows.map((r) => ids(r[0])[0]), expected.unplaced.map((u) => u.seeker));
  assert.ok(unplacedRows[0][0].startsWith(label(expected.unplaced[0].seeker)), unplacedRows[0][0]);
  // Why and what would help are the core's words (the workbook's "Not placed" sheet).
  const words = samman.notPlaced(sheets, expected, { lang: "en" });
  assert.deepEqual(words.map((w) => w.seeker), expected.unplaced.map((u) => u.seeker));
  for (const [i, said] of words.entries()) {
    assert.ok(said.reason.length > 0);
    assert.equal(unplacedRows[i][1], said.reason);
    assert.equal(unplacedRows[i][2], said.help || "No single change found.");
  }
  assert.ok(words.some((w) => w.help.length > 0), "the fixture has a suggestion");
  assert.match(await page.innerText("#summary"), new RegExp(`^${expected.people_placed} of `));
  await page.screenshot({ path: join(results, "planned-en.png"), fullPage: true });

  // Move a placed person to another provider by hand: the first move the core accepts.
  const previous = expected.matches.map(({ seeker, provider }) => ({ seeker, provider }));
  let move = null;
  let replanned = null;
  search: for (const m of expected.matches) {
    for (const p of instance.providers) {
      if (p.id === m.provider) continue;
      try {
        replanned = samman.solve(instance, { solver: "groups", seed: 0, locked: [{ seeker: m.seeker, provider: p.id }], previous });
        move = { seeker: m.seeker, provider: p.id };
        break search;
      } catch (e) {
        assert.equal(e.kind, "invalid_input", e.message);
      }
    }
  }
  assert.ok(move, "some person can be moved");
  await page.selectOption("#move-seeker", move.seeker);
  await page.selectOption("#move-provider", move.provider);
  await page.click("#move-button");
  await page.waitForFunction((m) => document.getElementById("locks").innerText.includes(`${m.seeker} → ${m.provider}`),
    { seeker: label(move.seeker), provider: label(move.provider) });
  const afterMove = await rows(page, "providers-table");
  const movedRow = afterMove[instance.providers.findIndex((p) => p.id === move.provider)];
  assert.ok(movedRow[2].split("\n").some((line) => line.startsWith(label(move.seeker) + ", ")), movedRow[2]);
  const changes = await page.innerText("#changes");
  for (const m of replanned.moves ?? []) assert.ok(changes.includes(`${label(m.seeker)}: ${label(m.from)} → `), changes);
  assert.ok((replanned.moves ?? []).some((m) => m.seeker === move.seeker));

  // Download the workbook and read it back through the core: the re-planned plan, each
  // provider's block with the people placed there by name, and the sheet of changes.
  const [xlsx] = await Promise.all([page.waitForEvent("download"), page.click("#download-xlsx")]);
  assert.equal(xlsx.suggestedFilename(), "plan.xlsx");
  const workbook = samman.readWorkbook(readFileSync(await xlsx.path()));
  assert.deepEqual(workbook, samman.readWorkbook(samman.writeWorkbook(sheets, replanned, { lang: "en", changes: true })));
  assert.deepEqual(workbook.map((sheet) => sheet.name), ["Summary", "Lists", "Not placed", "Changes"]);
  const lists = workbook[1].rows;
  for (const provider of instance.providers) {
    const start = lists.findIndex((row) => row[0] === provider.id);
    const end = lists.findIndex((row, i) => i > start && row.every((cell) => cell === ""));
    const block = lists.slice(start, end < 0 ? undefined : end).filter((row) => /^g\d+$/.test(row[0]));
    assert.equal(lists[start][1], names.get(provider.id), "the provider's name carried");
    assert.deepEqual(block.map((row) => [row[0], row[1]]),
      replanned.matches.filter((m) => m.provider === provider.id).map((m) => [m.seeker, names.get(m.seeker)]), provider.id);
  }
  assert.ok(workbook[3].rows.some((row) => row[0] === move.seeker), "the move in the changes");

  // Download the plan as CSV and read it back: the re-planned plan, lock included, names carried.
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download-csv")]);
  const csv = readFileSync(await download.path(), "utf8").trim().split("\n");
  assert.equal(csv[0], "seeker,Name,provider,provider.Name,seats,score");
  assert.deepEqual(Buffer.from(csv.join("\n") + "\n"), Buffer.from(samman.writePlacementsCsv(sheets, replanned)));
  const pairs = csv.slice(1).map((line) => { const cells = line.split(","); return `${cells[0]},${cells[2]}`; });
  assert.deepEqual(pairs, replanned.matches.map((m) => `${m.seeker},${m.provider}`));
  assert.ok(pairs.includes(`${move.seeker},${move.provider}`));
  const [jsonDownload] = await Promise.all([page.waitForEvent("download"), page.click("#download-json")]);
  const plan = JSON.parse(readFileSync(await jsonDownload.path(), "utf8"));
  assert.deepEqual(plan.matches.map((m) => m.seeker), replanned.matches.map((m) => m.seeker));
  await page.screenshot({ path: join(results, "replanned-en.png"), fullPage: true });

  // In Swedish, the not-placed list too.
  await page.selectOption("#lang", "sv");
  assert.equal(await page.innerText("#plan"), "Planera");
  const swedish = samman.notPlaced(sheets, replanned, { lang: "sv" });
  const swedishRows = await rows(page, "unplaced-table");
  for (const [i, said] of swedish.entries()) {
    assert.equal(swedishRows[i][1], said.reason);
    assert.equal(swedishRows[i][2], said.help || "Ingen enskild ändring hittades.");
  }
  assert.ok(swedish.some((w) => w.help.length > 0 && !/would open|travelling/.test(w.help)), JSON.stringify(swedish));
  assert.match(await page.innerText("#summary"), / av .* personer placerade/);
  assert.match(await page.innerText("#status"), /^Planerat på \d+ ms\.$/);
  await page.screenshot({ path: join(results, "replanned-sv.png"), fullPage: true });

  // A bad file: the core's message, with the row and column, in the page.
  await page.setInputFiles("#seekers-file", { name: "bad.csv", mimeType: "text/csv", buffer: Buffer.from(seekersCsv.toString().replace("g02,1,", "g02,one,")) });
  await page.click("#plan");
  await page.waitForSelector("#error:not([hidden])");
  assert.match(await page.innerText("#error"), /^bad\.csv: row 3, column party_size: /);
  assert.equal(await page.$$eval("#error li", (items) => items.length), 0, "the message once, not again as a list");
  assert.equal(await page.isHidden("#step-result"), true, "no stale plan beside the error");
  await page.screenshot({ path: join(results, "error-sv.png") });

  assert.deepEqual(errors, []);
  assert.deepEqual(outside, [], "requests that left the page");
  const late = requests.slice(loaded).filter((url) => !url.startsWith("blob:"));
  assert.deepEqual(late, [], "requests after the page loaded");
  await context.close();
});

test("two files dropped on the page are told apart by their header, and planned", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "sv-SE" });
  const { outside } = await watch(context);
  const page = await context.newPage();
  await page.goto(origin + "/");
  await page.waitForSelector("body[data-ready=true]");
  // The browser's language picks Swedish.
  assert.equal(await page.inputValue("#lang"), "sv");
  const files = {
    "leverantorer.csv": readFileSync(fixture("providers.csv"), "utf8"),
    "deltagare.csv": readFileSync(fixture("seekers.csv"), "utf8"),
  };
  await page.evaluate((files) => {
    const transfer = new DataTransfer();
    for (const [name, text] of Object.entries(files)) transfer.items.add(new File([text], name, { type: "text/csv" }));
    document.getElementById("drop").dispatchEvent(new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, files);
  await page.waitForFunction(() => document.getElementById("providers-name").textContent === "leverantorer.csv"
    && document.getElementById("seekers-name").textContent === "deltagare.csv");
  await page.click("#plan");
  await page.waitForSelector("#step-result:not([hidden])");
  assert.match(await page.innerText("#summary"), /personer placerade/);
  assert.deepEqual(outside, []);
  await context.close();
});

test("the single-file page works opened from disk, and requests nothing", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "en-GB" });
  const requests = [];
  context.on("request", (request) => requests.push(request.url()));
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  const url = pathToFileURL(join(PLANNER, "planner-offline.html")).href;
  await page.goto(url);
  await page.waitForSelector("body[data-ready=true]");
  // From file:// no worker can be started: the core runs on the page's thread.
  assert.equal(await page.getAttribute("body", "data-core"), "page");
  await page.setInputFiles("#seekers-file", fixture("seekers.csv"));
  await page.setInputFiles("#providers-file", fixture("providers.csv"));
  await page.waitForFunction(() => document.getElementById("providers-name").textContent !== "");
  await page.click("#plan");
  await page.waitForSelector("#step-result:not([hidden])");
  assert.match(await page.innerText("#summary"), /^\d+ of 28 people placed/);
  await page.screenshot({ path: join(results, "offline-en.png") });
  assert.deepEqual(errors, []);
  assert.deepEqual(requests, [url], "the page itself and nothing else");
  await context.close();
});

test("XLSX files saved by LibreOffice plan as their CSV; rounds are the core's, with names", async () => {
  const samman = await loadSamman();
  const files = xlsxFixtures();
  const fromCsv = await expectedFor(samman);
  const fromXlsx = await expectedFor(samman, files);
  assert.deepEqual(fromXlsx.instance, fromCsv.instance, "the workbook reads as its CSV");
  const expected = samman.solve(fromXlsx.instance, { solver: "groups", seed: 0 });
  const { label } = fromXlsx;

  const { context, page, requests, outside, errors, loaded } = await openPlanner();
  await page.setInputFiles("#seekers-file", files.seekers);
  await page.setInputFiles("#providers-file", files.providers);
  await page.waitForFunction(() => document.getElementById("providers-name").textContent === "providers.xlsx");
  await page.click("#plan");
  await page.waitForSelector("#step-result:not([hidden])");
  assert.equal(await page.isHidden("#error"), true, await page.innerText("#error"));
  const providerRows = await rows(page, "providers-table");
  for (const [i, provider] of fromXlsx.instance.providers.entries()) {
    const people = expected.matches.filter((m) => m.provider === provider.id).map((m) => `${label(m.seeker)}, ${peopleText(m.seats)}`);
    assert.deepEqual(providerRows[i][2] === "" ? [] : providerRows[i][2].split("\n"), people, provider.id);
    // A provider with no one says it does not take place.
    const cancelled = expected.cancelled.some((c) => c.provider === provider.id);
    if (people.length === 0 && !cancelled) assert.match(providerRows[i][0], /no one placed: it does not take place/);
    if (people.length > 0) assert.doesNotMatch(providerRows[i][0], /does not take place/);
  }
  assert.ok(fromXlsx.instance.providers.some((p) => !expected.matches.some((m) => m.provider === p.id)), "the fixture has an empty provider");

  // Rounds: each round's tables as the core plans them for the same options.
  const roundsExpected = samman.rounds(fromXlsx.instance, { rounds: 3, seed: 0, max_iterations: 20000, time_limit_seconds: 30 });
  await page.fill("#rounds-count", "3");
  await page.click("#rounds-button");
  await page.waitForSelector("table.round");
  const tables = await page.$$eval("table.round", (ts) => ts.map((table) => ({
    caption: table.caption.innerText.trim(),
    rows: [...table.tBodies[0].rows].map((tr) => [...tr.cells].map((c) => c.innerText.trim())),
  })));
  assert.equal(tables.length, 3);
  for (const [r, round] of roundsExpected.rounds.entries()) {
    assert.equal(tables[r].caption, `Round ${r + 1}`);
    for (const [g, group] of round.groups.entries()) {
      assert.equal(tables[r].rows[g][0], label(group.provider));
      assert.deepEqual(tables[r].rows[g][1].split("\n"), group.members.map(label), `round ${r + 1}, ${group.provider}`);
    }
  }
  assert.match(await page.innerText("#rounds-summary"), new RegExp(`^3 rounds; ${roundsExpected.repeat_pairs} pairs meet more than once\\.$`));
  await page.screenshot({ path: join(results, "rounds-en.png"), fullPage: true });
  await page.selectOption("#lang", "sv");
  assert.equal(await page.$eval("table.round caption", (c) => c.innerText.trim()), "Omgång 1");
  await page.screenshot({ path: join(results, "rounds-sv.png"), fullPage: true });

  assert.deepEqual(errors, []);
  assert.deepEqual(outside, [], "requests that left the page");
  assert.deepEqual(requests.slice(loaded).filter((url) => !url.startsWith("blob:")), [], "requests after the page loaded");
  await context.close();
});
