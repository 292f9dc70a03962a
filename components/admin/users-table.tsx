// The admin's table of accounts: name, email, role (and "Disabled"), joined; "Make manager" on
// USER rows, "Move to manager" on ARTIST rows, "Disable" or "Enable" on every row but the admin's
// own (docs/domain.md §6, §10).
import { RoleBadge } from "@/components/admin/role-badge";
import { UserRowButton } from "@/components/admin/user-row-button";
import { Badge } from "@/components/ui/badge";
import { LinkButton } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { formatDay } from "@/lib/clock";
import type { ActionState } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { canMoveArtist } from "@/lib/requests/reassignment-rule";
import { canChangeAccountStatus } from "@/lib/users/account-status-rule";
import { canAppointManager } from "@/lib/users/appointment-rule";

type RowAction = (state: ActionState, formData: FormData) => Promise<ActionState>;

type Props = {
  users: Array<{ id: number; name: string; email: string; role: Role; createdAt: Date; disabledAt: Date | null }>;
  page: number;
  search: string;
  /** The admin looking at the list. */
  adminId: number;
  appointAction: RowAction;
  disableAction: RowAction;
  enableAction: RowAction;
};

export function UsersTable({ users, page, search, adminId, appointAction, disableAction, enableAction }: Props) {
  const rowProps = { page, search };
  return (
    <Table caption="All users">
      <TableHead>
        <tr>
          <TableHeaderCell>Name</TableHeaderCell>
          <TableHeaderCell>Email</TableHeaderCell>
          <TableHeaderCell>Role</TableHeaderCell>
          <TableHeaderCell>Joined</TableHeaderCell>
          <TableHeaderCell>
            <span className="sr-only">Actions</span>
          </TableHeaderCell>
        </tr>
      </TableHead>
      <TableBody>
        {users.map((user) => (
          <TableRow key={user.id}>
            <TableCell label="Name" className="font-medium whitespace-nowrap text-stone-900">{user.name}</TableCell>
            <TableCell label="Email" className="whitespace-nowrap text-stone-600">{user.email}</TableCell>
            <TableCell label="Role">
              <span className="inline-flex flex-wrap gap-1">
                <RoleBadge role={user.role} />
                {user.disabledAt ? <Badge tone="danger">Disabled</Badge> : null}
              </span>
            </TableCell>
            <TableCell label="Joined" className="whitespace-nowrap text-stone-600">
              <time dateTime={user.createdAt.toISOString()}>{formatDay(user.createdAt)}</time>
            </TableCell>
            <TableCell className="text-right">
              <span className="inline-flex items-start justify-end gap-2">
                {canMoveArtist(user.role) ? (
                  <LinkButton href={`/admin/users/${user.id}/move`} variant="secondary" size="sm" title={`Move ${user.name} to another manager`}>
                    Move to manager
                  </LinkButton>
                ) : null}
                {canAppointManager(user.role) ? (
                  <UserRowButton
                    {...rowProps}
                    action={appointAction}
                    kind="appoint"
                    userId={user.id}
                    label="Make manager"
                    pendingLabel="Appointing…"
                    title={`Make ${user.name} a manager`}
                  />
                ) : null}
                {canChangeAccountStatus({ actorId: adminId, accountId: user.id }) ? (
                  user.disabledAt ? (
                    <UserRowButton
                      {...rowProps}
                      action={enableAction}
                      kind="enable"
                      userId={user.id}
                      label="Enable"
                      pendingLabel="Enabling…"
                      title={`Let ${user.name} sign in again`}
                    />
                  ) : (
                    <UserRowButton
                      {...rowProps}
                      action={disableAction}
                      kind="disable"
                      userId={user.id}
                      label="Disable"
                      pendingLabel="Disabling…"
                      title={`Disable ${user.name}'s account and sign them out everywhere`}
                      variant="danger-outline"
                    />
                  )
                ) : null}
              </span>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
