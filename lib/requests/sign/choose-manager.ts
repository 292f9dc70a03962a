// Fair, deterministic choice of a manager for a new sign request.
import "server-only";
import type { DbClient } from "@/lib/db";

export type ManagerLoad = { managerId: number; openRequests: number; artists: number; createdAt: Date };

/** Fewest open requests, then fewest artists, then the oldest manager (then lowest id). */
export function pickManager(loads: readonly ManagerLoad[]): number | null {
  const sorted = [...loads].sort(
    (a, b) =>
      a.openRequests - b.openRequests ||
      a.artists - b.artists ||
      a.createdAt.getTime() - b.createdAt.getTime() ||
      a.managerId - b.managerId,
  );
  return sorted[0]?.managerId ?? null;
}

/** One aggregate query over managers (a handful of rows), not a scan per manager. */
export async function loadManagerLoads(tx: DbClient): Promise<ManagerLoad[]> {
  const rows = await tx.$queryRaw<{ managerId: number; openRequests: bigint; artists: bigint; createdAt: Date }[]>`
    SELECT m."id" AS "managerId",
           (SELECT count(*) FROM "Request" r WHERE r."managerId" = m."id" AND r."status" <> 'CLOSED') AS "openRequests",
           (SELECT count(*) FROM "Artist" a WHERE a."managerId" = m."id") AS "artists",
           m."createdAt"
    FROM "Manager" m`;
  return rows.map((row) => ({
    managerId: row.managerId,
    openRequests: Number(row.openRequests),
    artists: Number(row.artists),
    createdAt: row.createdAt,
  }));
}
