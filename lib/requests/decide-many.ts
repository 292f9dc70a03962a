// Bulk decisions (docs/domain.md §9 "Bulk decisions"): the manager accepts or declines several
// requests at once. Each goes through the one-request service on its own (its own transaction,
// the state machine's check, the status it was read in), so one refusal or failure never
// undoes or stops the others, and a request that moved on meanwhile is reported, not forced.
import "server-only";
import type { SessionUser } from "@/lib/auth/guards";
import { systemClock, type Clock } from "@/lib/clock";
import { DomainError, toActionState, type FailureContext } from "@/lib/errors";
import { acceptRequest } from "@/lib/requests/accept-request";
import type { DecisionOutcome } from "@/lib/requests/bulk-decision-outcome";
import { declineRequest } from "@/lib/requests/decline-request";
import { selectedRequestIdsSchema } from "@/lib/requests/schemas";

export type DecideManyInput = { manager: SessionUser; requestIds: readonly number[] } & (
  | { decision: "accept" }
  | { decision: "decline"; reason: string }
);

/** Applies the decision to each request in the order given (each id once); a result per request. */
export async function decideMany(input: DecideManyInput, clock: Clock = systemClock): Promise<DecisionOutcome[]> {
  // The same limit and de-duplication as the form's schema, for every caller.
  const selected = selectedRequestIdsSchema.safeParse(input.requestIds);
  if (!selected.success) throw new DomainError(selected.error.issues[0]!.message);

  const outcomes: DecisionOutcome[] = [];
  for (const requestId of selected.data) {
    try {
      if (input.decision === "accept") {
        await acceptRequest(input.manager, requestId, clock);
        outcomes.push({ requestId, outcome: "accepted" });
      } else {
        await declineRequest(input.manager, requestId, input.reason);
        outcomes.push({ requestId, outcome: "declined" });
      }
    } catch (error) {
      outcomes.push({ requestId, outcome: "not-changed", reason: reasonOf(error, { userId: input.manager.id, requestId }) });
    }
  }
  return outcomes;
}

/** A DomainError's own message; anything else is logged with a reference, which is all a person sees. */
function reasonOf(error: unknown, context: FailureContext): string {
  if (error instanceof DomainError) return error.message;
  return toActionState(error, undefined, context).formError!;
}
