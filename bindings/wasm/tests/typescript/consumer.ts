// An embedder's TypeScript, checked with `tsc --strict` against the package's .d.ts files
// (types.test.mjs): the generated types describe what the functions take and give.
import { loadSamman, type Instance, type Plan, type SammanError, type Explanation } from "../../pkg/index.js";

const samman = await loadSamman();
const instance: Instance = samman.generate("dinners", { size: 10, seed: 2 });
instance.policy = samman.preset("dinners");
const plan: Plan = samman.solve(instance, { solver: "groups", seed: 0, locked: [] });
const placed: number = plan.people_placed + plan.matches.length;
const kinds: string[] = plan.unplaced.map((u) => u.reason.kind);
// Fields with defaults are optional in the instance type (it is the input format).
const why: Explanation = samman.explain(instance, instance.seekers?.[0]?.id ?? "", { plan });
const again: Plan = samman.solve(instance, {
  previous: plan.matches.map(({ seeker, provider }) => ({ seeker, provider })),
  move_cost: 2,
});
try {
  samman.solve("{}", {});
} catch (e) {
  const error = e as SammanError;
  console.log(error.kind, error.path, placed, kinds, why.feasible, again.moves?.length);
}
// @ts-expect-error: not a solver
samman.solve(instance, { solver: "fastest" });
// @ts-expect-error: not a programme
samman.generate("picnics");
