import { describe, expect, it } from "vitest";
import { canAppointManager } from "@/lib/users/appointment-rule";

describe("canAppointManager", () => {
  it("allows a plain user only", () => {
    expect(canAppointManager("USER")).toBe(true);
    expect(canAppointManager("ARTIST")).toBe(false);
    expect(canAppointManager("MANAGER")).toBe(false);
    expect(canAppointManager("ADMIN")).toBe(false);
  });
});
