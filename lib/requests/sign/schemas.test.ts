import { describe, expect, it } from "vitest";
import { signContractSchema } from "./schemas";

describe("signContractSchema", () => {
  it("trims the nickname and turns an empty message into null", () => {
    expect(signContractSchema.parse({ nickname: "  Lil Test  ", message: "   " })).toEqual({ nickname: "Lil Test", message: null });
  });

  it("accepts 64 characters and refuses 65", () => {
    expect(signContractSchema.safeParse({ nickname: "a".repeat(64), message: "" }).success).toBe(true);
    const tooLong = signContractSchema.safeParse({ nickname: "a".repeat(65), message: "" });
    expect(tooLong.success).toBe(false);
    expect(tooLong.error?.issues[0]?.path).toEqual(["nickname"]);
  });

  it("refuses a nickname of only spaces", () => {
    expect(signContractSchema.safeParse({ nickname: "   ", message: "" }).success).toBe(false);
  });

  it("limits the message to 2000 characters", () => {
    expect(signContractSchema.safeParse({ nickname: "x", message: "m".repeat(2000) }).success).toBe(true);
    expect(signContractSchema.safeParse({ nickname: "x", message: "m".repeat(2001) }).success).toBe(false);
  });
});
