import { describe, expect, it } from "vitest";
import { signInRefusalMessage, TOO_MANY_ATTEMPTS_LATER } from "@/lib/auth/sign-in-refusals";
import { ACCOUNT_DISABLED, INVALID_CREDENTIALS } from "@/lib/users/schemas";

describe("signInRefusalMessage", () => {
  it("names each refusal Auth.js's endpoint reports", () => {
    expect(signInRefusalMessage("CredentialsSignin", "too_many_attempts")).toBe(TOO_MANY_ATTEMPTS_LATER);
    expect(signInRefusalMessage("CredentialsSignin", "account_disabled")).toBe(ACCOUNT_DISABLED);
    expect(signInRefusalMessage("CredentialsSignin", "credentials")).toBe(INVALID_CREDENTIALS);
    expect(signInRefusalMessage("CredentialsSignin", undefined)).toBe(INVALID_CREDENTIALS);
  });

  it("says nothing for a plain visit or an unknown code", () => {
    expect(signInRefusalMessage(undefined, undefined)).toBeUndefined();
    expect(signInRefusalMessage(["x"], "<script>")).toBeUndefined();
  });
});
