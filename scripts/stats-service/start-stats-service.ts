// The stand-in streaming-statistics service (docs/statistics-service.md): a plain node:http
// server that tests start in-process and `scripts/stats-service/server.ts` runs standalone.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { z } from "zod";
import { computeTrackCounts, DEFAULT_TRENDING_GENRES } from "./compute-track-statistics";

/** How the service behaves; tests change it through POST /__control (or `control()`). */
export type ServiceControl = {
  mode: "normal" | "fail" | "slow";
  /** Delay of every answer in "slow" mode. */
  slowMs: number;
  /** These track ids are left out of every answer (a partial answer). */
  omitTrackIds: string[];
  /** Ids the service answers for although nobody asked (an unknown track in the answer). */
  extraTrackIds: string[];
  /** Fail this many of the next requests, then answer normally again ("down, then up"). */
  failNextRequests: number;
};

export type ServiceCounters = { requests: number; failedRequests: number; tracksAnswered: number };

export const MAX_TRACKS_PER_REQUEST = 500;

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD");

const requestSchema = z.object({
  day: isoDay,
  tracks: z
    .array(
      z.object({
        trackId: z.union([z.string().min(1).max(100), z.number().int()]).transform(String),
        artistNickname: z.string().max(200).optional(),
        title: z.string().max(500).optional(),
        genre: z.string().max(100).default(""),
        releaseDate: isoDay.optional(),
      }),
    )
    .max(MAX_TRACKS_PER_REQUEST),
});

const controlSchema = z
  .object({
    mode: z.enum(["normal", "fail", "slow"]),
    slowMs: z.number().int().min(0).max(120_000),
    omitTrackIds: z.array(z.union([z.string(), z.number()]).transform(String)),
    extraTrackIds: z.array(z.union([z.string(), z.number()]).transform(String)),
    failNextRequests: z.number().int().min(0),
  })
  .partial();

const normalControl: ServiceControl = { mode: "normal", slowMs: 0, omitTrackIds: [], extraTrackIds: [], failNextRequests: 0 };

export type StatsServiceOptions = {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  trendingGenres?: readonly string[];
  log?: (message: string) => void;
};

export type RunningStatsService = {
  url: string;
  port: number;
  /** Changes the behaviour in-process (what POST /__control does); unspecified fields reset. */
  control: (change: Partial<ServiceControl>) => ServiceControl;
  counters: () => ServiceCounters;
  close: () => Promise<void>;
};

export async function startStatsService(options: StatsServiceOptions = {}): Promise<RunningStatsService> {
  const trendingGenres = options.trendingGenres ?? DEFAULT_TRENDING_GENRES;
  let control: ServiceControl = { ...normalControl };
  const counters: ServiceCounters = { requests: 0, failedRequests: 0, tracksAnswered: 0 };

  const setControl = (change: Partial<ServiceControl>) => {
    control = { ...normalControl, ...change };
    options.log?.(`control: ${JSON.stringify(control)}`);
    return control;
  };

  async function answerStatistics(request: IncomingMessage, response: ServerResponse) {
    counters.requests += 1;
    const body = requestSchema.safeParse(await readJson(request));
    if (!body.success) return send(response, 400, { error: z.prettifyError(body.error) });
    if (control.failNextRequests > 0 || control.mode === "fail") {
      if (control.failNextRequests > 0) control.failNextRequests -= 1;
      counters.failedRequests += 1;
      return send(response, 503, { error: "statistics temporarily unavailable" });
    }
    if (control.mode === "slow" && control.slowMs > 0) await new Promise((resolve) => setTimeout(resolve, control.slowMs));

    const omitted = new Set(control.omitTrackIds);
    const tracks = body.data.tracks.filter((track) => !omitted.has(track.trackId));
    const results = tracks.map((track) => ({ trackId: track.trackId, ...computeTrackCounts(track, body.data.day, trendingGenres) }));
    for (const trackId of control.extraTrackIds) {
      results.push({ trackId, ...computeTrackCounts({ trackId, genre: "" }, body.data.day, trendingGenres) });
    }
    // Answers come in no particular order (here: reversed) — clients must match by trackId.
    results.reverse();
    counters.tracksAnswered += results.length;
    return send(response, 200, { day: body.data.day, results });
  }

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://stand-in");
    const route = `${request.method} ${url.pathname}`;
    const handle = async () => {
      switch (route) {
        case "GET /health":
          return send(response, 200, { status: "ok" });
        case "POST /v1/daily-statistics":
          return answerStatistics(request, response);
        case "GET /__control":
          return send(response, 200, { control, counters });
        case "POST /__control": {
          const change = controlSchema.safeParse(await readJson(request));
          if (!change.success) return send(response, 400, { error: z.prettifyError(change.error) });
          return send(response, 200, { control: setControl(change.data), counters });
        }
        default:
          return send(response, 404, { error: `no route ${route}` });
      }
    };
    handle().catch((error: unknown) => {
      options.log?.(`request failed: ${error instanceof Error ? error.message : String(error)}`);
      if (!response.headersSent) send(response, 400, { error: "invalid request" });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${options.host ?? "127.0.0.1"}:${port}`;

  return {
    url,
    port,
    control: setControl,
    counters: () => ({ ...counters }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > 5_000_000) throw new Error("request body too large");
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  return text ? (JSON.parse(text) as unknown) : {};
}

function send(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  response.end(JSON.stringify(body));
}
