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
import { QUEUE_COUNT_LIMIT, SEARCH_COUNT_LIMIT, queuePageRowsSql, queuePageSql, queueWhereSql, type QueueScope } from "@/lib/requests/queue-sql";
import { allowedActions, canViewRequest, partiesOf } from "@/lib/requests/state-machine";
import { REQUEST_NOT_FOUND } from "@/lib/requests/transition-request";
import { literalLikeText } from "@/lib/like-pattern";
import { countUpTo, pageCountOf, pageWindow, pageWithin, parsePage, readPage } from "@/lib/pagination";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RequestResolution, RequestStatus, RequestType } from "@/lib/generated/prisma/enums";
import type { ManagerFilter, QueueSort, QueueStatusFilter } from "@/lib/requests/queue-filters";

const PAGE_SIZE = 20;

/** The fields of a request in a list (own requests; the queue's rows add to them, `queuePageSql`). */
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
 * The queue's query: `scope` (whose requests) and the filters, one page of rows. The count and the
 * page's rows come in one statement from lib/requests/queue-sql.ts (decisions 019 and 022); a page
 * that is not a page shows the first (lib/pagination.ts).
 */
async function listQueue(scope: QueueScope, filters: QueueFilters, clock: Clock, limits: CountLimits) {
  const searchText = filters.search?.trim();
  const search = searchText ? literalLikeText(searchText) : undefined;
  const where = queueWhereSql(scope, { status: filters.status ?? "open", type: filters.type ?? "all", search }, clock.now());
  const sort = filters.sort ?? "newest";
  const count = { search: search !== undefined, limit: search ? limits.search : limits.list };
  const windowOf = (page: number) => pageWindow(page, PAGE_SIZE);
  const requested = parsePage(filters.page ?? 1);
  let read = await readQueuePage(queuePageSql(where, sort, windowOf(requested), count));
  const { total, more } = countUpTo(read.counted, count.limit);
  const pageCount = pageCountOf(total, PAGE_SIZE);
  const page = pageWithin(requested, pageCount);
  // Past its count limit a search gathered some of the matches, not the first in page order.
  if (count.search && more) read = await readQueuePage(queuePageRowsSql(where, sort, windowOf(page)));
  else if (page !== requested) read = await readQueuePage(queuePageSql(where, sort, windowOf(page), count));
  return { requests: read.rows, page, pageCount, total, more };
}

/** A row of `queuePageSql`: the count, and one request's row (nulls when the page has none). */
type QueuePageRowSql = { total: number | null } & (QueueRowSql | { id: null });

async function readQueuePage(statement: Prisma.Sql) {
  const rows = await prisma.$queryRaw<QueuePageRowSql[]>(statement);
  return {
    counted: rows[0]?.total ?? 0,
    rows: rows.filter((row): row is QueueRowSql & { total: number | null } => row.id !== null).map(({ total: _total, ...row }) => queueRow(row)),
  };
}

/** A request's row of `queuePageSql`: the list's fields, plus the parties allowedActions reads and the manager's name. */
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
