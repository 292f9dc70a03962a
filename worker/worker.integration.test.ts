// The platform's guarantees, on the real PostgreSQL and Kafka: exactly-once effects across
// a crash, retries with backoff ending on the dead-letter topic, due-time events.
import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { platformProbe, requestExpiryDue } from "@/lib/events/definitions";
import { enqueueEvent } from "@/lib/events/enqueue-event";
import { createKafka } from "@/lib/kafka/client";
import { deadLetterTopicName, topicName } from "@/lib/kafka/topics";
import { submitSignRequest } from "@/lib/requests/sign/submit-sign-request";
import { createManager, createUser } from "@/tests/support/create-accounts";
import { resetDatabase } from "@/tests/support/reset-database";
import { defineHandler } from "@/worker/handler";
import { startWorker } from "@/worker/start-worker";

const statusOf = async (requestId: number) => (await prisma.request.findUniqueOrThrow({ where: { id: requestId } })).status;

beforeAll(async () => {
  await resetDatabase(prisma);
});

afterAll(async () => {
  await prisma.$disconnect();
});

describe("worker platform", () => {
  it("applies an event exactly once even when the worker dies between the database commit and the offset commit", async () => {
    await createManager(prisma, "Crash Test Manager");
    const applicant = await createUser(prisma);
    const request = await submitSignRequest(applicant, { nickname: `crash-${Date.now()}`, message: null });

    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "worker/main.ts"], {
      env: { ...process.env, WORKER_TEST_CRASH_AFTER_EVENT: "sign-request.assignment-due" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const exitCode = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(exitCode, output).toBe(86);

    // The crashed worker committed the assignment but not the offset.
    const afterCrash = await prisma.request.findUniqueOrThrow({ where: { id: request.id } });
    expect(afterCrash.status).toBe("ON_APPROVAL");

    const seen: string[] = [];
    const worker = await startWorker({ db: prisma, workerId: "after-crash", afterApply: (eventId) => void seen.push(eventId) });
    try {
      const assignmentEvent = await prisma.outboxEvent.findFirstOrThrow({
        where: { name: "sign-request.assignment-due", payload: { path: ["requestId"], equals: request.id } },
      });
      await expect.poll(() => seen, { message: "the redelivered assignment event" }).toContain(assignmentEvent.eventId);
    } finally {
      await worker.stop();
    }
    const assignments = await prisma.requestHistory.count({ where: { requestId: request.id, toStatus: "ON_APPROVAL" } });
    expect(assignments).toBe(1);
    const notifications = await prisma.notification.count({ where: { userId: applicant.id, requestId: request.id } });
    expect(notifications).toBe(1);
  });

  it("retries a failing handler with growing delays and parks the message on the dead-letter topic", async () => {
    const attemptsAt: number[] = [];
    const failing = defineHandler({
      event: platformProbe,
      handle: async (payload) => {
        attemptsAt.push(Date.now());
        throw new Error(`probe ${payload.probeId} refuses`);
      },
    });
    const probeId = `dlq-${Date.now()}`;
    const dlqTopic = deadLetterTopicName(topicName("platformProbe"));
    const kafka = createKafka("dlq-test");
    const dlqConsumer = kafka.consumer({ groupId: `dlq-reader-${probeId}` });
    const parked: { headers: Record<string, string>; value: string }[] = [];

    const worker = await startWorker(
      { db: prisma, workerId: "dlq", handlers: [failing] },
      { ...env(), CONSUMER_MAX_ATTEMPTS: 4, CONSUMER_BACKOFF_BASE_MS: 200, CONSUMER_BACKOFF_MAX_MS: 5_000 },
    );
    await dlqConsumer.connect();
    await dlqConsumer.subscribe({ topics: [dlqTopic], fromBeginning: true });
    await dlqConsumer.run({
      eachMessage: async ({ message }) => {
        const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([key, value]) => [key, String(value)]));
        parked.push({ headers, value: message.value?.toString() ?? "" });
      },
    });
    try {
      const eventId = await prisma.$transaction((tx) => enqueueEvent(tx, platformProbe, { probeId, fail: true }));
      const parkedMessage = () => parked.find((entry) => entry.value.includes(eventId));
      await expect.poll(parkedMessage, { message: "the message on the dead-letter topic" }).toBeDefined();
      const message = parkedMessage()!;
      expect(message.headers.attempts).toBe("4");
      expect(message.headers["failure-reason"]).toContain("refuses");
      expect(attemptsAt).toHaveLength(4);
      const gaps = attemptsAt.slice(1).map((at, index) => at - (attemptsAt[index] as number));
      // 200, 400, 800 ms (±10% jitter): each wait longer than the one before.
      expect(gaps[0]).toBeGreaterThanOrEqual(180);
      expect(gaps[1]).toBeGreaterThanOrEqual(360);
      expect(gaps[2]).toBeGreaterThanOrEqual(720);
      // The ledger and the admin's failed-event row commit together, after the topic acknowledged (decision 017).
      await expect.poll(async () => (await prisma.processedMessage.findFirst({ where: { eventId } }))?.outcome, { message: "the ledger" }).toBe("dead-lettered");
      expect(await prisma.failedEvent.findMany({ where: { eventId }, select: { eventName: true, attempts: true } })).toEqual([{ eventName: platformProbe.name, attempts: 4 }]);
    } finally {
      await dlqConsumer.disconnect();
      await worker.stop();
    }
  });

  it("holds a due-time event until its time, survives a worker restart, and fires it once", async () => {
    await createManager(prisma);
    const applicant = await createUser(prisma);
    const request = await submitSignRequest(applicant, { nickname: `due-${Date.now()}`, message: null });
    const expiry = await prisma.outboxEvent.findFirstOrThrow({
      where: { name: requestExpiryDue.name, payload: { path: ["requestId"], equals: request.id } },
    });
    expect(expiry.availableAt.getTime() - request.createdAt.getTime()).toBe(90 * 24 * 60 * 60 * 1000);

    const first = await startWorker({ db: prisma, workerId: "due-1" });
    await expect.poll(() => statusOf(request.id), { message: "assignment" }).toBe("ON_APPROVAL");
    expect((await prisma.outboxEvent.findUniqueOrThrow({ where: { id: expiry.id } })).sentAt).toBeNull();
    await first.stop();

    // Ninety days pass while no worker runs: the deadline and its event are now in the past.
    const passed = new Date(Date.now() - 1000);
    await prisma.request.update({ where: { id: request.id }, data: { createdAt: new Date(Date.now() - 91 * 24 * 60 * 60 * 1000), expiresAt: passed } });
    await prisma.outboxEvent.update({ where: { id: expiry.id }, data: { availableAt: passed, payload: { requestId: request.id, expiresAt: passed.toISOString() } } });

    const second = await startWorker({ db: prisma, workerId: "due-2" });
    try {
      await expect.poll(() => statusOf(request.id), { message: "expiry" }).toBe("CLOSED");
    } finally {
      await second.stop();
    }
    const closed = await prisma.request.findUniqueOrThrow({ where: { id: request.id } });
    expect(closed.resolution).toBe("EXPIRED");
    expect(closed.resolutionReason).toBe("The request is no longer relevant");
    expect(await prisma.requestHistory.count({ where: { requestId: request.id, toResolution: "EXPIRED" } })).toBe(1);
  });

  it("writes a heartbeat and leaves no unsent outbox rows that are due", async () => {
    const worker = await startWorker({ db: prisma, workerId: "heartbeat" });
    try {
      const eventId = await prisma.$transaction((tx) => enqueueEvent(tx, platformProbe, { probeId: `hb-${Date.now()}`, fail: false }));
      await expect.poll(() => prisma.processedMessage.count({ where: { eventId } }), { message: "the probe to be applied" }).toBe(1);
      const beat = await prisma.workerHeartbeat.findUniqueOrThrow({ where: { workerId: "heartbeat" } });
      expect(Date.now() - beat.beatAt.getTime()).toBeLessThan(60_000);
      expect(await prisma.outboxEvent.count({ where: { sentAt: null, availableAt: { lte: new Date() } } })).toBe(0);
    } finally {
      await worker.stop();
    }
  });
});
