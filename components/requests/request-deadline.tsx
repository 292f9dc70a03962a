// When an open request expires and how long is left (docs/domain.md §9 "Deadlines"), on the
// request page and as a cell of the request lists; nothing for a closed request.
import { Badge } from "@/components/ui/badge";
import { TableCell } from "@/components/ui/table";
import { formatDateTime, formatDay } from "@/lib/clock";
import type { RequestStatus } from "@/lib/generated/prisma/enums";
import { isExpiringSoon, timeLeftWords } from "@/lib/requests/deadline-rules";
import { isOpen } from "@/lib/requests/open-request";

type Deadline = { status: RequestStatus; expiresAt: Date | null };

function openDeadline(request: Deadline): Date | null {
  return isOpen(request.status) ? request.expiresAt : null;
}

/** A row of the request page's details: "Expires on 12 Dec 2026, 00:00 UTC if it is not decided by then · in 12 days". */
export function RequestDeadline({ request, now }: { request: Deadline; now: Date }) {
  const expiresAt = openDeadline(request);
  if (!expiresAt) return null;
  return (
    <div className="sm:col-span-2">
      <dt className="text-stone-500">Deadline</dt>
      <dd>
        Expires on <time dateTime={expiresAt.toISOString()}>{formatDateTime(expiresAt)}</time> if it is not decided by then{" "}
        <Badge tone={isExpiringSoon(expiresAt, now) ? "warning" : "neutral"}>{timeLeftWords(expiresAt, now)}</Badge>
      </dd>
    </div>
  );
}

/** The lists' "Expires" cell: the expiry day and the time left, highlighted within the last 7 days; "—" when closed. */
export function DeadlineCell({ request, now }: { request: Deadline; now: Date }) {
  const expiresAt = openDeadline(request);
  if (!expiresAt) {
    return (
      <TableCell label="Expires" className="text-stone-500">
        —
      </TableCell>
    );
  }
  const soon = isExpiringSoon(expiresAt, now);
  return (
    <TableCell label="Expires" className="whitespace-nowrap">
      <time dateTime={expiresAt.toISOString()} title={formatDateTime(expiresAt)}>
        {formatDay(expiresAt)}
      </time>
      <span className={soon ? "block text-xs font-medium text-amber-800" : "block text-xs text-stone-500"}>{timeLeftWords(expiresAt, now)}</span>
    </TableCell>
  );
}
