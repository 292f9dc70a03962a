import { describe, expect, it } from "vitest";
import { formatSessionClaims, parseSessionClaims, sessionClaims } from "@/lib/auth/verified-session";

describe("the verified-session header", () => {
  it("carries the claims of a verified cookie there and back", () => {
    const claims = { userId: 42, sessionId: "Zm9vYmFy-_0" };
    expect(parseSessionClaims(formatSessionClaims(claims))).toEqual(claims);
  });

  it("reads nothing from an absent or malformed value", () => {
    for (const value of [null, undefined, "", "42", "42 ", " abc", "0 abc", "-1 abc", "4.2 abc", "42 a b", "42 a;b", `42 ${"a".repeat(65)}`]) {
      expect(parseSessionClaims(value)).toBeNull();
    }
  });

  it("needs both a positive user id and a session id", () => {
    expect(sessionClaims("7", "abc")).toEqual({ userId: 7, sessionId: "abc" });
    expect(sessionClaims(undefined, "abc")).toBeNull();
    expect(sessionClaims("7", undefined)).toBeNull();
    expect(sessionClaims("x", "abc")).toBeNull();
  });
});
