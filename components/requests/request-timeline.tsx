// The request's history: every status change, when, by whom and why.
import { formatDateTime } from "@/lib/clock";
import type { RequestResolution, RequestStatus } from "@/lib/generated/prisma/enums";
import { resolutionLabels, statusLabels } from "@/lib/requests/state-machine";

type Entry = {
  id: number;
  at: Date;
  fromStatus: RequestStatus | null;
  toStatus: RequestStatus;
  toResolution: RequestResolution | null;
  reason: string | null;
  actor: { name: string } | null;
};

function describe(entry: Entry): string {
  const to = entry.toResolution ? `${statusLabels[entry.toStatus]} (${resolutionLabels[entry.toResolution]})` : statusLabels[entry.toStatus];
  return entry.fromStatus ? `${statusLabels[entry.fromStatus]} → ${to}` : `Submitted as ${to}`;
}

export function RequestTimeline({ entries }: { entries: Entry[] }) {
  return (
    <ol className="relative space-y-4 border-l border-stone-200 pl-5">
      {entries.map((entry) => (
        <li key={entry.id} className="relative">
          <span aria-hidden="true" className="absolute top-1.5 -left-[25px] size-2.5 rounded-full bg-accent-600 ring-4 ring-white" />
          <p className="text-sm font-medium text-stone-900">{describe(entry)}</p>
          <p className="text-xs text-stone-500">
            <time dateTime={entry.at.toISOString()}>{formatDateTime(entry.at)}</time> · by {entry.actor?.name ?? "system"}
          </p>
          {entry.reason ? <p className="mt-1 text-sm text-stone-700">{entry.reason}</p> : null}
        </li>
      ))}
    </ol>
  );
}
