// A manager's load and the fair, deterministic choice of a manager for a new sign request
// (docs/domain.md §3.1 step 2). The one definition of "load": the admin's list of managers
// (docs/domain.md §6) reads it too. A manager whose account is disabled (docs/domain.md §10)
// keeps their load but gets no new work; with only such managers, requests wait as with none.
// A deactivated manager (their Manager row kept, the account a USER again, decision 018) is no
// manager at all: no load, no work.
import "server-only";
import type { DbClient } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { openRequestSql } from "@/lib/requests/open-request";

export type ManagerLoad = { managerId: number; openRequests: number; artists: number; createdAt: Date; disabled: boolean };

/** Among enabled managers: fewest open requests, then fewest artists, then the oldest manager (then lowest id). */
export function pickManager(loads: readonly ManagerLoad[]): number | null {
  const sorted = loads.filter((load) => !load.disabled).sort(
    (a, b) =>
      a.openRequests - b.openRequests ||
      a.artists - b.artists ||
      a.createdAt.getTime() - b.createdAt.getTime() ||
      a.managerId - b.managerId,
  );
  return sorted[0]?.managerId ?? null;
}

/** Every current manager's load: one aggregate query over managers (a handful of rows), not a scan per manager. */
export async function loadManagerLoads(db: DbClient): Promise<ManagerLoad[]> {
  const rows = await db.$queryRaw<{ managerId: number; openRequests: bigint; artists: bigint; createdAt: Date; disabled: boolean }[]>`
    SELECT m."id" AS "managerId",
           (SELECT count(*) FROM "Request" r WHERE r."managerId" = m."id" AND ${Prisma.raw(openRequestSql("r"))}) AS "openRequests",
           (SELECT count(*) FROM "Artist" a WHERE a."managerId" = m."id") AS "artists",
           m."createdAt",
           u."disabledAt" IS NOT NULL AS "disabled"
    FROM "Manager" m
    JOIN "User" u ON u."id" = m."userId"
    WHERE u."role" = 'MANAGER'`;
  return rows.map((row) => ({
    managerId: row.managerId,
    openRequests: Number(row.openRequests),
    artists: Number(row.artists),
    createdAt: row.createdAt,
    disabled: row.disabled,
  }));
}
