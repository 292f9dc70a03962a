// The kafkajs client, configured from KAFKA_BROKERS.
import { Kafka, logLevel, type RetryOptions } from "kafkajs";
import { env, type Env } from "@/lib/env";

export type KafkaSettings = Pick<Env, "KAFKA_BROKERS" | "KAFKA_CLIENT_ID">;

/**
 * `retry` replaces the default below for every request of the client, connecting included
 * (a producer's own `retry` option covers only its sends, not reaching the broker).
 */
export function createKafka(clientSuffix = "app", settings: KafkaSettings = env(), retry: RetryOptions = DEFAULT_RETRY): Kafka {
  const { KAFKA_BROKERS, KAFKA_CLIENT_ID } = settings;
  return new Kafka({
    clientId: `${KAFKA_CLIENT_ID}-${clientSuffix}`,
    brokers: KAFKA_BROKERS.split(",").map((broker) => broker.trim()).filter(Boolean),
    logLevel: logLevel.NOTHING,
    retry,
  });
}

// Retries at most 5 s apart, so a consumer that lost the broker reconnects within seconds of
// its return rather than after kafkajs's default 30 s step.
const DEFAULT_RETRY: RetryOptions = { initialRetryTime: 300, retries: 8, maxRetryTime: 5_000 };
