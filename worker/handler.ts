// What a consumer handler is: an event definition and a thin function that calls lib/.
import type { z } from "zod";
import type { DbClient } from "@/lib/db";
import type { EventDefinition } from "@/lib/events/define-event";

export type HandlerContext = {
  eventId: string;
  /** 1 for the first delivery attempt of this event id by this consumer. */
  attempt: number;
  /**
   * Runs `work` in one transaction together with the idempotency record of this event:
   * either both commit or neither. Returns false (and skips `work`) when the event was
   * already applied. Slow I/O (HTTP) belongs before it, not inside.
   */
  applyOnce: (work: (tx: DbClient) => Promise<void>) => Promise<boolean>;
};

export type EventHandler<Schema extends z.ZodType = z.ZodType> = {
  event: EventDefinition<Schema>;
  handle: (payload: z.infer<Schema>, context: HandlerContext) => Promise<void>;
  /**
   * Optional: applies several events of this kind, in order, inside the consumer's batch
   * transaction (worker/consumer-runner.ts, decision 020), with exactly the effects `handle`
   * would have had for each one after the other. Only events not yet applied are passed. A
   * throw rolls the whole batch back, and the consumer then handles its events one by one.
   */
  applyBatch?: (tx: DbClient, events: readonly { eventId: string; payload: z.infer<Schema> }[]) => Promise<void>;
  /** Called once when the message is parked on the dead-letter topic (mark things visibly). */
  onGiveUp?: (payload: z.infer<Schema>, error: string) => Promise<void>;
};

export function defineHandler<Schema extends z.ZodType>(handler: EventHandler<Schema>): EventHandler<Schema> {
  return handler;
}
