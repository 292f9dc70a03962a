import { describe, expect, it } from "vitest";
import { parseIsoDay } from "@/lib/clock";
import { earliestPublicationDate, isPublicationDateAllowed, isWithinContract } from "@/lib/requests/publish/publication-date-rule";

const day = (text: string) => parseIsoDay(text)!;

describe("publication date rule", () => {
  const now = new Date("2026-03-10T12:00:00.000Z");

  it("refuses today + 7 days and accepts today + 8 days", () => {
    expect(isPublicationDateAllowed(day("2026-03-17"), now)).toBe(false);
    expect(isPublicationDateAllowed(day("2026-03-18"), now)).toBe(true);
    expect(earliestPublicationDate(now).toISOString()).toBe("2026-03-18T00:00:00.000Z");
  });

  it("counts the UTC day at the last millisecond before midnight", () => {
    const lateEvening = new Date("2026-03-10T23:59:59.999Z");
    expect(isPublicationDateAllowed(day("2026-03-17"), lateEvening)).toBe(false);
    expect(isPublicationDateAllowed(day("2026-03-18"), lateEvening)).toBe(true);
  });

  it("moves on one day exactly at midnight UTC", () => {
    const midnight = new Date("2026-03-11T00:00:00.000Z");
    expect(isPublicationDateAllowed(day("2026-03-18"), midnight)).toBe(false);
    expect(isPublicationDateAllowed(day("2026-03-19"), midnight)).toBe(true);
  });

  it("uses UTC, not the clock's local offset: 23:30 at UTC−5 is already tomorrow", () => {
    const eveningInNewYork = new Date("2026-03-10T23:30:00-05:00");
    expect(isPublicationDateAllowed(day("2026-03-18"), eveningInNewYork)).toBe(false);
    expect(isPublicationDateAllowed(day("2026-03-19"), eveningInNewYork)).toBe(true);
  });

  it("crosses month and year ends", () => {
    expect(earliestPublicationDate(new Date("2026-12-28T08:00:00Z")).toISOString().slice(0, 10)).toBe("2027-01-05");
    expect(earliestPublicationDate(new Date("2028-02-25T08:00:00Z")).toISOString().slice(0, 10)).toBe("2028-03-04");
  });

  it("refuses dates in the past", () => {
    expect(isPublicationDateAllowed(day("2026-03-01"), now)).toBe(false);
  });
});

describe("contract rule", () => {
  it("allows a contract ending on the publication date and refuses one ending the day before", () => {
    expect(isWithinContract(day("2026-06-01"), day("2026-06-01"))).toBe(true);
    expect(isWithinContract(day("2026-06-01"), day("2026-05-31"))).toBe(false);
    expect(isWithinContract(day("2026-06-01"), day("2027-01-01"))).toBe(true);
  });
});
