import { describe, expect, it } from "vitest";
import { parseIsoDay } from "@/lib/clock";
import { gradeCriteria } from "@/lib/requests/criteria";
import { defineCriterion, type CriterionContext } from "@/lib/requests/criteria/criterion";
import { runCriteria } from "@/lib/requests/criteria/run-criteria";

describe("grading criteria", () => {
  it("are listed in the fixed order of docs/domain.md §3.3", () => {
    expect(gradeCriteria.map((criterion) => criterion.name)).toEqual(["Season limit", "Relevant genre", "One release per day"]);
    expect(new Set(gradeCriteria.map((criterion) => criterion.key)).size).toBe(gradeCriteria.length);
  });

  it("are run in list order and summed into the grade", async () => {
    const calls: string[] = [];
    const fixed = (key: string, effect: 0 | -1) =>
      defineCriterion({
        key,
        name: key.toUpperCase(),
        evaluate: async () => {
          calls.push(key);
          return { effect, reason: `${key} reason` };
        },
      });
    const context = { expectedDate: parseIsoDay("2026-12-12")! } as CriterionContext;
    const result = await runCriteria([fixed("b", -1), fixed("a", 0), fixed("c", -1)], context);
    expect(calls).toEqual(["b", "a", "c"]);
    expect(result.grade).toBe(-2);
    expect(result.breakdown).toEqual([
      { key: "b", name: "B", effect: -1, reason: "b reason" },
      { key: "a", name: "A", effect: 0, reason: "a reason" },
      { key: "c", name: "C", effect: -1, reason: "c reason" },
    ]);
  });
});
