// /account (docs/domain.md §11, §8): any signed-in person sees who they are signed in as,
// changes their name or password, and can sign out everywhere.
import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { RenameForm } from "@/components/account/rename-form";
import { SignOutEverywhereForm } from "@/components/account/sign-out-everywhere-form";
import { RoleBadge } from "@/components/admin/role-badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/guards";
import { changePasswordAction, renameAction, signOutEverywhereAction } from "./actions";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const user = await requireUser();
  return (
    <>
      <PageHeader title="Account" description="Your name, your password and where you are signed in." />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Signed in as" className="lg:col-span-2">
          <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-3">
            <div>
              <dt className="text-stone-500">Name</dt>
              <dd className="font-medium text-stone-900">{user.name}</dd>
            </div>
            <div>
              <dt className="text-stone-500">Email</dt>
              <dd className="break-all">{user.email}</dd>
            </div>
            <div>
              <dt className="text-stone-500">Role</dt>
              <dd>
                <RoleBadge role={user.role} />
              </dd>
            </div>
          </dl>
        </Card>
        {/* Card titles name regions: none may contain a field's label ("Name", "… password"). */}
        <Card title="Profile" description="Your name is shown in the header and to the people you work with.">
          <RenameForm action={renameAction} name={user.name} />
        </Card>
        <Card title="Security" description="Enter your current password to choose a new one.">
          <ChangePasswordForm action={changePasswordAction} />
        </Card>
        <Card
          title="Sessions"
          description="Signed in on a shared or lost device? End every session of your account, this one included."
          className="lg:col-span-2"
        >
          <SignOutEverywhereForm action={signOutEverywhereAction} />
        </Card>
      </div>
    </>
  );
}
