// /admin/managers: the managers with their workload, "Deactivate" per manager and the
// redistribution of a deactivated manager's work while it runs (docs/domain.md §10), and the
// "Create manager" form.
import type { Metadata } from "next";
import { CreateManagerForm } from "@/components/admin/create-manager-form";
import { DeactivateManagerButton } from "@/components/admin/deactivate-manager-button";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { requirePageRole } from "@/lib/auth/guards";
import { formatDateTime, formatDay } from "@/lib/clock";
import { parseId } from "@/lib/ids";
import { listDeactivations } from "@/lib/managers/deactivate-manager";
import { describeCounts, describeProgress, isFinished } from "@/lib/managers/deactivation-rule";
import { firstParam } from "@/lib/search-params";
import { listManagers } from "@/lib/users/list-managers";
import { createManagerAction, deactivateManagerAction } from "../actions";

export const metadata: Metadata = { title: "Managers" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AdminManagersPage({ searchParams }: { searchParams: SearchParams }) {
  const admin = await requirePageRole("ADMIN");
  const params = await searchParams;
  const [managers, deactivations] = await Promise.all([listManagers(), listDeactivations(admin)]);
  const deactivatedId = parseId(firstParam(params.deactivated));
  const deactivated = deactivations.find((job) => job.id === deactivatedId);

  return (
    <>
      <PageHeader
        title="Managers"
        description="The label's staff. New sign-contract requests go to the manager with the fewest open requests."
      />
      {deactivated ? (
        <Alert tone="success" className="mb-4">
          {deactivated.name} is no longer a manager.{" "}
          {isFinished(deactivated.status) ? "Their work is redistributed." : "Their requests and artists are being redistributed to the other managers."}
        </Alert>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0 space-y-6">
          {managers.length === 0 ? (
            <EmptyState
              title="No managers yet"
              description="Sign-contract requests wait until there is a manager. Create one here or appoint a user from the Users page."
            />
          ) : (
            <Table caption="Managers">
              <TableHead>
                <tr>
                  <TableHeaderCell>Name</TableHeaderCell>
                  <TableHeaderCell>Email</TableHeaderCell>
                  <TableHeaderCell className="text-right">Artists</TableHeaderCell>
                  <TableHeaderCell className="text-right">Open queue</TableHeaderCell>
                  <TableHeaderCell>Since</TableHeaderCell>
                  <TableHeaderCell>
                    <span className="sr-only">Actions</span>
                  </TableHeaderCell>
                </tr>
              </TableHead>
              <TableBody>
                {managers.map((manager) => (
                  <TableRow key={manager.managerId}>
                    <TableCell label="Name" className="font-medium text-stone-900">{manager.name}</TableCell>
                    <TableCell label="Email" className="whitespace-nowrap text-stone-600">{manager.email}</TableCell>
                    <TableCell label="Artists" className="text-right tabular-nums">{manager.artistCount}</TableCell>
                    <TableCell label="Open queue" className="text-right tabular-nums">{manager.openQueueSize}</TableCell>
                    <TableCell label="Since" className="whitespace-nowrap text-stone-600">
                      <time dateTime={manager.since.toISOString()}>{formatDay(manager.since)}</time>
                    </TableCell>
                    <TableCell className="text-right">
                      <DeactivateManagerButton
                        action={deactivateManagerAction}
                        managerId={manager.managerId}
                        name={manager.name}
                        openRequests={manager.openQueueSize}
                        artists={manager.artistCount}
                      />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          {deactivations.length > 0 ? (
            <section aria-labelledby="deactivations-heading">
              <h2 id="deactivations-heading" className="mb-2 text-base font-semibold text-stone-900">
                Deactivated managers
              </h2>
              <Table caption="Deactivated managers">
                <TableHead>
                  <tr>
                    <TableHeaderCell>Name</TableHeaderCell>
                    <TableHeaderCell>Redistribution</TableHeaderCell>
                    <TableHeaderCell>Moved</TableHeaderCell>
                    <TableHeaderCell>Deactivated</TableHeaderCell>
                  </tr>
                </TableHead>
                <TableBody>
                  {deactivations.map((job) => (
                    <TableRow key={job.id}>
                      <TableCell label="Name" className="font-medium text-stone-900">{job.name}</TableCell>
                      <TableCell label="Redistribution">
                        <Badge tone={job.status === "DONE" ? "success" : job.status === "CANCELLED" ? "neutral" : "warning"}>{describeProgress(job)}</Badge>
                      </TableCell>
                      <TableCell label="Moved" className="text-stone-600">{describeCounts(job)}</TableCell>
                      <TableCell label="Deactivated" className="whitespace-nowrap text-stone-600">
                        <time dateTime={job.requestedAt.toISOString()}>{formatDateTime(job.requestedAt)}</time>
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </section>
          ) : null}
        </div>
        <Card title="Create manager" description="A new staff account, ready to receive requests.">
          <CreateManagerForm action={createManagerAction} />
        </Card>
      </div>
    </>
  );
}
