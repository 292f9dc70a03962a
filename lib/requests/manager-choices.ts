// The managers the admin may hand work to (docs/domain.md §10 "All requests"): the choices of the
// "Manager" field when reassigning a request or moving an artist, and the check of the one chosen,
// read under a lock so that it cannot be disabled between the check and the commit.
import "server-only";
import { prisma, type Db, type DbClient } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { takesNewWorkWhere, type HandOverTarget } from "@/lib/requests/reassignment-rule";
import { loadManagerLoads } from "@/lib/requests/sign/choose-manager";

export type ManagerChoice = { managerId: number; name: string; email: string; openRequests: number; artists: number };

/** Managers who may take new work, but `except` (the one who has it now), by name; with their load. */
export async function listManagerChoices({ except }: { except: number | null }, db: Db | DbClient = prisma): Promise<ManagerChoice[]> {
  const [managers, loads] = await Promise.all([
    db.manager.findMany({
      where: { ...takesNewWorkWhere, ...(except === null ? {} : { id: { not: except } }) },
      select: { id: true, user: { select: { name: true, email: true } } },
      orderBy: [{ user: { name: "asc" } }, { id: "asc" }],
    }),
    loadManagerLoads(db),
  ]);
  const loadOf = new Map(loads.map((load) => [load.managerId, load]));
  return managers.map((manager) => ({
    managerId: manager.id,
    name: manager.user.name,
    email: manager.user.email,
    openRequests: loadOf.get(manager.id)?.openRequests ?? 0,
    artists: loadOf.get(manager.id)?.artists ?? 0,
  }));
}

export type LockedTarget = HandOverTarget & { userId: number; name: string };

/**
 * The manager chosen to take over, with their account share-locked until the transaction ends:
 * disabling them or changing their role waits for the hand-over to commit (and is then theirs
 * to move on). Null when there is no such manager.
 */
export async function lockHandOverTarget(tx: DbClient, managerId: number): Promise<LockedTarget | null> {
  const [row] = await tx.$queryRaw<{ managerId: number; userId: number; name: string; role: Role; disabledAt: Date | null }[]>`
    SELECT m."id" AS "managerId", u."id" AS "userId", u."name", u."role", u."disabledAt"
    FROM "Manager" m JOIN "User" u ON u."id" = m."userId"
    WHERE m."id" = ${managerId}
    FOR SHARE OF u`;
  return row ?? null;
}
