// The worker's batch path (decision 020) on the real PostgreSQL and Kafka: a backlog of sign
// assignments delivered as one batch is applied in one transaction, exactly once and with the
// same fair choices as one at a time (docs/domain.md §3.1); the same batch delivered again
// changes nothing; a poison message and an event that keeps failing inside a batch are parked
// (dead-letter topic and failed-event row) while the rest of the batch is applied.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { topicName } from "@/lib/kafka/topics";
import { withWorkTaken } from "@/lib/managers/deactivation-rule";
import { ASSIGNED_BY_LIGHTEST_QUEUE } from "@/lib/requests/sign/assign-sign-request";
import { loadManagerLoads, pickManager } from "@/lib/requests/sign/choose-manager";
import { submitSignRequest } from "@/lib/requests/sign/submit-sign-request";
import { createArtist, createManager, createUser } from "@/tests/support/create-accounts";
import { produceToOnePartition, runBatchWorker } from "@/tests/support/batch-worker";
import { resetDatabase } from "@/tests/support/reset-database";
import { uniqueSuffix } from "@/tests/support/unique-suffix";
import { ensureTopics } from "@/worker/start-worker";

const EVENT = "sign-request.assignment-due";
const MAX_ATTEMPTS = 2;

type Envelope = { eventId: string; name: string; version: number; occurredAt: string; payload: unknown };

beforeEach(async () => {
  await resetDatabase(prisma);
});

afterAll(async () => {
  await prisma.$disconnect();
});

/** Managers with different loads, and `count` New sign requests, in submission order. */
async function backlog(count: number) {
  const managers = [await createManager(prisma, "Batch One"), await createManager(prisma, "Batch Two"), await createManager(prisma, "Batch Three")];
  await createArtist(prisma, managers[0]!.managerId!);
  await createArtist(prisma, managers[0]!.managerId!);
  await createArtist(prisma, managers[2]!.managerId!);
  const requests = [];
  for (let index = 0; index < count; index += 1) {
    const user = await createUser(prisma);
    requests.push(await submitSignRequest(user, { nickname: `Batch ${index} ${uniqueSuffix()}`, message: null }));
  }
  const envelopes: Envelope[] = [];
  for (const request of requests) {
    const event = await prisma.outboxEvent.findFirstOrThrow({ where: { name: EVENT, payload: { path: ["requestId"], equals: request.id } } });
    envelopes.push({ eventId: event.eventId, name: event.name, version: event.version, occurredAt: new Date().toISOString(), payload: event.payload });
  }
  return { managers, requests, envelopes };
}

/** The choices one assignment at a time would make, each seeing the previous ones (docs/domain.md §3.1). */
async function oneAtATimeChoices(count: number): Promise<(number | null)[]> {
  let loads = await loadManagerLoads(prisma);
  const choices: (number | null)[] = [];
  for (let index = 0; index < count; index += 1) {
    const managerId = pickManager(loads);
    choices.push(managerId);
    if (managerId !== null) loads = withWorkTaken(loads, managerId, { requests: 1, artists: 0 });
  }
  return choices;
}

/** All on one partition, before any consumer runs: the worker fetches them as one batch. */
async function produce(values: string[]) {
  const topic = topicName("signRequests");
  await ensureTopics([topic]);
  await produceToOnePartition(topic, values, "batch-test");
}

const runWorker = (workerId: string, ours: ReadonlySet<string>) => runBatchWorker(workerId, ours, MAX_ATTEMPTS);

async function effects(ours: readonly string[]) {
  return {
    requests: await prisma.request.findMany({ select: { id: true, status: true, managerId: true, updatedAt: true }, orderBy: { id: "asc" } }),
    history: await prisma.requestHistory.count(),
    notifications: await prisma.notification.count(),
    ledger: await prisma.processedMessage.findMany({ where: { eventId: { in: [...ours] } }, orderBy: { eventId: "asc" } }),
    outbox: await prisma.outboxEvent.count(),
  };
}

