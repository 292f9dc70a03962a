import { describe, expect, it } from "vitest";
import type { RequestStatus } from "@/lib/generated/prisma/enums";
import { isOpen, openRequestSql, openRequestWhere, openStatuses } from "./open-request";

describe("open requests", () => {
  const statuses: RequestStatus[] = ["NEW", "PROCESSING", "ON_APPROVAL", "CHANGES_REQUESTED", "CLOSED"];

  it("are every request not closed, in TypeScript, Prisma and SQL alike", () => {
    expect(statuses.filter(isOpen)).toEqual([...openStatuses]);
    expect(openRequestWhere).toEqual({ status: { not: "CLOSED" } });
    expect(openRequestSql("r")).toBe(`r."status" <> 'CLOSED'`);
  });

  it("accepts only a plain alias in the SQL condition", () => {
    expect(() => openRequestSql(`r"; DROP TABLE "Request"; --`)).toThrow(/Not a SQL alias/);
  });
});
