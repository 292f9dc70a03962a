"use server";
// Sign-out: clears the session cookie and returns to the public label page.
import { defineFormAction, noInput } from "@/lib/actions/define-action";
import { signOut } from "@/lib/auth/auth";
import { allowAnyone } from "@/lib/auth/guards";

export const signOutAction = defineFormAction({
  guard: allowAnyone,
  schema: noInput,
  input: () => ({}),
  run: () => signOut({ redirectTo: "/" }),
});
