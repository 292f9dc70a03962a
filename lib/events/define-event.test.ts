// Each event travels on exactly one topic: its definition's (docs/domain.md §11 "Events are checked too").
import { describe, expect, it } from "vitest";
import { eventBelongsToTopic, eventTopicName } from "@/lib/events/define-event";
import * as definitions from "@/lib/events/definitions";
import { allTopicNames } from "@/lib/kafka/topics";

const events = Object.values(definitions);

describe("eventBelongsToTopic", () => {
  it.each(events.map((event) => [event.name, event] as const))("accepts %s on its own topic only", (_name, event) => {
    expect(allTopicNames()).toContain(eventTopicName(event));
    const accepting = allTopicNames().filter((topic) => eventBelongsToTopic(event, topic));
    expect(accepting).toEqual([eventTopicName(event)]);
    expect(eventBelongsToTopic(event, `${eventTopicName(event)}.dlq`)).toBe(false);
  });
});
