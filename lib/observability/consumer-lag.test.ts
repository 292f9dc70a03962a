// Consumer lag from the broker's offsets (decision 016): end of each partition less the group's committed offset.
import { describe, expect, it } from "vitest";
import { lagOfTopic } from "@/lib/observability/consumer-lag";

describe("lagOfTopic", () => {
  it("is the high watermark less the committed offset, per partition", () => {
    const lag = lagOfTopic(
      "cd.requests.sign",
      [
        { partition: 1, high: "10", low: "0" },
        { partition: 0, high: "7", low: "0" },
      ],
      [
        { partition: 0, offset: "7" },
        { partition: 1, offset: "4" },
      ],
    );
    expect(lag).toEqual([
      { topic: "cd.requests.sign", partition: 0, lag: 0 },
      { topic: "cd.requests.sign", partition: 1, lag: 6 },
    ]);
  });

  it("counts everything retained in a partition the group never committed (it starts from the beginning)", () => {
    expect(lagOfTopic("t", [{ partition: 0, high: "12", low: "5" }], [{ partition: 0, offset: "-1" }])).toEqual([{ topic: "t", partition: 0, lag: 7 }]);
    expect(lagOfTopic("t", [{ partition: 0, high: "3", low: "0" }], [])).toEqual([{ topic: "t", partition: 0, lag: 3 }]);
  });

  it("never reports less than nothing, nor counts messages deleted by retention", () => {
    expect(lagOfTopic("t", [{ partition: 0, high: "20", low: "15" }], [{ partition: 0, offset: "10" }])).toEqual([{ topic: "t", partition: 0, lag: 5 }]);
    expect(lagOfTopic("t", [{ partition: 0, high: "0", low: "0" }], [{ partition: 0, offset: "4" }])).toEqual([{ topic: "t", partition: 0, lag: 0 }]);
  });
});
