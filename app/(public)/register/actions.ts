"use server";
// Registration: create the USER account, sign it in, and start at /requests.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { defineAction, formFields } from "@/lib/actions/define-action";
import { signIn } from "@/lib/auth/auth";
import { clientAddress } from "@/lib/auth/client-address";
import { allowAnyone } from "@/lib/auth/guards";
import { throttledRegistration } from "@/lib/auth/throttle";
import { registerUser } from "@/lib/users/register-user";
import { registerSchema } from "@/lib/users/schemas";

export const registerAction = defineAction({
  guard: allowAnyone,
  schema: registerSchema,
  input: (formData) => formFields(formData, "name", "email", "password"),
  // Typed values come back on error so the form keeps them; the password never does.
  values: (formData) => formFields(formData, "name", "email"),
  run: async (input) => {
    // At most REGISTRATIONS_PER_ADDRESS_PER_HOUR from one address (docs/domain.md §11).
    await throttledRegistration(clientAddress(await headers()), () => registerUser(input));
    await signIn("credentials", { email: input.email, password: input.password, redirect: false });
  },
  onSuccess: () => redirect("/requests"),
});
