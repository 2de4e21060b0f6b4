// An embedder's TypeScript, checked with `tsc --strict` against the package's .d.ts files
// (types.test.mjs): the generated types describe what the functions take and give.
import {
  loadSamman, type Instance, type Plan, type SammanError, type Explanation, type Sheets, type Roster,
  type RoundsPlan, type SheetText,
} from "../../pkg/index.js";

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

// Spreadsheets: files as names and bytes, the carried columns, the workbook as bytes.
const files: Sheets = {
  seekers: { name: "guests.xlsx", bytes: new Uint8Array() },
  providers: { name: "hosts.csv", bytes: "id,capacity\nd1,4\n" },
  policy: samman.preset("dinners"),
};
const roster: Roster = samman.readSheets(files);
const names: (string | null)[] = roster.seekers.rows.map((r) => r.name);
const workbook: Uint8Array = samman.writeWorkbook(files, plan, { lang: "sv", changes: false });
const sheets: SheetText[] = samman.readWorkbook(workbook);
const hosts: boolean = samman.isProvidersSheet(files.providers);
// Rounds: the core's options and plan of rounds.
const rounds: RoundsPlan = samman.rounds(instance, { rounds: 3, seed: 1, max_iterations: 2000, never_again: true });
const tables: string[] = rounds.rounds.flatMap((r) => r.groups.map((g) => g.provider));
console.log(names, sheets.length, hosts, tables, rounds.repeat_pairs);
// @ts-expect-error: not a language of the workbook
samman.writeWorkbook(files, plan, { lang: "de" });
