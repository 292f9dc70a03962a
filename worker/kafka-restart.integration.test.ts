// Kafka going away and coming back: due-time events wait in PostgreSQL meanwhile, the running
// worker recovers by itself, and each event is applied exactly once; rows for a topic the broker
// does not have wait on their own. This file runs its own broker (the harness's recipe) so that
// it can stop and restart it.
import { randomUUID } from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { platformProbe } from "@/lib/events/definitions";
import { enqueueEvent } from "@/lib/events/enqueue-event";
import { startWorker, type RunningWorker } from "@/worker/start-worker";
import { startKafkaBroker } from "../scripts/services/provide-kafka.mjs";

const root = path.resolve(".");
let broker = await startKafkaBroker(root, "restart-test", { fresh: true, timings: [] });
const brokers = broker.brokers;
let worker: RunningWorker | undefined;
const logged: string[] = [];

beforeAll(async () => {
  const log = (message: string) => {
    logged.push(message);
    console.log(`[worker kafka-restart] ${message}`);
  };
  worker = await startWorker({ db: prisma, workerId: "kafka-restart", jobs: [], log }, { ...env(), KAFKA_BROKERS: brokers, OUTBOX_POLL_MS: 200 });
});

afterAll(async () => {
  await worker?.stop();
  await broker.stop();
  await prisma.$disconnect();
});

/** An outbox row for a topic this broker does not have (deleted, or another configuration's). */
const rowForMissingTopic = (availableAt = new Date()) =>
  prisma.outboxEvent.create({
    data: { eventId: randomUUID(), topic: `${env().KAFKA_TOPIC_PREFIX}no-such-topic`, key: "k", name: platformProbe.name, version: 1, payload: {}, availableAt },
  });

describe("a topic the broker does not have", () => {
  it("delays only its own rows, with backoff, while the rows behind them go", async () => {
    const lost = await rowForMissingTopic();
    try {
      const good = await prisma.$transaction((tx) => enqueueEvent(tx, platformProbe, { probeId: `behind-${Date.now()}`, fail: false }));
      await expect.poll(() => prisma.processedMessage.count({ where: { eventId: good } }), { message: "the row behind it" }).toBe(1);
      await expect.poll(async () => (await prisma.outboxEvent.findUniqueOrThrow({ where: { id: lost.id } })).attempts).toBeGreaterThan(0);
      const waiting = await prisma.outboxEvent.findUniqueOrThrow({ where: { id: lost.id } });
      expect(waiting.sentAt).toBeNull();
      expect(waiting.lastError).toMatch(/topic/);
      expect(waiting.availableAt.getTime()).toBeGreaterThan(lost.availableAt.getTime());
    } finally {
      await prisma.outboxEvent.delete({ where: { id: lost.id } });
    }
  });
});

describe("a Kafka restart", () => {
  it("loses no due-time event and applies each once, without restarting the worker", async () => {
    const applied = (eventId: string) => prisma.processedMessage.count({ where: { eventId } });

    // The pipeline works before the outage.
    const before = await prisma.$transaction((tx) => enqueueEvent(tx, platformProbe, { probeId: `before-${Date.now()}`, fail: false }));
    await expect.poll(() => applied(before), { message: "the event sent before the outage", timeout: 60_000 }).toBe(1);

    // An event that falls due while the broker is down, behind one for a topic the broker
    // does not have (which once left the relay's producer with stale metadata for good).
    const dueAt = new Date(Date.now() + 2_000);
    const lost = await rowForMissingTopic(new Date(dueAt.getTime() - 1));
    const during = await prisma.$transaction((tx) =>
      enqueueEvent(tx, platformProbe, { probeId: `during-${Date.now()}`, fail: false }, { availableAt: dueAt }),
    );
    await broker.stop();
    await expect
      .poll(() => logged.some((line) => line.includes("the broker cannot be reached or is not ready")), { message: "the relay to find the broker gone", timeout: 30_000 })
      .toBe(true);
    await expect.poll(() => Date.now(), { message: "the due time to pass", timeout: 10_000 }).toBeGreaterThan(dueAt.getTime() + 1_000);
    // The outage is no fault of the event: it keeps its due time, so it goes as soon as the
    // broker is back instead of after a backoff of its own.
    const waiting = await prisma.outboxEvent.findUniqueOrThrow({ where: { eventId: during } });
    expect(waiting).toMatchObject({ sentAt: null, attempts: 0, availableAt: dueAt });
    expect(await prisma.outboxEvent.findUniqueOrThrow({ where: { id: lost.id } })).toMatchObject({ attempts: 0 });

    broker = await startKafkaBroker(root, "restart-test", { fresh: false, timings: [] });
    expect(broker.brokers).toBe(brokers);
    await expect
      .poll(() => applied(during), { message: "the event that fell due during the outage", timeout: 120_000 })
      .toBe(1)
      .catch(async (error: Error) => {
        const row = await prisma.outboxEvent.findUnique({ where: { eventId: during } });
        throw new Error(`${error.message}\noutbox row: ${JSON.stringify(row, (_, value) => (typeof value === "bigint" ? String(value) : value))}\nworker log:\n${logged.join("\n")}`);
      });

    const sent = await prisma.outboxEvent.findUniqueOrThrow({ where: { eventId: during } });
    expect(sent.sentAt).not.toBeNull();
    expect(await applied(before)).toBe(1);
    expect(await applied(during)).toBe(1);
    expect((await prisma.outboxEvent.findUniqueOrThrow({ where: { id: lost.id } })).sentAt).toBeNull();
    await prisma.outboxEvent.delete({ where: { id: lost.id } });
  }, 240_000); // two broker starts and the waits above
});
