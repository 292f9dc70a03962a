// The account page on the real PostgreSQL (docs/domain.md §11): renaming under the registration
// rule; a password change that needs the current password, counts wrong ones as failed sign-ins
// of the account, and ends every other session in the same transaction; signing out everywhere.
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { changePasswordAction, renameAction, signOutEverywhereAction } from "@/app/(app)/account/actions";
import { verifyPassword } from "@/lib/auth/password";
import { findSessionUser, startSession } from "@/lib/auth/sessions";
import { throttledSignIn, TooManyAttemptsError } from "@/lib/auth/throttle";
import { throttleRules } from "@/lib/auth/throttle-rules";
import { prisma } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { changePassword, renameAccount } from "@/lib/users/account";
import { authenticate } from "@/lib/users/authenticate";
import { CURRENT_PASSWORD_WRONG, PASSWORD_CHANGED } from "@/lib/users/schemas";
import { actAs, answerOf } from "@/tests/support/act-as";
import { createUser } from "@/tests/support/create-accounts";
import { resetDatabase } from "@/tests/support/reset-database";

// The factories import act-as themselves: vi.mock is hoisted above the imports, and the actions
// module (imported first) loads these modules before act-as's bindings exist.
vi.mock("@/lib/auth/auth", async (original) => ({ ...(await original<object>()), auth: (await import("@/tests/support/act-as")).authedAs }));
vi.mock("next/cache", async () => (await import("@/tests/support/act-as")).nextCacheStub);
vi.mock("next/headers", async () => (await import("@/tests/support/act-as")).nextHeadersStub);

// create-accounts gives every test account this password.
const PASSWORD = "test-password";
const address = "192.0.2.10";
// Five failures per account as in production; the address limit out of the way.
const rules = throttleRules({ SIGNIN_MAX_FAILURES_PER_ACCOUNT: 5, SIGNIN_MAX_FAILURES_PER_ADDRESS: 1_000, REGISTRATIONS_PER_ADDRESS_PER_HOUR: 1_000 });

const storedHash = async (userId: number) => (await prisma.user.findUniqueOrThrow({ where: { id: userId } })).passwordHash;

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

beforeEach(async () => {
  await resetDatabase(prisma);
});

afterAll(async () => {
  await prisma.$disconnect();
});

describe("renameAccount", () => {
  it("saves the trimmed name", async () => {
    const user = await createUser(prisma);

    expect(await renameAccount(user.id, "  Ada Lovelace ")).toEqual({ name: "Ada Lovelace" });

    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe("Ada Lovelace");
  });

  it("refuses a blank or too long name on the name field and keeps the old one", async () => {
    const user = await createUser(prisma);

    await expect(renameAccount(user.id, "   ")).rejects.toMatchObject({ field: "name", message: "Enter your name" });
    await expect(renameAccount(user.id, "x".repeat(101))).rejects.toMatchObject({ field: "name", message: "Name must be at most 100 characters" });

    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe(user.name);
  });
});

