// /admin/requests: every request of the label (docs/domain.md §10 "All requests") — the queue's
// filters (status, type, search, sort) plus the manager, a page at a time; each opens read-only,
// with "Reassign" on an open sign request.
import type { Metadata } from "next";
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
import { isOpen } from "@/lib/requests/open-request";
import { listAllRequests } from "@/lib/requests/queries";
import { managerFilterOptions, parseAllRequestsQuery, queueSortOptions, queueStatusOptions, queueTypeOptions } from "@/lib/requests/queue-filters";
import { typeLabels } from "@/lib/requests/state-machine";
import { listManagers } from "@/lib/users/list-managers";

export const metadata: Metadata = { title: "All requests" };

export default async function AllRequestsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await requirePageRole("ADMIN");
  const query = parseAllRequestsQuery(await searchParams);
  const now = systemClock.now();
  const [{ requests, total, page, pageCount }, managers] = await Promise.all([
    listAllRequests(admin, { status: query.status, type: query.type, search: query.q, sort: query.sort, page: query.page, manager: query.manager }),
    listManagers(),
  ]);

  return (
    <>
      <PageHeader title="All requests" description="Every request of the label, whoever has it. Open one to read it, or to reassign an open sign request." />
      <form method="get" action="/admin/requests" role="search" className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-6 lg:items-end">
        <Select label="Status" name="status" options={queueStatusOptions} defaultValue={query.status} />
        <Select label="Type" name="type" options={queueTypeOptions} defaultValue={query.type} />
        <Select label="Manager" name="manager" options={managerFilterOptions(managers)} defaultValue={String(query.manager)} />
        <Input label="Search" name="q" type="search" defaultValue={query.q} placeholder="Applicant, email or nickname" />
        <Select label="Sort" name="sort" options={queueSortOptions} defaultValue={query.sort} />
        <div className="flex gap-2">
          <Button type="submit" variant="secondary">
            Apply
          </Button>
          <LinkButton href="/admin/requests" variant="ghost">
            Reset
          </LinkButton>
        </div>
      </form>
      {requests.length === 0 ? (
        <EmptyState title="Nothing here" description="No request matches these filters." />
      ) : (
        <>
          <Table caption="All requests">
            <TableHead>
              <tr>
                <TableHeaderCell>Request</TableHeaderCell>
                <TableHeaderCell>Type</TableHeaderCell>
                <TableHeaderCell>Applicant</TableHeaderCell>
                <TableHeaderCell>Manager</TableHeaderCell>
                <TableHeaderCell>Status</TableHeaderCell>
                <TableHeaderCell>Submitted</TableHeaderCell>
                <TableHeaderCell>Expires</TableHeaderCell>
              </tr>
            </TableHead>
            <TableBody>
              {requests.map((request) => (
                <TableRow key={request.id}>
                  <TableCell label="Request">
                    <RequestLink request={request} />
                    {request.processingFailedAt ? <span className="ml-2 text-xs text-red-700">processing failed</span> : null}
                  </TableCell>
                  <TableCell label="Type">{typeLabels[request.type]}</TableCell>
                  <TableCell label="Applicant">
                    <div>{request.type === "PUBLISH_RELEASE" ? request.release?.artist.nickname : request.applicant.name}</div>
                    <div className="text-xs text-stone-600">{request.applicant.email}</div>
                  </TableCell>
                  <TableCell label="Manager">
                    {request.manager?.user.name ?? <span className="text-stone-600">{isOpen(request.status) ? "Waiting for a manager" : "None"}</span>}
                  </TableCell>
                  <TableCell label="Status">
                    <RequestStatusBadge status={request.status} resolution={request.resolution} />
                  </TableCell>
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
            basePath="/admin/requests"
            searchParams={{ status: query.status, type: query.type, manager: String(query.manager), q: query.q, sort: query.sort }}
            total={total}
            itemLabel="requests"
          />
        </>
      )}
    </>
  );
}
