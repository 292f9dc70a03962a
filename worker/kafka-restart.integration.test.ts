// Kafka going away and coming back: due-time events wait in PostgreSQL meanwhile, the running
// worker recovers by itself, and each event is applied exactly once. This file runs its own
// broker (the harness's recipe) so that it can stop and restart it.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startKafkaBroker } from "../scripts/services/provide-kafka.mjs";

const root = path.resolve(".");
let broker = await startKafkaBroker(root, "restart-test", { fresh: true, timings: [] });
process.env.KAFKA_BROKERS = broker.brokers;
process.env.KAFKA_TOPIC_PREFIX = `${process.env.KAFKA_TOPIC_PREFIX ?? "it."}restart-${Date.now()}.`;

const { prisma } = await import("@/lib/db");
const { platformProbe } = await import("@/lib/events/definitions");
const { enqueueEvent } = await import("@/lib/events/enqueue-event");
const { waitFor } = await import("@/lib/testing/integration");
const { startWorker } = await import("@/worker/start-worker");

type Worker = Awaited<ReturnType<typeof startWorker>>;
let worker: Worker | undefined;

beforeAll(async () => {
  worker = await startWorker({ db: prisma, workerId: "kafka-restart", jobs: [], pollMs: 200 });
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
    await waitFor("the event sent before the outage", async () => (await applied(before)) === 1, 60_000);

    // An event that falls due while the broker is down.
    const dueAt = new Date(Date.now() + 2_000);
    const during = await prisma.$transaction((tx) =>
      enqueueEvent(tx, platformProbe, { probeId: `during-${Date.now()}`, fail: false }, { availableAt: dueAt }),
    );
    await broker.stop();
    await waitFor("the due time to pass", async () => Date.now() > dueAt.getTime() + 1_000, 10_000);
    const waiting = await prisma.outboxEvent.findUniqueOrThrow({ where: { eventId: during } });
    expect(waiting.sentAt).toBeNull();

    broker = await startKafkaBroker(root, "restart-test", { fresh: false, timings: [] });
    expect(broker.brokers).toBe(process.env.KAFKA_BROKERS);
    await waitFor("the event that fell due during the outage", async () => (await applied(during)) === 1, 120_000);

    const sent = await prisma.outboxEvent.findUniqueOrThrow({ where: { eventId: during } });
    expect(sent.sentAt).not.toBeNull();
    expect(await applied(before)).toBe(1);
    expect(await applied(during)).toBe(1);
  });
});