describe("the worker applies a backlog of sign assignments as one batch", () => {
  it("assigns each request once, with the choices of one at a time, and a redelivered batch changes nothing", async () => {
    const count = 24;
    const { managers, requests, envelopes } = await backlog(count);
    const expected = await oneAtATimeChoices(count);
    await produce(envelopes.map((envelope) => JSON.stringify(envelope)));

    const { worker, applied, lines } = await runWorker("batch-fair", new Set(envelopes.map((envelope) => envelope.eventId)));
    try {
      await expect.poll(() => prisma.request.count({ where: { status: "ON_APPROVAL" } }), { message: "the backlog assigned", timeout: 30_000 }).toBe(count);
      await expect.poll(() => applied.length, { message: "every offset reached" }).toBe(count);
      const handled = lines.filter((line) => line.message === `handled ${EVENT}`);
      expect(handled).toHaveLength(count);
      // Applied in batches (one transaction for many events), each event with its own line.
      expect(handled.every((line) => Number(line.details.batch) >= 2)).toBe(true);
      expect(handled.map((line) => line.details.requestId)).toEqual(requests.map((request) => request.id));

      const assigned = await prisma.request.findMany({ where: { id: { in: requests.map((request) => request.id) } }, orderBy: { id: "asc" } });
      expect(assigned.map((request) => request.managerId)).toEqual(expected);
      const perManager = managers.map((manager) => assigned.filter((request) => request.managerId === manager.managerId).length);
      // Loads were 2, 0 and 1 artists: the open requests end within one of each other.
      expect(Math.max(...perManager) - Math.min(...perManager)).toBeLessThanOrEqual(1);
      for (const request of assigned) {
        const manager = managers.find((candidate) => candidate.managerId === request.managerId)!;
        expect(await prisma.requestHistory.findMany({ where: { requestId: request.id, toStatus: "ON_APPROVAL" } })).toMatchObject([
          { fromStatus: "NEW", actorId: null, reason: ASSIGNED_BY_LIGHTEST_QUEUE, fromManagerId: null, toManagerId: manager.managerId },
        ]);
        const notes = await prisma.notification.findMany({ where: { requestId: request.id }, orderBy: { id: "asc" } });
        expect(notes.map((note) => [note.userId, note.message])).toEqual([
          [request.applicantId, `Your request to join the label is now with ${manager.name} for approval.`],
          [manager.id, `New request to join the label from "${request.nickname}" is waiting for your decision.`],
        ]);
      }

      const before = await effects(envelopes.map((envelope) => envelope.eventId));
      // Kafka may deliver the whole batch again (a crash before the offset commit, a rebalance).
      await produce(envelopes.map((envelope) => JSON.stringify(envelope)));
      await expect.poll(() => applied.length, { message: "the redelivered batch consumed" }).toBe(2 * count);
      expect(await effects(envelopes.map((envelope) => envelope.eventId))).toEqual(before);
      expect(lines.filter((line) => line.message === `handled ${EVENT}`)).toHaveLength(count);
    } finally {
      await worker.stop();
    }
  });

  it("parks a poison message and an event that keeps failing, and applies the rest of the batch", async () => {
    const { requests, envelopes } = await backlog(6);
    const broken = requests[3]!;
    // A real database fault for one request only: its "On approval" history entry is refused.
    await prisma.$executeRawUnsafe(`
      CREATE OR REPLACE FUNCTION "test_batch_fault"() RETURNS trigger AS $$
      BEGIN
        IF NEW."requestId" = ${broken.id} AND NEW."toStatus" = 'ON_APPROVAL' THEN RAISE EXCEPTION 'history store unavailable'; END IF;
        RETURN NEW;
      END;
      $$ LANGUAGE plpgsql`);
    await prisma.$executeRawUnsafe(`DROP TRIGGER IF EXISTS "test_batch_fault" ON "RequestHistory"`);
    await prisma.$executeRawUnsafe(`CREATE TRIGGER "test_batch_fault" BEFORE INSERT ON "RequestHistory" FOR EACH ROW EXECUTE FUNCTION "test_batch_fault"()`);
    const poison = { eventId: crypto.randomUUID(), name: EVENT, version: 1, occurredAt: new Date().toISOString(), payload: { requestId: "not a number" } };
    const values = envelopes.map((envelope) => JSON.stringify(envelope));
    values.splice(2, 0, JSON.stringify(poison));

    const ours = new Set([poison.eventId, ...envelopes.map((envelope) => envelope.eventId)]);
    await produce(values);
    const { worker, applied, lines } = await runWorker("batch-poison", ours);
    try {
      await expect.poll(() => applied.length, { message: "every message consumed", timeout: 30_000 }).toBe(values.length);
    } finally {
      await worker.stop();
      await prisma.$executeRawUnsafe(`DROP TRIGGER IF EXISTS "test_batch_fault" ON "RequestHistory"`);
      await prisma.$executeRawUnsafe(`DROP FUNCTION IF EXISTS "test_batch_fault"()`);
    }
    const statuses = await prisma.request.findMany({ where: { id: { in: requests.map((request) => request.id) } }, orderBy: { id: "asc" } });
    expect(statuses.map((request) => request.status)).toEqual(requests.map((request) => (request.id === broken.id ? "NEW" : "ON_APPROVAL")));
    expect((await prisma.request.findUniqueOrThrow({ where: { id: broken.id } })).processingFailedAt).not.toBeNull();
    const failed = await prisma.failedEvent.findMany({ where: { eventId: { in: [...ours] } }, orderBy: { eventId: "asc" } });
    expect(failed.map((row) => [row.eventId, row.attempts])).toEqual(
      [
        [poison.eventId, 0],
        [envelopes[3]!.eventId, MAX_ATTEMPTS],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    expect(await prisma.processedMessage.count({ where: { eventId: { in: [...ours] } } })).toBe(values.length);
    const parked = lines.filter((line) => line.message.startsWith(`parked ${EVENT}`));
    expect(parked.map((line) => line.details.eventId).sort()).toEqual([poison.eventId, envelopes[3]!.eventId].sort());
    expect(lines.filter((line) => line.message === `handled ${EVENT}`)).toHaveLength(requests.length - 1);
  });
});
