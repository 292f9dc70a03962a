// Search text is matched literally: LIKE's wildcards and escape character lose their meaning.
import { describe, expect, it } from "vitest";
import { literalLikeText } from "@/lib/like-pattern";

describe("literalLikeText", () => {
  it.each([
    ["plain text", "Velvet Kettle", "Velvet Kettle"],
    ["a percent sign", "100%", "100\\%"],
    ["an underscore", "v_lvet", "v\\_lvet"],
    ["a backslash", "a\\b", "a\\\\b"],
    ["all of them", "%_\\", "\\%\\_\\\\"],
  ])("escapes %s", (_label, input, expected) => {
    expect(literalLikeText(input)).toBe(expected);
  });

  it("drops what PostgreSQL cannot compare: a NUL character, a lone surrogate", () => {
    expect(literalLikeText("a\u0000b\uD800%")).toBe("ab\\%");
  });
});
