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
import { expiringSoonUntil } from "@/lib/requests/deadline-rules";
import { processingFailureReference } from "@/lib/requests/mark-processing-failed";
import { openRequestWhere } from "@/lib/requests/open-request";
import { allowedActions, canViewRequest, partiesOf } from "@/lib/requests/state-machine";
import { REQUEST_NOT_FOUND } from "@/lib/requests/transition-request";
import { literalLikeText } from "@/lib/like-pattern";
import { readPage } from "@/lib/pagination";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RequestType } from "@/lib/generated/prisma/enums";
import type { ManagerFilter, QueueSort, QueueStatusFilter } from "@/lib/requests/queue-filters";

const PAGE_SIZE = 20;

const listSelect = {
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

const sortOrders: Record<QueueSort, Prisma.RequestOrderByWithRelationInput[]> = {
  newest: [{ createdAt: "desc" }, { id: "desc" }],
  oldest: [{ createdAt: "asc" }, { id: "asc" }],
  "grade-best": [{ grade: { sort: "desc", nulls: "last" } }, { createdAt: "asc" }],
  "grade-worst": [{ grade: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
  "expiring-first": [{ expiresAt: { sort: "asc", nulls: "last" } }, { id: "asc" }],
};

/** Which requests a status choice of the queue shows ("expiring": open, expiring within 7 days). */
function queueStatusWhere(status: QueueStatusFilter, now: Date): Prisma.RequestWhereInput {
  if (status === "open") return openRequestWhere;
  if (status === "expiring") return { ...openRequestWhere, expiresAt: { lte: expiringSoonUntil(now) } };
  return status === "all" ? {} : { status };
}

/** The manager's queue: only requests assigned to them; one page of rows per call. */
export async function listManagerQueue(user: SessionUser, filters: QueueFilters = {}, clock: Clock = systemClock) {
  return listQueue({ managerId: ownManagerId(user) }, filters, clock);
}

/**
 * Every request, for the admin (docs/domain.md §10 "All requests"): the queue's filters and the
 * same rows, plus the filter by manager and each row's manager. Anyone else: "not found".
 */
export async function listAllRequests(user: SessionUser, filters: AllRequestsFilters = {}, clock: Clock = systemClock) {
  if (user.role !== "ADMIN") throw new NotFoundError();
  const manager = filters.manager ?? "all";
  const scope: Prisma.RequestWhereInput = manager === "all" ? {} : { managerId: manager === "none" ? null : manager };
  return listQueue(scope, filters, clock);
}

/** The queue's query: `scope` (whose requests) and the filters, one page of rows. */
async function listQueue(scope: Prisma.RequestWhereInput, filters: QueueFilters, clock: Clock) {
  const status = filters.status ?? "open";
  const searchText = filters.search?.trim();
  const search = searchText ? literalLikeText(searchText) : undefined;
  const where: Prisma.RequestWhereInput = {
    ...scope,
    ...queueStatusWhere(status, clock.now()),
    ...(filters.type && filters.type !== "all" ? { type: filters.type } : {}),
    ...(search
      ? {
          OR: [
            { applicant: { name: { contains: search, mode: "insensitive" } } },
            { applicant: { email: { contains: search, mode: "insensitive" } } },
            { nickname: { contains: search, mode: "insensitive" } },
            { release: { artist: { nickname: { contains: search, mode: "insensitive" } } } },
          ],
        }
      : {}),
  };
  const { rows: requests, ...page } = await readPage(
    filters.page ?? 1,
    PAGE_SIZE,
    () => prisma.request.count({ where }),
    (window) =>
      prisma.request.findMany({
        where,
        // applicantId and managerId: the parties allowedActions reads (the bulk decisions' checkboxes);
        // the manager's name for the admin's list.
        select: {
          ...listSelect,
          applicantId: true,
          managerId: true,
          manager: { select: { user: { select: { name: true } } } },
          release: { select: { id: true, title: true, artist: { select: { nickname: true } } } },
        },
        orderBy: sortOrders[filters.sort ?? "newest"],
        ...window,
      }),
  );
  return { requests, ...page };
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
