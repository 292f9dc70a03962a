// What a bulk decision did to each selected request, in the words the queue shows
// (docs/domain.md §9 "Bulk decisions"). Pure.
import type { ActionState } from "@/lib/errors";
import { resolutionLabels } from "@/lib/requests/state-machine";

export type BulkDecision = "accept" | "decline";

/** One request's result: decided, or left as it was with the reason in people's words. */
export type DecisionOutcome =
  | { requestId: number; outcome: "accepted" | "declined" }
  | { requestId: number; outcome: "not-changed"; reason: string };

/** The bulk form's state: the action's usual answer, plus a result per request after a run. */
export type BulkDecisionState = ActionState & { outcomes?: DecisionOutcome[] };

/** "Accepted", "Declined", or "Not changed: <why>". */
export function outcomeWords(outcome: DecisionOutcome): string {
  if (outcome.outcome === "not-changed") return `Not changed: ${outcome.reason}`;
  return outcome.outcome === "accepted" ? resolutionLabels.ACCEPTED : resolutionLabels.DECLINED;
}

/** One line over the list: "2 accepted, 1 not changed." */
export function outcomeSummary(outcomes: readonly DecisionOutcome[]): string {
  const count = (kind: DecisionOutcome["outcome"]) => outcomes.filter((outcome) => outcome.outcome === kind).length;
  const parts = [
    [count("accepted"), "accepted"],
    [count("declined"), "declined"],
    [count("not-changed"), "not changed"],
  ] as const;
  return `${parts
    .filter(([number]) => number > 0)
    .map(([number, words]) => `${number} ${words}`)
    .join(", ")}.`;
}

/** The form's state after a run (never fresh object literals in the action, so the type stays checked here). */
export function bulkDecisionState(outcomes: DecisionOutcome[]): BulkDecisionState {
  return { ok: true, message: outcomeSummary(outcomes), outcomes };
}
