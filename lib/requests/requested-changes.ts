// What the manager asked for on a request waiting for changes (docs/domain.md §9): the reason of
// its latest move to Changes requested, as the history keeps every round. Pure.
import type { RequestStatus } from "@/lib/generated/prisma/enums";

type HistoryEntry = { at: Date; fromStatus: RequestStatus | null; toStatus: RequestStatus; reason: string | null; actor: { name: string } | null };

export type RequestedChanges = { reason: string; at: Date; by: string | null };

/** The changes asked for, while the request waits for them; null otherwise. */
export function requestedChanges(request: { status: RequestStatus; history: readonly HistoryEntry[] }): RequestedChanges | null {
  if (request.status !== "CHANGES_REQUESTED") return null;
  let latest: HistoryEntry | undefined;
  // A move to another manager meanwhile (docs/domain.md §10) keeps the status: it is no round.
  for (const entry of request.history) if (entry.toStatus === "CHANGES_REQUESTED" && entry.fromStatus !== "CHANGES_REQUESTED") latest = entry;
  return latest ? { reason: latest.reason ?? "", at: latest.at, by: latest.actor?.name ?? null } : null;
}
