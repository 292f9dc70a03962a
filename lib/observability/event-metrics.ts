// What the worker's consumers did with each event, by event name (docs/domain.md §4, §10;
// decision 016). Counted in worker/consumer-runner.ts, where handlers run and messages are parked.
import { METRIC_PREFIX, counter, histogram } from "@/lib/observability/registry";

/** The label of a message that is not a known event: never a name taken from the message itself (a forged name is unbounded). */
export const UNKNOWN_EVENT = "unknown";

export const eventsHandled = counter({
  name: `${METRIC_PREFIX}events_handled_total`,
  help: "Events whose handler succeeded (applied, or found already applied by its own transaction)",
  labelNames: ["event"] as const,
});

export const eventsFailed = counter({
  name: `${METRIC_PREFIX}events_failed_total`,
  help: "Handler attempts that failed (each attempt counts; the last one is followed by a dead-letter)",
  labelNames: ["event"] as const,
});

export const eventsDeadLettered = counter({
  name: `${METRIC_PREFIX}events_dead_lettered_total`,
  help: "Messages parked on their dead-letter topic (failed every attempt, invalid, or on the wrong topic)",
  labelNames: ["event"] as const,
});

export const handlerDuration = histogram({
  name: `${METRIC_PREFIX}event_handler_duration_seconds`,
  help: "Time one handler attempt took, by event and outcome (ok, failed)",
  labelNames: ["event", "outcome"] as const,
  // From a quick idempotency hit to a statistics fetch that waits on its service.
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
});
