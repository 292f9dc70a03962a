// An event type: its name, schema version, topic and payload schema, in one value.
import type { z } from "zod";
import { topicName, type TopicKey } from "@/lib/kafka/topics";

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

/**
 * The Kafka topic an event travels on. The one home of the event → topic mapping (each
 * definition's `topic`): the outbox writes events there, and a consumer accepts on a topic
 * only the events that belong to it (docs/domain.md §11 "Events are checked too").
 */
export function eventTopicName(definition: Pick<EventDefinition, "topic">): string {
  return topicName(definition.topic);
}

/** Whether a message that arrived on `topic` may carry this event. */
export function eventBelongsToTopic(definition: Pick<EventDefinition, "topic">, topic: string): boolean {
  return eventTopicName(definition) === topic;
}

/** What travels on Kafka: the envelope around a payload. */
export type EventEnvelope = {
  eventId: string;
  name: string;
  version: number;
  occurredAt: string;
  payload: unknown;
};
