// What the manager's queue and the admin's list of all requests share: the filter form (the
// admin's adds the manager) and the cells every row has, so the two lists read alike.
import { RequestLink } from "@/components/requests/request-link";
import { Button, LinkButton } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import { TableCell } from "@/components/ui/table";
import { formatDay } from "@/lib/clock";
import type { RequestType } from "@/lib/generated/prisma/enums";
import type { QueueQuery } from "@/lib/requests/queue-filters";
import { queueSortOptions, queueStatusOptions, queueTypeOptions } from "@/lib/requests/queue-filters";
import { typeLabels } from "@/lib/requests/state-machine";

type Option = { value: string; label: string };

export function QueueFilterForm({
  action,
  query,
  manager,
}: {
  action: string;
  query: Pick<QueueQuery, "status" | "type" | "q" | "sort">;
  /** The admin's manager filter: its options and the chosen one. */
  manager?: { options: Option[]; value: string };
}) {
  return (
    <form method="get" action={action} role="search" className={`mb-4 grid gap-3 sm:grid-cols-2 lg:items-end ${manager ? "lg:grid-cols-6" : "lg:grid-cols-5"}`}>
      <Select label="Status" name="status" options={queueStatusOptions} defaultValue={query.status} />
      <Select label="Type" name="type" options={queueTypeOptions} defaultValue={query.type} />
      {manager ? <Select label="Manager" name="manager" options={manager.options} defaultValue={manager.value} /> : null}
      <Input label="Search" name="q" type="search" defaultValue={query.q} placeholder="Applicant, email or nickname" />
      <Select label="Sort" name="sort" options={queueSortOptions} defaultValue={query.sort} />
      <div className="flex gap-2">
        <Button type="submit" variant="secondary">
          Apply
        </Button>
        <LinkButton href={action} variant="ghost">
          Reset
        </LinkButton>
      </div>
    </form>
  );
}

type QueueRow = {
  id: number;
  type: RequestType;
  nickname: string | null;
  processingFailedAt: Date | null;
  createdAt: Date;
  applicant: { name: string; email: string };
  release: { title: string; artist: { nickname: string } } | null;
};

/** The request's link, its type and its applicant: the first cells of every row. */
export function QueueRowStart({ request }: { request: QueueRow }) {
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

export function SubmittedCell({ request }: { request: Pick<QueueRow, "createdAt"> }) {
  return (
    <TableCell label="Submitted" className="whitespace-nowrap">
      <time dateTime={request.createdAt.toISOString()}>{formatDay(request.createdAt)}</time>
    </TableCell>
  );
}
