import { describe, expect, it } from "vitest";
import { parseIsoDay } from "@/lib/clock";
import { gradeCriteria } from "@/lib/requests/criteria";
import type { DbClient } from "@/lib/db";
import { defineCriterion, type GradingSubject } from "@/lib/requests/criteria/criterion";
import { runCriteria } from "@/lib/requests/criteria/run-criteria";

describe("grading criteria", () => {
  it("are listed in the fixed order of docs/domain.md §3.3", () => {
    expect(gradeCriteria.map((criterion) => criterion.name)).toEqual(["Season limit", "Relevant genre", "One release per day"]);
    expect(new Set(gradeCriteria.map((criterion) => criterion.key)).size).toBe(gradeCriteria.length);
  });

  const tx = {} as DbClient;
  const subject = (requestId: number): GradingSubject => ({
    requestId,
    release: { id: requestId, title: `Release ${requestId}`, tracks: [] },
    artistId: 1,
    expectedDate: parseIsoDay("2026-12-12")!,
  });

  it("are run in list order and summed into the grade", async () => {
    const calls: string[] = [];
    const fixed = (key: string, effect: 0 | -1) =>
      defineCriterion({
        key,
        name: key.toUpperCase(),
        readFacts: async () => void calls.push(key),
        judge: () => ({ effect, reason: `${key} reason` }),
      });
    const [result] = await runCriteria([fixed("b", -1), fixed("a", 0), fixed("c", -1)], tx, [subject(1)]);
    expect(calls).toEqual(["b", "a", "c"]);
    expect(result!.grade).toBe(-2);
    expect(result!.breakdown).toEqual([
      { key: "b", name: "B", effect: -1, reason: "b reason" },
      { key: "a", name: "A", effect: 0, reason: "a reason" },
      { key: "c", name: "C", effect: -1, reason: "c reason" },
    ]);
  });

  it("read each criterion's facts once for a run and judge every request of it in order", async () => {
    const reads: number[][] = [];
    const odd = defineCriterion<Set<number>>({
      key: "odd",
      name: "Odd",
      readFacts: async (_tx, subjects) => {
        reads.push(subjects.map((each) => each.requestId));
        return new Set(subjects.map((each) => each.requestId).filter((id) => id % 2 === 1));
      },
      judge: (each, odds) => (odds.has(each.requestId) ? { effect: -1, reason: "odd" } : { effect: 0, reason: "even" }),
    });
    const results = await runCriteria([odd], tx, [subject(3), subject(4), subject(5)]);
    expect(reads).toEqual([[3, 4, 5]]);
    expect(results.map((result) => result.grade)).toEqual([-1, 0, -1]);
    expect(await runCriteria([odd], tx, [])).toEqual([]);
    expect(reads).toHaveLength(1);
  });
});
