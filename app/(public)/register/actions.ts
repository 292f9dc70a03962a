"use server";
// Registration: create the USER account, sign it in, and start at /requests.
import { redirect } from "next/navigation";
import { defineAction, formFields } from "@/lib/actions/define-action";
import { signIn } from "@/lib/auth/auth";
import { allowAnyone } from "@/lib/auth/guards";
import { registerUser } from "@/lib/users/register-user";
import { registerSchema } from "@/lib/users/schemas";

export const registerAction = defineAction({
  guard: allowAnyone,
  schema: registerSchema,
  input: (formData) => formFields(formData, "name", "email", "password"),
  // Typed values come back on error so the form keeps them; the password never does.
  values: (formData) => formFields(formData, "name", "email"),
  run: async (input) => {
    await registerUser(input);
    await signIn("credentials", { email: input.email, password: input.password, redirect: false });
  },
  onSuccess: () => redirect("/requests"),
});
