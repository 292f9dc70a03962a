// The process's Prometheus registry (docs/domain.md §10, decision 016). Each figure is defined
// in the module of the part that produces it and registered here once per process: Next.js may
// bundle a module into several chunks (instrumentation, route handlers), and every copy must
// find the same counter rather than register a second one.
import { Counter, Gauge, Histogram, collectDefaultMetrics, register, type Metric } from "prom-client";

export const METRIC_PREFIX = "cookdroogers_";

/** The metric registered under `name`, created by `create` the first time. */
function registeredOnce<M extends Metric>(name: string, create: () => M): M {
  return (register.getSingleMetric(name) as M | undefined) ?? create();
}

export function counter<L extends string>(config: { name: string; help: string; labelNames?: readonly L[] }): Counter<L> {
  return registeredOnce(config.name, () => new Counter<L>(config));
}

export function histogram<L extends string>(config: { name: string; help: string; labelNames?: readonly L[]; buckets?: number[] }): Histogram<L> {
  return registeredOnce(config.name, () => new Histogram<L>(config));
}

export function gauge<L extends string>(config: {
  name: string;
  help: string;
  labelNames?: readonly L[];
  collect?: (this: Gauge<L>) => void | Promise<void>;
}): Gauge<L> {
  return registeredOnce(config.name, () => new Gauge<L>(config));
}

/** What the process's scrapes share: their count, and the sources of figures read at scrape time. */
type ScrapeState = { number: number; sources: Map<string, () => Promise<boolean | null>> };
const scrapes: ScrapeState = ((globalThis as unknown as { cookDroogersScrapes?: ScrapeState }).cookDroogersScrapes ??= {
  number: 0,
  sources: new Map(),
});

/**
 * `read` at most once per scrape: the gauges of one source are collected together and share one
 * read; the next scrape reads afresh.
 */
export function perScrape<T>(read: () => Promise<T>): () => Promise<T> {
  let cached: { scrape: number; value: Promise<T> } | null = null;
  return () => {
    if (cached?.scrape !== scrapes.number) cached = { scrape: scrapes.number, value: read() };
    return cached.value;
  };
}

/**
 * Names a source of figures read at scrape time (database, kafka) and how to tell whether this
 * scrape could read it (null: not reported in this process now).
 */
export function registerSource(source: string, readable: () => Promise<boolean | null>): void {
  scrapes.sources.set(source, readable);
}

/**
 * Whether the figures read at scrape time from a source could be read (1) or not (0): a source
 * that is down leaves its figures out (or NaN) instead of failing the whole scrape.
 */
gauge({
  name: `${METRIC_PREFIX}metrics_source_up`,
  help: "1 when this scrape could read the figures of this source (database, kafka), 0 when it could not",
  labelNames: ["source"] as const,
  async collect() {
    this.reset();
    for (const [source, readable] of scrapes.sources) {
      const answer = await readable();
      if (answer !== null) this.set({ source }, answer ? 1 : 0);
    }
  },
});

/** The text exposition of everything registered in this process, with Node's own figures. */
export async function exposition(): Promise<{ contentType: string; body: string }> {
  if (!register.getSingleMetric("process_cpu_seconds_total")) collectDefaultMetrics();
  scrapes.number += 1;
  return { contentType: register.contentType, body: await register.metrics() };
}
