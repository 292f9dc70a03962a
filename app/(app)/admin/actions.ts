"use server";
// The admin's actions: appoint a user as manager, create a manager account, deactivate a
// manager, disable and enable an account.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineAction, formFields, formText } from "@/lib/actions/define-action";
import { requireRole } from "@/lib/auth/guards";
import { deactivateManager } from "@/lib/managers/deactivate-manager";
import { deactivateManagerSchema } from "@/lib/managers/schemas";
import { setAccountDisabled } from "@/lib/users/account-status";
import { appointManager } from "@/lib/users/appoint-manager";
import { createManager } from "@/lib/users/create-manager";
import { accountStatusSchema, appointManagerSchema, createManagerSchema } from "@/lib/users/schemas";

const requireAdmin = () => requireRole("ADMIN");

/** Back to the users list as it was (search and page), naming what just happened to whom. */
function backToUsers({ page, q }: { page: number; q: string }, outcome: Record<string, string>): never {
  revalidatePath("/admin", "layout");
  const query = new URLSearchParams({ ...(q ? { q } : {}), ...(page > 1 ? { page: String(page) } : {}), ...outcome });
  redirect(`/admin/users?${query}`);
}

/** The fields of a button on a row of the users list. */
function usersListRowInput(formData: FormData) {
  return { userId: formData.get("userId"), page: formData.get("page") ?? undefined, q: formText(formData, "q") };
}

export const appointManagerAction = defineAction({
  guard: requireAdmin,
  schema: appointManagerSchema,
  input: usersListRowInput,
  hidden: { userId: "Choose a user to appoint" },
  run: ({ userId }, admin) => appointManager({ userId, actorId: admin.id }),
  onSuccess: (_result, input) => backToUsers(input, { appointed: String(input.userId) }),
});

/** "Disable" and "Enable" on the users list (docs/domain.md §10); the list then says which happened. */
function accountStatusAction(disabled: boolean) {
  return defineAction({
    guard: requireAdmin,
    schema: accountStatusSchema,
    input: usersListRowInput,
    hidden: { userId: disabled ? "Choose an account to disable" : "Choose an account to enable" },
    run: ({ userId }, admin) => setAccountDisabled({ userId, disabled, actorId: admin.id }),
    onSuccess: (_result, input) => backToUsers(input, { [disabled ? "disabled" : "enabled"]: String(input.userId) }),
  });
}

export const disableAccountAction = accountStatusAction(true);

export const enableAccountAction = accountStatusAction(false);

export const createManagerAction = defineAction({
  guard: requireAdmin,
  schema: createManagerSchema,
  input: (formData) => formFields(formData, "name", "email", "password"),
  values: (formData) => formFields(formData, "name", "email"),
  run: (input, admin) => createManager(input, admin.id),
  onSuccess: (manager) => {
    revalidatePath("/admin", "layout");
    return { ok: true, message: `Manager account created for ${manager.name} (${manager.email}).` };
  },
});

/** "Deactivate" on the managers list (docs/domain.md §10): the list then names the job it started. */
export const deactivateManagerAction = defineAction({
  guard: requireAdmin,
  schema: deactivateManagerSchema,
  input: (formData) => ({ managerId: formData.get("managerId") }),
  hidden: { managerId: "Choose a manager to deactivate" },
  run: ({ managerId }, admin) => deactivateManager(admin, { managerId }),
  onSuccess: (deactivated) => {
    revalidatePath("/admin", "layout");
    redirect(`/admin/managers?deactivated=${deactivated.deactivationId}`);
  },
});
