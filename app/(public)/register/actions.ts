"use server";
// Registration: create the USER account, sign it in, and start at /requests.
import { redirect, unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { signIn } from "@/lib/auth/auth";
import { toActionState, type ActionState } from "@/lib/errors";
import { registerUser } from "@/lib/users/register-user";
import { registerSchema } from "@/lib/users/schemas";

export async function registerAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  // Typed values come back on error so the form keeps them; the password never does.
  const values = { name: String(formData.get("name") ?? ""), email: String(formData.get("email") ?? "") };
  const parsed = registerSchema.safeParse({
    name: formData.get("name"),
    email: formData.get("email"),
    password: formData.get("password"),
  });
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors, values };

  try {
    await registerUser(parsed.data);
    await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirect: false });
  } catch (error) {
    unstable_rethrow(error);
    return toActionState(error, values);
  }
  redirect("/requests");
}
