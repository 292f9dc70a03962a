// Loads a request for a decision by its assigned manager; anyone else gets "not found".
import "server-only";
import type { SessionUser } from "@/lib/auth/guards";
import type { DbClient } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";

export async function getAssignedRequestOrThrow(tx: DbClient, actor: SessionUser, requestId: number) {
  if (actor.role !== "MANAGER" || actor.managerId === null) throw new NotFoundError("Request not found");
  const request = await tx.request.findFirst({ where: { id: requestId, managerId: actor.managerId } });
  if (!request) throw new NotFoundError("Request not found");
  return request;
}
