// Kafka going away and coming back: due-time events wait in PostgreSQL meanwhile, the running
// worker recovers by itself, and each event is applied exactly once. This file runs its own
// broker (the harness's recipe) so that it can stop and restart it.
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

beforeAll(async () => {
  worker = await startWorker({ db: prisma, workerId: "kafka-restart", jobs: [] }, { ...env(), KAFKA_BROKERS: brokers, OUTBOX_POLL_MS: 200 });
});

afterAll(async () => {
  await worker?.stop();
  await broker.stop();
  await prisma.$disconnect();
});

describe("a Kafka restart", () => {
  it("loses no due-time event and applies each once, without restarting the worker", async () => {
    const applied = (eventId: string) => prisma.processedMessage.count({ where: { eventId } });

    // The pipeline works before the outage.
    const before = await prisma.$transaction((tx) => enqueueEvent(tx, platformProbe, { probeId: `before-${Date.now()}`, fail: false }));
    await expect.poll(() => applied(before), { message: "the event sent before the outage", timeout: 60_000 }).toBe(1);

    // An event that falls due while the broker is down.
    const dueAt = new Date(Date.now() + 2_000);
    const during = await prisma.$transaction((tx) =>
      enqueueEvent(tx, platformProbe, { probeId: `during-${Date.now()}`, fail: false }, { availableAt: dueAt }),
    );
    await broker.stop();
    await expect.poll(() => Date.now(), { message: "the due time to pass", timeout: 10_000 }).toBeGreaterThan(dueAt.getTime() + 1_000);
    const waiting = await prisma.outboxEvent.findUniqueOrThrow({ where: { eventId: during } });
    expect(waiting.sentAt).toBeNull();

    broker = await startKafkaBroker(root, "restart-test", { fresh: false, timings: [] });
    expect(broker.brokers).toBe(brokers);
    await expect.poll(() => applied(during), { message: "the event that fell due during the outage", timeout: 120_000 }).toBe(1);

    const sent = await prisma.outboxEvent.findUniqueOrThrow({ where: { eventId: during } });
    expect(sent.sentAt).not.toBeNull();
    expect(await applied(before)).toBe(1);
    expect(await applied(during)).toBe(1);
  }, 240_000); // two broker starts and the waits above
});
