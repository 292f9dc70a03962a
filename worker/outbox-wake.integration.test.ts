// The outbox relay is woken by the commit of a due row (decision 020): with a poll interval of
// an hour, an event committed while the worker runs is still sent and applied, also after the
// wake-up connection was cut; rows scheduled for later announce nothing.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { platformProbe } from "@/lib/events/definitions";
import { enqueueEvent } from "@/lib/events/enqueue-event";
import { OUTBOX_WAKE_CHANNEL } from "@/worker/outbox-relay";
import { startWorker, type RunningWorker } from "@/worker/start-worker";

// Far longer than any wait below: whatever is sent was sent because a commit woke the relay.
const AN_HOUR = 3_600_000;
let worker: RunningWorker;

beforeAll(async () => {
  worker = await startWorker({ db: prisma, workerId: "outbox-wake", jobs: [] }, { ...env(), OUTBOX_POLL_MS: AN_HOUR });
  await worker.relayWakeUps?.listening();
});

afterAll(async () => {
  await worker?.stop();
  await prisma.$disconnect();
});

const enqueueProbe = (availableAt?: Date) =>
  prisma.$transaction((tx) => enqueueEvent(tx, platformProbe, { probeId: `wake-${randomUUID()}`, fail: false }, { availableAt }));
const applied = (eventId: string) => prisma.processedMessage.count({ where: { eventId } });

describe("waking the outbox relay on commit", () => {
  it("sends rows committed while the relay waits out its poll interval", async () => {
    // The first event leaves the relay asleep for the hour once it is through; the second can
    // only go because its commit woke the relay.
    const first = await enqueueProbe();
    await expect.poll(() => applied(first), { message: "the first event" }).toBe(1);
    const second = await enqueueProbe();
    await expect.poll(() => applied(second), { message: "the event committed while the relay slept" }).toBe(1);
  });

  it("listens again after its connection was cut, and then sends what is committed", async () => {
    const wakeUps = worker.relayWakeUps!;
    const before = wakeUps.backendPid;
    expect(before).not.toBeNull();
    await prisma.$queryRaw`SELECT pg_terminate_backend(${before}::int)`;
    await expect.poll(() => wakeUps.backendPid !== null && wakeUps.backendPid !== before, { message: "a new listening connection" }).toBe(true);
    const after = await enqueueProbe();
    await expect.poll(() => applied(after), { message: "the event committed after the reconnection" }).toBe(1);
  });

  it("announces only rows that are due, once per transaction", async () => {
    const listener = new pg.Client({ connectionString: env().DATABASE_URL });
    const heard: string[] = [];
    await listener.connect();
    const later = new Date(Date.now() + AN_HOUR);
    let scheduled: string | undefined;
    try {
      listener.on("notification", (message) => heard.push(message.channel));
      await listener.query(`LISTEN "${OUTBOX_WAKE_CHANNEL}"`);
      scheduled = await enqueueProbe(later);
      const [due] = await prisma.$transaction(async (tx) => [
        await enqueueEvent(tx, platformProbe, { probeId: `due-a-${randomUUID()}`, fail: false }),
        await enqueueEvent(tx, platformProbe, { probeId: `due-b-${randomUUID()}`, fail: false }),
      ]);
      await expect.poll(() => heard.length, { message: "the due rows' notification" }).toBeGreaterThan(0);
      // A round trip on the listening connection: any other notification committed before
      // (the scheduled row's, a second one of the pair) would have been delivered first.
      await listener.query("SELECT 1");
      expect(heard).toEqual([OUTBOX_WAKE_CHANNEL]);
      await expect.poll(() => applied(due!), { message: "the due event" }).toBe(1);
      const waiting = await prisma.outboxEvent.findUniqueOrThrow({ where: { eventId: scheduled } });
      expect(waiting).toMatchObject({ sentAt: null, attempts: 0 });
    } finally {
      await listener.end();
      if (scheduled) await prisma.outboxEvent.delete({ where: { eventId: scheduled } });
    }
  });
});
