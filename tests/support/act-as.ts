// Test support: server actions, guards and pages' data called as a given person, in the
// integration tier, against the real database. The test file swaps next-auth's `auth` for
// `authedAs` (vi.mock must sit in the test file); everything past it (the session's row, the
// account's role, ownership) is the real code:
//
//   vi.mock("@/lib/auth/auth", async (original) => ({ ...(await original()), auth: (await import("@/tests/support/act-as")).authedAs }));
//   vi.mock("next/cache", async () => (await import("@/tests/support/act-as")).nextCacheStub);
//   (vi.mock is hoisted above the file's imports, so the factories import what they return)
//   await actAs(manager);   // a live session, as if they had signed in
//   await actAs(null);      // a guest
import { startSession } from "@/lib/auth/sessions";

type Cookie = { userId: number; sessionId: string } | null;

let cookie: Cookie = null;

/** The next calls come from `person` with a fresh session (null: a guest); returns the session id. */
export async function actAs(person: { id: number } | null): Promise<string | null> {
  cookie = person ? { userId: person.id, sessionId: await startSession(person.id) } : null;
  return cookie?.sessionId ?? null;
}

/** The next calls carry this exact cookie (a session that may have ended since). */
export function actWithCookie(userId: number, sessionId: string): void {
  cookie = { userId, sessionId };
}

/** Stands in for next-auth's `auth()`: what the signed session cookie would say. */
export async function authedAs() {
  if (!cookie) return null;
  return { user: { id: String(cookie.userId) }, sessionId: cookie.sessionId, expires: new Date(Date.now() + 3_600_000).toISOString() };
}

/** Outside a Next.js request there is no cache to revalidate. */
export const nextCacheStub = { revalidatePath: () => undefined, revalidateTag: () => undefined, updateTag: () => undefined, refresh: () => undefined };

/** How an action call ended, in words a table can hold. */
export type ActionAnswer = { kind: "state"; state: unknown } | { kind: "redirect"; to: string } | { kind: "not-found" } | { kind: "crash"; error: unknown };

export async function answerOf(call: () => Promise<unknown>): Promise<ActionAnswer> {
  try {
    return { kind: "state", state: await call() };
  } catch (error) {
    const digest = (error as { digest?: unknown })?.digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT")) return { kind: "redirect", to: digest.split(";")[2] ?? "" };
    if (typeof digest === "string" && digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;404")) return { kind: "not-found" };
    return { kind: "crash", error };
  }
}

/** Request headers and cookies outside a Next.js request (sign-in and sign-out read them). */
export const nextHeadersStub = {
  headers: async () => new Headers({ "x-forwarded-for": "203.0.113.9", host: "localhost:3000" }),
  cookies: async () => {
    const jar = new Map<string, { name: string; value: string }>();
    return {
      get: (name: string) => jar.get(name),
      getAll: () => [...jar.values()],
      has: (name: string) => jar.has(name),
      set: (name: string | { name: string; value: string }, value?: string) => {
        const cookie = typeof name === "string" ? { name, value: value ?? "" } : name;
        jar.set(cookie.name, { name: cookie.name, value: cookie.value });
      },
      delete: (name: string) => jar.delete(name),
    };
  },
  draftMode: async () => ({ isEnabled: false, enable: () => undefined, disable: () => undefined }),
};
