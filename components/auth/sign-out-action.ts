"use server";
// Sign-out: clears the session cookie and returns to the public label page.
import { signOut } from "@/lib/auth/auth";

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}
