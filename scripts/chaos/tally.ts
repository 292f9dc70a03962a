// The verdict on a run of sign requests (the fault script, npm run chaos; e2e/scale-out.spec.ts):
// which committed requests were assigned once, twice or not at all, and how evenly the managers'
// queues ended up. Pure, so the counting is unit-tested (tally.test.ts) apart from the runs.

/** One committed sign request as the database shows it after the drain. */
export type RequestOutcome = {
  requestId: number;
  status: string;
  managerId: number | null;
  /** History entries into On approval (docs/domain.md §3.1 step 2): one per assignment. */
  assignmentEntries: number;
  /** 'applied' rows of the idempotency ledger for the request's assignment event(s). */
  appliedLedgerRows: number;
  /** Notifications about the request to its applicant, and to its manager: the assignment tells each once (§3.1 step 2). */
  applicantNotices: number;
  managerNotices: number;
};

export type Classification = "assigned once" | "doubled" | "lost" | "other";

export type Tally = {
  committed: number;
  assignedOnce: number;
  doubled: number;
  lost: number;
  /** Moved on by something other than the worker's assignment (should not happen in a chaos run). */
  other: number;
  doubledIds: number[];
  lostIds: number[];
  otherIds: number[];
};

/**
 * Doubled wins over everything: a second assignment entry, a second 'applied' ledger row or a
 * second notice to the applicant or the manager is the exactly-once promise broken, whatever the
 * status says. Lost: still New, or On approval without a manager, its history entry or either
 * notice. Anything else (a status these runs never cause) is "other", so it is seen rather than
 * counted as either.
 */
export function classifyOutcome(outcome: RequestOutcome): Classification {
  const { assignmentEntries, appliedLedgerRows, applicantNotices, managerNotices } = outcome;
  if (assignmentEntries > 1 || appliedLedgerRows > 1 || applicantNotices > 1 || managerNotices > 1) return "doubled";
  if (outcome.status === "NEW") return "lost";
  if (outcome.status === "ON_APPROVAL") {
    return outcome.managerId !== null && assignmentEntries === 1 && applicantNotices === 1 && managerNotices === 1 ? "assigned once" : "lost";
  }
  return "other";
}

export function tallyOutcomes(outcomes: readonly RequestOutcome[]): Tally {
  const tally: Tally = { committed: outcomes.length, assignedOnce: 0, doubled: 0, lost: 0, other: 0, doubledIds: [], lostIds: [], otherIds: [] };
  for (const outcome of outcomes) {
    const classification = classifyOutcome(outcome);
    if (classification === "assigned once") tally.assignedOnce += 1;
    else if (classification === "doubled") {
      tally.doubled += 1;
      tally.doubledIds.push(outcome.requestId);
    } else if (classification === "lost") {
      tally.lost += 1;
      tally.lostIds.push(outcome.requestId);
    } else {
      tally.other += 1;
      tally.otherIds.push(outcome.requestId);
    }
  }
  return tally;
}

/**
 * Open requests per manager (docs/domain.md §3.1: the lightest queue gets the next one), every
 * manager counted, those with none included; `spread` is max − min.
 */
export function fairnessSpread(managerIds: readonly number[], outcomes: readonly Pick<RequestOutcome, "status" | "managerId">[]): { perManager: Map<number, number>; min: number; max: number; spread: number } {
  const perManager = new Map<number, number>(managerIds.map((id) => [id, 0]));
  for (const outcome of outcomes) {
    if (outcome.status !== "ON_APPROVAL" || outcome.managerId === null) continue;
    perManager.set(outcome.managerId, (perManager.get(outcome.managerId) ?? 0) + 1);
  }
  const counts = [...perManager.values()];
  if (counts.length === 0) return { perManager, min: 0, max: 0, spread: 0 };
  const min = Math.min(...counts);
  const max = Math.max(...counts);
  return { perManager, min, max, spread: max - min };
}

/** The run failed when anything was doubled or lost, or a submission acknowledged as committed is missing. */
export function runFailed(tally: Tally, acknowledgedButMissing: number): boolean {
  return tally.doubled > 0 || tally.lost > 0 || tally.other > 0 || acknowledgedButMissing > 0;
}
