// The kafkajs client, configured from KAFKA_BROKERS.
import { Kafka, logLevel } from "kafkajs";
import { env, type Env } from "@/lib/env";

export type KafkaSettings = Pick<Env, "KAFKA_BROKERS" | "KAFKA_CLIENT_ID">;

export function createKafka(clientSuffix = "app", settings: KafkaSettings = env()): Kafka {
  const { KAFKA_BROKERS, KAFKA_CLIENT_ID } = settings;
  return new Kafka({
    clientId: `${KAFKA_CLIENT_ID}-${clientSuffix}`,
    brokers: KAFKA_BROKERS.split(",").map((broker) => broker.trim()).filter(Boolean),
    logLevel: logLevel.NOTHING,
    retry: { initialRetryTime: 300, retries: 8 },
  });
}
