// The web app's Prometheus endpoint over HTTP (docs/domain.md §10, decision 016): refused without
// the metrics token or with a wrong one, whatever the session; with it, the text format carrying
// the named figures, among them the duration of a request just made, by its route pattern, and
// the heartbeat of the worker running beside the app.
import { expect, test } from "@playwright/test";
import { appEnv } from "./fixtures/app-env";

const withToken = { authorization: `Bearer ${appEnv.METRICS_TOKEN}` };

test("GET /api/metrics is refused without the metrics token and with a wrong one", async ({ request }) => {
  const attempts: Record<string, string>[] = [{}, { authorization: "Bearer not-the-metrics-token-0123456789" }, { authorization: appEnv.METRICS_TOKEN! }];
  for (const headers of attempts) {
    const response = await request.get("/api/metrics", { headers });
    expect(response.status()).toBe(401);
    expect(response.headers()["www-authenticate"]).toMatch(/^Bearer /);
    expect(await response.text()).not.toContain("cookdroogers_");
  }
});

test("GET /api/metrics with the token answers Prometheus's text format with the named figures", async ({ request }) => {
  // A request whose duration the scrape must then show under its route pattern.
  expect((await request.get("/login")).status()).toBe(200);

  const response = await request.get("/api/metrics", { headers: withToken });
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/^text\/plain; version=0\.0\.4/);
  expect(response.headers()["cache-control"]).toBe("no-store");
  const text = await response.text();
  for (const [name, type] of [
    ["cookdroogers_outbox_due_events", "gauge"],
    ["cookdroogers_outbox_scheduled_events", "gauge"],
    ["cookdroogers_outbox_oldest_due_age_seconds", "gauge"],
    ["cookdroogers_worker_heartbeat_age_seconds", "gauge"],
    ["cookdroogers_http_request_duration_seconds", "histogram"],
    ["cookdroogers_request_transitions_total", "counter"],
    ["cookdroogers_metrics_source_up", "gauge"],
  ]) {
    expect(text, name).toContain(`# TYPE ${name} ${type}\n`);
  }
  expect(text).toMatch(/^cookdroogers_http_request_duration_seconds_count\{method="GET",route="\/login",status="200"\} [1-9]\d*$/m);
  expect(text).toMatch(/^cookdroogers_metrics_source_up\{source="database"\} 1$/m);
  // The worker of this run beats every few seconds (WORKER_HEARTBEAT_MS); a minute is generous.
  const heartbeatAge = Number(/^cookdroogers_worker_heartbeat_age_seconds (\S+)$/m.exec(text)?.[1]);
  expect(heartbeatAge).toBeLessThan(60);
});
