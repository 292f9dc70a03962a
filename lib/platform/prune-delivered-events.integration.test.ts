// Retention keeps what can still matter: unsent and due-time rows, and recent ledger entries.
import { randomUUID } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { pruneDeliveredEvents } from "@/lib/platform/prune-delivered-events";
import { resetDatabase } from "@/tests/support/reset-database";

const now = new Date("2026-11-24T12:00:00.000Z");
const daysAgo = (days: number) => new Date(now.getTime() - days * 24 * 60 * 60 * 1000);

async function outboxRow(input: { sentAt: Date | null; availableAt?: Date }) {
  const eventId = randomUUID();
  await prisma.outboxEvent.create({
    data: { eventId, topic: "t", key: "k", name: "platform.probe", version: 1, payload: {}, sentAt: input.sentAt, availableAt: input.availableAt ?? daysAgo(20) },
  });
  return eventId;
}

beforeEach(async () => {
  await resetDatabase(prisma);
});

afterAll(async () => {
  await prisma.$disconnect();
});

describe("pruneDeliveredEvents", () => {
  it("removes old sent outbox rows and old ledger entries, and nothing else", async () => {
    const oldSent = await outboxRow({ sentAt: daysAgo(8) });
    const recentSent = await outboxRow({ sentAt: daysAgo(6) });
    const unsentOld = await outboxRow({ sentAt: null, availableAt: daysAgo(20) });
    const dueLater = await outboxRow({ sentAt: null, availableAt: new Date(now.getTime() + 90 * 24 * 60 * 60 * 1000) });
    const oldLedger = randomUUID();
    const recentLedger = randomUUID();
    await prisma.processedMessage.createMany({
      data: [
        { consumer: "c", eventId: oldLedger, outcome: "applied", processedAt: daysAgo(31) },
        { consumer: "c", eventId: recentLedger, outcome: "applied", processedAt: daysAgo(29) },
      ],
    });

    expect(await pruneDeliveredEvents(prisma, now)).toEqual({ outbox: 1, ledger: 1 });
    const remaining = (await prisma.outboxEvent.findMany({ select: { eventId: true } })).map((row) => row.eventId).sort();
    expect(remaining).toEqual([recentSent, unsentOld, dueLater].sort());
    expect(remaining).not.toContain(oldSent);
    expect((await prisma.processedMessage.findMany()).map((row) => row.eventId)).toEqual([recentLedger]);
    expect(await pruneDeliveredEvents(prisma, now)).toEqual({ outbox: 0, ledger: 0 });
  });

  it("works in bounded batches", async () => {
    for (let index = 0; index < 5; index += 1) await outboxRow({ sentAt: daysAgo(10) });
    expect(await pruneDeliveredEvents(prisma, now, { sentOutboxDays: 7, processedMessageDays: 30, batchSize: 2 })).toEqual({ outbox: 2, ledger: 0 });
    expect(await prisma.outboxEvent.count()).toBe(3);
  });
});
