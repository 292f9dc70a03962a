// /admin/users: every account (name, email, role, joined); "Make manager" on USER rows,
// "Disable" / "Enable" on every row but the admin's own (docs/domain.md §10).
import type { Metadata } from "next";
import Link from "next/link";
import { UsersTable } from "@/components/admin/users-table";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requirePageRole } from "@/lib/auth/guards";
import { parseId } from "@/lib/ids";
import { parsePage } from "@/lib/pagination";
import { firstParam } from "@/lib/search-params";
import { listUsers } from "@/lib/users/list-users";
import { appointManagerAction, disableAccountAction, enableAccountAction } from "../actions";

export const metadata: Metadata = { title: "Users" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AdminUsersPage({ searchParams }: { searchParams: SearchParams }) {
  const admin = await requirePageRole("ADMIN");
  const params = await searchParams;
  const search = firstParam(params.q)?.trim() ?? "";
  const { users, page, pageCount, total } = await listUsers({ page: parsePage(params.page), search });
  const appointedId = parseId(firstParam(params.appointed));
  const appointed = users.find((user) => user.id === appointedId);
  // Said only while it is still true, so a stale or copied address tells nothing false.
  const disabledId = parseId(firstParam(params.disabled));
  const disabled = users.find((user) => user.id === disabledId && user.disabledAt);
  const enabledId = parseId(firstParam(params.enabled));
  const enabled = users.find((user) => user.id === enabledId && !user.disabledAt);

  return (
    <>
      <PageHeader title="Users" description="Everyone with an account. Appoint a user as a manager to give them a review queue." />
      {appointed && appointed.role === "MANAGER" ? (
        <Alert tone="success" className="mb-4">
          {appointed.name} is now a manager.
        </Alert>
      ) : null}
      {disabled ? (
        <Alert tone="success" className="mb-4">
          {disabled.name} is disabled.
        </Alert>
      ) : null}
      {enabled ? (
        <Alert tone="success" className="mb-4">
          {enabled.name} is enabled again.
        </Alert>
      ) : null}
      <form method="get" action="/admin/users" role="search" className="mb-4 flex flex-wrap items-end gap-2">
        <Input label="Search users" name="q" type="search" defaultValue={search} placeholder="Name or email" className="w-full max-w-xs" />
        <Button type="submit" variant="secondary">
          Search
        </Button>
        {search ? (
          <Link href="/admin/users" className={buttonClasses({ variant: "ghost" })}>
            Clear
          </Link>
        ) : null}
      </form>
      {users.length === 0 ? (
        <EmptyState title="No users found" description={search ? `Nobody matches “${search}”.` : "Nobody has registered yet."} />
      ) : (
        <UsersTable
          users={users}
          page={page}
          search={search}
          adminId={admin.id}
          appointAction={appointManagerAction}
          disableAction={disableAccountAction}
          enableAction={enableAccountAction}
        />
      )}
      <Pagination
        page={page}
        pageCount={pageCount}
        basePath="/admin/users"
        searchParams={{ q: search || undefined }}
        total={total}
        itemLabel={total === 1 ? "user" : "users"}
      />
    </>
  );
}
