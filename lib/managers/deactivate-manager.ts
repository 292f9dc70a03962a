// The admin deactivates a manager (docs/domain.md §10, decision 018). One transaction: the role
// goes at once (changeRole: MANAGER → USER, every session of the account ends), the job that the
// worker works through is written with what there is to move, its event goes to the outbox, and
// the action is audited. The redistribution itself is deferred (lib/managers/redistribute-work.ts).
import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import type { SessionUser } from "@/lib/auth/guards";
import { prisma } from "@/lib/db";
import { ConflictError, DomainError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { managerDeactivated } from "@/lib/events/definitions";
import { enqueueEvent } from "@/lib/events/enqueue-event";
import type { ManagerDeactivationStatus } from "@/lib/generated/prisma/enums";
import { deactivationBlocker, mayDeactivateManagers, MANAGER_NOT_FOUND, NOT_A_MANAGER_NOW } from "@/lib/managers/deactivation-rule";
import { notify } from "@/lib/notifications/notify";
import { openRequestWhere } from "@/lib/requests/open-request";
import { changeRole } from "@/lib/users/change-role";

export type Deactivated = { deactivationId: number; name: string; requestsToMove: number; artistsToMove: number };

export async function deactivateManager(actor: SessionUser, input: { managerId: number }): Promise<Deactivated> {
  if (!mayDeactivateManagers(actor)) throw new ForbiddenError();
  return prisma.$transaction(async (tx) => {
    const manager = await tx.manager.findUnique({ where: { id: input.managerId }, select: { id: true, userId: true, user: { select: { name: true, role: true } } } });
    if (!manager) throw new NotFoundError(MANAGER_NOT_FOUND);
    const blocker = deactivationBlocker(actor, { userId: manager.userId, role: manager.user.role });
    if (blocker) throw blocker === NOT_A_MANAGER_NOW ? new ConflictError(blocker) : new DomainError(blocker);
    // Conditional on the role read: a second click, or another admin, finds it gone.
    if (!(await changeRole(tx, manager.userId, "MANAGER", "USER"))) throw new ConflictError(NOT_A_MANAGER_NOW);

    const [requestsToMove, artistsToMove] = await Promise.all([
      tx.request.count({ where: { managerId: manager.id, ...openRequestWhere } }),
      tx.artist.count({ where: { managerId: manager.id } }),
    ]);
    const job = await tx.managerDeactivation.create({
      data: { managerId: manager.id, requestedById: actor.id, requestsToMove, artistsToMove },
      select: { id: true },
    });
    await enqueueEvent(tx, managerDeactivated, { deactivationId: job.id });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "manager.deactivate",
      targetType: "user",
      targetId: manager.userId,
      detail: { managerId: manager.id, from: "MANAGER", to: "USER", openRequests: requestsToMove, artists: artistsToMove },
    });
    await notify(tx, { userId: manager.userId, message: "You are no longer a manager at Cook Droogers. Your requests and artists go to the other managers." });
    return { deactivationId: job.id, name: manager.user.name, requestsToMove, artistsToMove };
  });
}

export type DeactivationSummary = {
  id: number;
  managerId: number;
  name: string;
  email: string;
  requestedAt: Date;
  finishedAt: Date | null;
  status: ManagerDeactivationStatus;
  requestsToMove: number;
  requestsMoved: number;
  artistsToMove: number;
  artistsMoved: number;
};

/** For the admin's managers page: every unfinished job, then the latest finished ones. */
export async function listDeactivations(actor: SessionUser, { finished = 5 }: { finished?: number } = {}): Promise<DeactivationSummary[]> {
  if (!mayDeactivateManagers(actor)) throw new ForbiddenError();
  const select = {
    id: true,
    managerId: true,
    requestedAt: true,
    finishedAt: true,
    status: true,
    requestsToMove: true,
    requestsMoved: true,
    artistsToMove: true,
    artistsMoved: true,
    manager: { select: { user: { select: { name: true, email: true } } } },
  } as const;
  const [open, closed] = await Promise.all([
    prisma.managerDeactivation.findMany({ where: { finishedAt: null }, select, orderBy: [{ requestedAt: "asc" }, { id: "asc" }] }),
    prisma.managerDeactivation.findMany({ where: { finishedAt: { not: null } }, select, orderBy: [{ finishedAt: "desc" }, { id: "desc" }], take: finished }),
  ]);
  return [...open, ...closed].map(({ manager, ...job }) => ({ ...job, name: manager.user.name, email: manager.user.email }));
}
