import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { createVerifiedCookieMemory, readSessionToken, sessionCookieName, tokenClaims } from "@/lib/auth/session-cookie";

const secret = "unit-test-secret-unit-test-secret";
const name = sessionCookieName(false);

async function cookieOf(claims: Record<string, string>, maxAge = 3600, withSecret = secret) {
  return encode({ token: claims, secret: withSecret, salt: name, maxAge });
}

function jar(value: string) {
  return { get: (cookie: string) => (cookie === name ? { value } : undefined), getAll: () => [{ name, value }] };
}

describe("reading the session cookie", () => {
  it("gives the same claims each time a value is read (the second time from memory)", async () => {
    const cookies = jar(await cookieOf({ sub: "7", sid: "session-a" }));
    const first = await readSessionToken(cookies, false, secret);
    const second = await readSessionToken(cookies, false, secret);
    expect(tokenClaims(first)).toEqual({ userId: 7, sessionId: "session-a" });
    expect(second).toEqual(first);
  });

  it("does not take a value verified under one secret as verified under another", async () => {
    const cookies = jar(await cookieOf({ sub: "8", sid: "session-b" }));
    expect(await readSessionToken(cookies, false, secret)).not.toBeNull();
    expect(await readSessionToken(cookies, false, "another-secret-another-secret-12345")).toBeNull();
  });

  it("refuses a changed value and a cookie that has expired", async () => {
    const value = await cookieOf({ sub: "10", sid: "session-d" });
    expect(await readSessionToken(jar(`${value.slice(0, -2)}xx`), false, secret)).toBeNull();
    expect(await readSessionToken(jar(await cookieOf({ sub: "11", sid: "session-e" }, -60)), false, secret)).toBeNull();
  });
});

describe("the memory of verified cookies", () => {
  const token = { sub: "7", sid: "s", exp: 1_000 };

  it("serves a value again under the same secret until the token's expiry", () => {
    const memory = createVerifiedCookieMemory();
    memory.remember("a", secret, token);
    expect(memory.recall("a", secret, 999_999)).toEqual(token);
    expect(memory.recall("a", "other", 999_999)).toBeNull();
    expect(memory.recall("a", secret, 1_000_000)).toBeNull();
    // Once expired it is forgotten.
    expect(memory.recall("a", secret, 0)).toBeNull();
  });

  it("keeps no token without an expiry, and no more values than its limit (the oldest go)", () => {
    const memory = createVerifiedCookieMemory(2);
    memory.remember("forever", secret, { sub: "1", sid: "s" });
    expect(memory.recall("forever", secret, 0)).toBeNull();
    memory.remember("a", secret, token);
    memory.remember("b", secret, token);
    memory.remember("c", secret, token);
    expect(memory.recall("a", secret, 0)).toBeNull();
    expect(memory.recall("b", secret, 0)).toEqual(token);
    expect(memory.recall("c", secret, 0)).toEqual(token);
  });

  it("hands out tokens that cannot be changed by whoever reads them", () => {
    const memory = createVerifiedCookieMemory();
    memory.remember("a", secret, { ...token });
    expect(Object.isFrozen(memory.recall("a", secret, 0))).toBe(true);
  });
});
