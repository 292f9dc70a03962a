// What the database announces on the channel "cd_live" (the triggers of the migration
// 20261220090000_live_changes, decision 014): ids of what changed, never text. Pure.
import { z } from "zod";
import { idSchema } from "@/lib/ids";

/** The PostgreSQL channel the triggers NOTIFY and every web process LISTENs on. */
export const LIVE_CHANNEL = "cd_live";

/**
 * One committed change: a request (its row, its history or conversation; `formerManagerId`
 * when it left that manager; `internal` for an internal note, which only its readers may
 * hear of), a person's notifications, or a statistics refresh.
 */
export type LiveChange =
  | { kind: "request"; requestId: number; formerManagerId: number | null; internal: boolean }
  | { kind: "notifications"; userId: number }
  | { kind: "statistics" };

const payloadSchema = z.union([
  z.strictObject({ request: idSchema, formerManager: idSchema.optional(), internal: z.literal(true).optional() }),
  z.strictObject({ notifications: idSchema }),
  z.strictObject({ statistics: z.literal(true) }),
]);

/** The change a NOTIFY payload names, or null for anything else (logged by the caller, never thrown). */
export function parseLiveChange(payload: string | undefined): LiveChange | null {
  if (!payload) return null;
  let json: unknown;
  try {
    json = JSON.parse(payload);
  } catch {
    return null;
  }
  const parsed = payloadSchema.safeParse(json);
  if (!parsed.success) return null;
  const value = parsed.data;
  if ("request" in value) {
    return { kind: "request", requestId: value.request, formerManagerId: value.formerManager ?? null, internal: value.internal ?? false };
  }
  if ("notifications" in value) return { kind: "notifications", userId: value.notifications };
  return { kind: "statistics" };
}
