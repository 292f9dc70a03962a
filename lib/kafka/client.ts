// The kafkajs client, configured from KAFKA_BROKERS.
import { Kafka, logLevel } from "kafkajs";
import { env } from "@/lib/env";

export function createKafka(clientSuffix = "app"): Kafka {
  const { KAFKA_BROKERS, KAFKA_CLIENT_ID } = env();
  return new Kafka({
    clientId: `${KAFKA_CLIENT_ID}-${clientSuffix}`,
    brokers: KAFKA_BROKERS.split(",").map((broker) => broker.trim()).filter(Boolean),
    logLevel: logLevel.NOTHING,
    retry: { initialRetryTime: 300, retries: 8 },
  });
}
