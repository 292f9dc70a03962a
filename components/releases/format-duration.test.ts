import { describe, expect, it } from "vitest";
import { formatDuration } from "@/components/releases/format-duration";

describe("formatDuration", () => {
  it("shows minutes and zero-padded seconds, and hours for long tracks", () => {
    expect(formatDuration(1)).toBe("0:01");
    expect(formatDuration(245)).toBe("4:05");
    expect(formatDuration(3600)).toBe("1:00:00");
    expect(formatDuration(9998)).toBe("2:46:38");
  });
});
