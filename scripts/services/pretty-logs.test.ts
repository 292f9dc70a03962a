// `npm start` shows the processes' JSON log lines as text (decision 016), and leaves other lines alone.
import { describe, expect, it } from "vitest";
import { prettyLogLines } from "./pretty-logs.mjs";

/** Without colours, which a terminal running the tests would get. */
const plain = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, "");

describe("prettyLogLines", () => {
  it("turns a JSON log line into one readable line with its level, message and fields", async () => {
    const format = await prettyLogLines();
    const line = JSON.stringify({ level: 40, time: "2026-11-24T23:42:41.820Z", pid: 7, hostname: "vm", service: "worker", msg: "platform.probe failed", eventId: "e-1", requestId: 4 });
    const shown = plain(format(line));
    expect(shown).toMatch(/WARN.*: platform\.probe failed/);
    expect(shown).toContain('"eventId":"e-1"');
    expect(shown).not.toContain("hostname");
    expect(shown.split("\n")).toHaveLength(1);
  });

  it("shows an error's stack on lines of its own", async () => {
    const format = await prettyLogLines();
    const shown = plain(format(JSON.stringify({ level: 50, time: "2026-11-24T23:42:41.820Z", msg: "relay failed", err: { type: "Error", message: "gone", stack: "Error: gone\n    at relay" } })));
    expect(shown.split("\n").length).toBeGreaterThan(2);
    expect(shown).toContain("at relay");
  });

  it("passes any other line unchanged", async () => {
    const format = await prettyLogLines();
    for (const line of ["▲ Next.js 16.4.6", "{ not json", '{"status":"ok"}', ""]) expect(format(line)).toBe(line);
  });
});
