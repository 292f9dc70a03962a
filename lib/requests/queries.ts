// Reading requests, always scoped to the person asking: applicant or assigned manager (the admin
// reads every request, docs/domain.md §10).
import "server-only";
import type { SessionUser } from "@/lib/auth/guards";
import { ownManagerId } from "@/lib/auth/own-records";
import { systemClock, type Clock } from "@/lib/clock";
import { prisma } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { conversationAbilities } from "@/lib/requests/conversation/conversation-rules";
import { mergeTimeline } from "@/lib/requests/conversation/timeline";
import { listVisibleComments } from "@/lib/requests/conversation/visible-comments";
import { processingFailureReference } from "@/lib/requests/mark-processing-failed";
import { openRequestWhere } from "@/lib/requests/open-request";
import { QUEUE_COUNT_LIMIT, SEARCH_COUNT_LIMIT, queueCountSql, queuePageIdsSql, queuePageIdsWithTotalSql, queueRowsSql, queueWhereSql, type QueueScope } from "@/lib/requests/queue-sql";
import { allowedActions, canViewRequest, partiesOf } from "@/lib/requests/state-machine";
import { REQUEST_NOT_FOUND } from "@/lib/requests/transition-request";
import { literalLikeText } from "@/lib/like-pattern";
import { countUpTo, pageCountOf, pageWithin, readPage } from "@/lib/pagination";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RequestResolution, RequestStatus, RequestType } from "@/lib/generated/prisma/enums";
import type { ManagerFilter, QueueSort, QueueStatusFilter } from "@/lib/requests/queue-filters";

const PAGE_SIZE = 20;

/** The fields of a request in a list (own requests; the queue's rows add to them, `queueRowsSql`). */
export const listSelect = {
  id: true,
  type: true,
  status: true,
  resolution: true,
  createdAt: true,
  updatedAt: true,
  nickname: true,
  grade: true,
  expectedDate: true,
  expiresAt: true,
  processingFailedAt: true,
  release: { select: { id: true, title: true } },
  applicant: { select: { name: true, email: true } },
} satisfies Prisma.RequestSelect;

export async function listOwnRequests(user: SessionUser, options: { page?: number } = {}) {
  const where = { applicantId: user.id };
  const { rows: requests, ...page } = await readPage(
    options.page ?? 1,
    PAGE_SIZE,
    () => prisma.request.count({ where }),
    (window) => prisma.request.findMany({ where, select: listSelect, orderBy: [{ createdAt: "desc" }, { id: "desc" }], ...window }),
  );
  return { requests, ...page };
}

export type QueueFilters = {
  status?: QueueStatusFilter;
  type?: RequestType | "all";
  search?: string;
  sort?: QueueSort;
  page?: number;
};

/** The admin's list adds whose requests (docs/domain.md §10): a manager's, or those waiting for one. */
export type AllRequestsFilters = QueueFilters & { manager?: ManagerFilter };

/** Where a list stops counting (decision 019 "Counting", decision 022): without and with a search. */
export type CountLimits = { list: number; search: number };
const countLimits: CountLimits = { list: QUEUE_COUNT_LIMIT, search: SEARCH_COUNT_LIMIT };

/** The manager's queue: only requests assigned to them; one page of rows per call. */
export async function listManagerQueue(user: SessionUser, filters: QueueFilters = {}, clock: Clock = systemClock, limits: CountLimits = countLimits) {
  return listQueue({ managerId: ownManagerId(user) }, filters, clock, limits);
}

/**
 * Every request, for the admin (docs/domain.md §10 "All requests"): the queue's filters and the
 * same rows, plus the filter by manager and each row's manager. Anyone else: "not found".
 */
export async function listAllRequests(user: SessionUser, filters: AllRequestsFilters = {}, clock: Clock = systemClock, limits: CountLimits = countLimits) {
  if (user.role !== "ADMIN") throw new NotFoundError();
  return listQueue({ manager: filters.manager ?? "all" }, filters, clock, limits);
}

/**
 * The queue's query: `scope` (whose requests) and the filters, one page of rows. The count and
 * the page's ids come from lib/requests/queue-sql.ts (decision 019); the rows are then read by
 * id and put back in the page's order.
 */
async function listQueue(scope: QueueScope, filters: QueueFilters, clock: Clock, limits: CountLimits) {
  const searchText = filters.search?.trim();
  const search = searchText ? literalLikeText(searchText) : undefined;
  const where = queueWhereSql(scope, { status: filters.status ?? "open", type: filters.type ?? "all", search }, clock.now());
  const sort = filters.sort ?? "newest";
  const pageIds = search ? await searchPageIds(where, sort, filters.page ?? 1, limits.search) : await filteredPageIds(where, sort, filters.page ?? 1, limits.list);
  const { ids, ...page } = pageIds;
  if (ids.length === 0) return { requests: [], ...page };
  const rows = (await prisma.$queryRaw<QueueRowSql[]>(queueRowsSql(ids))).map(queueRow);
  const position = new Map(ids.map((id, index) => [id, index]));
  return { requests: rows.sort((a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0)), ...page };
}

/** A row of `queueRowsSql`: the list's fields, plus the parties allowedActions reads and the manager's name. */
type QueueRowSql = {
  id: number;
  type: RequestType;
  status: RequestStatus;
  resolution: RequestResolution | null;
  createdAt: Date;
  updatedAt: Date;
  nickname: string | null;
  grade: number | null;
  expectedDate: Date | null;
  expiresAt: Date | null;
  processingFailedAt: Date | null;
  applicantId: number;
  managerId: number | null;
  applicantName: string;
  applicantEmail: string;
  managerName: string | null;
  releaseId: number | null;
  releaseTitle: string | null;
  artistNickname: string | null;
};

