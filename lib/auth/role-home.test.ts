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
});

describe("afterSignInPath", () => {
  it("prefers a safe callback and falls back to the role's home", () => {
    expect(afterSignInPath("MANAGER", "/requests/4")).toBe("/requests/4");
    expect(afterSignInPath("MANAGER", "https://evil.example")).toBe("/manager/requests");
    expect(afterSignInPath("ADMIN", undefined)).toBe("/admin/users");
    expect(afterSignInPath("USER", null)).toBe("/requests");
  });
});
