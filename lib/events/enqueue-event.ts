// The write side of the transactional outbox: call it inside the transaction of the change.
import "server-only";
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type { DbClient } from "@/lib/db";
import { eventTopicName, type EventDefinition } from "@/lib/events/define-event";

export type EnqueueOptions = {
  /** For due-time events: not relayed to Kafka before this instant. */
  availableAt?: Date;
};

export async function enqueueEvent<Schema extends z.ZodType>(
  tx: DbClient,
  definition: EventDefinition<Schema>,
  payload: z.input<Schema>,
  options: EnqueueOptions = {},
): Promise<string> {
  const parsed = definition.schema.parse(payload);
  const eventId = randomUUID();
  await tx.outboxEvent.create({
    data: {
      eventId,
      topic: eventTopicName(definition),
      key: definition.keyOf(parsed),
      name: definition.name,
      version: definition.version,
      payload: parsed as object,
      ...(options.availableAt ? { availableAt: options.availableAt } : {}),
    },
  });
  return eventId;
}
