// Runs once when a Next.js server starts, before it serves anyone: a deployment with a missing
// or published secret or admin password stops here (docs/domain.md §11, decision 010). Next.js
// would otherwise keep listening and answer every request with an error; exiting makes the
// refusal plain to whoever starts it (and to a container's restart policy and health check).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("@/lib/env");
  const { assertProductionSafety } = await import("@/lib/security/production-safety");
  try {
    assertProductionSafety(env(), "The web app");
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
