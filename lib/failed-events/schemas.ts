// What the admin's "Retry" and "Retry all" post (docs/domain.md §10 "Failed events"): the event
// (or the filter) and the list as it was, to return to it.
import { z } from "zod";
import { failedEventFiltersSchema, failedEventStates } from "@/lib/failed-events/failed-event-filters";
import { idSchema } from "@/lib/ids";
import { pageSchema } from "@/lib/pagination";

export const FAILED_EVENT_NOT_FOUND = "This failed event was not found";

/** The list to go back to: its filters as the page's query has them, and its page. Never refused. */
const listReturn = {
  state: z.enum([...failedEventStates, "all"]).catch("open"),
  page: pageSchema,
};

export const retryFailedEventSchema = z.object({ failedEventId: idSchema, ...failedEventFiltersSchema.pick({ event: true }).shape, ...listReturn });

/** "Retry all" retries the open events of the list as filtered: its event name, if any. */
export const retryAllFailedEventsSchema = z.object({ ...failedEventFiltersSchema.pick({ event: true }).shape, ...listReturn });

export type FailedEventsListReturn = { event: string; state: string; page: number };

/** The list's address after a retry, saying what was done (`retried`: a failed event's id; `retriedAll`: how many). */
export function failedEventsListHref(back: FailedEventsListReturn, outcome: Record<string, string>): string {
  const query = new URLSearchParams({
    ...(back.event ? { event: back.event } : {}),
    ...(back.state !== "open" ? { state: back.state } : {}),
    ...(back.page > 1 ? { page: String(back.page) } : {}),
    ...outcome,
  });
  return `/admin/failed-events?${query}`;
}
