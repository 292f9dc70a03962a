// The admin's audit log, newest first, a page at a time, filtered by who, what and when
// (docs/domain.md §10). Read-only: nothing in the app edits or deletes an entry.
import "server-only";
import type { AuditFilters } from "@/lib/audit/audit-filters";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { literalLikeText } from "@/lib/like-pattern";
import { readPage, type Page } from "@/lib/pagination";

const AUDIT_PAGE_SIZE = 50;
const DAY_MS = 24 * 60 * 60 * 1000;

export type ListedAuditEntry = {
  id: bigint;
  at: Date;
  actor: { name: string; email: string } | null;
  action: string;
  targetType: string;
  targetId: string;
  detail: Prisma.JsonValue;
  clientAddress: string | null;
};

export function auditWhere({ who, action, from, to }: AuditFilters): Prisma.AuditEntryWhereInput {
  return {
    ...(who
      ? {
          actor: {
            OR: [
              { name: { contains: literalLikeText(who), mode: "insensitive" } },
              { email: { contains: literalLikeText(who.toLowerCase()) } },
            ],
          },
        }
      : {}),
    ...(action ? { action } : {}),
    ...(from || to ? { at: { ...(from ? { gte: from } : {}), ...(to ? { lt: new Date(to.getTime() + DAY_MS) } : {}) } } : {}),
  };
}

export async function listAuditEntries(
  filters: AuditFilters,
  requestedPage = 1,
  pageSize = AUDIT_PAGE_SIZE,
): Promise<Page & { entries: ListedAuditEntry[] }> {
  const where = auditWhere(filters);
  const { rows: entries, ...page } = await readPage(
    requestedPage,
    pageSize,
    () => prisma.auditEntry.count({ where }),
    (window) =>
      prisma.auditEntry.findMany({
        where,
        select: { id: true, at: true, action: true, targetType: true, targetId: true, detail: true, clientAddress: true, actor: { select: { name: true, email: true } } },
        orderBy: [{ at: "desc" }, { id: "desc" }],
        ...window,
      }),
  );
  return { entries, ...page };
}
