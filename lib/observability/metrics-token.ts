// Who may read the operators' figures (docs/domain.md §10, decision 016): a caller presenting
// `Authorization: Bearer <METRICS_TOKEN>`. The one check, used by /api/metrics, the worker's
// metrics server and the detailed /api/health answer.
import { createHash, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

/**
 * "off": no token is configured, so nobody may read (the endpoints say "not found");
 * "refused": a token is configured and the caller did not present it; "allowed": it did.
 */
export type MetricsAccess = "off" | "refused" | "allowed";

/** The token of an `Authorization: Bearer …` header (scheme case-insensitive), or null. */
export function bearerToken(authorization: string | null | undefined): string | null {
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization ?? "");
  return match?.[1] ?? null;
}

/**
 * Compares in constant time: both sides are hashed to 32 bytes first, so neither the length of
 * the configured token nor how much of it a guess gets right shows in the time taken.
 */
export function sameToken(presented: string, configured: string): boolean {
  const digest = (text: string) => createHash("sha256").update(text, "utf8").digest();
  return timingSafeEqual(digest(presented), digest(configured));
}

/** What the caller with this Authorization header may do, given the configured token (`env().METRICS_TOKEN`). */
export function metricsAccess(authorization: string | null | undefined, configured: string | undefined): MetricsAccess {
  if (!configured) return "off";
  const presented = bearerToken(authorization);
  return presented !== null && sameToken(presented, configured) ? "allowed" : "refused";
}

/** True when the caller presented the token configured in METRICS_TOKEN (e.g. for /api/health's details). */
export function hasMetricsToken(authorization: string | null | undefined): boolean {
  return metricsAccess(authorization, env().METRICS_TOKEN) === "allowed";
}

/** The HTTP answer to a caller who may not read: 404 when metrics are off, 401 asking for the token otherwise. */
export function metricsRefusal(access: Exclude<MetricsAccess, "allowed">): { status: 401 | 404; headers: Record<string, string>; body: string } {
  const headers: Record<string, string> = { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" };
  if (access === "off") return { status: 404, headers, body: "Not found\n" };
  return { status: 401, headers: { ...headers, "WWW-Authenticate": 'Bearer realm="metrics"' }, body: "A metrics token is required\n" };
}
