// The health report behind /api/health: database reachable, worker heartbeat, outbox backlog.
import "server-only";
import { systemClock, type Clock } from "@/lib/clock";
import { prisma, type Db } from "@/lib/db";

export type HealthReport =
  | {
      status: "ok";
      database: "ok";
      worker: { lastHeartbeatAt: string | null; heartbeatAgeSeconds: number | null };
      outbox: { unsent: number };
    }
  | { status: "error"; database: "unreachable" };

export async function checkHealth({ db = prisma, clock = systemClock }: { db?: Db; clock?: Clock } = {}): Promise<HealthReport> {
  try {
    const [heartbeat, unsent] = await Promise.all([
      db.workerHeartbeat.aggregate({ _max: { beatAt: true } }),
      // Counted with the partial index on unsent rows.
      db.outboxEvent.count({ where: { sentAt: null } }),
    ]);
    const lastBeat = heartbeat._max.beatAt;
    return {
      status: "ok",
      database: "ok",
      worker: {
        lastHeartbeatAt: lastBeat ? lastBeat.toISOString() : null,
        heartbeatAgeSeconds: lastBeat ? Math.max(0, Math.round((clock.now().getTime() - lastBeat.getTime()) / 1000)) : null,
      },
      outbox: { unsent },
    };
  } catch (error) {
    console.error("health check: database unreachable", error);
    return { status: "error", database: "unreachable" };
  }
}
