// Where people land after signing in, and which callback addresses are followed.
import { describe, expect, it } from "vitest";
import { afterSignInPath, roleHome, roleLabels, safeCallbackPath } from "@/lib/auth/role-home";

describe("roleHome", () => {
  it("sends each role to its own start page", () => {
    expect(roleHome("USER")).toBe("/requests");
    expect(roleHome("ARTIST")).toBe("/requests");
    expect(roleHome("MANAGER")).toBe("/manager/requests");
    expect(roleHome("ADMIN")).toBe("/admin/users");
  });

  it("names the roles as people read them", () => {
    expect(Object.values(roleLabels)).toEqual(["User", "Artist", "Manager", "Admin"]);
  });
});

describe("safeCallbackPath", () => {
  it.each([
    ["/requests", "/requests"],
    ["/requests/12?tab=history#top", "/requests/12?tab=history#top"],
    ["/manager/requests?status=NEW", "/manager/requests?status=NEW"],
  ])("follows the local path %s", (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });

  it.each([
    ["another origin", "https://evil.example/requests"],
    ["a protocol-relative URL", "//evil.example/requests"],
    ["a backslash trick", "/\\evil.example"],
    ["a relative path", "requests"],
    ["a script URL", "javascript:alert(1)"],
    ["a control character", "/requests\n"],
    ["the login page", "/login?callbackUrl=/admin"],
    ["the register page", "/register"],
    ["an API route", "/api/auth/signout"],
    ["an empty value", ""],
    ["a non-string", ["/requests"]],
  ])("refuses %s", (_label, input) => {
    expect(safeCallbackPath(input)).toBeNull();
  });

  it.each([
    ["a dot segment before a second slash", "/..//evil.example"],
    ["a dot segment and a protocol-relative path", "/.//evil.example"],
    ["several dot segments", "/a/../..//evil.example/path"],
    ["an encoded dot segment", "/%2e%2e//evil.example"],
    ["encoded slashes", "/%2F%2Fevil.example"],
    ["an encoded slash after a slash", "/%2fevil.example"],
    ["a backslash after a slash", "/\\evil"],
    ["an encoded backslash", "/%5Cevil.example"],
    ["a backslash after a dot segment", "/../\\evil.example"],
    ["a tab inside the host part", "/\t/evil.example"],
    ["a script URL", "javascript:alert(document.cookie)"],
    ["a script URL behind a slash", "/javascript:alert(1)//%0aalert(2)"],
    ["an encoded line break", "/requests%0d%0aSet-Cookie:%20x=y"],
    ["an encoded NUL", "/requests%00"],
    ["an encoded DEL", "/requests%7f"],
    ["an encoded control character in the query", "/requests?next=%0a"],
    ["a malformed escape", "/requests/%E0%A4%A"],
    ["an encoded sign-in page", "/%6Cogin"],
    ["the sign-in page behind a dot segment", "/requests/../login"],
    ["an API route in capitals", "/API/auth/signout"],
    ["a very long path", `/${"a".repeat(5000)}`],
    ["a path that grows past the limit when normalised", `/${"é".repeat(700)}`],
  ])("refuses the hostile callback: %s", (_label, input) => {
    const result = safeCallbackPath(input);
    expect(result).toBeNull();
  });

  it.each([
    ["/requests/../manager/requests", "/manager/requests"],
    ["/requests/./12", "/requests/12"],
    ["/requests?search=100%25", "/requests?search=100%25"],
    ["/releases/caf%C3%A9", "/releases/caf%C3%A9"],
  ])("follows %s as its normalised local path", (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });

  it("never returns a path another origin could be read from, whatever the input", () => {
    const inputs = ["/..//evil.example", "/.//evil.example", "/%2F%2Fevil.example", "/\\evil", "//evil", "/./../.././/x"];
    for (const input of inputs) {
      const result = safeCallbackPath(input);
      if (result !== null) expect(result).toMatch(/^\/(?![/\\])/);
    }
  });
});

describe("afterSignInPath", () => {
  it("prefers a safe callback and falls back to the role's home", () => {
    expect(afterSignInPath("MANAGER", "/requests/4")).toBe("/requests/4");
    expect(afterSignInPath("MANAGER", "https://evil.example")).toBe("/manager/requests");
    expect(afterSignInPath("ADMIN", undefined)).toBe("/admin/users");
    expect(afterSignInPath("USER", null)).toBe("/requests");
  });
});
