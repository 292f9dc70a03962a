// HTTP client of the streaming-statistics service (API: docs/statistics-service.md), with a timeout.
import { z } from "zod";

export type StatisticsTrackQuery = {
  trackId: number;
  artistNickname: string;
  title: string;
  genre: string;
  /** "YYYY-MM-DD": when the track went (or goes) out. */
  releaseDate?: string;
};

export type StatisticsClientOptions = {
  baseUrl: string;
  /** Per request; a slower answer counts as a failure (and is retried by the caller). */
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
};

/** The service failed, was too slow, or answered something that is not an answer. */
class StatisticsServiceError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "StatisticsServiceError";
  }
}

/** The answer as received: entries are checked one by one later, so one bad entry spoils nothing else. */
const answerSchema = z.object({
  day: z.string(),
  results: z.array(z.unknown()),
});

export type RawStatisticsAnswer = z.infer<typeof answerSchema>;

const DEFAULT_STATISTICS_TIMEOUT_MS = 10_000;

export async function fetchDailyStatistics(
  options: StatisticsClientOptions,
  day: string,
  tracks: readonly StatisticsTrackQuery[],
): Promise<RawStatisticsAnswer> {
  const fetchImpl = options.fetchImpl ?? fetch;
  const timeoutMs = options.timeoutMs ?? DEFAULT_STATISTICS_TIMEOUT_MS;
  const url = new URL("/v1/daily-statistics", options.baseUrl);
  let response: Response;
  let text: string;
  try {
    response = await fetchImpl(url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ day, tracks: tracks.map((track) => ({ ...track, trackId: String(track.trackId) })) }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    text = await response.text();
  } catch (error) {
    const reason =
      error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")
        ? `no answer within ${timeoutMs} ms`
        : error instanceof Error
          ? error.message
          : String(error);
    throw new StatisticsServiceError(`statistics service unreachable: ${reason}`, { cause: error });
  }
  if (!response.ok) {
    throw new StatisticsServiceError(`statistics service answered HTTP ${response.status}: ${text.slice(0, 200)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new StatisticsServiceError("statistics service answered something that is not JSON", { cause: error });
  }
  const answer = answerSchema.safeParse(json);
  if (!answer.success) throw new StatisticsServiceError("statistics service answered without a list of results");
  if (answer.data.day !== day) {
    throw new StatisticsServiceError(`statistics service answered for ${answer.data.day} instead of ${day}`);
  }
  return answer.data;
}
