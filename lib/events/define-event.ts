// An event type: its name, schema version, topic and payload schema, in one value.
import type { z } from "zod";
import type { TopicKey } from "@/lib/kafka/topics";

export type EventDefinition<Schema extends z.ZodType = z.ZodType> = {
  name: string;
  version: number;
  topic: TopicKey;
  schema: Schema;
  /** The Kafka key: events with the same key stay in order on one partition. */
  keyOf: (payload: z.infer<Schema>) => string;
};

export function defineEvent<Schema extends z.ZodType>(definition: EventDefinition<Schema>): EventDefinition<Schema> {
  return definition;
}

/** What travels on Kafka: the envelope around a payload. */
export type EventEnvelope = {
  eventId: string;
  name: string;
  version: number;
  occurredAt: string;
  payload: unknown;
};
