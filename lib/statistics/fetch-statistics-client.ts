// HTTP client of the streaming-statistics service (API: docs/statistics-service.md), with a timeout,
// a bounded reply size and no redirects (docs/domain.md §11: a service's reply is input too).
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
  /** Larger replies are a failure, read no further than this (default 5 MB). */
  maxReplyBytes?: number;
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
/** A day's statistics of every followed track is far below this; more is not an answer. */
const DEFAULT_MAX_REPLY_BYTES = 5 * 1024 * 1024;

class ReplyTooLargeError extends Error {
  constructor(limit: number) {
    super(`answered more than ${limit} bytes`);
    this.name = "ReplyTooLargeError";
  }
}

/** The body as text, reading no more than `limit` bytes (whatever Content-Length claims). */
async function readBoundedText(response: Response, limit: number): Promise<string> {
  const declared = Number(response.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) {
    await response.body?.cancel().catch(() => undefined);
    throw new ReplyTooLargeError(limit);
  }
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > limit) {
      await reader.cancel().catch(() => undefined);
      throw new ReplyTooLargeError(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

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
      // A redirect is a failure, never followed: the configured address is the only one asked.
      redirect: "manual",
    });
    if (response.status >= 300 && response.status < 400) {
      await response.body?.cancel().catch(() => undefined);
      throw new StatisticsServiceError(`statistics service answered a redirect (HTTP ${response.status}), which is not followed`);
    }
    text = await readBoundedText(response, options.maxReplyBytes ?? DEFAULT_MAX_REPLY_BYTES);
  } catch (error) {
    if (error instanceof StatisticsServiceError) throw error;
    if (error instanceof ReplyTooLargeError) throw new StatisticsServiceError(`statistics service ${error.message}`, { cause: error });
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
