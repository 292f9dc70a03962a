// A consumer acts only on the events that belong to the topic a message came on (docs/domain.md
// §11 "Events are checked too"): a known event name on another topic is parked, never applied.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { eventTopicName, type EventEnvelope } from "@/lib/events/define-event";
import { signRequestAssignmentDue } from "@/lib/events/definitions";
import { createKafka } from "@/lib/kafka/client";
import { deadLetterTopicName, topicName } from "@/lib/kafka/topics";
import { submitSignRequest } from "@/lib/requests/sign/submit-sign-request";
import { createManager, createUser } from "@/tests/support/create-accounts";
import { resetDatabase } from "@/tests/support/reset-database";
import { startWorker, type RunningWorker } from "@/worker/start-worker";

const kafka = createKafka("event-topics-test");
const producer = kafka.producer();
let worker: RunningWorker;

beforeAll(async () => {
  await resetDatabase(prisma);
  // No relay: only the messages this file produces reach the consumers (a relayed assignment
  // event would race the test's removal of it from the outbox).
  worker = await startWorker({ db: prisma, workerId: "event-topics", relay: false }, { ...env(), OUTBOX_POLL_MS: 100 });
  await producer.connect();
});

afterAll(async () => {
  await producer.disconnect();
  await worker?.stop();
  await prisma.$disconnect();
});

function envelopeOf(requestId: number): EventEnvelope {
  return {
    eventId: randomUUID(),
    name: signRequestAssignmentDue.name,
    version: signRequestAssignmentDue.version,
    occurredAt: new Date().toISOString(),
    payload: { requestId, attempt: 0 },
  };
}

describe("events checked by topic", () => {
  it("parks a known event produced onto another topic on that topic's dead-letter topic, without applying it", async () => {
    await createManager(prisma);
    const request = await submitSignRequest(await createUser(prisma), { nickname: `topic-${randomUUID().slice(0, 8)}`, message: null });
    // Only the forged message may reach the worker: the real assignment event never leaves the outbox.
    await prisma.outboxEvent.deleteMany({ where: { payload: { path: ["requestId"], equals: request.id } } });

    const wrongTopic = topicName("dueRequests");
    expect(eventTopicName(signRequestAssignmentDue)).not.toBe(wrongTopic);
    const parked: { headers: Record<string, string>; value: string }[] = [];
    const dlqReader = kafka.consumer({ groupId: `event-topics-dlq-${randomUUID()}` });
    await dlqReader.connect();
    await dlqReader.subscribe({ topics: [deadLetterTopicName(wrongTopic)], fromBeginning: true });
    await dlqReader.run({
      eachMessage: async ({ message }) => {
        const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([key, value]) => [key, String(value)]));
        parked.push({ headers, value: message.value?.toString() ?? "" });
      },
    });
    try {
      const misrouted = envelopeOf(request.id);
      await producer.send({ topic: wrongTopic, acks: -1, messages: [{ key: `request-${request.id}`, value: JSON.stringify(misrouted) }] });
      const parkedMessage = () => parked.find((entry) => entry.value.includes(misrouted.eventId));
      await expect.poll(parkedMessage, { message: "the misrouted message on the dead-letter topic" }).toBeDefined();
      expect(parkedMessage()!.headers).toMatchObject({ "original-topic": wrongTopic, "event-name": signRequestAssignmentDue.name });
      expect(parkedMessage()!.headers["failure-reason"]).toContain(`does not belong to topic ${wrongTopic}`);
      expect((await prisma.request.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("NEW");
      // Not in the idempotency ledger: a misrouted copy cannot use up the real event's id.
      expect(await prisma.processedMessage.count({ where: { eventId: misrouted.eventId } })).toBe(0);

      // The same event id on its own topic is applied.
      await producer.send({
        topic: eventTopicName(signRequestAssignmentDue),
        acks: -1,
        messages: [{ key: `request-${request.id}`, value: JSON.stringify(misrouted) }],
      });
      const statusOf = async () => (await prisma.request.findUniqueOrThrow({ where: { id: request.id } })).status;
      await expect.poll(statusOf, { message: "the event on its own topic" }).toBe("ON_APPROVAL");
    } finally {
      await dlqReader.disconnect();
    }
  });
});
