// The account form rules: what registration and sign-in accept and what they answer.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { changePasswordSchema, createManagerSchema, registerSchema, renameSchema, signInSchema } from "@/lib/users/schemas";

describe("registerSchema", () => {
  it("trims the name and lower-cases and trims the email", () => {
    const parsed = registerSchema.parse({ name: "  Ada Lovelace ", email: "  Ada@Example.COM ", password: "correct horse" });
    expect(parsed).toEqual({ name: "Ada Lovelace", email: "ada@example.com", password: "correct horse" });
  });

  it("answers every invalid field at once, by field", () => {
    const result = registerSchema.safeParse({ name: "   ", email: "not-an-email", password: "short" });
    expect(result.success).toBe(false);
    const { fieldErrors } = z.flattenError(result.error!);
    expect(fieldErrors.name).toEqual(["Enter your name"]);
    expect(fieldErrors.email).toEqual(["Enter a valid email address"]);
    expect(fieldErrors.password).toEqual(["Password must be at least 8 characters"]);
  });

  it("accepts a password of exactly 8 characters and refuses 7", () => {
    expect(registerSchema.safeParse({ name: "A", email: "a@b.co", password: "12345678" }).success).toBe(true);
    expect(registerSchema.safeParse({ name: "A", email: "a@b.co", password: "1234567" }).success).toBe(false);
  });

  it("asks for an email when it is empty", () => {
    const result = registerSchema.safeParse({ name: "A", email: "", password: "12345678" });
    expect(z.flattenError(result.error!).fieldErrors.email?.[0]).toBe("Enter your email");
  });

  it("limits the name to 100 characters", () => {
    expect(registerSchema.safeParse({ name: "x".repeat(100), email: "a@b.co", password: "12345678" }).success).toBe(true);
    const result = registerSchema.safeParse({ name: "x".repeat(101), email: "a@b.co", password: "12345678" });
    expect(z.flattenError(result.error!).fieldErrors.name).toEqual(["Name must be at most 100 characters"]);
  });

  it("treats missing form fields as invalid rather than crashing", () => {
    const result = registerSchema.safeParse({ name: null, email: null, password: null });
    expect(result.success).toBe(false);
  });
});

describe("createManagerSchema", () => {
  it("has the same rules as registration", () => {
    expect(createManagerSchema.safeParse({ name: "M", email: "M@Label.test", password: "12345678" }).data?.email).toBe("m@label.test");
    expect(createManagerSchema.safeParse({ name: "M", email: "m@label.test", password: "1234" }).success).toBe(false);
  });
});

describe("signInSchema", () => {
  it("normalises the email and needs a password", () => {
    expect(signInSchema.parse({ email: " Admin@CookDroogers.local", password: "x" }).email).toBe("admin@cookdroogers.local");
    const result = signInSchema.safeParse({ email: "admin@cookdroogers.local", password: "" });
    expect(z.flattenError(result.error!).fieldErrors.password).toEqual(["Enter your password"]);
  });
});

describe("the account page's schemas", () => {
  it("rename with the registration's name rule", () => {
    expect(renameSchema.parse({ name: "  Grace " }).name).toBe("Grace");
    expect(z.flattenError(renameSchema.safeParse({ name: " " }).error!).fieldErrors.name).toEqual(["Enter your name"]);
    expect(renameSchema.safeParse({ name: "x".repeat(101) }).success).toBe(false);
  });

  it("needs the current password and holds the new one to the registration's password rule", () => {
    const result = changePasswordSchema.safeParse({ currentPassword: "", newPassword: "1234567" });
    expect(z.flattenError(result.error!).fieldErrors).toEqual({
      currentPassword: ["Enter your current password"],
      newPassword: ["Password must be at least 8 characters"],
    });
    expect(changePasswordSchema.safeParse({ currentPassword: "old", newPassword: "12345678" }).success).toBe(true);
    expect(changePasswordSchema.safeParse({ currentPassword: "old", newPassword: "x".repeat(201) }).success).toBe(false);
  });
});
