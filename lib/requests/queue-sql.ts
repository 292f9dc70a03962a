// The queue's filters and sort orders as SQL: the one home of which requests a queue page shows
// and in what order (the manager's queue and the admin's list of every request, docs/domain.md
// §9 and §10). SQL rather than a Prisma `where` for two reasons measured in decision 019:
// Prisma sends an enum as `CAST($1::text AS "RequestStatus")`, which the planner cannot match
// to a partial index ("status" <> 'CLOSED'), and it turns the search's relation filters into
// four LEFT JOINs filtered afterwards, which read every person, release and artist per call.
// Here the open rule is the literal of lib/requests/open-request.ts and the search reads the
// request's own search text through its trigram index. Builds statements only; queries.ts runs them.
import { Prisma } from "@/lib/generated/prisma/client";
import type { RequestStatus, RequestType } from "@/lib/generated/prisma/enums";
import type { PageWindow } from "@/lib/pagination";
import { expiringSoonUntil } from "@/lib/requests/deadline-rules";
import { openRequestSql } from "@/lib/requests/open-request";
import type { ManagerFilter, QueueSort, QueueStatusFilter } from "@/lib/requests/queue-filters";

/** Whose requests: one manager's queue, or the admin's choice (docs/domain.md §10). */
export type QueueScope = { managerId: number } | { manager: ManagerFilter };

export type QueueSqlFilters = {
  status: QueueStatusFilter;
  type: RequestType | "all";
  /** Already made literal for LIKE (lib/like-pattern.ts); empty or undefined: no search. */
  search?: string;
};

/** The order of each sort choice (as the queue has always sorted). */
const sortOrders: Record<QueueSort, Prisma.Sql> = {
  newest: Prisma.sql`r."createdAt" DESC, r."id" DESC`,
  oldest: Prisma.sql`r."createdAt" ASC, r."id" ASC`,
  "grade-best": Prisma.sql`r."grade" DESC NULLS LAST, r."createdAt" ASC`,
  "grade-worst": Prisma.sql`r."grade" ASC NULLS LAST, r."createdAt" ASC`,
  "expiring-first": Prisma.sql`r."expiresAt" ASC NULLS LAST, r."id" ASC`,
};

function scopeSql(scope: QueueScope): Prisma.Sql | null {
  if ("managerId" in scope) return Prisma.sql`r."managerId" = ${scope.managerId}`;
  if (scope.manager === "all") return null;
  return scope.manager === "none" ? Prisma.sql`r."managerId" IS NULL` : Prisma.sql`r."managerId" = ${scope.manager}`;
}

/** Which requests a status choice shows ("expiring": open, expiring within 7 days). */
function statusSql(status: QueueStatusFilter, now: Date): Prisma.Sql | null {
  const open = Prisma.raw(openRequestSql("r"));
  if (status === "open") return open;
  if (status === "expiring") return Prisma.sql`${open} AND r."expiresAt" <= ${expiringSoonUntil(now)}`;
  if (status === "all") return null;
  return Prisma.sql`r."status" = ${status satisfies RequestStatus}::"RequestStatus"`;
}

/** Joins the fields of `Request."searchText"` (migration 20261225100000_queue_search_text). */
const SEARCH_TEXT_SEPARATOR = "\u001f";

/**
 * The search (docs/domain.md §9 "Queue"): a case-insensitive fragment of the applicant's name or
 * email, the requested nickname, or the nickname of the artist whose release it is. Those four,
 * lower-cased and joined by U+001F, are the request's `searchText`, kept true by triggers and
 * found through its trigram index (decision 019, "Search text"); `lower(text) LIKE lower(p)` is
 * `text ILIKE p` in a UTF-8 database. A fragment containing the separator could match across two
 * fields, so it is asked of each field as such (nobody types it; the result stays the rule's).
 */
function searchSql(search: string): Prisma.Sql {
  const pattern = `%${search}%`;
  if (!search.includes(SEARCH_TEXT_SEPARATOR)) return Prisma.sql`r."searchText" LIKE lower(${pattern})`;
  return Prisma.sql`(
    r."applicantId" IN (SELECT u."id" FROM "User" u WHERE u."name" ILIKE ${pattern} OR u."email" ILIKE ${pattern})
    OR r."nickname" ILIKE ${pattern}
    OR r."releaseId" IN (SELECT rel."id" FROM "Release" rel JOIN "Artist" a ON a."id" = rel."artistId" WHERE a."nickname" ILIKE ${pattern}))`;
}

export function queueWhereSql(scope: QueueScope, filters: QueueSqlFilters, now: Date): Prisma.Sql {
  const conditions = [
    scopeSql(scope),
    statusSql(filters.status, now),
    filters.type === "all" ? null : Prisma.sql`r."type" = ${filters.type}::"RequestType"`,
    filters.search ? searchSql(filters.search) : null,
  ].filter((condition): condition is Prisma.Sql => condition !== null);
  return conditions.length > 0 ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
}

