"use server";
// The admin's actions: appoint a user as manager, create a manager account.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineAction, formFields, formText } from "@/lib/actions/define-action";
import { requireRole } from "@/lib/auth/guards";
import { appointManager } from "@/lib/users/appoint-manager";
import { createManager } from "@/lib/users/create-manager";
import { appointManagerSchema, createManagerSchema } from "@/lib/users/schemas";

const requireAdmin = () => requireRole("ADMIN");

export const appointManagerAction = defineAction({
  guard: requireAdmin,
  schema: appointManagerSchema,
  input: (formData) => ({ userId: formData.get("userId"), page: formData.get("page") ?? undefined, q: formText(formData, "q") }),
  hidden: { userId: "Choose a user to appoint" },
  run: ({ userId }, admin) => appointManager({ userId, actorId: admin.id }),
  onSuccess: (_result, { userId, page, q }) => {
    revalidatePath("/admin", "layout");
    const query = new URLSearchParams({ ...(q ? { q } : {}), ...(page > 1 ? { page: String(page) } : {}), appointed: String(userId) });
    redirect(`/admin/users?${query}`);
  },
});

export const createManagerAction = defineAction({
  guard: requireAdmin,
  schema: createManagerSchema,
  input: (formData) => formFields(formData, "name", "email", "password"),
  values: (formData) => formFields(formData, "name", "email"),
  run: (input) => createManager(input),
  onSuccess: (manager) => {
    revalidatePath("/admin", "layout");
    return { ok: true, message: `Manager account created for ${manager.name} (${manager.email}).` };
  },
});
