// docs/domain.md §11 "Production safety": a deployment refuses to start with a session secret
// or an admin password that anyone can read in this repository (decision 010). Pure: it judges
// the parsed configuration it is given; lib/env.ts, instrumentation.ts, the worker and the seed
// call it.
import type { Env } from "@/lib/env";

/** What `npm run dev` and the tests sign with when no secret is set (lib/env.ts). */
export const DEVELOPMENT_AUTH_SECRET = "cook-droogers-development-secret-change-me";
/** The admin's password when ADMIN_PASSWORD is unset (lib/env.ts, README). */
export const DEVELOPMENT_ADMIN_PASSWORD = "admin-password";
/** Shorter secrets are refused in production; `openssl rand -base64 32` gives 44 characters. */
export const MIN_SECRET_LENGTH = 32;

/** Every secret this repository has ever published (code, compose, harness, docs): never a secret. */
export const knownSecrets: readonly string[] = [
  DEVELOPMENT_AUTH_SECRET,
  "compose-development-secret-change-me",
  "build-time-placeholder",
  "build-time-placeholder-never-used-to-sign",
  "e2e-only-secret-not-for-production",
];

/** The documented admin password and the demo accounts' password (prisma/seed-database.ts). */
export const knownAdminPasswords: readonly string[] = [DEVELOPMENT_ADMIN_PASSWORD, "demo-password"];

export type SafetySettings = Pick<Env, "APP_ENV" | "AUTH_SECRET" | "NEXTAUTH_SECRET" | "ADMIN_PASSWORD">;

const generateSecret = "generate one with `openssl rand -base64 32`";
const orDevelopment = "(on a developer's machine, set APP_ENV=development instead)";

/** Why the session secret is unfit for production, or undefined when it is fit (or not production). */
export function sessionSecretProblem(settings: SafetySettings): string | undefined {
  if (settings.APP_ENV !== "production") return undefined;
  const name = settings.AUTH_SECRET !== undefined ? "AUTH_SECRET" : "NEXTAUTH_SECRET";
  const secret = settings.AUTH_SECRET ?? settings.NEXTAUTH_SECRET;
  if (secret === undefined) {
    return `AUTH_SECRET is not set: set AUTH_SECRET to a random value of at least ${MIN_SECRET_LENGTH} characters; ${generateSecret}.`;
  }
  if (knownSecrets.includes(secret)) {
    return `${name} is a value published in this project's repository, so anyone could forge a session: set ${name} to a new random value; ${generateSecret}.`;
  }
  if (secret.length < MIN_SECRET_LENGTH) {
    return `${name} has ${secret.length} characters: set it to a random value of at least ${MIN_SECRET_LENGTH}; ${generateSecret}.`;
  }
  return undefined;
}

/** Why the admin password is unfit for production, or undefined. An unset one reads as the default. */
export function adminPasswordProblem(settings: SafetySettings): string | undefined {
  if (settings.APP_ENV !== "production") return undefined;
  if (!knownAdminPasswords.includes(settings.ADMIN_PASSWORD)) return undefined;
  return `ADMIN_PASSWORD is not set or is a documented default ("${settings.ADMIN_PASSWORD}"): set ADMIN_PASSWORD to a password of your own (at least 8 characters) for the label's admin account.`;
}

/** Every reason this configuration may not run as a deployment; empty when it may (or in development). */
export function productionSafetyProblems(settings: SafetySettings): string[] {
  return [sessionSecretProblem(settings), adminPasswordProblem(settings)].filter((problem) => problem !== undefined);
}

/** Throws one message naming every setting to fix; `what` says who refuses ("the web app", "the worker"). */
export function assertProductionSafety(settings: SafetySettings, what: string): void {
  const problems = productionSafetyProblems(settings);
  if (problems.length === 0) return;
  throw new Error(
    `${what} refuses to start with APP_ENV=production ${orDevelopment}:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`,
  );
}
