// The account page's services (docs/domain.md §11): a person renames themselves, changes their
// password (proving the current one, throttled like signing in), or signs out everywhere.
import "server-only";
import type { z } from "zod";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { endSessionsOf } from "@/lib/auth/sessions";
import { throttledSignIn, type ThrottleOptions } from "@/lib/auth/throttle";
import { systemClock } from "@/lib/clock";
import { prisma } from "@/lib/db";
import { ConflictError, DomainError, NotFoundError } from "@/lib/errors";
import { changePasswordSchema, CURRENT_PASSWORD_WRONG, renameSchema, type ChangePasswordInput } from "@/lib/users/schemas";

export const passwordChangedMeanwhileMessage = "Your password was changed meanwhile. Reload the page and try again.";

/** The schema's rule, as a DomainError on the first field that breaks it. */
function parseOrThrow<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new DomainError(issue.message, { field: typeof issue.path[0] === "string" ? issue.path[0] : undefined });
}

/** Changes the person's own name under the registration rule; returns the name as stored. */
export async function renameAccount(userId: number, name: string): Promise<{ name: string }> {
  const input = parseOrThrow(renameSchema, { name });
  const { count } = await prisma.user.updateMany({ where: { id: userId }, data: { name: input.name } });
  if (count === 0) throw new NotFoundError();
  return { name: input.name };
}

export type PasswordChange = ChangePasswordInput & {
  userId: number;
  /** The session making the change: it stays signed in, every other one ends. */
  sessionId: string;
  /** The client address, counted like a sign-in's (lib/auth/client-address.ts). */
  address: string;
};

/**
 * Sets a new password once the current one is proved. A wrong current password is a failed
 * sign-in of the account (docs/domain.md §11 throttling), so a stolen session cannot guess
 * the password faster than the login form could; once locked, even the right one is refused
 * (TooManyAttemptsError) until the window ends. The new hash and the end of the account's
 * other sessions commit together.
 */
export async function changePassword(change: PasswordChange, options: ThrottleOptions = {}): Promise<{ endedSessions: number }> {
  const { currentPassword, newPassword } = parseOrThrow(changePasswordSchema, change);
  const account = await prisma.user.findUnique({ where: { id: change.userId }, select: { email: true, passwordHash: true } });
  if (!account) throw new NotFoundError();

  const proved = await throttledSignIn(
    { email: account.email, address: change.address },
    async () => ((await verifyPassword(account.passwordHash, currentPassword)) ? account : null),
    options,
  );
  if (!proved) throw new DomainError(CURRENT_PASSWORD_WRONG, { field: "currentPassword" });

  // Hashing is slow on purpose: done before the transaction, not inside it.
  const passwordHash = await hashPassword(newPassword);
  return prisma.$transaction(async (tx) => {
    // Only over the hash the current password was checked against: a change made meanwhile
    // (another tab, another session) wins, and this one changes nothing.
    const { count } = await tx.user.updateMany({ where: { id: change.userId, passwordHash: account.passwordHash }, data: { passwordHash } });
    if (count === 0) throw new ConflictError(passwordChangedMeanwhileMessage);
    const endedSessions = await endSessionsOf(tx, change.userId, { except: change.sessionId, clock: options.clock ?? systemClock });
    return { endedSessions };
  });
}

/** "Sign out everywhere": ends every session of the account, this browser's included. */
export async function signOutEverywhere(userId: number): Promise<{ endedSessions: number }> {
  return { endedSessions: await endSessionsOf(prisma, userId) };
}
