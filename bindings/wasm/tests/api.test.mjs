// The package as an embedder uses it: loadSamman(), plain objects in and out, errors with
// kind and path. Run with `node --test bindings/wasm/tests/` after bindings/wasm/build.sh.
import { test } from "node:test";
import assert from "node:assert/strict";
import { loadSamman } from "../pkg/index.js";

const samman = await loadSamman();

const SEEKERS = `id,party_size,origin,gender,languages,diet,availability,lat,lon,max_travel_km
g1,2,newcomer,mixed,ar:native;sv:conversational,halal,2026-09-05T17:00/2026-09-05T23:00,59.33,18.06,5
g2,1,established,female,sv:native,,2026-09-05T17:00/2026-09-05T23:00,59.331,18.061,5
g3,3,newcomer,male,sv:basic,vegan,2026-09-05T17:00/2026-09-05T23:00,59.6,18.5,2
`;
const PROVIDERS = `id,kind,capacity,host_origin,host_gender,availability,lat,lon,languages,caters
d1,dinner,6,established,female,2026-09-05T18:00/2026-09-05T22:00,59.33,18.07,sv:native;en:fluent,halal;vegan
d2,dinner,4,newcomer,male,2026-09-05T18:00/2026-09-05T22:00,59.332,18.065,sv:native;ar:native,halal
`;

test("loadSamman loads once and gives the same functions", async () => {
  assert.equal(await loadSamman(), samman);
  assert.match(samman.version(), /^\d+\.\d+\.\d+/);
});

test("the README example: a generated programme solved with the groups solver", () => {
  const instance = samman.generate("dinners", { size: 40, seed: 3 });
  const plan = samman.solve(instance, { solver: "groups", seed: 0 });
  assert.equal(plan.solver, "groups");
  assert.equal(plan.matches.length + plan.unplaced.length, 40);
  const seekers = new Set(instance.seekers.map((s) => s.id));
  for (const m of plan.matches) assert.ok(seekers.has(m.seeker));
  assert.equal(typeof plan.total_score, "number");
  assert.ok(Array.isArray(plan.cancelled));
});

test("the same instance and seed give the same plan", () => {
  const instance = samman.generate("workshops", { size: 60, seed: 9 });
  const a = samman.json.solve(JSON.stringify(instance), '{"solver":"groups","seed":5}');
  const b = samman.json.solve(JSON.stringify(instance), '{"solver":"groups","seed":5}');
  assert.equal(a, b);
  assert.deepEqual(samman.solve(instance, { solver: "groups", seed: 5 }), JSON.parse(a));
});

test("validate lists every problem with its path, and a parse error with its place", () => {
  const instance = samman.generate("visits", { size: 5, seed: 1 });
  assert.deepEqual(samman.validate(instance), { valid: true, problems: [] });
  instance.seekers[1].party_size = 0;
  instance.providers[0].capacity = 0;
  const report = samman.validate(instance);
  assert.equal(report.valid, false);
  const paths = report.problems.map((p) => p.path);
  assert.ok(paths.includes("seekers[1].party_size"), paths.join(", "));
  assert.ok(paths.some((p) => p.startsWith("providers[0]")), paths.join(", "));
  const broken = samman.validate('{"seekers": [}');
  assert.equal(broken.valid, false);
  assert.equal(broken.parse_error.line, 1);
});

test("errors are Errors with kind and path", () => {
  const instance = samman.generate("dinners", { size: 10, seed: 1 });
  const throws = (fn, kind, path) =>
    assert.throws(fn, (e) => {
      assert.ok(e instanceof Error, "an Error");
      assert.equal(e.kind, kind, e.message);
      assert.equal(e.path, path, e.message);
      assert.ok(e.message.length > 0);
      return true;
    });
  throws(() => samman.solve(instance, { solver: "fastest" }), "invalid_input", "options.solver");
  throws(() => samman.solve(instance, { move_cost: -1 }), "invalid_input", "options.move_cost");
  throws(() => samman.solve('{"seekers": 3}', {}), "invalid_input", "seekers");
  const invalid = structuredClone(instance);
  invalid.seekers[2].party_size = 0;
  assert.throws(() => samman.solve(invalid, {}), (e) => {
    assert.equal(e.kind, "invalid_input");
    assert.equal(e.path, "seekers[2].party_size");
    assert.ok(e.problems.some((p) => p.path === "seekers[2].party_size"));
    return true;
  });
  throws(
    () => samman.solve(instance, { locked: [{ seeker: "nobody", provider: instance.providers[0].id }] }),
    "unknown_id",
    "options.locked[0].seeker",
  );
  throws(() => samman.explain(instance, "nobody"), "unknown_id", "seeker");
  throws(() => samman.generate("picnics"), "invalid_input", "programme");
  throws(() => samman.evaluate(instance, { matches: [{ seeker: 1 }] }), "invalid_input", "matches[0].seeker");
});

test("CSV in: an instance from the two files, and a row and column on a bad cell", () => {
  const instance = samman.readCsv(SEEKERS, new TextEncoder().encode(PROVIDERS));
  assert.deepEqual(instance.seekers.map((s) => s.id), ["g1", "g2", "g3"]);
  assert.equal(instance.providers[0].capacity, 6);
  assert.equal(samman.validate(instance).valid, true);
  assert.throws(
    () => samman.readCsv(SEEKERS.replace("g2,1,", "g2,one,"), PROVIDERS),
    (e) => e.kind === "invalid_input" && e.path === "seekers" && e.row === 3 && e.column === "party_size",
  );
  // A personal column's value is never repeated in the message.
  assert.throws(
    () => samman.readCsv(SEEKERS.replace(",vegan,", ",secret-diet,"), PROVIDERS),
    (e) => e.kind === "invalid_input" && e.column === "diet" && !e.message.includes("secret-diet"),
  );
});

