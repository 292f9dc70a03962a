// Matches a service answer to the tracks asked for, by track identifier only (never by position).
import { z } from "zod";

type MatchedCounts = { trackId: number; streams: number; likes: number };

export type AnswerMatch = {
  matched: MatchedCounts[];
  /** Asked for, but absent from the answer (or only present with invalid counts). */
  missingTrackIds: number[];
  /** In the answer, but not asked for in this request: reported, never stored. */
  unknownTrackIds: string[];
  /** Entries that could not be read (no id, negative or fractional counts, …). */
  invalidEntries: number;
};

const entrySchema = z.object({
  trackId: z.union([z.string(), z.number()]).transform(String),
  streams: z.number().int().nonnegative().max(2_147_483_647),
  likes: z.number().int().nonnegative().max(2_147_483_647),
});

export function matchStatisticsAnswer(requestedTrackIds: readonly number[], results: readonly unknown[]): AnswerMatch {
  const requested = new Map(requestedTrackIds.map((id) => [String(id), id]));
  const found = new Map<number, MatchedCounts>();
  const unknown = new Set<string>();
  let invalidEntries = 0;

  for (const entry of results) {
    const parsed = entrySchema.safeParse(entry);
    if (!parsed.success) {
      invalidEntries += 1;
      continue;
    }
    const trackId = requested.get(parsed.data.trackId.trim());
    if (trackId === undefined) {
      unknown.add(parsed.data.trackId);
      continue;
    }
    // A track answered twice is ambiguous only if the answers differ; the first one wins either way.
    if (!found.has(trackId)) found.set(trackId, { trackId, streams: parsed.data.streams, likes: parsed.data.likes });
  }

  return {
    matched: [...found.values()],
    missingTrackIds: requestedTrackIds.filter((id) => !found.has(id)),
    unknownTrackIds: [...unknown],
    invalidEntries,
  };
}
