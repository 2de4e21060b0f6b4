// The coordinator's planner: the two spreadsheets in (CSV, XLSX or ODS), a plan out, by the
// samman core compiled to WebAssembly and loaded from this folder. Every rule, figure, reason
// and suggestion comes from the core (readSheets, solve, explain, rounds), and so do the files
// downloaded (writeWorkbook, writePlacementsCsv); this file reads files, keeps the
// coordinator's locks, and shows what the core answered. Nothing is sent anywhere.
import { loadSamman } from "./samman/index.js";
import { say } from "./text.js";

const $ = (id) => document.getElementById(id);

const state = {
  lang: navigator.language?.toLowerCase().startsWith("sv") ? "sv" : "en",
  files: { seekers: null, providers: null },
  instance: null,
  /** The carried columns' names by id, from the files (readSheets). */
  names: { seekers: new Map(), providers: new Map() },
  /** The files and policy the plan was made on, for the workbook and the CSV. */
  sheets: null,
  plan: null,
  rounds: null,
  unplacedWords: {},
  locks: [],
  status: { key: "loading", vars: {} },
};

const t = (key, vars) => say(state.lang, key, vars);

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  Object.assign(node, props);
  for (const child of children) node.append(child);
  return node;
}

function applyLanguage() {
  document.documentElement.lang = state.lang;
  $("lang").value = state.lang;
  document.title = t("title");
  for (const node of document.querySelectorAll("[data-text]")) node.textContent = t(node.dataset.text);
  showStatus(state.status.key, state.status.vars);
  if (state.plan) render();
}

function showStatus(key, vars = {}) {
  state.status = { key, vars };
  $("status").textContent = key ? t(key, vars) : "";
}

function showError(message, problems = []) {
  // Problems with a path (an invalid instance's); a file's one problem is the message itself.
  problems = problems.filter((p) => p.path);
  const box = $("error");
  box.replaceChildren(el("p", { textContent: message }));
  if (problems.length > 0) {
    box.append(el("ul", {}, ...problems.map((p) => el("li", { textContent: `${p.path}: ${p.message}` }))));
  }
  box.hidden = false;
}

function clearError() {
  $("error").hidden = true;
  $("error").replaceChildren();
}

/** A dropped or chosen file: providers when the core finds a capacity column in its header. */
async function takeFile(file, role) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (role == null) {
    let providers = false;
    try {
      providers = await core.call("isProvidersSheet", { name: file.name, bytes });
    } catch {
      // An unreadable file: taken as the seekers; planning shows the core's message.
    }
    role = providers ? "providers" : "seekers";
  }
  state.files[role] = { name: file.name, bytes };
  $(`${role}-name`).textContent = file.name;
}

