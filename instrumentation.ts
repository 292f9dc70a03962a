// Runs once when a Next.js server starts, before it serves anyone: a deployment with a missing
// or published secret or admin password stops here (docs/domain.md §11, decision 010). Next.js
// would otherwise keep listening and answer every request with an error; exiting makes the
// refusal plain to whoever starts it (and to a container's restart policy and health check).
// Then the log names this process "web", and request durations are timed for /api/metrics
// (docs/domain.md §10, decision 016).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("@/lib/env");
  const { assertProductionSafety } = await import("@/lib/security/production-safety");
  const { logger, nameTheService } = await import("@/lib/observability/logger");
  nameTheService("web");
  try {
    assertProductionSafety(env(), "The web app");
  } catch (error) {
    logger.fatal(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
  const { registerRequestTiming } = await import("@/lib/observability/http-metrics");
  if (!registerRequestTiming()) logger.warn("another OpenTelemetry tracer is registered: request durations are not timed for /api/metrics");
}
