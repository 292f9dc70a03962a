// Kafka topic names; every environment may prefix them (KAFKA_TOPIC_PREFIX) to share a broker.
import { env } from "@/lib/env";

const topicSuffixes = {
  signRequests: "requests.sign",
  publishRequests: "requests.publish",
  dueRequests: "requests.due",
  dueReleases: "releases.due",
  dueContracts: "artists.due",
  statisticsCommands: "statistics.commands",
  platformProbe: "platform.probe",
  managerCommands: "managers.commands",
} as const;

export type TopicKey = keyof typeof topicSuffixes;

export function topicName(key: TopicKey): string {
  return `${env().KAFKA_TOPIC_PREFIX}${topicSuffixes[key]}`;
}

/** Messages that failed every attempt are parked here, never dropped. */
export function deadLetterTopicName(topic: string): string {
  return `${topic}.dlq`;
}

/** The worker processes' consumer group, under the same prefix as the topics it reads. */
export function workerGroupId(topicPrefix: string = env().KAFKA_TOPIC_PREFIX): string {
  return `${topicPrefix}worker`;
}

export function allTopicNames(): string[] {
  return (Object.keys(topicSuffixes) as TopicKey[]).map(topicName);
}
