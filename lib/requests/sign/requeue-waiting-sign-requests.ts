// When a manager appears, every sign request still waiting for one is tried again at once, and
// every deactivation waiting for a manager goes on (decision 018).
import "server-only";
import type { DbClient } from "@/lib/db";
import { signRequestAssignmentDue } from "@/lib/events/definitions";
import { enqueueEvent } from "@/lib/events/enqueue-event";
import { resumeWaitingDeactivations } from "@/lib/managers/redistribute-work";

export async function requeueWaitingSignRequests(tx: DbClient): Promise<number> {
  const waiting = await tx.request.findMany({
    where: { type: "SIGN_CONTRACT", status: "NEW", managerId: null },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  for (const request of waiting) {
    await enqueueEvent(tx, signRequestAssignmentDue, { requestId: request.id, attempt: 0 });
  }
  await resumeWaitingDeactivations(tx);
  return waiting.length;
}
