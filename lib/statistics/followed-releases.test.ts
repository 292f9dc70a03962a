import { describe, expect, it } from "vitest";
import { isFollowedRelease } from "@/lib/statistics/followed-releases";

describe("isFollowedRelease", () => {
  it("follows scheduled and published releases, not unpublished ones", () => {
    expect(isFollowedRelease("SCHEDULED")).toBe(true);
    expect(isFollowedRelease("PUBLISHED")).toBe(true);
    expect(isFollowedRelease("UNPUBLISHED")).toBe(false);
  });
});
