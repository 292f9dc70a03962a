// Kafka housekeeping for benchmarks and tests that run worker processes under a topic prefix of
// their own: the size their consumer group has settled at, and removing the prefix's topics and
// group when they are done.
import type { Admin } from "kafkajs";
import { createKafka } from "@/lib/kafka/client";
import { workerGroupId } from "@/lib/kafka/topics";

/**
 * How many members `groupId` has once it is Stable (every member holds its partitions); 0 while
 * a rebalance is under way or when nobody is in it.
 */
export async function stableGroupMembers(admin: Admin, groupId: string): Promise<number> {
  const { groups } = await admin.describeGroups([groupId]);
  return groups[0]?.state === "Stable" ? groups[0].members.length : 0;
}

/** Deletes the worker group and every topic of `topicPrefix`: a prefix of the run's own, never a shared one. */
export async function deleteKafkaLeftovers(topicPrefix: string): Promise<void> {
  const admin = createKafka("cleanup").admin();
  await admin.connect();
  try {
    await admin.deleteGroups([workerGroupId(topicPrefix)]).catch(() => undefined);
    const ours = (await admin.listTopics()).filter((topic) => topic.startsWith(topicPrefix));
    if (ours.length) await admin.deleteTopics({ topics: ours });
  } finally {
    await admin.disconnect();
  }
}
