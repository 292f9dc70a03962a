import { describe, expect, it } from "vitest";
import { readReleaseForm, releaseFieldErrors, releaseInputSchema, splitNicknames } from "@/lib/releases/schemas";

const track = { title: "Song", durationSeconds: "180", genre: "Pop", type: "song", artists: "" };

function errorsOf(value: unknown) {
  const parsed = releaseInputSchema.safeParse(value);
  return parsed.success ? {} : releaseFieldErrors(parsed.error);
}

describe("release schema (docs/domain.md §2 limits)", () => {
  it("accepts the limits themselves", () => {
    const parsed = releaseInputSchema.parse({
      title: "t".repeat(256),
      releaseDate: "2026-02-28",
      tracks: [
        { title: "x".repeat(128), durationSeconds: "1", genre: "g".repeat(32), type: "y".repeat(32), artists: "" },
        { ...track, durationSeconds: "9998" },
      ],
    });
    expect(parsed.tracks.map((entry) => entry.durationSeconds)).toEqual([1, 9998]);
  });

  it("puts each broken limit on its own field", () => {
    const errors = errorsOf({
      title: "t".repeat(257),
      releaseDate: "2026-02-30",
      tracks: [
        { title: "x".repeat(129), durationSeconds: "0", genre: "g".repeat(33), type: "  ", artists: "" },
        { ...track, durationSeconds: "9999" },
        { ...track, durationSeconds: "3.5" },
      ],
    });
    expect(Object.keys(errors).sort()).toEqual([
      "releaseDate",
      "title",
      "tracks.0.durationSeconds",
      "tracks.0.genre",
      "tracks.0.title",
      "tracks.0.type",
      "tracks.1.durationSeconds",
      "tracks.2.durationSeconds",
    ]);
  });

  it("needs at least one track and a non-blank title", () => {
    const errors = errorsOf({ title: "   ", releaseDate: "2026-01-01", tracks: [] });
    expect(errors.title).toEqual(["Enter the title"]);
    expect(errors.tracks).toEqual(["Add at least one track"]);
  });

  it("reports a too-long nickname on the track's artists field", () => {
    const errors = errorsOf({ title: "T", releaseDate: "2026-01-01", tracks: [{ ...track, artists: `ok, ${"n".repeat(65)}` }] });
    expect(Object.keys(errors)).toEqual(["tracks.0.artists"]);
  });
});

describe("splitNicknames", () => {
  it("drops blanks and case-insensitive repeats", () => {
    expect(splitNicknames(" Ann, ,bob, ANN ,Bob")).toEqual(["Ann", "bob"]);
    expect(splitNicknames("")).toEqual([]);
  });
});

describe("readReleaseForm", () => {
  it("reads repeated track fields in row order", () => {
    const form = new FormData();
    form.set("title", "Album");
    form.set("releaseDate", "2026-01-02");
    for (const [title, duration] of [
      ["One", "60"],
      ["Two", "120"],
    ]) {
      form.append("trackTitle", title!);
      form.append("trackDuration", duration!);
      form.append("trackGenre", "Pop");
      form.append("trackType", "song");
      form.append("trackArtists", "");
    }
    expect(readReleaseForm(form)).toEqual({
      title: "Album",
      releaseDate: "2026-01-02",
      tracks: [
        { title: "One", durationSeconds: "60", genre: "Pop", type: "song", artists: "" },
        { title: "Two", durationSeconds: "120", genre: "Pop", type: "song", artists: "" },
      ],
    });
  });
});

describe("duration field", () => {
  it("says only that a blank duration is missing", () => {
    const errors = errorsOf({ title: "T", releaseDate: "2026-01-01", tracks: [{ ...track, durationSeconds: " " }] });
    expect(errors["tracks.0.durationSeconds"]).toEqual(["Enter the duration in seconds"]);
  });
});