function download(name, type, contents) {
  const url = URL.createObjectURL(new Blob([contents], { type }));
  const link = el("a", { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** A person or provider as the lists name them: `Name (id)`, or the id when no column says name. */
function label(side, id) {
  const name = state.names[side].get(id);
  return name ? `${name} (${id})` : id;
}

const peopleText = (n) => t(n === 1 ? "people_one" : "people", { n });

function ruleNames(rules) {
  return rules.map((r) => t(`g_${typeof r === "string" ? r : r.kind ?? Object.keys(r)[0]}`)).join(", ");
}

function render() {
  const { instance, plan } = state;
  const seekersById = new Map(instance.seekers.map((s) => [s.id, s]));
  // The core's figures (a seeker who wants several providers counts once among the parties
  // and its people once per placement).
  const figures = state.summary;
  $("summary").textContent = t("summary", {
    placed: figures.people_placed,
    people: figures.people,
    parties: figures.parties_placed,
    total: figures.parties,
    cancelled: figures.providers_cancelled,
  });

  const byProvider = new Map(instance.providers.map((p) => [p.id, []]));
  for (const m of plan.matches) byProvider.get(m.provider)?.push(m);
  const cancelled = new Map(plan.cancelled.map((c) => [c.provider, c.rules]));
  const rows = instance.providers.map((p) => {
    const matches = byProvider.get(p.id);
    const seats = matches.reduce((n, m) => n + m.seats, 0);
    const list = el("ul", { className: "people" },
      ...matches.map((m) => el("li", { textContent: `${label("seekers", m.seeker)}, ${peopleText(m.seats)}` })));
    const name = el("th", { scope: "row", textContent: label("providers", p.id) });
    if (cancelled.has(p.id)) name.append(el("div", { className: "note", textContent: t("cancelled", { rules: ruleNames(cancelled.get(p.id)) }) }));
    else if (matches.length === 0) name.append(el("div", { className: "note", textContent: t("nobody") }));
    return el("tr", { className: matches.length === 0 ? "empty" : "" },
      name, el("td", { textContent: `${seats} / ${p.capacity}` }), el("td", {}, list));
  });
  $("providers-table").tBodies[0].replaceChildren(...rows);

  // Why and what would help, in words from the core (the workbook's "Not placed" sheet).
  const words = state.unplacedWords[state.lang] ?? new Map();
  const unplacedRows = plan.unplaced.map((u) => {
    const said = words.get(u.seeker);
    const size = seekersById.get(u.seeker)?.party_size ?? 1;
    return el("tr", {},
      el("th", { scope: "row", textContent: `${label("seekers", u.seeker)}, ${peopleText(size)}` }),
      el("td", { textContent: said?.reason ?? "" }),
      el("td", { textContent: said?.help || t("noSuggestion") }));
  });
  $("unplaced-table").tBodies[0].replaceChildren(...unplacedRows);
  $("unplaced-table").hidden = unplacedRows.length === 0;
  $("nobody-unplaced").hidden = unplacedRows.length > 0;

  const where = new Map();
  for (const m of plan.matches) where.set(m.seeker, [...(where.get(m.seeker) ?? []), label("providers", m.provider)]);
  $("move-seeker").replaceChildren(...instance.seekers.map((s) =>
    el("option", { value: s.id, textContent: `${label("seekers", s.id)} → ${where.has(s.id) ? where.get(s.id).join(", ") : t("notPlacedNow")}` })));
  $("move-provider").replaceChildren(...instance.providers.map((p) =>
    el("option", { value: p.id, textContent: label("providers", p.id) })));

  $("locks").replaceChildren(...(state.locks.length === 0
    ? [el("li", { textContent: t("noLocks") })]
    : state.locks.map((lock, i) => {
      const button = el("button", { type: "button", textContent: t("remove", { seeker: label("seekers", lock.seeker), provider: label("providers", lock.provider) }) });
      button.addEventListener("click", () => plan_(true, state.locks.filter((_, j) => j !== i)));
      return el("li", {}, button);
    })));
  const moves = plan.moves ?? [];
  $("changes").replaceChildren(...(moves.length === 0
    ? [el("li", { textContent: t("noChanges") })]
    : moves.map((m) => el("li", { textContent: t("moved", { seeker: label("seekers", m.seeker), from: label("providers", m.from), to: m.to ? label("providers", m.to) : t("notPlacedNow") }) }))));
  $("step-result").hidden = false;
  $("step-rounds").hidden = false;
  if (state.rounds) renderRounds();
}

function renderRounds() {
  const plan = state.rounds;
  $("rounds-summary").textContent = t("roundsSummary", {
    rounds: plan.rounds.length,
    repeats: plan.repeat_pairs,
  });
  $("rounds").replaceChildren(...plan.rounds.map((round) => {
    const rows = round.groups.map((g) => el("tr", {},
      el("th", { scope: "row", textContent: label("providers", g.provider) }),
      el("td", {}, el("ul", { className: "people" }, ...g.members.map((id) => el("li", { textContent: label("seekers", id) }))))));
    const out = [...round.sitting_out, ...(round.unseated ?? []).map((u) => u.seeker)];
    if (out.length > 0) {
      rows.push(el("tr", { className: "empty" },
        el("th", { scope: "row", textContent: t("sittingOut") }),
        el("td", { textContent: out.map((id) => label("seekers", id)).join(", ") })));
    }
    const caption = el("caption", { textContent: t("roundN", { n: round.round }) + (round.date ? ` (${round.date})` : "") });
    return el("table", { className: "round" }, caption,
      el("thead", {}, el("tr", {}, el("th", { scope: "col", textContent: t("colProvider") }), el("th", { scope: "col", textContent: t("colPeople") }))),
      el("tbody", {}, ...rows));
  }));
}

/**
 * The core: in a Web Worker (worker.js) when the browser starts one from this folder, so that
 * the page stays responsive while it plans; else on this thread (planner-offline.html opened
 * from disk, where no worker can be started). `call(fn, ...args)` runs one of the package's
 * functions and resolves with its answer, or rejects with its Error (kind, path, ...).
 */
let core = null;

function startWorker() {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
    const pending = new Map();
    let next = 0;
    worker.addEventListener("error", (e) => reject(new Error(e.message || "the worker did not start")), { once: true });
    worker.addEventListener("message", ({ data }) => {
      if ("ready" in data) {
        if (!data.ready) reject(new Error(data.message));
        return resolve({
          inWorker: true,
          call: (fn, ...args) => new Promise((done, fail) => {
            pending.set(++next, { done, fail });
            worker.postMessage({ id: next, fn, args });
          }),
        });
      }
      const { done, fail } = pending.get(data.id);
      pending.delete(data.id);
      if (data.error) fail(Object.assign(new Error(data.error.message), data.error));
      else done(data.result);
    });
  });
}

async function startCore() {
  if (typeof NO_WORKER === "undefined") {
    try {
      return await startWorker();
    } catch {
      // No worker here: the core runs on this thread.
    }
  }
  const samman = await loadSamman();
  return { inWorker: false, call: async (fn, ...args) => samman[fn](...args) };
}

/**
 * Show `key` while `work` runs, then its seconds so far each second (the core gives no
 * progress of its own; the seconds show that it is working). The page's thread is free while
 * the worker plans; without a worker, let the page paint the text first.
 */
async function busy(key, work) {
  showStatus(key);
  const started = performance.now();
  const tick = setInterval(() => showStatus(`${key}For`, { s: Math.round((performance.now() - started) / 1000) }), 1000);
  try {
    if (!core.inWorker) await new Promise((painted) => requestAnimationFrame(() => setTimeout(painted, 0)));
    return await work();
  } finally {
    clearInterval(tick);
  }
}

/** Drop the shown plan: a new pair of files failed, and an old plan would mislead. */
function forget() {
  state.instance = null;
  state.sheets = null;
  state.plan = null;
  state.rounds = null;
  state.locks = [];
  $("step-result").hidden = true;
  $("step-rounds").hidden = true;
  showStatus(null);
}

/**
 * Plan (again): with `locks`, and the current plan as the one to change least. The locks are
 * kept only when the core accepts them.
 */
async function plan_(again, locks = state.locks) {
  clearError();
  const { seekers, providers } = state.files;
  if (!seekers || !providers) {
    showError(t("needFiles"));
    return;
  }
  $("plan").disabled = true;
  try {
    const started = performance.now();
    const done = await busy("planning", async () => {
      let read = null;
      if (!again) {
        const sheets = { seekers, providers, policy: await core.call("preset", $("programme").value) };
        const roster = await core.call("readSheets", sheets);
        const check = await core.call("validate", roster.instance);
        if (!check.valid) return { problems: check.problems ?? [] };
        read = { sheets, roster };
        locks = [];
      }
      const instance = read?.roster.instance ?? state.instance;
      const previous = again ? state.plan.matches.map(({ seeker, provider }) => ({ seeker, provider })) : [];
      const plan = await core.call("solve", instance, { solver: $("solver").value, seed: 0, locked: locks, previous });
      // The not-placed list in words, in both languages, so that switching language is instant.
      const files = read?.sheets ?? state.sheets;
      const unplacedWords = {};
      for (const lang of ["en", "sv"]) {
        const words = plan.unplaced.length > 0 ? await core.call("notPlaced", files, plan, { lang }) : [];
        unplacedWords[lang] = new Map(words.map((w) => [w.seeker, w]));
      }
      const summary = await core.call("summary", instance, plan);
      return { read, plan, unplacedWords, summary };
    });
    if (done.problems) {
      forget();
      showError(t("invalid"), done.problems);
      return;
    }
    if (done.read) {
      const { sheets, roster } = done.read;
      const names = (carried) => new Map(carried.rows.filter((r) => r.name).map((r) => [r.id, r.name]));
      state.instance = roster.instance;
      state.sheets = sheets;
      state.names = { seekers: names(roster.seekers), providers: names(roster.providers) };
      state.rounds = null;
      $("rounds").replaceChildren();
      $("rounds-summary").textContent = "";
    }
    state.plan = done.plan;
    state.locks = locks;
    state.unplacedWords = done.unplacedWords;
    state.summary = done.summary;
    render();
    showStatus("planned", { ms: Math.round(performance.now() - started) });
  } catch (e) {
    if (!again) forget();
    showStatus(null);
    showError(errorText(e), e.problems ?? []);
  } finally {
    $("plan").disabled = false;
  }
}

/** A core's error as the page shows it: a file's problem names the file, row and column itself. */
const errorText = (e) => (e.path && e.file == null ? `${e.path}: ${e.message}` : e.message);

/** Rounds of the people read: everyone meets someone new each round, as far as the seats allow. */
async function planRounds() {
  clearError();
  $("rounds-button").disabled = true;
  try {
    const started = performance.now();
    state.rounds = await busy("planningRounds", () => core.call("rounds", state.instance, {
      rounds: Number($("rounds-count").value),
      never_again: $("rounds-never-again").checked,
      seed: 0,
      // A search bounded by steps, not seconds: the same files give the same rounds anywhere.
      max_iterations: 20000,
      time_limit_seconds: 30,
    }));
    renderRounds();
    showStatus("roundsPlanned", { ms: Math.round(performance.now() - started) });
  } catch (e) {
    showStatus(null);
    showError(errorText(e), e.problems ?? []);
  } finally {
    $("rounds-button").disabled = false;
  }
}

function wire() {
  $("lang").addEventListener("change", (e) => {
    state.lang = e.target.value;
    applyLanguage();
  });
  for (const role of ["seekers", "providers"]) {
    $(`${role}-file`).addEventListener("change", (e) => {
      if (e.target.files[0]) takeFile(e.target.files[0], role);
    });
  }
  const drop = $("drop");
  drop.addEventListener("dragover", (e) => {
    e.preventDefault();
    drop.classList.add("over");
  });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", async (e) => {
    e.preventDefault();
    drop.classList.remove("over");
    for (const file of e.dataTransfer.files) await takeFile(file, null);
  });
  $("plan").addEventListener("click", () => plan_(false));
  $("move").addEventListener("submit", (e) => {
    e.preventDefault();
    const seeker = $("move-seeker").value;
    const provider = $("move-provider").value;
    plan_(true, [...state.locks.filter((l) => l.seeker !== seeker), { seeker, provider }]);
  });
  $("download-xlsx").addEventListener("click", async () => {
    const changes = (state.plan.moves ?? []).length > 0;
    const workbook = await core.call("writeWorkbook", state.sheets, state.plan, { lang: state.lang, changes });
    download(t("workbookFile"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", workbook);
  });
  $("download-csv").addEventListener("click", async () =>
    download("plan.csv", "text/csv", await core.call("writePlacementsCsv", state.sheets, state.plan)));
  $("rounds-form").addEventListener("submit", (e) => {
    e.preventDefault();
    planRounds();
  });
  $("download-json").addEventListener("click", () =>
    download("plan.json", "application/json", JSON.stringify(state.plan, null, 2) + "\n"));
}

applyLanguage();
wire();
core = await startCore();
document.body.dataset.core = core.inWorker ? "worker" : "page";
showStatus("ready");
document.body.dataset.ready = "true";
