"use server";
// Sign-in: check the credentials through next-auth, then go where the person was heading.
import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { defineAction, formFields } from "@/lib/actions/define-action";
import { AccountDisabledSignin, signIn, TooManyAttemptsSignin } from "@/lib/auth/auth";
import { allowAnyone } from "@/lib/auth/guards";
import { afterSignInPath } from "@/lib/auth/role-home";
import { DomainError } from "@/lib/errors";
import { getUserRoleByEmail } from "@/lib/users/get-user-role";
import { ACCOUNT_DISABLED, INVALID_CREDENTIALS, signInFormSchema } from "@/lib/users/schemas";

export const signInAction = defineAction({
  guard: allowAnyone,
  schema: signInFormSchema,
  input: (formData) => formFields(formData, "email", "password", "callbackUrl"),
  values: (formData) => formFields(formData, "email"),
  run: async ({ email, password }) => {
    try {
      await signIn("credentials", { email, password, redirect: false });
    } catch (error) {
      if (error instanceof TooManyAttemptsSignin) throw new DomainError(error.refusal);
      if (error instanceof AccountDisabledSignin) throw new DomainError(ACCOUNT_DISABLED);
      if (error instanceof AuthError) throw new DomainError(INVALID_CREDENTIALS);
      throw error;
    }
  },
  onSuccess: async (_result, { email, callbackUrl }) => {
    const role = await getUserRoleByEmail(email);
    redirect(role ? afterSignInPath(role, callbackUrl) : "/");
  },
});
