// The request's history (docs/domain.md §9 "Conversation"): every status change — when, by whom
// and why — and the comments of the conversation, oldest first. Internal notes (which only
// staff are ever given) are marked as such.
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { formatDateTime } from "@/lib/clock";
import type { TimelineEntry } from "@/lib/requests/conversation/timeline";
import { resolutionLabels, statusLabels } from "@/lib/requests/state-machine";

type StatusEntry = Extract<TimelineEntry, { kind: "status" }>;
type CommentEntry = Extract<TimelineEntry, { kind: "comment" }>;

function describe(entry: StatusEntry): string {
  // A move between managers that kept the status (docs/domain.md §10 "All requests").
  if (entry.toManager && entry.fromStatus === entry.toStatus) {
    return entry.fromManager ? `Reassigned from ${entry.fromManager.user.name} to ${entry.toManager.user.name}` : `Reassigned to ${entry.toManager.user.name}`;
  }
  // Its manager was deactivated with no manager left (docs/domain.md §10): back to waiting for one.
  if (entry.fromManager && !entry.toManager) {
    const left = `Left ${entry.fromManager.user.name}, waiting for a manager`;
    return entry.fromStatus === entry.toStatus || !entry.fromStatus ? left : `${statusLabels[entry.fromStatus]} → ${statusLabels[entry.toStatus]}: ${left}`;
  }
  const to = entry.toResolution ? `${statusLabels[entry.toStatus]} (${resolutionLabels[entry.toResolution]})` : statusLabels[entry.toStatus];
  const move = entry.fromStatus ? `${statusLabels[entry.fromStatus]} → ${to}` : `Submitted as ${to}`;
  // An assignment names its manager ("Assigned to …" is the Details' own wording, docs/domain.md §8).
  return entry.toManager ? `${move}, with ${entry.toManager.user.name}` : move;
}

function When({ at }: { at: Date }) {
  return <time dateTime={at.toISOString()}>{formatDateTime(at)}</time>;
}

function StatusChange({ entry }: { entry: StatusEntry }) {
  return (
    <>
      <span aria-hidden="true" className="absolute top-1.5 -left-[25px] size-2.5 rounded-full bg-accent-600 ring-4 ring-white" />
      <p className="text-sm font-medium text-stone-900">{describe(entry)}</p>
      <p className="text-xs text-stone-500">
        <When at={entry.at} /> · by {entry.actor?.name ?? "system"}
      </p>
      {entry.reason ? <p className="mt-1 text-sm text-stone-700">{entry.reason}</p> : null}
    </>
  );
}

function Comment({ entry }: { entry: CommentEntry }) {
  return (
    <>
      <span
        aria-hidden="true"
        className={cn("absolute top-1.5 -left-[25px] size-2.5 rounded-full ring-4 ring-white", entry.internal ? "bg-amber-500" : "bg-stone-400")}
      />
      {/* No accessible name: "Comment" is the name of the form's field (docs/domain.md §8). */}
      <article
        className={cn("rounded-md border px-3 py-2", entry.internal ? "border-amber-300 bg-amber-50" : "border-stone-200 bg-stone-50")}
      >
        <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-stone-600">
          <span className="font-medium text-stone-900">{entry.author.name}</span>
          <span>{entry.byApplicant ? "applicant" : "manager"}</span>
          <span aria-hidden="true">·</span>
          <When at={entry.at} />
          {entry.internal ? <Badge tone="warning">Internal note</Badge> : null}
        </p>
        <p className="mt-1 text-sm break-words whitespace-pre-wrap text-stone-800">{entry.body}</p>
      </article>
    </>
  );
}

export function RequestTimeline({ entries }: { entries: TimelineEntry[] }) {
  return (
    <ol className="relative space-y-4 border-l border-stone-200 pl-5">
      {entries.map((entry) => (
        <li key={entry.key} className="relative">
          {entry.kind === "status" ? <StatusChange entry={entry} /> : <Comment entry={entry} />}
        </li>
      ))}
    </ol>
  );
}
