import { describe, expect, it } from "vitest";
import { findMainGenre, sameGenre } from "@/lib/releases/find-main-genre";

describe("findMainGenre", () => {
  it("picks the most frequent genre", () => {
    expect(
      findMainGenre([
        { genre: "Jazz", position: 1 },
        { genre: "Rock", position: 2 },
        { genre: "rock", position: 3 },
      ]),
    ).toBe("Rock");
  });

  it("gives a tie to the genre of the earliest track, by position not by array order", () => {
    expect(
      findMainGenre([
        { genre: "Rock", position: 4 },
        { genre: "Jazz", position: 2 },
        { genre: "Rock", position: 3 },
        { genre: "Jazz", position: 1 },
      ]),
    ).toBe("Jazz");
  });

  it("counts genres case-insensitively", () => {
    expect(
      findMainGenre([
        { genre: "Pop", position: 1 },
        { genre: "HIP-HOP", position: 2 },
        { genre: "hip-hop", position: 3 },
      ]),
    ).toBe("HIP-HOP");
  });

  it("is null for a release without tracks", () => {
    expect(findMainGenre([])).toBeNull();
  });
});

describe("sameGenre", () => {
  it("ignores case and surrounding spaces", () => {
    expect(sameGenre(" Indie Rock", "indie rock ")).toBe(true);
    expect(sameGenre("Rock", "Indie Rock")).toBe(false);
  });
});
