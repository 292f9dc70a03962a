"use server";
// Sign-in: check the credentials through next-auth, then go where the person was heading.
import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { z } from "zod";
import { signIn } from "@/lib/auth/auth";
import { afterSignInPath } from "@/lib/auth/role-home";
import type { ActionState } from "@/lib/errors";
import { getUserRoleByEmail } from "@/lib/users/get-user-role";
import { signInSchema } from "@/lib/users/schemas";

export async function signInAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const values = { email: String(formData.get("email") ?? "") };
  const callbackUrl = formData.get("callbackUrl");
  const parsed = signInSchema.safeParse({ email: formData.get("email"), password: formData.get("password") });
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors, values };

  try {
    await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirect: false });
  } catch (error) {
    if (error instanceof AuthError) return { formError: "Invalid email or password", values };
    console.error(error);
    return { formError: "Something went wrong on our side. Please try again.", values };
  }

  const role = await getUserRoleByEmail(parsed.data.email);
  redirect(role ? afterSignInPath(role, callbackUrl) : "/");
}
