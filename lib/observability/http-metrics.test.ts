// Request durations from Next.js's own request spans (decision 016): the timing tracer turns
// each finished "BaseServer.handleRequest" span into one observation, by route pattern.
import { context, createContextKey, trace } from "@opentelemetry/api";
import { describe, expect, it } from "vitest";
import { PROXY_SPAN_TYPE, REQUEST_SPAN_TYPE, registerRequestTiming, requestOfSpan, type FinishedRequest } from "@/lib/observability/http-metrics";

const finished: FinishedRequest[] = [];
const registered = registerRequestTiming((request) => finished.push(request));

describe("the request timing tracer", () => {
  it("is registered as the process's tracer provider", () => {
    expect(registered).toBe(true);
  });

  it("reports a request span when it ends, with the route, method and status Next.js set on it", async () => {
    finished.length = 0;
    const tracer = trace.getTracer("next.js");
    await tracer.startActiveSpan("GET", { attributes: { "next.span_type": REQUEST_SPAN_TYPE, "http.method": "GET", "http.target": "/requests/12" } }, async (span) => {
      // Nested spans (rendering) are not requests.
      tracer.startActiveSpan("render route (app) /requests/[id]", { attributes: { "next.span_type": "AppRender.getBodyResult" } }, (inner) => inner.end());
      await new Promise((resolve) => setTimeout(resolve, 20));
      span.setAttributes({ "http.status_code": 200, "next.route": "/requests/[id]" });
      span.end();
    });
    expect(finished).toHaveLength(1);
    expect(finished[0]).toMatchObject({ method: "GET", route: "/requests/[id]", status: 200 });
    expect(finished[0]!.seconds).toBeGreaterThan(0.015);
  });

  it("keeps the active context across awaits, which Next.js needs to find a request's root span", async () => {
    const key = createContextKey("request");
    const seen = await context.with(context.active().setValue(key, "r1"), async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return context.active().getValue(key);
    });
    expect(seen).toBe("r1");
    expect(context.active().getValue(key)).toBeUndefined();
  });

  it("leaves out the pass that only ran proxy.ts (its status is not the response's; the rendering pass is counted)", async () => {
    finished.length = 0;
    const tracer = trace.getTracer("next.js");
    await tracer.startActiveSpan("GET", { attributes: { "next.span_type": REQUEST_SPAN_TYPE, "http.method": "GET" } }, async (span) => {
      tracer.startActiveSpan("middleware GET", { attributes: { "next.span_type": PROXY_SPAN_TYPE } }, (proxy) => proxy.end());
      span.setAttributes({ "http.status_code": 200 });
      span.end();
    });
    expect(finished).toEqual([]);
  });

  it("names a request no route matched 'unmatched' rather than by its path", () => {
    expect(requestOfSpan({ "next.span_type": REQUEST_SPAN_TYPE, "http.method": "GET", "http.status_code": 404 }, 0.01)).toEqual({
      method: "GET",
      route: undefined,
      status: 404,
      seconds: 0.01,
    });
    expect(requestOfSpan({ "next.span_type": "AppRender.getBodyResult" }, 0.01)).toBeNull();
  });
});
