import { describe, expect, it } from "vitest";
import { CSV_BOM } from "./csv";
import { REPORT_CSV_HEADER, reportCsvRows, reportToCsv } from "./build-report-csv";
import type { ManagerReport } from "./get-manager-report";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

const report: ManagerReport = {
  today: day("2026-11-24"),
  since: day("2026-08-24"),
  relevantGenre: "Hip-Hop",
  artists: [
    {
      id: 1,
      nickname: "Ada, \"the\" Bard",
      active: true,
      releases: [
        {
          id: 10,
          title: "First",
          status: "PUBLISHED",
          releaseDate: day("2026-01-01"),
          tracks: [
            {
              id: 100,
              position: 1,
              title: "Intro",
              genre: "Jazz",
              latest: { day: day("2026-11-24"), streams: 1_500, likes: 30 },
              earlier: { day: day("2026-08-24"), streams: 1_000, likes: 20 },
              growth: { streams: 500, likes: 10, streamsPercent: 50 },
            },
          ],
        },
        {
          id: 11,
          title: "Second",
          status: "UNPUBLISHED",
          releaseDate: day("2027-01-01"),
          tracks: [{ id: 101, position: 1, title: "Demo", genre: "Jazz", latest: null, earlier: null, growth: null }],
        },
      ],
    },
    { id: 2, nickname: "Newcomer", active: true, releases: [] },
  ],
};

describe("reportCsvRows", () => {
  it("gives one row per track of every release, and a row for an artist without releases", () => {
    expect(reportCsvRows(report)).toEqual([
      ['Ada, "the" Bard', "First", "Published", "Intro", "Jazz", "2026-11-24", 1500, 30, "2026-08-24", 1000, 20, 500, 50, 10, "Hip-Hop"],
      ['Ada, "the" Bard', "Second", "Unpublished", "Demo", "Jazz", null, undefined, undefined, null, undefined, undefined, undefined, null, undefined, "Hip-Hop"],
      ["Newcomer", null, null, null, null, null, null, null, null, null, null, null, null, null, "Hip-Hop"],
    ]);
  });
});

describe("reportToCsv", () => {
  it("writes the header and quoted rows", () => {
    const lines = reportToCsv(report).replace(CSV_BOM, "").split("\r\n");
    expect(lines[0]).toBe(REPORT_CSV_HEADER.map((name) => `"${name}"`).join(","));
    expect(lines[1]).toBe(
      '"Ada, ""the"" Bard","First","Published","Intro","Jazz","2026-11-24","1500","30","2026-08-24","1000","20","500","50","10","Hip-Hop"',
    );
    expect(lines).toHaveLength(5); // header, 3 rows, the empty string after the last CRLF
  });
});
