import { describe, expect, it } from "vitest";
import { roleChangeEndsSessions } from "@/lib/users/role-change-rule";

describe("roleChangeEndsSessions", () => {
  it("keeps sessions when a user gains a role", () => {
    expect(roleChangeEndsSessions("USER", "ARTIST")).toBe(false);
    expect(roleChangeEndsSessions("USER", "MANAGER")).toBe(false);
  });

  it("ends sessions when a role is lost", () => {
    expect(roleChangeEndsSessions("MANAGER", "USER")).toBe(true);
    expect(roleChangeEndsSessions("ARTIST", "USER")).toBe(true);
    expect(roleChangeEndsSessions("ADMIN", "MANAGER")).toBe(true);
  });

  it("changes nothing when the role stays", () => {
    expect(roleChangeEndsSessions("MANAGER", "MANAGER")).toBe(false);
  });
});
