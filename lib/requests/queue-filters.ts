// The manager queue's filters: the choices, their words, and the parsing of the query string
// (unknown values fall back to the defaults). One home for the page and the query. Pure.
import { z } from "zod";
import type { RequestStatus, RequestType } from "@/lib/generated/prisma/enums";
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
  return queueFiltersSchema.parse({
    status: firstParam(params.status) ?? "open",
    type: firstParam(params.type) ?? "all",
    q: firstParam(params.q) ?? "",
    sort: firstParam(params.sort) ?? "newest",
    page: firstParam(params.page),
  });
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
