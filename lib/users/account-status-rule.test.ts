import { describe, expect, it } from "vitest";
import { canChangeAccountStatus } from "@/lib/users/account-status-rule";

describe("canChangeAccountStatus", () => {
  it("allows the admin to disable or enable someone else's account", () => {
    expect(canChangeAccountStatus({ actorId: 1, accountId: 2 })).toBe(true);
  });

  it("refuses the admin's own account", () => {
    expect(canChangeAccountStatus({ actorId: 7, accountId: 7 })).toBe(false);
  });
});
