import { describe, expect, it } from "vitest";
import { DEFAULT_SCHEDULE, planFaults } from "./fault-schedule";
import { classifyOutcome, fairnessSpread, runFailed, tallyOutcomes, type RequestOutcome } from "./tally";

const outcome = (overrides: Partial<RequestOutcome> = {}): RequestOutcome => ({
  requestId: 1,
  status: "ON_APPROVAL",
  managerId: 10,
  assignmentEntries: 1,
  appliedLedgerRows: 1,
  applicantNotices: 1,
  managerNotices: 1,
  ...overrides,
});

describe("classifyOutcome", () => {
  it("counts On approval with a manager, one history entry, one ledger row and one notice to each side as assigned once", () => {
    expect(classifyOutcome(outcome())).toBe("assigned once");
  });

  it("counts a second assignment entry, applied ledger row or notice as doubled, whatever the status", () => {
    expect(classifyOutcome(outcome({ assignmentEntries: 2 }))).toBe("doubled");
    expect(classifyOutcome(outcome({ appliedLedgerRows: 2 }))).toBe("doubled");
    expect(classifyOutcome(outcome({ applicantNotices: 2 }))).toBe("doubled");
    expect(classifyOutcome(outcome({ managerNotices: 2 }))).toBe("doubled");
    expect(classifyOutcome(outcome({ status: "NEW", managerId: null, assignmentEntries: 2 }))).toBe("doubled");
  });

  it("counts a request still New, or On approval without its manager, its history entry or a notice, as lost", () => {
    expect(classifyOutcome(outcome({ status: "NEW", managerId: null, assignmentEntries: 0, appliedLedgerRows: 0, applicantNotices: 0, managerNotices: 0 }))).toBe("lost");
    expect(classifyOutcome(outcome({ managerId: null }))).toBe("lost");
    expect(classifyOutcome(outcome({ assignmentEntries: 0 }))).toBe("lost");
    expect(classifyOutcome(outcome({ applicantNotices: 0 }))).toBe("lost");
    expect(classifyOutcome(outcome({ managerNotices: 0 }))).toBe("lost");
  });

  it("keeps any other status apart", () => {
    expect(classifyOutcome(outcome({ status: "CLOSED" }))).toBe("other");
  });
});

describe("tallyOutcomes", () => {
  it("counts each class and names the ids of the bad ones", () => {
    const tally = tallyOutcomes([
      outcome({ requestId: 1 }),
      outcome({ requestId: 2 }),
      outcome({ requestId: 3, assignmentEntries: 2 }),
      outcome({ requestId: 4, status: "NEW", managerId: null, assignmentEntries: 0, appliedLedgerRows: 0 }),
      outcome({ requestId: 5, status: "CLOSED" }),
    ]);
    expect(tally).toEqual({
      committed: 5,
      assignedOnce: 2,
      doubled: 1,
      lost: 1,
      other: 1,
      doubledIds: [3],
      lostIds: [4],
      otherIds: [5],
    });
  });

  it("passes an empty run", () => {
    expect(tallyOutcomes([])).toMatchObject({ committed: 0, assignedOnce: 0, doubled: 0, lost: 0 });
  });
});

describe("fairnessSpread", () => {
  it("counts open requests per manager, a manager with none included", () => {
    const result = fairnessSpread(
      [10, 20, 30],
      [outcome({ managerId: 10 }), outcome({ managerId: 10 }), outcome({ managerId: 20 }), outcome({ status: "NEW", managerId: null })],
    );
    expect([...result.perManager]).toEqual([
      [10, 2],
      [20, 1],
      [30, 0],
    ]);
    expect(result).toMatchObject({ min: 0, max: 2, spread: 2 });
  });

  it("is zero without managers", () => {
    expect(fairnessSpread([], [])).toMatchObject({ spread: 0 });
  });
});

describe("runFailed", () => {
  const clean = tallyOutcomes([outcome()]);
  it("fails on anything doubled, lost or missing, and only then", () => {
    expect(runFailed(clean, 0)).toBe(false);
    expect(runFailed(clean, 1)).toBe(true);
    expect(runFailed(tallyOutcomes([outcome({ assignmentEntries: 2 })]), 0)).toBe(true);
    expect(runFailed(tallyOutcomes([outcome({ status: "NEW" })]), 0)).toBe(true);
  });
});

describe("planFaults", () => {
  const options = { ...DEFAULT_SCHEDULE, seed: 7 };

  it("is the same schedule for the same seed and another for another seed", () => {
    expect(planFaults(options)).toEqual(planFaults(options));
    expect(planFaults({ ...options, seed: 8 })).not.toEqual(planFaults(options));
  });

  it("holds every fault asked for, one after the other, within the configured bounds", () => {
    const faults = planFaults(options);
    expect(faults.filter((fault) => fault.kind === "kill-worker")).toHaveLength(3);
    expect(faults.filter((fault) => fault.kind === "broker-outage")).toHaveLength(1);
    expect(faults.filter((fault) => fault.kind === "postgres-restart")).toHaveLength(1);
    for (let index = 1; index < faults.length; index += 1) {
      const previous = faults[index - 1]!;
      const previousEnd = previous.atMs + ("downMs" in previous ? previous.downMs : 0);
      expect(faults[index]!.atMs - previousEnd).toBeGreaterThanOrEqual(options.gapMs[0]);
    }
    for (const fault of faults) {
      if (fault.kind === "broker-outage") expect(fault.downMs).toBeGreaterThanOrEqual(10_000);
      if (fault.kind === "broker-outage") expect(fault.downMs).toBeLessThanOrEqual(30_000);
      if (fault.kind === "kill-worker") expect(fault.victim).toBeLessThan(1);
    }
  });
});
