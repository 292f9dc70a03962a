import path from "node:path";
import { describe, expect, it } from "vitest";
import { groupOf, summarize } from "./summarize-cpu-profile";

describe("CPU profile summary", () => {
  it("charges a frame to its package, project file, or V8 / Node bucket", () => {
    expect(groupOf("file:///app/node_modules/@prisma/client/runtime/client.js", "Hn")).toBe("@prisma/client");
    expect(groupOf("file:///app/node_modules/.pnpm/x/node_modules/kafkajs/src/index.js", "send")).toBe("kafkajs");
    expect(groupOf(`file://${path.resolve("worker/consumer-runner.ts")}`, "processMessage")).toBe("worker/consumer-runner.ts");
    expect(groupOf("node:internal/streams/writable", "write")).toBe("node internals");
    expect(groupOf("", "(garbage collector)")).toBe("(garbage collector)");
    expect(groupOf("", "writev")).toBe("(native)");
  });

  it("adds self time per group from the samples and their time deltas", () => {
    const frame = (functionName: string, url: string) => ({ functionName, url, lineNumber: 0 });
    const summary = summarize({
      nodes: [
        { id: 1, callFrame: frame("(idle)", "") },
        { id: 2, callFrame: frame("query", "file:///app/node_modules/pg/lib/client.js") },
        { id: 3, callFrame: frame("send", "file:///app/node_modules/kafkajs/src/producer.js") },
      ],
      samples: [2, 2, 3, 1],
      timeDeltas: [1000, 4000, 2000, 3000],
      startTime: 0,
      endTime: 10_000,
    });
    expect(summary.totalMs).toBe(10);
    expect(summary.groups).toEqual([
      ["pg", 5],
      ["(idle)", 3],
      ["kafkajs", 2],
    ]);
  });
});
