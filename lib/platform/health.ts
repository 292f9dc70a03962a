// The health report behind /api/health (docs/domain.md §10 "Health"): database reachable,
// worker heartbeat, outbox backlog — told in full only to a caller with the metrics token or to
// the admin; everyone else learns the word alone.
import "server-only";
import { systemClock, type Clock } from "@/lib/clock";
import { prisma, type Db } from "@/lib/db";
import { logger } from "@/lib/observability/logger";

export type HealthReport =
  | {
      status: "ok";
      database: "ok";
      worker: { lastHeartbeatAt: string | null; heartbeatAgeSeconds: number | null };
      /** unsent: every row not yet relayed; due: of those, the ones whose time has come (the backlog). */
      outbox: { unsent: number; due: number };
    }
  | { status: "down"; database: "unreachable" };

/** What anyone may be told: the word alone. */
export type PublicHealth = { status: HealthReport["status"] };

/** The answer for a caller: the whole report when `detailed`, else the word alone. Pure. */
export function healthAnswer(report: HealthReport, detailed: boolean): HealthReport | PublicHealth {
  return detailed ? report : { status: report.status };
}

export async function checkHealth({ db = prisma, clock = systemClock }: { db?: Db; clock?: Clock } = {}): Promise<HealthReport> {
  try {
    const [heartbeat, unsent, due] = await Promise.all([
      db.workerHeartbeat.aggregate({ _max: { beatAt: true } }),
      // Both counted with the partial index on unsent rows.
      db.outboxEvent.count({ where: { sentAt: null } }),
      db.outboxEvent.count({ where: { sentAt: null, availableAt: { lte: clock.now() } } }),
    ]);
    const lastBeat = heartbeat._max.beatAt;
    return {
      status: "ok",
      database: "ok",
      worker: {
        lastHeartbeatAt: lastBeat ? lastBeat.toISOString() : null,
        heartbeatAgeSeconds: lastBeat ? Math.max(0, Math.round((clock.now().getTime() - lastBeat.getTime()) / 1000)) : null,
      },
      outbox: { unsent, due },
    };
  } catch (error) {
    logger.error({ err: error }, "health check: database unreachable");
    return { status: "down", database: "unreachable" };
  }
}
