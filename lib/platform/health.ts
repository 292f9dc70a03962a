// The health report behind /api/health: database reachable, worker heartbeat, outbox backlog.
import "server-only";
import { systemClock, type Clock } from "@/lib/clock";
import { prisma, type Db } from "@/lib/db";

export type HealthReport =
  | {
      status: "ok";
      database: "ok";
      worker: { lastHeartbeatAt: string | null; heartbeatAgeSeconds: number | null };
      /** unsent: every row not yet relayed; due: of those, the ones whose time has come (the backlog). */
      outbox: { unsent: number; due: number };
    }
  | { status: "error"; database: "unreachable" };

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
    console.error("health check: database unreachable", error);
    return { status: "error", database: "unreachable" };
  }
}
