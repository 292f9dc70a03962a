// /manager/requests: the manager's queue — filter by status and type, search, sort, pages.
import type { Metadata } from "next";
import { BulkDecisionForm, SelectAllRequests, SelectRequestCheckbox } from "@/components/requests/bulk-decision-form";
import { DeadlineCell } from "@/components/requests/request-deadline";
import { RequestLink } from "@/components/requests/request-link";
import { RequestStatusBadge } from "@/components/requests/request-status-badge";
import { Button, LinkButton } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input, Select } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { requirePageRole } from "@/lib/auth/guards";
import { formatDay, systemClock } from "@/lib/clock";
import { listManagerQueue } from "@/lib/requests/queries";
import { parseQueueQuery, queueSortOptions, queueStatusOptions, queueTypeOptions } from "@/lib/requests/queue-filters";
import { allowedActions, typeLabels } from "@/lib/requests/state-machine";
import { decideSelectedAction } from "./actions";

export const metadata: Metadata = { title: "Queue" };

export default async function ManagerQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageRole("MANAGER");
  const query = parseQueueQuery(await searchParams);
  const now = systemClock.now();
  const { requests, total, page, pageCount } = await listManagerQueue(user, {
    status: query.status,
    type: query.type,
    search: query.q,
    sort: query.sort,
    page: query.page,
  });
  // Bulk decisions (docs/domain.md §9): a checkbox where the state machine lets this manager decide.
  const decidable = new Set(requests.filter((request) => allowedActions(request, user).some((action) => action === "accept" || action === "decline")).map((request) => request.id));

  return (
    <>
      <PageHeader title="Queue" description="Requests assigned to you. Open one to see its history and decide." />
      <form method="get" action="/manager/requests" role="search" className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-5 lg:items-end">
        <Select label="Status" name="status" options={queueStatusOptions} defaultValue={query.status} />
        <Select label="Type" name="type" options={queueTypeOptions} defaultValue={query.type} />
        <Input label="Search" name="q" type="search" defaultValue={query.q} placeholder="Applicant, email or nickname" />
        <Select label="Sort" name="sort" options={queueSortOptions} defaultValue={query.sort} />
        <div className="flex gap-2">
          <Button type="submit" variant="secondary">
            Apply
          </Button>
          <LinkButton href="/manager/requests" variant="ghost">
            Reset
          </LinkButton>
        </div>
      </form>
      {requests.length === 0 ? (
        <EmptyState title="Nothing here" description="No request assigned to you matches these filters." />
      ) : (
        <>
          <Table caption="Requests assigned to you">
            <TableHead>
              <tr>
                {decidable.size > 0 ? (
                  <TableHeaderCell className="w-10 pr-0">
                    <SelectAllRequests />
                  </TableHeaderCell>
                ) : null}
                <TableHeaderCell>Request</TableHeaderCell>
                <TableHeaderCell>Type</TableHeaderCell>
                <TableHeaderCell>Applicant</TableHeaderCell>
                <TableHeaderCell>Status</TableHeaderCell>
                <TableHeaderCell>Grade</TableHeaderCell>
                <TableHeaderCell>Submitted</TableHeaderCell>
                <TableHeaderCell>Expires</TableHeaderCell>
              </tr>
            </TableHead>
            <TableBody>
              {requests.map((request) => (
                <TableRow key={request.id}>
                  {decidable.size > 0 ? <TableCell className="w-10 pr-0">{decidable.has(request.id) ? <SelectRequestCheckbox requestId={request.id} /> : null}</TableCell> : null}
                  <TableCell label="Request">
                    <RequestLink request={request} />
                    {request.processingFailedAt ? <span className="ml-2 text-xs text-red-700">processing failed</span> : null}
                  </TableCell>
                  <TableCell label="Type">{typeLabels[request.type]}</TableCell>
                  <TableCell label="Applicant">
                    <div>{request.type === "PUBLISH_RELEASE" ? request.release?.artist.nickname : request.applicant.name}</div>
                    <div className="text-xs text-stone-500">{request.applicant.email}</div>
                  </TableCell>
                  <TableCell label="Status">
                    <RequestStatusBadge status={request.status} resolution={request.resolution} />
                  </TableCell>
                  <TableCell label="Grade">{request.type === "PUBLISH_RELEASE" ? (request.grade ?? "pending") : "—"}</TableCell>
                  <TableCell label="Submitted" className="whitespace-nowrap">
                    <time dateTime={request.createdAt.toISOString()}>{formatDay(request.createdAt)}</time>
                  </TableCell>
                  <TableCell label="Expires">
                    <DeadlineCell request={request} now={now} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Pagination
            page={page}
            pageCount={pageCount}
            basePath="/manager/requests"
            searchParams={{ status: query.status, type: query.type, q: query.q, sort: query.sort }}
            total={total}
            itemLabel="requests"
          />
        </>
      )}
      <BulkDecisionForm decide={decideSelectedAction} selectable={decidable.size > 0} />
    </>
  );
}
