// Stored text refuses what PostgreSQL cannot hold as typed; search text drops it.
import { describe, expect, it } from "vitest";
import { storableText, UNSTORABLE_TEXT, withoutUnstorableCharacters } from "@/lib/storable-text";

const field = storableText().trim().min(1, "Enter it").max(10, "Too long");

describe("storableText", () => {
  it.each([
    ["a NUL character", "a\u0000b"],
    ["a lone high surrogate", "a\uD800b"],
    ["a lone high surrogate at the end", "ab\uDBFF"],
    ["a lone low surrogate", "\uDC00x"],
    ["two halves in the wrong order", "\uDE00\uD83C"],
  ])("refuses %s with one message", (_label, text) => {
    expect(field.safeParse(text).error?.issues.map((issue) => issue.message)).toEqual([UNSTORABLE_TEXT]);
  });

  it.each([
    ["emoji", "🎤🎸"],
    ["combining marks", "Zoe\u0301\u0308"],
    ["a right-to-left override", "\u202Eevil"],
    ["wildcards, quotes and markup", `%_'"<b>`],
    ["other control characters", "a\tb\u0001"],
  ])("keeps %s exactly (trimmed)", (_label, text) => {
    expect(field.safeParse(` ${text} `).data).toBe(text);
  });

  it("still applies the field's own limits after it", () => {
    expect(field.safeParse("x".repeat(11)).error?.issues.map((issue) => issue.message)).toEqual(["Too long"]);
    expect(field.safeParse("   ").error?.issues.map((issue) => issue.message)).toEqual(["Enter it"]);
  });
});

describe("withoutUnstorableCharacters", () => {
  it("drops NUL characters and lone surrogates, and keeps everything else", () => {
    expect(withoutUnstorableCharacters("a\u0000b\uD800c\uDC00🎤%")).toBe("abc🎤%");
  });
});
