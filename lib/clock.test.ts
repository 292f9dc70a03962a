import { describe, expect, it } from "vitest";
import { formatDateTime, formatDay } from "./clock";

describe("the label's written dates", () => {
  it("writes a UTC day as day, short month and year, the same wherever it runs", () => {
    const months = Array.from({ length: 12 }, (_, month) => formatDay(new Date(Date.UTC(2026, month, 7, 23, 59))));
    expect(months).toEqual([
      "7 Jan 2026",
      "7 Feb 2026",
      "7 Mar 2026",
      "7 Apr 2026",
      "7 May 2026",
      "7 Jun 2026",
      "7 Jul 2026",
      "7 Aug 2026",
      "7 Sept 2026",
      "7 Oct 2026",
      "7 Nov 2026",
      "7 Dec 2026",
    ]);
    expect(formatDay(new Date("2027-01-31T00:00:00.000Z"))).toBe("31 Jan 2027");
  });

  it("writes an instant with its UTC hour and minute, two digits each", () => {
    expect(formatDateTime(new Date("2026-12-12T14:05:59.999Z"))).toBe("12 Dec 2026, 14:05 UTC");
    expect(formatDateTime(new Date("2026-03-01T00:00:00.000Z"))).toBe("1 Mar 2026, 00:00 UTC");
    expect(formatDateTime(new Date("2026-09-30T23:59:00.000Z"))).toBe("30 Sept 2026, 23:59 UTC");
  });
});
