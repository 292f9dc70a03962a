// The admin's failed events (docs/domain.md §10 "Failed events"), newest failure first, a page at
// a time, filtered by event name and state.
import "server-only";
import { prisma } from "@/lib/db";
import type { FailedEventFilters, FailedEventState } from "@/lib/failed-events/failed-event-filters";
import type { Prisma } from "@/lib/generated/prisma/client";
import { readPage, type Page } from "@/lib/pagination";

const FAILED_EVENTS_PAGE_SIZE = 50;

/** The one definition of each state, for the list, its filter and "Retry all". */
export function failedEventStateWhere(state: FailedEventState): Prisma.FailedEventWhereInput {
  if (state === "open") return { resolvedAt: null, retryEventId: null };
  if (state === "retried") return { resolvedAt: null, retryEventId: { not: null } };
  return { resolvedAt: { not: null } };
}

export function failedEventWhere({ event, state }: FailedEventFilters): Prisma.FailedEventWhereInput {
  return { ...(event ? { eventName: event } : {}), ...(state ? failedEventStateWhere(state) : {}) };
}

export function stateOf(row: { resolvedAt: Date | null; retryEventId: string | null }): FailedEventState {
  return row.resolvedAt ? "resolved" : row.retryEventId ? "retried" : "open";
}

export type ListedFailedEvent = {
  id: number;
  eventId: string;
  eventName: string;
  requestId: number | null;
  reason: string;
  attempts: number;
  failedAt: Date;
  retries: number;
  retriedAt: Date | null;
  retriedBy: { name: string } | null;
  retryEventId: string | null;
  resolvedAt: Date | null;
};

export async function listFailedEvents(
  filters: FailedEventFilters,
  requestedPage = 1,
  pageSize = FAILED_EVENTS_PAGE_SIZE,
): Promise<Page & { events: ListedFailedEvent[]; openCount: number }> {
  const where = failedEventWhere(filters);
  const [{ rows: events, ...page }, openCount] = await Promise.all([
    readPage(
      requestedPage,
      pageSize,
      () => prisma.failedEvent.count({ where }),
      (window) =>
        prisma.failedEvent.findMany({
          where,
          select: {
            id: true,
            eventId: true,
            eventName: true,
            requestId: true,
            reason: true,
            attempts: true,
            failedAt: true,
            retries: true,
            retriedAt: true,
            retriedBy: { select: { name: true } },
            retryEventId: true,
            resolvedAt: true,
          },
          orderBy: [{ failedAt: "desc" }, { id: "desc" }],
          ...window,
        }),
    ),
    // What "Retry all" would retry: the open events of the filtered list, on every page.
    prisma.failedEvent.count({ where: failedEventWhere({ event: filters.event, state: "open" }) }),
  ]);
  return { events, openCount, ...page };
}

/** The event names that ever failed, for the filter's choices. */
export async function failedEventNames(): Promise<string[]> {
  const rows = await prisma.failedEvent.findMany({ distinct: ["eventName"], select: { eventName: true }, orderBy: { eventName: "asc" } });
  return rows.map((row) => row.eventName);
}

/** One failed event's name and request, for the page's confirmation of a retry. */
export async function findFailedEvent(id: number): Promise<{ eventName: string; requestId: number | null } | null> {
  return prisma.failedEvent.findUnique({ where: { id }, select: { eventName: true, requestId: true } });
}
