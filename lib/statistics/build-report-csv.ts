// The manager report as CSV rows (the same rows as the page, one per track). Pure.
import { toIsoDay } from "@/lib/clock";
import { releaseStatusLabels } from "@/lib/releases/release-status-labels";
import { toCsv, type CsvValue } from "@/lib/statistics/csv";
import type { ManagerReport } from "@/lib/statistics/get-manager-report";
import type { Figures } from "@/lib/statistics/statistics-growth";

export const REPORT_CSV_HEADER = [
  "Artist",
  "Release",
  "Release status",
  "Track",
  "Genre",
  "Latest date",
  "Latest streams",
  "Latest likes",
  "Earlier date",
  "Earlier streams",
  "Earlier likes",
  "Streams growth",
  "Streams growth (%)",
  "Likes growth",
  "Label relevant genre",
] as const;

/** The report's rows, one per track; an artist without releases still gets a row. */
export function reportCsvRows(report: ManagerReport): CsvValue[][] {
  const rows: CsvValue[][] = [];
  const day = (figures: Figures | null) => (figures ? toIsoDay(figures.day) : null);
  for (const artist of report.artists) {
    if (artist.releases.length === 0) {
      rows.push([artist.nickname, null, null, null, null, null, null, null, null, null, null, null, null, null, report.relevantGenre]);
    }
    for (const release of artist.releases) {
      for (const track of release.tracks) {
        const percent = track.growth?.streamsPercent;
        rows.push([
          artist.nickname,
          release.title,
          releaseStatusLabels[release.status],
          track.title,
          track.genre,
          day(track.latest),
          track.latest?.streams,
          track.latest?.likes,
          day(track.earlier),
          track.earlier?.streams,
          track.earlier?.likes,
          track.growth?.streams,
          percent === null || percent === undefined ? null : Math.round(percent * 10) / 10,
          track.growth?.likes,
          report.relevantGenre,
        ]);
      }
    }
  }
  return rows;
}

export function reportToCsv(report: ManagerReport): string {
  return toCsv(REPORT_CSV_HEADER, reportCsvRows(report));
}
