// /manager/requests: the manager's queue — filter by status and type, search, sort, pages.
import type { Metadata } from "next";
import { BulkDecisionForm, SelectAllRequests } from "@/components/requests/bulk-decision-form";
import { QueueFilterForm, queueRowData } from "@/components/requests/queue-parts";
import { ManagerQueueRows } from "@/components/requests/queue-rows";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Table, TableHead, TableHeaderCell } from "@/components/ui/table";
import { requirePageRole } from "@/lib/auth/guards";
import { systemClock } from "@/lib/clock";
import { listManagerQueue } from "@/lib/requests/queries";
import { parseQueueQuery } from "@/lib/requests/queue-filters";
import { allowedActions } from "@/lib/requests/state-machine";
import { decideSelectedAction } from "./actions";

export const metadata: Metadata = { title: "Queue" };

export default async function ManagerQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageRole("MANAGER");
  const query = parseQueueQuery(await searchParams);
  const now = systemClock.now();
  const { requests, total, more, page, pageCount } = await listManagerQueue(user, {
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
      <QueueFilterForm action="/manager/requests" query={query} />
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
            <ManagerQueueRows rows={requests.map(queueRowData)} decidable={[...decidable]} now={now} />
          </Table>
          <Pagination
            page={page}
            pageCount={pageCount}
            basePath="/manager/requests"
            searchParams={{ status: query.status, type: query.type, q: query.q, sort: query.sort }}
            total={total}
            more={more}
            itemLabel="requests"
          />
        </>
      )}
      <BulkDecisionForm decide={decideSelectedAction} selectable={decidable.size > 0} />
    </>
  );
}
