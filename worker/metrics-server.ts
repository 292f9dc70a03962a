// The worker's Prometheus endpoint (docs/domain.md §10, decision 016): a small HTTP server on
// METRICS_PORT answering GET /metrics to a caller with the metrics token, like /api/metrics of
// the web app. Anything else is "not found".
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Log } from "@/lib/observability/logger";
import { metricsAccess, metricsRefusal } from "@/lib/observability/metrics-token";
import { exposition } from "@/lib/observability/registry";

export type MetricsServerOptions = {
  /** 0 asks the system for a free port (tests); worker/main.ts does not start the server for METRICS_PORT=0. */
  port: number;
  host?: string;
  /** METRICS_TOKEN; unset, every request is answered "not found". */
  token: string | undefined;
  log: Log;
};

export type RunningMetricsServer = { port: number; stop: () => Promise<void> };

export async function startMetricsServer({ port, host, token, log }: MetricsServerOptions): Promise<RunningMetricsServer> {
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? "/").split("?")[0];
    if (path !== "/metrics" || (request.method !== "GET" && request.method !== "HEAD")) {
      response.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Not found\n");
      return;
    }
    const access = metricsAccess(request.headers.authorization, token);
    if (access !== "allowed") {
      const refusal = metricsRefusal(access);
      response.writeHead(refusal.status, refusal.headers).end(refusal.body);
      return;
    }
    exposition().then(
      ({ contentType, body }) => {
        response.writeHead(200, { "Content-Type": contentType, "Cache-Control": "no-store" });
        response.end(request.method === "HEAD" ? undefined : body);
      },
      (error: unknown) => {
        log("metrics: the scrape failed", { level: "error", err: error });
        response.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" }).end("The metrics could not be collected\n");
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const bound = (server.address() as AddressInfo).port;
  log(`metrics served on port ${bound}${token ? "" : " (METRICS_TOKEN is not set: every request is answered 'not found')"}`);
  return {
    port: bound,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // a scraper's kept-alive connection would hold the stop
      }),
  };
}
