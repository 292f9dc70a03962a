// The admin's table of accounts: name, email, role, joined, and "Make manager" on USER rows.
import { AppointManagerButton } from "@/components/admin/appoint-manager-button";
import { RoleBadge } from "@/components/admin/role-badge";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { formatDay } from "@/lib/clock";
import type { ActionState } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { canAppointManager } from "@/lib/users/appointment-rule";

type Props = {
  users: Array<{ id: number; name: string; email: string; role: Role; createdAt: Date }>;
  page: number;
  search: string;
  appointAction: (state: ActionState, formData: FormData) => Promise<ActionState>;
};

export function UsersTable({ users, page, search, appointAction }: Props) {
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
            <TableCell className="font-medium whitespace-nowrap text-stone-900">{user.name}</TableCell>
            <TableCell className="whitespace-nowrap text-stone-600">{user.email}</TableCell>
            <TableCell>
              <RoleBadge role={user.role} />
            </TableCell>
            <TableCell className="whitespace-nowrap text-stone-600">
              <time dateTime={user.createdAt.toISOString()}>{formatDay(user.createdAt)}</time>
            </TableCell>
            <TableCell className="text-right">
              {canAppointManager(user.role) ? (
                <AppointManagerButton action={appointAction} userId={user.id} userName={user.name} page={page} search={search} />
              ) : null}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
