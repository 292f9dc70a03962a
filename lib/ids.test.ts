import { describe, expect, it } from "vitest";
import { idField, MAX_ID, parseId } from "./ids";

describe("ids", () => {
  it("reads positive PostgreSQL integers, as numbers or decimal digits", () => {
    expect([1, "1", "42", MAX_ID, String(MAX_ID)].map(parseId)).toEqual([1, 1, 42, MAX_ID, MAX_ID]);
  });

  it("is no id at all for anything else, so the caller answers not found", () => {
    const hostile = [0, -1, 1.5, MAX_ID + 1, String(MAX_ID + 1), "99999999999", "0", "01", "-3", "1e3", " 7", "7 ", "", "%", "1;DROP", null, undefined, {}, []];
    expect(hostile.map(parseId)).toEqual(hostile.map(() => null));
  });

  it("gives a form field one message for empty and wrong values", () => {
    const field = idField("Choose a release");
    expect(field.safeParse("12").data).toBe(12);
    for (const value of ["", "abc", String(MAX_ID + 1)]) {
      expect(field.safeParse(value).error?.issues.map((issue) => issue.message)).toEqual(["Choose a release"]);
    }
  });
});
