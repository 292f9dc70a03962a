// HTTP request duration by route for the web app (docs/domain.md §10, decision 016).
//
// Next.js wraps the handling of every request it routes (pages, route handlers, server actions,
// which are POSTs to their page) in an OpenTelemetry span, "BaseServer.handleRequest", that ends
// when the response has been handled and carries the route pattern ("/requests/[id]", never the
// id), the method and the status code. It only does so when a tracer provider is registered.
// This module registers the smallest one that serves the purpose: it times those spans into a
// histogram and exports nothing. proxy.ts cannot measure this (it runs before the page and never
// sees the response end), and wrapping every page, action and route by hand would miss some.
import { AsyncLocalStorage } from "node:async_hooks";
import { randomBytes } from "node:crypto";
import {
  ROOT_CONTEXT,
  TraceFlags,
  context,
  trace,
  type Context,
  type ContextManager,
  type Span,
  type SpanAttributeValue,
  type SpanAttributes,
  type SpanContext,
  type SpanOptions,
  type Tracer,
  type TracerProvider,
} from "@opentelemetry/api";
import { METRIC_PREFIX, histogram } from "@/lib/observability/registry";

export const httpRequestDuration = histogram({
  name: `${METRIC_PREFIX}http_request_duration_seconds`,
  help: "Time the web app took to handle a request, by method, route pattern and status code (pages, route handlers and server actions)",
  labelNames: ["method", "route", "status"] as const,
  buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
});

/** The span type Next.js gives the handling of one request. */
export const REQUEST_SPAN_TYPE = "BaseServer.handleRequest";
/** The span of proxy.ts, run in a pass of its own before the pass that renders. */
export const PROXY_SPAN_TYPE = "Middleware.execute";

/** What a finished request span says; `route` is absent when no page or route matched. */
export type FinishedRequest = { method: string; route: string | undefined; status: number | undefined; seconds: number };

/** Records one request; a request that matched no route is counted under "unmatched" (bounded labels). */
export function recordRequest({ method, route, status, seconds }: FinishedRequest): void {
  httpRequestDuration.observe({ method, route: route ?? "unmatched", status: status === undefined ? "unknown" : String(status) }, seconds);
}

/**
 * The request a finished span describes, or null for Next's other spans and for the pass that
 * only ran proxy.ts (`ranProxy`, with no route): its status is not the response's, and the pass
 * that renders follows with a span of its own.
 */
export function requestOfSpan(attributes: SpanAttributes, seconds: number, ranProxy = false): FinishedRequest | null {
  if (attributes["next.span_type"] !== REQUEST_SPAN_TYPE) return null;
  const route = attributes["next.route"] ?? attributes["http.route"];
  if (ranProxy && route === undefined) return null;
  const status = attributes["http.status_code"];
  return {
    method: String(attributes["http.method"] ?? "unknown"),
    route: typeof route === "string" ? route : undefined,
    status: typeof status === "number" ? status : undefined,
    seconds,
  };
}

type SpanEnd = (attributes: SpanAttributes, seconds: number, ranProxy: boolean) => void;

/** A span that only keeps its attributes and its start, and reports itself when it ends. */
class TimingSpan implements Span {
  private readonly startedAt = performance.now();
  private readonly attributes: SpanAttributes;
  private ended = false;
  /** Set when proxy.ts ran inside this span. */
  ranProxy = false;

  constructor(
    private readonly context: SpanContext,
    attributes: SpanAttributes | undefined,
    private readonly onEnd: SpanEnd,
  ) {
    this.attributes = { ...attributes };
  }

  spanContext(): SpanContext {
    return this.context;
  }
  setAttribute(key: string, value: SpanAttributeValue): this {
    this.attributes[key] = value;
    return this;
  }
  setAttributes(attributes: SpanAttributes): this {
    Object.assign(this.attributes, attributes);
    return this;
  }
  addEvent(): this {
    return this;
  }
  addLink(): this {
    return this;
  }
  addLinks(): this {
    return this;
  }
  setStatus(): this {
    return this;
  }
  updateName(): this {
    return this;
  }
  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.onEnd(this.attributes, (performance.now() - this.startedAt) / 1000, this.ranProxy);
  }
  isRecording(): boolean {
    return !this.ended;
  }
  recordException(): void {}
}

// Span and trace ids only need to be unique within this process (nothing is exported): a counter,
// not the crypto random source, which cost about 1.5 % of a page render (decision 022).
const processPrefix = randomBytes(8).toString("hex");
let lastId = 0n;
const nextId = () => (lastId += 1n).toString(16).padStart(16, "0");

class TimingTracer implements Tracer {
  constructor(private readonly onEnd: SpanEnd) {}

  startSpan(_name: string, options: SpanOptions = {}, parentContext: Context = context.active()): Span {
    const parentSpan = trace.getSpan(parentContext);
    if (options.attributes?.["next.span_type"] === PROXY_SPAN_TYPE && parentSpan instanceof TimingSpan) parentSpan.ranProxy = true;
    const parent = parentSpan?.spanContext();
    const spanContext: SpanContext = { traceId: parent?.traceId ?? `${processPrefix}${nextId()}`, spanId: nextId(), traceFlags: TraceFlags.SAMPLED };
    return new TimingSpan(spanContext, options.attributes, this.onEnd);
  }

  startActiveSpan<F extends (span: Span) => unknown>(name: string, ...rest: [F] | [SpanOptions, F] | [SpanOptions, Context, F]): ReturnType<F> {
    const fn = rest[rest.length - 1] as F;
    const options = rest.length > 1 ? (rest[0] as SpanOptions) : {};
    const parentContext = rest.length > 2 ? (rest[1] as Context) : context.active();
    const span = this.startSpan(name, options, parentContext);
    return context.with(trace.setSpan(parentContext, span), () => fn(span)) as ReturnType<F>;
  }
}

/** The active context per asynchronous flow, which Next.js needs to find a request's root span. */
class AsyncLocalContextManager implements ContextManager {
  private readonly storage = new AsyncLocalStorage<Context>();

  active(): Context {
    return this.storage.getStore() ?? ROOT_CONTEXT;
  }
  with<A extends unknown[], F extends (...args: A) => ReturnType<F>>(ctx: Context, fn: F, thisArg?: ThisParameterType<F>, ...args: A): ReturnType<F> {
    return this.storage.run(ctx, () => fn.apply(thisArg, args));
  }
  bind<T>(ctx: Context, target: T): T {
    if (typeof target !== "function") return target;
    const run = (thisArg: unknown, args: unknown[]) => this.with(ctx, () => (target as (...args: unknown[]) => unknown).apply(thisArg, args));
    return function bound(this: unknown, ...args: unknown[]) {
      return run(this, args);
    } as T;
  }
  enable(): this {
    return this;
  }
  disable(): this {
    this.storage.disable();
    return this;
  }
}

/**
 * Registers the timing tracer for this process (instrumentation.ts, once at start). Returns false
 * when another tracer provider was registered first (an APM agent): it is left alone.
 */
export function registerRequestTiming(onRequest: (request: FinishedRequest) => void = recordRequest): boolean {
  const onEnd: SpanEnd = (attributes, seconds, ranProxy) => {
    const request = requestOfSpan(attributes, seconds, ranProxy);
    if (request) onRequest(request);
  };
  const tracer = new TimingTracer(onEnd);
  const provider: TracerProvider = { getTracer: () => tracer };
  if (!context.setGlobalContextManager(new AsyncLocalContextManager())) return false;
  return trace.setGlobalTracerProvider(provider);
}
