// /admin/requests: every request of the label (docs/domain.md §10 "All requests") — the queue's
// filters (status, type, search, sort) plus the manager, a page at a time; each opens read-only,
// with "Reassign" on an open sign request.
import type { Metadata } from "next";
import { QueueFilterForm, queueRowData } from "@/components/requests/queue-parts";
import { AllRequestsRows } from "@/components/requests/queue-rows";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Table, TableHead, TableHeaderCell } from "@/components/ui/table";
import { requirePageRole } from "@/lib/auth/guards";
import { systemClock } from "@/lib/clock";
import { listAllRequests } from "@/lib/requests/queries";
import { managerFilterOptions, parseAllRequestsQuery } from "@/lib/requests/queue-filters";
import { listManagers } from "@/lib/users/list-managers";

export const metadata: Metadata = { title: "All requests" };

export default async function AllRequestsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await requirePageRole("ADMIN");
  const query = parseAllRequestsQuery(await searchParams);
  const now = systemClock.now();
  const [{ requests, total, more, page, pageCount }, managers] = await Promise.all([
    listAllRequests(admin, { status: query.status, type: query.type, search: query.q, sort: query.sort, page: query.page, manager: query.manager }),
    listManagers(),
  ]);

  return (
    <>
      <PageHeader title="All requests" description="Every request of the label, whoever has it. Open one to read it, or to reassign an open sign request." />
      <QueueFilterForm action="/admin/requests" query={query} manager={{ options: managerFilterOptions(managers), value: String(query.manager) }} />
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
            <AllRequestsRows rows={requests.map(queueRowData)} now={now} />
          </Table>
          <Pagination
            page={page}
            pageCount={pageCount}
            basePath="/admin/requests"
            searchParams={{ status: query.status, type: query.type, manager: String(query.manager), q: query.q, sort: query.sort }}
            total={total}
            more={more}
            itemLabel="requests"
          />
        </>
      )}
    </>
  );
}
