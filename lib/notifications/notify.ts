// In-app notifications, written in the transaction of the change they announce.
import "server-only";
import type { DbClient } from "@/lib/db";

export async function notify(tx: DbClient, input: { userId: number; message: string; requestId?: number | null }) {
  await tx.notification.create({
    data: { userId: input.userId, message: input.message.slice(0, 500), requestId: input.requestId ?? null },
  });
}
