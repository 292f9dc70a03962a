// /admin/managers: the managers with their workload, and the "Create manager" form.
import type { Metadata } from "next";
import { CreateManagerForm } from "@/components/admin/create-manager-form";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { requirePageRole } from "@/lib/auth/guards";
import { formatDay } from "@/lib/clock";
import { listManagers } from "@/lib/users/list-managers";
import { createManagerAction } from "../actions";

export const metadata: Metadata = { title: "Managers" };

export default async function AdminManagersPage() {
  await requirePageRole("ADMIN");
  const managers = await listManagers();

  return (
    <>
      <PageHeader
        title="Managers"
        description="The label's staff. New sign-contract requests go to the manager with the fewest open requests."
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0">
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
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </div>
        <Card title="Create manager" description="A new staff account, ready to receive requests.">
          <CreateManagerForm action={createManagerAction} />
        </Card>
      </div>
    </>
  );
}
