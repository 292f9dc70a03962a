// /requests: the signed-in person's own requests, newest first.
import type { Metadata } from "next";
import { DeadlineCell } from "@/components/requests/request-deadline";
import { RequestLink } from "@/components/requests/request-link";
import { RequestStatusBadge } from "@/components/requests/request-status-badge";
import { LinkButton } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/guards";
import { parsePage } from "@/lib/pagination";
import { formatDay, systemClock } from "@/lib/clock";
import { listOwnRequests } from "@/lib/requests/queries";
import { maySubmit, typeLabels } from "@/lib/requests/state-machine";

export const metadata: Metadata = { title: "My requests" };

export default async function RequestsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const params = await searchParams;
  const { requests, total, page, pageCount } = await listOwnRequests(user, { page: parsePage(params.page) });
  const now = systemClock.now();
  const newRequest =
    maySubmit("SIGN_CONTRACT", user) ? (
      <LinkButton href="/requests/new/sign-contract" variant="primary">
        Join the label
      </LinkButton>
    ) : maySubmit("PUBLISH_RELEASE", user) ? (
      <LinkButton href="/requests/new/publish" variant="primary">
        Ask to publish a release
      </LinkButton>
    ) : null;

  return (
    <>
      <PageHeader title="My requests" description="Everything you have asked the label, and where it stands." actions={newRequest} />
      {requests.length === 0 ? (
        <EmptyState
          title="No requests yet"
          description={maySubmit("SIGN_CONTRACT", user) ? "Ask to join the label to get started." : "Requests you send the label will show up here."}
          action={newRequest ?? undefined}
        />
      ) : (
        <>
          <Table caption="My requests">
            <TableHead>
              <tr>
                <TableHeaderCell>Request</TableHeaderCell>
                <TableHeaderCell>Type</TableHeaderCell>
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
                  </TableCell>
                  <TableCell label="Type">{typeLabels[request.type]}</TableCell>
                  <TableCell label="Status">
                    <RequestStatusBadge status={request.status} resolution={request.resolution} />
                  </TableCell>
                  <TableCell label="Submitted" className="whitespace-nowrap">
                    <time dateTime={request.createdAt.toISOString()}>{formatDay(request.createdAt)}</time>
                  </TableCell>
                  <DeadlineCell request={request} now={now} />
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Pagination page={page} pageCount={pageCount} basePath="/requests" total={total} itemLabel="requests" />
        </>
      )}
    </>
  );
}
