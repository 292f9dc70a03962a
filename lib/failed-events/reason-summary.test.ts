import { describe, expect, it } from "vitest";
import { reasonSummary } from "./reason-summary";

describe("reasonSummary", () => {
  it("is the last line that says something", () => {
    const prismaError = "\nInvalid `tx.x()` invocation in\n/srv/app/lib/x.ts:63:27\n\n→ 63 await tx.x(\nDatabase error. Code: `P0001`. Message: `down`\n\n";
    expect(reasonSummary(prismaError)).toBe("Database error. Code: `P0001`. Message: `down`");
    expect(reasonSummary("probe 7 asked to fail")).toBe("probe 7 asked to fail");
    expect(reasonSummary("")).toBe("");
  });

  it("leaves out what only an operator needs: paths, connection codes, driver names", () => {
    expect(reasonSummary("connect ECONNREFUSED 127.0.0.1:4000")).toBe("connect connection refused 127.0.0.1:4000");
    expect(reasonSummary("boom (/srv/app/worker/x.ts:12:5)")).toBe("boom …");
    expect(reasonSummary("PrismaClientKnownRequestError on postgresql")).toBe("database on database");
    expect(reasonSummary("Invalid `x` call")).not.toMatch(/Invalid `/);
  });

  it("is at most 300 characters, never cut inside one", () => {
    const shown = reasonSummary("🎤".repeat(400));
    expect(Array.from(shown)).toHaveLength(300);
    expect(shown.endsWith("…")).toBe(true);
  });
});