/** The nested shape a Prisma read of the same row would have (what the list pages render). */
function queueRow({ applicantName, applicantEmail, managerName, releaseId, releaseTitle, artistNickname, ...request }: QueueRowSql) {
  return {
    ...request,
    applicant: { name: applicantName, email: applicantEmail },
    manager: managerName === null ? null : { user: { name: managerName } },
    release: releaseId === null ? null : { id: releaseId, title: releaseTitle ?? "", artist: { nickname: artistNickname ?? "" } },
  };
}

/** Without a search: count, then the page's ids (a page past the last shows the first). */
async function filteredPageIds(where: Prisma.Sql, sort: QueueSort, requested: number, limit: number) {
  let more = false;
  const { rows: ids, ...page } = await readPage(
    requested,
    PAGE_SIZE,
    async () => {
      const counted = countUpTo((await prisma.$queryRaw<{ total: number }[]>(queueCountSql(where, limit)))[0]?.total ?? 0, limit);
      more = counted.more;
      return counted.total;
    },
    async (window) => (await prisma.$queryRaw<{ id: number }[]>(queuePageIdsSql(where, sort, window))).map((row) => row.id),
  );
  return { ids, ...page, more };
}

/**
 * With a search: the ids and the count together; a page past the last shows the first, as above.
 * Past `limit` matches the count stops (decision 022) and the page is read in page order on its own.
 */
async function searchPageIds(where: Prisma.Sql, sort: QueueSort, asked: number, limit: number) {
  const requested = Number.isInteger(asked) && asked >= 1 ? asked : 1;
  const windowOf = (page: number) => ({ skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE });
  const read = (page: number) => prisma.$queryRaw<{ id: number; total: number }[]>(queuePageIdsWithTotalSql(where, sort, windowOf(page), limit));
  let rows = await read(requested);
  if (rows.length === 0 && requested !== 1) rows = await read(1);
  const { total, more } = countUpTo(rows[0]?.total ?? 0, limit);
  const pageCount = pageCountOf(total, PAGE_SIZE);
  const page = pageWithin(requested, pageCount);
  const ids = more
    ? (await prisma.$queryRaw<{ id: number }[]>(queuePageIdsSql(where, sort, windowOf(page)))).map((row) => row.id)
    : rows.map((row) => row.id);
  return { ids, page, pageCount, total, more };
}

/**
 * One request with its timeline — status changes and the comments this person may read (no
 * internal note for the applicant: filtered in the query) — for its applicant, its assigned
 * manager and the admin only.
 */
export async function getRequestForViewer(user: SessionUser, requestId: number) {
  const request = await prisma.request.findUnique({
    where: { id: requestId },
    select: {
      id: true,
      type: true,
      status: true,
      resolution: true,
      resolutionReason: true,
      applicantId: true,
      managerId: true,
      nickname: true,
      message: true,
      expectedDate: true,
      expiresAt: true,
      grade: true,
      gradeBreakdown: true,
      processingFailedAt: true,
      processingFailure: true,
      createdAt: true,
      updatedAt: true,
      applicant: { select: { name: true, email: true } },
      manager: { select: { user: { select: { name: true } } } },
      release: { select: { id: true, title: true, status: true, artist: { select: { nickname: true } } } },
      history: {
        select: {
          id: true,
          at: true,
          fromStatus: true,
          toStatus: true,
          toResolution: true,
          reason: true,
          actor: { select: { name: true } },
          fromManager: { select: { user: { select: { name: true } } } },
          toManager: { select: { user: { select: { name: true } } } },
        },
        orderBy: [{ at: "asc" }, { id: "asc" }],
      },
    },
  });
  if (!request || !canViewRequest(request, user)) throw new NotFoundError(REQUEST_NOT_FOUND);
  const parties = partiesOf(request, user);
  const comments = await listVisibleComments(request, user);
  // The stored failure text holds internal detail (driver messages, addresses, raw replies):
  // only its reference leaves this function (docs/domain.md §11 "Bad input").
  const { processingFailure, ...shown } = request;
  return {
    request: {
      ...shown,
      processingFailureReference: processingFailureReference(processingFailure),
      /** The "History" section: status changes and comments, oldest first (docs/domain.md §9). */
      timeline: mergeTimeline(request.history, comments, request.applicantId),
    },
    isApplicant: parties.includes("applicant"),
    isAssignedManager: parties.includes("manager"),
    /** The admin, reading without being a party (docs/domain.md §10): what a manager sees, and no form of theirs. */
    isAdmin: user.role === "ADMIN",
    /** What this person may do now: the page shows exactly these buttons. */
    actions: allowedActions(request, user),
    /** What the Conversation section offers this person. */
    conversation: conversationAbilities(request, user),
  };
}

export type RequestDetail = Awaited<ReturnType<typeof getRequestForViewer>>["request"];

export async function listManagerArtists(user: SessionUser, options: { page?: number } = {}) {
  const where = { managerId: ownManagerId(user) };
  const { rows: artists, ...page } = await readPage(options.page ?? 1, PAGE_SIZE, () => prisma.artist.count({ where }), (window) =>
    prisma.artist.findMany({
      where,
      select: {
        id: true,
        nickname: true,
        contractDueDate: true,
        active: true,
        createdAt: true,
        user: { select: { name: true, email: true } },
        _count: { select: { releases: true } },
      },
      orderBy: [{ active: "desc" }, { nickname: "asc" }],
      ...window,
    }),
  );
  return { artists, ...page };
}

/** The user's open sign request, if any (the form shows a link to it instead). */
export async function findOpenSignRequest(user: SessionUser) {
  return prisma.request.findFirst({
    where: { applicantId: user.id, type: "SIGN_CONTRACT", ...openRequestWhere },
    select: { id: true },
  });
}
