// What /login says when Auth.js's own endpoint (POST /api/auth/callback/credentials) refused
// a sign-in and sent the browser back with ?error=…&code=… (the form's action says it itself).
import { ACCOUNT_DISABLED, INVALID_CREDENTIALS } from "@/lib/users/schemas";

export const TOO_MANY_ATTEMPTS_LATER = "Too many attempts. Try again in 15 minutes.";

/** The message for a refusal named in the query, or undefined when there is none. */
export function signInRefusalMessage(error: unknown, code: unknown): string | undefined {
  if (code === "too_many_attempts") return TOO_MANY_ATTEMPTS_LATER;
  if (code === "account_disabled") return ACCOUNT_DISABLED;
  if (error === "CredentialsSignin" || code === "credentials") return INVALID_CREDENTIALS;
  return undefined;
}
