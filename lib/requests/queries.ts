// Reading requests, always scoped to the person asking: applicant or assigned manager.
import "server-only";
import type { SessionUser } from "@/lib/auth/guards";
import { prisma } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { pageCountOf, requestedPage } from "@/lib/pagination";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RequestStatus, RequestType } from "@/lib/generated/prisma/enums";

export const PAGE_SIZE = 20;

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
  processingFailedAt: true,
  release: { select: { id: true, title: true } },
  applicant: { select: { name: true, email: true } },
} satisfies Prisma.RequestSelect;

export async function listOwnRequests(user: SessionUser, options: { page?: number } = {}) {
  const page = requestedPage(options.page);
  const where = { applicantId: user.id };
  const [requests, total] = await Promise.all([
    prisma.request.findMany({ where, select: listSelect, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE }),
    prisma.request.count({ where }),
  ]);
  return { requests, total, page, pageCount: pageCountOf(total, PAGE_SIZE) };
}

export type QueueStatusFilter = "open" | "all" | RequestStatus;
export type QueueSort = "newest" | "oldest" | "grade-best" | "grade-worst";

export type QueueFilters = {
  status?: QueueStatusFilter;
  type?: RequestType | "all";
  search?: string;
  sort?: QueueSort;
  page?: number;
};

const sortOrders: Record<QueueSort, Prisma.RequestOrderByWithRelationInput[]> = {
  newest: [{ createdAt: "desc" }, { id: "desc" }],
  oldest: [{ createdAt: "asc" }, { id: "asc" }],
  "grade-best": [{ grade: { sort: "desc", nulls: "last" } }, { createdAt: "asc" }],
  "grade-worst": [{ grade: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
};

/** The manager's queue: only requests assigned to them; one page of rows per call. */
export async function listManagerQueue(user: SessionUser, filters: QueueFilters = {}) {
  if (user.role !== "MANAGER" || user.managerId === null) throw new NotFoundError();
  const page = requestedPage(filters.page);
  const status = filters.status ?? "open";
  const search = filters.search?.trim();
  const where: Prisma.RequestWhereInput = {
    managerId: user.managerId,
    ...(status === "open" ? { status: { not: "CLOSED" } } : status === "all" ? {} : { status }),
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
  const [requests, total] = await Promise.all([
    prisma.request.findMany({
      where,
      select: { ...listSelect, release: { select: { id: true, title: true, artist: { select: { nickname: true } } } } },
      orderBy: sortOrders[filters.sort ?? "newest"],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
    }),
    prisma.request.count({ where }),
  ]);
  return { requests, total, page, pageCount: pageCountOf(total, PAGE_SIZE) };
}

/** One request with its timeline, for its applicant or its assigned manager only. */
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
        select: { id: true, at: true, fromStatus: true, toStatus: true, toResolution: true, reason: true, actor: { select: { name: true } } },
        orderBy: [{ at: "asc" }, { id: "asc" }],
      },
    },
  });
  const isApplicant = request?.applicantId === user.id;
  const isAssignedManager = request !== null && user.managerId !== null && request.managerId === user.managerId;
  if (!request || !(isApplicant || isAssignedManager)) throw new NotFoundError("Request not found");
  return { request, isApplicant, isAssignedManager };
}

export type RequestDetail = Awaited<ReturnType<typeof getRequestForViewer>>["request"];

/** A cheap fingerprint of a request's state, for pages that refresh while they wait. */
export async function getRequestVersion(user: SessionUser, requestId: number): Promise<string> {
  const { request } = await getRequestForViewer(user, requestId);
  return `${request.status}:${request.updatedAt.toISOString()}`;
}

export async function listManagerArtists(user: SessionUser, options: { page?: number } = {}) {
  if (user.role !== "MANAGER" || user.managerId === null) throw new NotFoundError();
  const page = requestedPage(options.page);
  const where = { managerId: user.managerId };
  const [artists, total] = await Promise.all([
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
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
    }),
    prisma.artist.count({ where }),
  ]);
  return { artists, total, page, pageCount: pageCountOf(total, PAGE_SIZE) };
}

/** The user's open sign request, if any (the form shows a link to it instead). */
export async function findOpenSignRequest(user: SessionUser) {
  return prisma.request.findFirst({
    where: { applicantId: user.id, type: "SIGN_CONTRACT", status: { not: "CLOSED" } },
    select: { id: true },
  });
}
