// The label's managers with their workload: how many artists, how many open requests.
import "server-only";
import { prisma } from "@/lib/db";

export type ManagerSummary = {
  managerId: number;
  userId: number;
  name: string;
  email: string;
  since: Date;
  artistCount: number;
  /** Requests assigned to the manager that are not closed. */
  openQueueSize: number;
};

export async function listManagers(): Promise<ManagerSummary[]> {
  const [managers, openCounts] = await Promise.all([
    prisma.manager.findMany({
      select: {
        id: true,
        userId: true,
        createdAt: true,
        user: { select: { name: true, email: true } },
        _count: { select: { artists: true } },
      },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    prisma.request.groupBy({
      by: ["managerId"],
      where: { managerId: { not: null }, status: { not: "CLOSED" } },
      _count: { _all: true },
    }),
  ]);
  const openByManager = new Map(openCounts.map((row) => [row.managerId, row._count._all]));
  return managers.map((manager) => ({
    managerId: manager.id,
    userId: manager.userId,
    name: manager.user.name,
    email: manager.user.email,
    since: manager.createdAt,
    artistCount: manager._count.artists,
    openQueueSize: openByManager.get(manager.id) ?? 0,
  }));
}
