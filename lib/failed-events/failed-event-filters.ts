// The admin's failed-events filters (docs/domain.md §10 "Failed events"), read from the page's
// query and posted again by "Retry all". Pure: anything that is not a valid filter is no filter.
import { z } from "zod";
import { firstParam } from "@/lib/search-params";
import { withoutUnstorableCharacters } from "@/lib/storable-text";

/** Open: parked, waiting for the admin; retried: a retry is on its way; resolved: a retry worked. */
export const failedEventStates = ["open", "retried", "resolved"] as const;
export type FailedEventState = (typeof failedEventStates)[number];

export const failedEventStateLabels: Record<FailedEventState, string> = {
  open: "Waiting for a retry",
  retried: "Retry on its way",
  resolved: "Resolved",
};

export type FailedEventFilters = {
  /** An event name, exactly ("" for every event). */
  event: string;
  /** null: every state. */
  state: FailedEventState | null;
};

const eventName = z.string().transform((text) => withoutUnstorableCharacters(text).trim().slice(0, 100)).catch("");
const state = z.enum(failedEventStates).nullable().catch(null);

export const failedEventFiltersSchema = z.object({ event: eventName, state });

type Params = Record<string, string | string[] | undefined>;

/** The page opens on what needs the admin: open events. "all" shows every state. */
export function parseFailedEventFilters(params: Params): FailedEventFilters {
  const stateParam = firstParam(params.state)?.trim();
  return {
    event: eventName.parse(firstParam(params.event) ?? ""),
    state: stateParam === "all" ? null : state.parse(stateParam ?? "open"),
  };
}