/**
 * Counting a list stops past this many requests (decision 019, "Counting"): the list then says
 * "more than 100,000 requests", because an exact count of a million takes longer than the page
 * itself. Only the admin's list of every request, or a label far larger than one manager's queue,
 * ever comes near it.
 */
export const QUEUE_COUNT_LIMIT = 100_000;

/** The count of the matches, up to one past `limit` (lib/pagination.ts `countUpTo` reads it). */
export function queueCountSql(where: Prisma.Sql, limit: number = QUEUE_COUNT_LIMIT): Prisma.Sql {
  return Prisma.sql`SELECT count(*)::int AS "total" FROM (SELECT 1 FROM "Request" r ${where} LIMIT ${limit + 1}) AS "counted"`;
}

/** The ids of one page, in page order. */
export function queuePageIdsSql(where: Prisma.Sql, sort: QueueSort, window: PageWindow): Prisma.Sql {
  return Prisma.sql`SELECT r."id" FROM "Request" r ${where} ORDER BY ${sortOrders[sort]} LIMIT ${window.take} OFFSET ${window.skip}`;
}

/**
 * A search counts its matches up to this many (decision 022): past it the list says "more than
 * 1,000 requests". Counting a common fragment over every request (a surname, 100,000 matches at
 * 1M) would read every match.
 */
export const SEARCH_COUNT_LIMIT = 1_000;

/**
 * One page of a list in one statement (decision 022): `total`, the count of the matches up to one
 * past `limit` (lib/pagination.ts `countUpTo` reads it), and the page's rows with the names a list
 * shows, in page order. A page past the last has no rows: one row with the total and nulls.
 * queries.ts gives the rows the nested shape of a Prisma read.
 *
 * Without a search the count stops at `limit` and the page stops after its rows, each through its
 * index. With a search the matches, at most `limit + 1`, are gathered once (MATERIALIZED), with
 * the columns the sorts read, as `r`: the people and artists matching the text are looked up once
 * for the count and the page. Written as one query, PostgreSQL 15 costs `count(*)` under a LIMIT as
 * if it stopped after the page's rows, and walks the manager's whole queue in page order testing
 * each text (87 ms at 1M) instead of asking the trigram index for the matches (3–8 ms; decision
 * 019). When the count says `limit + 1`, the gathered rows are some of the matches, not the first
 * in page order: that page is read with `queuePageRowsSql`.
 */
export function queuePageSql(where: Prisma.Sql, sort: QueueSort, window: PageWindow, count: { search: boolean; limit: number }): Prisma.Sql {
  if (!count.search) return rowsWithTotalSql(queueCountSql(where, count.limit), queuePageIdsSql(where, sort, window), sort);
  return Prisma.sql`WITH r AS MATERIALIZED (SELECT r."id", r."createdAt", r."grade", r."expiresAt" FROM "Request" r ${where} LIMIT ${count.limit + 1})
    ${rowsWithTotalSql(
      Prisma.sql`SELECT count(*)::int AS "total" FROM r`,
      Prisma.sql`SELECT r."id" FROM r ORDER BY ${sortOrders[sort]} LIMIT ${window.take} OFFSET ${window.skip}`,
      sort,
    )}`;
}

/** One page's rows in page order, without counting (`total` is null): a search's page past its count limit. */
export function queuePageRowsSql(where: Prisma.Sql, sort: QueueSort, window: PageWindow): Prisma.Sql {
  return rowsWithTotalSql(Prisma.sql`SELECT NULL::int AS "total"`, queuePageIdsSql(where, sort, window), sort);
}

/**
 * The rows of the requests `ids` selects, each with the one `total` of `count`, in `sort`'s order;
 * one row of nulls but the total when there is none. One join for the names a list shows: Prisma's
 * relation reads were six round trips per page (decision 022).
 */
function rowsWithTotalSql(count: Prisma.Sql, ids: Prisma.Sql, sort: QueueSort): Prisma.Sql {
  return Prisma.sql`SELECT "counted"."total", r.* FROM (${count}) AS "counted" LEFT JOIN (
      SELECT r."id", r."type"::text AS "type", r."status"::text AS "status", r."resolution"::text AS "resolution",
        r."createdAt", r."updatedAt", r."nickname", r."grade", r."expectedDate", r."expiresAt", r."processingFailedAt",
        r."applicantId", r."managerId", applicant."name" AS "applicantName", applicant."email" AS "applicantEmail",
        "managerUser"."name" AS "managerName", rel."id" AS "releaseId", rel."title" AS "releaseTitle", artist."nickname" AS "artistNickname"
      FROM "Request" r
      JOIN "User" applicant ON applicant."id" = r."applicantId"
      LEFT JOIN "Manager" manager ON manager."id" = r."managerId"
      LEFT JOIN "User" "managerUser" ON "managerUser"."id" = manager."userId"
      LEFT JOIN "Release" rel ON rel."id" = r."releaseId"
      LEFT JOIN "Artist" artist ON artist."id" = rel."artistId"
      WHERE r."id" IN (${ids})
    ) AS r ON true
    ORDER BY ${sortOrders[sort]}`;
}
