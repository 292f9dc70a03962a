import { describe, expect, it } from "vitest";
import { bulkDecisionState, outcomeSummary, outcomeWords } from "./bulk-decision-outcome";

describe("the words of a bulk decision's results", () => {
  it("names each request's result", () => {
    expect(outcomeWords({ requestId: 12, outcome: "accepted" })).toBe("Accepted");
    expect(outcomeWords({ requestId: 13, outcome: "declined" })).toBe("Declined");
    expect(outcomeWords({ requestId: 14, outcome: "not-changed", reason: "Request not found" })).toBe("Not changed: Request not found");
  });

  it("sums the results up, leaving out what did not happen", () => {
    const accepted = { requestId: 1, outcome: "accepted" } as const;
    const declined = { requestId: 2, outcome: "declined" } as const;
    const notChanged = { requestId: 3, outcome: "not-changed", reason: "moved on" } as const;
    expect(outcomeSummary([accepted, accepted, notChanged])).toBe("2 accepted, 1 not changed.");
    expect(outcomeSummary([declined])).toBe("1 declined.");
    expect(outcomeSummary([notChanged, notChanged])).toBe("2 not changed.");
    expect(bulkDecisionState([accepted])).toEqual({ ok: true, message: "1 accepted.", outcomes: [accepted] });
  });
});