test("explain: the unplaced seeker's reasons and relaxations come from the core", () => {
  const instance = samman.readCsv(SEEKERS, PROVIDERS);
  const plan = samman.solve(instance, { solver: "groups" });
  const unplaced = plan.unplaced.map((u) => u.seeker);
  assert.ok(unplaced.includes("g3"), JSON.stringify(plan.unplaced));
  const why = samman.explain(instance, "g3", { plan });
  assert.equal(why.seeker, "g3");
  assert.equal(why.providers, 2);
  assert.equal(why.feasible, 0);
  assert.ok(why.excluded.distance >= 1, JSON.stringify(why.excluded));
  const many = samman.explainMany(instance, ["g1", "g3"], { plan });
  assert.deepEqual(many.map((e) => e.seeker), ["g1", "g3"]);
  assert.deepEqual(many[1], why);
  assert.ok(many[0].placed != null);
});

test("evaluate and writePlanCsv read the plan the solver gave", () => {
  const instance = samman.generate("coaching", { size: 30, seed: 2 });
  const plan = samman.solve(instance, { solver: "optimal" });
  const report = samman.evaluate(instance, plan);
  assert.equal(report.validity.valid, true);
  assert.equal(report.placement.parties_placed, plan.matches.length);
  const csv = samman.writePlanCsv(instance, plan).trim().split("\n");
  assert.equal(csv[0], "seeker,provider,seats,score");
  assert.equal(csv.length, plan.matches.length + 1);
  const fromList = samman.evaluate(instance, {
    matches: plan.matches.map(({ seeker, provider }) => ({ seeker, provider })),
  });
  assert.deepEqual(fromList.placement, report.placement);
});

test("a lock and a previous plan: the lock kept, the rest changed as little as it can", () => {
  const instance = samman.generate("visits", { size: 40, seed: 6 });
  const first = samman.solve(instance, { solver: "optimal" });
  const previous = first.matches.map(({ seeker, provider }) => ({ seeker, provider }));
  // Re-planning with nothing changed moves nobody.
  const same = samman.solve(instance, { solver: "optimal", previous });
  assert.deepEqual(same.moves ?? [], []);
  assert.deepEqual(same.matches.map((m) => [m.seeker, m.provider]), previous.map((p) => [p.seeker, p.provider]));
  // Lock a placed seeker elsewhere: the first lock the core accepts (others are refused
  // as invalid input with the lock's path).
  let locked = null;
  let plan = null;
  for (const m of first.matches) {
    for (const p of instance.providers) {
      if (p.id === m.provider || locked) continue;
      try {
        plan = samman.solve(instance, { solver: "optimal", previous, locked: [{ seeker: m.seeker, provider: p.id }] });
        locked = { seeker: m.seeker, provider: p.id, from: m.provider };
      } catch (e) {
        assert.equal(e.kind, "invalid_input", e.message);
        assert.ok(["options.locked[0]", "constraints.locked"].includes(e.path), e.path);
      }
    }
  }
  assert.ok(locked, "some seeker can be moved");
  assert.ok(plan.matches.some((m) => m.seeker === locked.seeker && m.provider === locked.provider));
  const move = plan.moves.find((m) => m.seeker === locked.seeker);
  assert.deepEqual([move.from, move.to], [locked.from, locked.provider]);
  // Every move the plan reports is a real change from the previous plan, and no other.
  const now = new Map(plan.matches.map((m) => [m.seeker, m.provider]));
  const changed = previous.filter((p) => now.get(p.seeker) !== p.provider).map((p) => p.seeker);
  assert.deepEqual(plan.moves.map((m) => m.seeker), changed);
});

test("schemas describe the documents", () => {
  const schemas = samman.schemas();
  assert.deepEqual(Object.keys(schemas).sort(), ["Instance", "MetricsOptions", "Options", "Params", "Plan", "RoundsOptions", "RoundsPlan"]);
  assert.ok(schemas.RoundsOptions.properties.max_iterations);
  assert.ok(schemas.Options.properties.solver);
});

test("summary: the core's headline figures, a seeker who wants two volunteers counted once", () => {
  const instance = {
    version: 1,
    seekers: [{ id: "older-1", wants: 2 }, { id: "older-2" }, { id: "older-3", blocked: ["v1", "v2", "v3"] }],
    providers: ["v1", "v2", "v3"].map((id) => ({ id, capacity: 1 })),
  };
  const plan = samman.solve(instance);
  assert.equal(plan.matches.filter((m) => m.seeker === "older-1").length, 2);
  const summary = samman.summary(instance, plan);
  const { placement } = samman.evaluate(instance, plan);
  assert.equal(summary.parties, 3);
  assert.equal(summary.parties_placed, 2);
  assert.equal(summary.people, 4);
  assert.equal(summary.people_placed, 3);
  assert.equal(summary.parties_placed, placement.parties_placed);
  assert.equal(summary.people, placement.people);
  assert.deepEqual(JSON.parse(samman.json.summary(JSON.stringify(instance), JSON.stringify(plan))), summary);
});
