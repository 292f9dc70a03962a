// Proceed to manager (docs/domain.md §3.1 step 2) for a batch of assignment events the worker
// took from its backlog in one transaction (decision 020): one lock, one read of the requests,
// one read of the managers' loads, the fair choice made for each request in order as if one at
// a time (each choice sees the previous ones), and the writes as a few set-based statements.
import "server-only";
import { systemClock, type Clock } from "@/lib/clock";
import type { DbClient } from "@/lib/db";
import { ConflictError } from "@/lib/errors";
import { signRequestAssignmentDue } from "@/lib/events/definitions";
import { enqueueEvent } from "@/lib/events/enqueue-event";
import { withWorkTaken } from "@/lib/managers/deactivation-rule";
import { notifyMany } from "@/lib/notifications/notify";
import { requestTransitions } from "@/lib/observability/transition-metrics";
import {
  ASSIGNED_BY_LIGHTEST_QUEUE,
  assignSignRequest,
  assignmentNotices,
  lockAssignments,
  type AssignmentOutcome,
} from "@/lib/requests/sign/assign-sign-request";
import { loadManagerLoads, pickManager } from "@/lib/requests/sign/choose-manager";
import { nextAssignmentAttemptAt } from "@/lib/requests/timing";
import { authorizeTransition, transitions } from "@/lib/requests/state-machine";

export type AssignmentDue = { requestId: number; attempt: number };

/**
 * The outcome of each item, in order: the same as `assignSignRequest` called for each one after
 * the other in one transaction. Throws a ConflictError when a request moved between the read and
 * the write (a withdrawal, which does not take the assignment lock): the caller then rolls back
 * and applies the events one at a time, where each gets today's handling.
 */
export async function assignSignRequests(tx: DbClient, items: readonly AssignmentDue[], clock: Clock = systemClock): Promise<AssignmentOutcome[]> {
  if (items.length === 0) return [];
  await lockAssignments(tx);
  const requests = await tx.request.findMany({
    where: { id: { in: [...new Set(items.map((item) => item.requestId))] } },
    select: { id: true, type: true, status: true, managerId: true, applicantId: true, nickname: true },
  });
  const byId = new Map(requests.map((request) => [request.id, request]));
  let loads = await loadManagerLoads(tx);
  const moved = new Set<number>();
  const chosen: { request: (typeof requests)[number]; managerId: number }[] = [];
  const outcomes: AssignmentOutcome[] = [];
  for (const item of items) {
    const request = byId.get(item.requestId);
    // A repeated or stale message: assigned (maybe earlier in this batch), withdrawn or expired.
    if (!request || moved.has(request.id) || request.type !== "SIGN_CONTRACT" || request.status !== "NEW") {
      outcomes.push("skipped");
      continue;
    }
    if (request.managerId !== null) {
      // Back to the manager it has (docs/domain.md §9): rare, done as one at a time. Its load
      // does not change (New and On approval are both open).
      outcomes.push(await assignSignRequest(tx, request.id, item.attempt, clock));
      moved.add(request.id);
      continue;
    }
    const managerId = pickManager(loads);
    if (managerId === null) {
      await enqueueEvent(tx, signRequestAssignmentDue, { requestId: request.id, attempt: item.attempt + 1 }, {
        availableAt: nextAssignmentAttemptAt(clock.now(), item.attempt),
      });
      outcomes.push("no-manager");
      continue;
    }
    if (authorizeTransition(request, "system", "assign") !== "allowed") throw new ConflictError(`Request ${request.id} cannot be assigned`);
    chosen.push({ request, managerId });
    moved.add(request.id);
    // The request becomes open with that manager: the next choice of this batch sees it.
    loads = withWorkTaken(loads, managerId, { requests: 1, artists: 0 });
    outcomes.push("assigned");
  }
  await writeAssignments(tx, chosen);
  return outcomes;
}

/** New → On approval for each, with its history entry and the applicant and the manager told: what `assignToManager` writes, in four statements. */
async function writeAssignments(tx: DbClient, chosen: readonly { request: { id: number; applicantId: number; nickname: string | null }; managerId: number }[]) {
  if (chosen.length === 0) return;
  const assign = transitions.assign;
  const ids = chosen.map(({ request }) => request.id);
  const managerIds = chosen.map(({ managerId }) => managerId);
  // Written only over what was read (New, no manager), as transitionRequest does one at a time.
  const updated = await tx.$executeRaw`
    UPDATE "Request" AS r
    SET "status" = ${assign.to}::"RequestStatus", "managerId" = c."managerId", "updatedAt" = ${new Date()}
    FROM unnest(${ids}::int[], ${managerIds}::int[]) AS c("id", "managerId")
    WHERE r."id" = c."id" AND r."status" = 'NEW'::"RequestStatus" AND r."managerId" IS NULL`;
  if (updated !== chosen.length) throw new ConflictError("A request of the batch moved on meanwhile");
  await tx.requestHistory.createMany({
    data: chosen.map(({ request, managerId }) => ({
      requestId: request.id,
      fromStatus: "NEW" as const,
      toStatus: assign.to,
      toResolution: null,
      actorId: null,
      reason: ASSIGNED_BY_LIGHTEST_QUEUE,
      fromManagerId: null,
      toManagerId: managerId,
    })),
  });
  const managers = await tx.manager.findMany({
    where: { id: { in: [...new Set(managerIds)] } },
    select: { id: true, userId: true, user: { select: { name: true } } },
  });
  const managerById = new Map(managers.map((manager) => [manager.id, manager]));
  await notifyMany(
    tx,
    chosen.flatMap(({ request, managerId }) => {
      const manager = managerById.get(managerId);
      if (!manager) throw new Error(`Manager ${managerId} not found`);
      return assignmentNotices(request, { userId: manager.userId, name: manager.user.name });
    }),
  );
  for (let i = 0; i < chosen.length; i += 1) requestTransitions.inc({ type: "SIGN_CONTRACT", action: "assign" });
}