describe("changePassword", () => {
  it("with a wrong current password changes nothing: same hash, every session live", async () => {
    const user = await createUser(prisma);
    const [current, other] = [await startSession(user.id), await startSession(user.id)];
    const hashBefore = await storedHash(user.id);

    const attempt = changePassword({ userId: user.id, sessionId: current, address, currentPassword: "not-my-password", newPassword: "a-new-password" }, { rules });

    await expect(attempt).rejects.toBeInstanceOf(DomainError);
    await expect(attempt).rejects.toMatchObject({ field: "currentPassword", message: CURRENT_PASSWORD_WRONG });
    expect(await storedHash(user.id)).toBe(hashBefore);
    expect(await findSessionUser(current, user.id)).not.toBeNull();
    expect(await findSessionUser(other, user.id)).not.toBeNull();
  });

  it("with the right one stores the new hash and ends every other session but `except`", async () => {
    const user = await createUser(prisma);
    const current = await startSession(user.id);
    const others = [await startSession(user.id), await startSession(user.id)];
    const stranger = await createUser(prisma);
    const strangersSession = await startSession(stranger.id);

    const result = await changePassword({ userId: user.id, sessionId: current, address, currentPassword: PASSWORD, newPassword: "a-new-password" }, { rules });

    expect(result).toEqual({ endedSessions: 2 });
    const hash = await storedHash(user.id);
    expect(await verifyPassword(hash, "a-new-password")).toBe(true);
    expect(await verifyPassword(hash, PASSWORD)).toBe(false);
    expect(await findSessionUser(current, user.id)).toMatchObject({ id: user.id });
    for (const session of others) expect(await findSessionUser(session, user.id)).toBeNull();
    expect(await findSessionUser(strangersSession, stranger.id)).toMatchObject({ id: stranger.id });
  });

  it("refuses a new password outside the registration rule before checking anything", async () => {
    const user = await createUser(prisma);
    const current = await startSession(user.id);
    const hashBefore = await storedHash(user.id);

    await expect(
      changePassword({ userId: user.id, sessionId: current, address, currentPassword: PASSWORD, newPassword: "short" }, { rules }),
    ).rejects.toMatchObject({ field: "newPassword", message: "Password must be at least 8 characters" });
    expect(await storedHash(user.id)).toBe(hashBefore);
  });

  it("counts wrong current passwords as failed sign-ins: after five even the right one is refused, and so is signing in", async () => {
    const user = await createUser(prisma);
    const current = await startSession(user.id);
    const hashBefore = await storedHash(user.id);
    const change = (currentPassword: string) =>
      changePassword({ userId: user.id, sessionId: current, address, currentPassword, newPassword: "a-new-password" }, { rules });

    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await expect(change(`wrong-${attempt}`)).rejects.toMatchObject({ field: "currentPassword", message: CURRENT_PASSWORD_WRONG });
    }

    const refused = change(PASSWORD);
    await expect(refused).rejects.toBeInstanceOf(TooManyAttemptsError);
    await expect(refused).rejects.toThrow(/^Too many attempts\. Try again in (14|15) minutes\.$/);
    expect(await storedHash(user.id)).toBe(hashBefore);
    // The same counter as the login form's, from any address.
    await expect(throttledSignIn({ email: user.email, address: "198.51.100.7" }, () => authenticate(user.email, PASSWORD), { rules })).rejects.toBeInstanceOf(
      TooManyAttemptsError,
    );
  });
});

describe("the account page's actions", () => {
  it("rename: saves for the signed-in person, answers field errors, sends a guest to sign in", async () => {
    const user = await createUser(prisma);
    await actAs(user);

    expect(await answerOf(() => renameAction({}, form({ name: "" })))).toEqual({
      kind: "state",
      state: { fieldErrors: { name: ["Enter your name"] }, values: { name: "" } },
    });
    expect(await answerOf(() => renameAction({}, form({ name: " Grace " })))).toEqual({ kind: "state", state: { ok: true, message: "Name saved." } });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe("Grace");

    await actAs(null);
    expect(await answerOf(() => renameAction({}, form({ name: "Intruder" })))).toEqual({ kind: "redirect", to: "/login" });
  });

  it("change password: the wrong current password is an error next to its field; the right one keeps this session", async () => {
    const user = await createUser(prisma);
    const current = (await actAs(user))!;
    const other = await startSession(user.id);

    expect(await answerOf(() => changePasswordAction({}, form({ currentPassword: "nope-nope", newPassword: "a-new-password" })))).toEqual({
      kind: "state",
      state: { fieldErrors: { currentPassword: [CURRENT_PASSWORD_WRONG] } },
    });
    expect(await answerOf(() => changePasswordAction({}, form({ currentPassword: PASSWORD, newPassword: "a-new-password" })))).toEqual({
      kind: "state",
      state: { ok: true, message: PASSWORD_CHANGED },
    });
    expect(await findSessionUser(current, user.id)).not.toBeNull();
    expect(await findSessionUser(other, user.id)).toBeNull();
  });

  it("sign out everywhere: ends every session of the account, this one too, and goes to /login", async () => {
    const user = await createUser(prisma);
    const current = (await actAs(user))!;
    const other = await startSession(user.id);

    // Auth.js makes the address absolute (from the request's host).
    expect(await answerOf(() => signOutEverywhereAction({}, new FormData()))).toEqual({ kind: "redirect", to: expect.stringMatching(/^(https?:\/\/[^/]+)?\/login$/) });

    expect(await findSessionUser(current, user.id)).toBeNull();
    expect(await findSessionUser(other, user.id)).toBeNull();
  });
});
