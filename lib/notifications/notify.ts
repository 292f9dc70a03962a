// In-app notifications, written in the transaction of the change they announce.
import "server-only";
import type { DbClient } from "@/lib/db";

/** The column's limit (docs/domain.md §2), in characters as PostgreSQL counts them (code points). */
const MESSAGE_MAX = 500;

export async function notify(tx: DbClient, input: { userId: number; message: string; requestId?: number | null }) {
  await tx.notification.create({
    data: { userId: input.userId, message: shortened(input.message), requestId: input.requestId ?? null },
  });
}

/** Several notifications in one statement, in the order given (the worker's batch assignment, decision 020). */
export async function notifyMany(tx: DbClient, inputs: readonly { userId: number; message: string; requestId?: number | null }[]) {
  if (inputs.length === 0) return;
  await tx.notification.createMany({
    data: inputs.map((input) => ({ userId: input.userId, message: shortened(input.message), requestId: input.requestId ?? null })),
  });
}

/** Cut between characters, never inside one (half an emoji would be stored as U+FFFD). */
function shortened(message: string): string {
  return message.length <= MESSAGE_MAX ? message : Array.from(message).slice(0, MESSAGE_MAX).join("");
}
