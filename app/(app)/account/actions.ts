"use server";
// The account page's actions (docs/domain.md §11): rename, change the password, sign out everywhere.
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { defineAction, formFields, noInput } from "@/lib/actions/define-action";
import { signOut } from "@/lib/auth/auth";
import { clientAddress } from "@/lib/auth/client-address";
import { requireUser } from "@/lib/auth/guards";
import { changePassword, renameAccount, signOutEverywhere } from "@/lib/users/account";
import { changePasswordSchema, PASSWORD_CHANGED, renameSchema } from "@/lib/users/schemas";

export const renameAction = defineAction({
  guard: requireUser,
  schema: renameSchema,
  input: (formData) => formFields(formData, "name"),
  values: (formData) => formFields(formData, "name"),
  run: ({ name }, user) => renameAccount(user.id, name),
  onSuccess: () => {
    // The header of every page shows the name.
    revalidatePath("/", "layout");
    return { ok: true, message: "Name saved." };
  },
});

export const changePasswordAction = defineAction({
  guard: requireUser,
  schema: changePasswordSchema,
  // Passwords are never sent back to the form.
  input: (formData) => formFields(formData, "currentPassword", "newPassword"),
  run: async (input, user) => changePassword({ ...input, userId: user.id, sessionId: user.sessionId, address: clientAddress(await headers()) }),
  onSuccess: () => ({ ok: true, message: PASSWORD_CHANGED }),
});

export const signOutEverywhereAction = defineAction({
  guard: requireUser,
  schema: noInput,
  input: () => ({}),
  run: (_input, user) => signOutEverywhere(user.id),
  // This browser's session has ended with the others; signing out also clears its cookie.
  onSuccess: () => signOut({ redirectTo: "/login" }),
});
