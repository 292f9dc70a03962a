// The label's managers with their workload (docs/domain.md §6): artists and open requests, as
// `loadManagerLoads` counts them for assignment.
import "server-only";
import { prisma } from "@/lib/db";
import { loadManagerLoads } from "@/lib/requests/sign/choose-manager";

export type ManagerSummary = {
  managerId: number;
  userId: number;
  name: string;
  email: string;
  since: Date;
  artistCount: number;
  /** Requests assigned to the manager that are still open. */
  openQueueSize: number;
};

export async function listManagers(): Promise<ManagerSummary[]> {
  const [managers, loads] = await Promise.all([
    prisma.manager.findMany({
      // A deactivated manager keeps their Manager row (decision 018) but is no longer listed.
      where: { user: { role: "MANAGER" } },
      select: { id: true, userId: true, createdAt: true, user: { select: { name: true, email: true } } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    loadManagerLoads(prisma),
  ]);
  const loadByManager = new Map(loads.map((load) => [load.managerId, load]));
  return managers.map((manager) => ({
    managerId: manager.id,
    userId: manager.userId,
    name: manager.user.name,
    email: manager.user.email,
    since: manager.createdAt,
    // A manager created between the two reads has no load row yet: nothing assigned so far.
    artistCount: loadByManager.get(manager.id)?.artists ?? 0,
    openQueueSize: loadByManager.get(manager.id)?.openRequests ?? 0,
  }));
}
