// The audit log (docs/domain.md §10): every admin action, every decision a person takes on a
// request and every sign-in lockout, written by the transaction of the action it records, so an
// action that rolls back leaves no entry and none commits without its entry. The table refuses
// UPDATE and DELETE (prisma/migrations/20261220130000_audit_log).
import "server-only";
import { clientAddress } from "@/lib/auth/client-address";
import type { DbClient } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

/** What the log names; the admin's page filters by these (lib/audit/audit-actions.ts). */
export type { AuditAction } from "@/lib/audit/audit-actions";
import type { AuditAction } from "@/lib/audit/audit-actions";

export type AuditEntryInput = {
  /** The person acting; null for a lockout of an email no account has. */
  actorId: number | null;
  action: AuditAction;
  targetType: "request" | "artist" | "user" | "account" | "failed-event";
  targetId: string | number;
  /** Small and free of secrets: ids, statuses, roles, and at most a reason the person typed. */
  detail?: Prisma.InputJsonObject;
  /** Defaults to the address of the web request the action runs in; the worker has none. */
  clientAddress?: string | null;
};

export async function recordAudit(tx: DbClient, entry: AuditEntryInput): Promise<void> {
  await tx.auditEntry.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      targetType: entry.targetType,
      targetId: String(entry.targetId),
      detail: entry.detail ?? {},
      clientAddress: entry.clientAddress !== undefined ? entry.clientAddress : await requestAddress(),
    },
  });
}

/**
 * The client address (lib/auth/client-address.ts, decision 011) of the web request being
 * served, read here rather than passed through every service; outside a request (the worker,
 * scripts, a service called by a test) there is none.
 */
async function requestAddress(): Promise<string | null> {
  try {
    const { headers } = await import("next/headers");
    return clientAddress(await headers());
  } catch {
    return null;
  }
}
