// The manager queue's filters: the choices, their words, and the parsing of the query string
// (unknown values fall back to the defaults). One home for the page and the query, and for the
// admin's list of every request, which adds a filter by manager (docs/domain.md §10). Pure.
import { z } from "zod";
import type { RequestStatus, RequestType } from "@/lib/generated/prisma/enums";
import { idSchema } from "@/lib/ids";
import { pageSchema } from "@/lib/pagination";
import { firstParam } from "@/lib/search-params";
import { storableText } from "@/lib/storable-text";
import { EXPIRY_WARNING_DAYS } from "@/lib/requests/deadline-rules";
import { statusLabels, typeLabels } from "@/lib/requests/state-machine";

const requestStatuses = Object.keys(statusLabels) as [RequestStatus, ...RequestStatus[]];
const requestTypes = Object.keys(typeLabels) as [RequestType, ...RequestType[]];

/** "expiring": open and expiring within 7 days (docs/domain.md §9 "Deadlines"). */
const queueStatusFilters = ["open", "expiring", ...requestStatuses, "all"] as const;
export type QueueStatusFilter = (typeof queueStatusFilters)[number];

const queueSorts = ["newest", "oldest", "grade-best", "grade-worst", "expiring-first"] as const;
export type QueueSort = (typeof queueSorts)[number];

const queueFiltersSchema = z.object({
  status: z.enum(queueStatusFilters).catch("open"),
  type: z.enum(["all", ...requestTypes]).catch("all"),
  q: storableText().trim().max(100).catch(""),
  sort: z.enum(queueSorts).catch("newest"),
  page: pageSchema,
});

export type QueueQuery = z.infer<typeof queueFiltersSchema>;

export function parseQueueQuery(params: Record<string, string | string[] | undefined>): QueueQuery {
  return queueFiltersSchema.parse(queueParams(params, "open"));
}

function queueParams(params: Record<string, string | string[] | undefined>, defaultStatus: QueueStatusFilter) {
  return {
    status: firstParam(params.status) ?? defaultStatus,
    type: firstParam(params.type) ?? "all",
    q: firstParam(params.q) ?? "",
    sort: firstParam(params.sort) ?? "newest",
    page: firstParam(params.page),
  };
}

/** Whose requests the admin's list shows (docs/domain.md §10): everyone's, a manager's, or those waiting for one. */
export type ManagerFilter = "all" | "none" | number;

/**
 * The admin's list of every request: the queue's filters plus "manager" (an id, "none" or
 * "all"); it shows every status unless told otherwise, since it is the label's whole record.
 */
const allRequestsFiltersSchema = queueFiltersSchema.extend({
  status: z.enum(queueStatusFilters).catch("all"),
  manager: z.union([z.enum(["all", "none"]), idSchema]).catch("all"),
});

export type AllRequestsQuery = z.infer<typeof allRequestsFiltersSchema>;

export function parseAllRequestsQuery(params: Record<string, string | string[] | undefined>): AllRequestsQuery {
  return allRequestsFiltersSchema.parse({ ...queueParams(params, "all"), manager: firstParam(params.manager) ?? "all" });
}

/** The choices of the admin's "Manager" filter, from the label's managers (`managers`: id and name). */
export function managerFilterOptions(managers: readonly { managerId: number; name: string }[]) {
  return [
    { value: "all", label: "All managers" },
    { value: "none", label: "Waiting for a manager" },
    ...managers.map((manager) => ({ value: String(manager.managerId), label: manager.name })),
  ];
}

/** The words of the deadline filter (docs/domain.md §8). */
const EXPIRING_FILTER_LABEL = `Expiring within ${EXPIRY_WARNING_DAYS} days`;

/** The choices of the queue's filter form, in the words of the status and type labels. */
export const queueStatusOptions = queueStatusFilters.map((value) => ({
  value,
  label: value === "open" ? "All open" : value === "expiring" ? EXPIRING_FILTER_LABEL : value === "all" ? "All" : statusLabels[value],
}));

export const queueTypeOptions = [
  { value: "all", label: "All types" },
  ...requestTypes.map((value) => ({ value, label: typeLabels[value] })),
];

const sortLabels: Record<QueueSort, string> = {
  newest: "Newest first",
  oldest: "Oldest first",
  "grade-best": "Best grade first",
  "grade-worst": "Worst grade first",
  "expiring-first": "Expiring first",
};

export const queueSortOptions = queueSorts.map((value) => ({ value, label: sortLabels[value] }));
