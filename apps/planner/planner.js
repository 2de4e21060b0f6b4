// The coordinator's planner: the two spreadsheets in, a plan out, by the samman core compiled
// to WebAssembly and loaded from this folder. Every rule, figure, reason and suggestion comes
// from the core (solve, explain); this file reads files, keeps the coordinator's locks, and
// shows and downloads what the core answered. Nothing is sent anywhere.
import { loadSamman } from "./samman/index.js";
import { say } from "./text.js";

const $ = (id) => document.getElementById(id);

const state = {
  lang: navigator.language?.toLowerCase().startsWith("sv") ? "sv" : "en",
  files: { seekers: null, providers: null },
  instance: null,
  plan: null,
  explanations: new Map(),
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

/** A dropped or chosen file: providers when its header has a capacity column. */
async function takeFile(file, role) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (role == null) {
    const header = new TextDecoder().decode(bytes.subarray(0, 4096)).split(/\r?\n/)[0];
    role = /(^|[,;\t])capacity([,;\t]|$)/.test(header) ? "providers" : "seekers";
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

function ruleNames(rules) {
  return rules.map((r) => t(`g_${typeof r === "string" ? r : r.kind ?? Object.keys(r)[0]}`)).join(", ");
}

function reasonText(unplaced, explanation) {
  const reason = unplaced.reason;
  let text;
  if (reason.kind === "seats_taken") text = t("r_seats_taken", { feasible: reason.feasible });
  else if (reason.kind === "group") text = t("r_group", { rules: ruleNames(reason.rules) });
  else text = t("r_no_feasible_provider");
  if (explanation?.most_limiting) text += " " + t("mostLimiting", { rule: t(`rule_${explanation.most_limiting}`) });
  return text;
}

function render() {
  const { instance, plan } = state;
  const seekersById = new Map(instance.seekers.map((s) => [s.id, s]));
  const people = instance.seekers.reduce((n, s) => n + (s.party_size ?? 1), 0);
  $("summary").textContent = t("summary", {
    placed: plan.people_placed,
    people,
    parties: plan.matches.length,
    total: instance.seekers.length,
    cancelled: plan.cancelled.length,
  });

  const byProvider = new Map(instance.providers.map((p) => [p.id, []]));
  for (const m of plan.matches) byProvider.get(m.provider)?.push(m);
  const cancelled = new Map(plan.cancelled.map((c) => [c.provider, c.rules]));
  const rows = instance.providers.map((p) => {
    const matches = byProvider.get(p.id);
    const seats = matches.reduce((n, m) => n + m.seats, 0);
    const list = el("ul", { className: "people" },
      ...matches.map((m) => el("li", { textContent: `${m.seeker} (${m.seats})` })));
    const name = el("th", { scope: "row", textContent: p.id });
    if (cancelled.has(p.id)) name.append(el("div", { className: "note", textContent: t("cancelled", { rules: ruleNames(cancelled.get(p.id)) }) }));
    return el("tr", { className: matches.length === 0 ? "empty" : "" },
      name, el("td", { textContent: `${seats} / ${p.capacity}` }), el("td", {}, list));
  });
  $("providers-table").tBodies[0].replaceChildren(...rows);

  const unplacedRows = plan.unplaced.map((u) => {
    const explanation = state.explanations.get(u.seeker);
    const suggestions = explanation?.relaxations ?? [];
    const help = suggestions.length > 0
      ? el("ul", {}, ...suggestions.slice(0, 3).map((r) => el("li", { textContent: r.description })))
      : el("span", { textContent: t("noSuggestion") });
    const size = seekersById.get(u.seeker)?.party_size ?? 1;
    return el("tr", {},
      el("th", { scope: "row", textContent: `${u.seeker} (${t(size === 1 ? "people_one" : "people", { n: size })})` }),
      el("td", { textContent: reasonText(u, explanation) }),
      el("td", {}, help));
  });
  $("unplaced-table").tBodies[0].replaceChildren(...unplacedRows);
  $("unplaced-table").hidden = unplacedRows.length === 0;
  $("nobody-unplaced").hidden = unplacedRows.length > 0;

  const where = new Map(plan.matches.map((m) => [m.seeker, m.provider]));
  $("move-seeker").replaceChildren(...instance.seekers.map((s) =>
    el("option", { value: s.id, textContent: `${s.id} → ${where.get(s.id) ?? t("notPlacedNow")}` })));
  $("move-provider").replaceChildren(...instance.providers.map((p) =>
    el("option", { value: p.id, textContent: p.id })));

  $("locks").replaceChildren(...(state.locks.length === 0
    ? [el("li", { textContent: t("noLocks") })]
    : state.locks.map((lock, i) => {
      const button = el("button", { type: "button", textContent: t("remove", lock) });
      button.addEventListener("click", () => plan_(true, state.locks.filter((_, j) => j !== i)));
      return el("li", {}, button);
    })));
  const moves = plan.moves ?? [];
  $("changes").replaceChildren(...(moves.length === 0
    ? [el("li", { textContent: t("noChanges") })]
    : moves.map((m) => el("li", { textContent: t("moved", { seeker: m.seeker, from: m.from, to: m.to ?? t("notPlacedNow") }) }))));
  $("step-result").hidden = false;
}

let samman = null;

/** Drop the shown plan: a new pair of files failed, and an old plan would mislead. */
function forget() {
  state.instance = null;
  state.plan = null;
  state.locks = [];
  $("step-result").hidden = true;
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
  showStatus("planning");
  $("plan").disabled = true;
  // Let the page show "Planning…" before the core takes the thread (a large programme with
  // the groups solver takes seconds).
  await new Promise((painted) => requestAnimationFrame(() => setTimeout(painted, 0)));
  try {
    const started = performance.now();
    if (!again) {
      const instance = samman.readCsv(seekers.bytes, providers.bytes);
      instance.policy = samman.preset($("programme").value);
      const check = samman.validate(instance);
      if (!check.valid) {
        forget();
        showError(t("invalid"), check.problems ?? []);
        return;
      }
      state.instance = instance;
      state.plan = null;
      locks = [];
    }
    const previous = state.plan?.matches.map(({ seeker, provider }) => ({ seeker, provider })) ?? [];
    const plan = samman.solve(state.instance, {
      solver: $("solver").value,
      seed: 0,
      locked: locks,
      previous,
    });
    const unplaced = plan.unplaced.map((u) => u.seeker);
    const explanations = unplaced.length > 0 ? samman.explainMany(state.instance, unplaced, { plan }) : [];
    state.plan = plan;
    state.locks = locks;
    state.explanations = new Map(explanations.map((e) => [e.seeker, e]));
    render();
    showStatus("planned", { ms: Math.round(performance.now() - started) });
  } catch (e) {
    if (!again) forget();
    showStatus(null);
    showError(e.path ? `${e.path}: ${e.message}` : e.message, e.problems ?? []);
  } finally {
    $("plan").disabled = false;
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
  $("download-csv").addEventListener("click", () =>
    download("plan.csv", "text/csv", samman.writePlanCsv(state.instance, state.plan)));
  $("download-json").addEventListener("click", () =>
    download("plan.json", "application/json", JSON.stringify(state.plan, null, 2) + "\n"));
}

applyLanguage();
wire();
samman = await loadSamman();
showStatus("ready");
document.body.dataset.ready = "true";
