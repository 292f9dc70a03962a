"use client";
// The rows of the manager's queue and of the admin's list of all requests: the cells both lists
// share, so the two read alike. A client component fed plain data (`QueueRowData`, picked by
// `queueRowData` in queue-parts.tsx): the page's payload then carries each row's few values
// instead of its rendered elements, and the server renders the rows once instead of twice
// (decision 022, item 10). It renders the same markup as a server component would; everything it
// formats (days, time left) is computed the same on the server and in the browser (lib/clock.ts).
import { SelectRequestCheckbox } from "@/components/requests/bulk-decision-form";
import { DeadlineCell } from "@/components/requests/request-deadline";
import { RequestLink } from "@/components/requests/request-link";
import { RequestStatusBadge } from "@/components/requests/request-status-badge";
import { TableBody, TableCell, TableRow } from "@/components/ui/table";
import { formatDay } from "@/lib/clock";
import type { RequestResolution, RequestStatus, RequestType } from "@/lib/generated/prisma/enums";
import { isOpen } from "@/lib/requests/open-request";
import { typeLabels } from "@/lib/requests/state-machine";

/** What a row shows of a request, and no more: it is sent to the browser as it is. */
export type QueueRowData = {
  id: number;
  type: RequestType;
  status: RequestStatus;
  resolution: RequestResolution | null;
  nickname: string | null;
  grade: number | null;
  processingFailedAt: Date | null;
  createdAt: Date;
  expiresAt: Date | null;
  applicant: { name: string; email: string };
  release: { title: string; artist: { nickname: string } } | null;
  /** The assigned manager's name (the admin's list shows it). */
  managerName: string | null;
};

/** The request's link, its type and its applicant: the first cells of every row. */
function QueueRowStart({ request }: { request: QueueRowData }) {
  return (
    <>
      <TableCell label="Request">
        <RequestLink request={request} />
        {request.processingFailedAt ? <span className="ml-2 text-xs text-red-700">processing failed</span> : null}
      </TableCell>
      <TableCell label="Type">{typeLabels[request.type]}</TableCell>
      <TableCell label="Applicant">
        {request.type === "PUBLISH_RELEASE" ? request.release?.artist.nickname : request.applicant.name}
        <div className="text-xs text-stone-600">{request.applicant.email}</div>
      </TableCell>
    </>
  );
}

function SubmittedCell({ request }: { request: QueueRowData }) {
  return (
    <TableCell label="Submitted" className="whitespace-nowrap">
      <time dateTime={request.createdAt.toISOString()}>{formatDay(request.createdAt)}</time>
    </TableCell>
  );
}

/**
 * The manager's queue. `decidable`: the requests this manager may decide from the list (bulk
 * decisions, docs/domain.md §9); when there is any, every row has a checkbox cell.
 */
export function ManagerQueueRows({ rows, decidable, now }: { rows: QueueRowData[]; decidable: number[]; now: Date }) {
  const selectable = new Set(decidable);
  return (
    <TableBody>
      {rows.map((request) => (
        <TableRow key={request.id}>
          {selectable.size > 0 ? <TableCell className="w-10 pr-0">{selectable.has(request.id) ? <SelectRequestCheckbox requestId={request.id} /> : null}</TableCell> : null}
          <QueueRowStart request={request} />
          <TableCell label="Status">
            <RequestStatusBadge status={request.status} resolution={request.resolution} />
          </TableCell>
          <TableCell label="Grade">{request.type === "PUBLISH_RELEASE" ? (request.grade ?? "pending") : "—"}</TableCell>
          <SubmittedCell request={request} />
          <DeadlineCell request={request} now={now} />
        </TableRow>
      ))}
    </TableBody>
  );
}

/** The admin's list of every request, with its manager. */
export function AllRequestsRows({ rows, now }: { rows: QueueRowData[]; now: Date }) {
  return (
    <TableBody>
      {rows.map((request) => (
        <TableRow key={request.id}>
          <QueueRowStart request={request} />
          <TableCell label="Manager">
            {request.managerName ?? <span className="text-stone-600">{isOpen(request.status) ? "Waiting for a manager" : "None"}</span>}
          </TableCell>
          <TableCell label="Status">
            <RequestStatusBadge status={request.status} resolution={request.resolution} />
          </TableCell>
          <SubmittedCell request={request} />
          <DeadlineCell request={request} now={now} />
        </TableRow>
      ))}
    </TableBody>
  );
}
