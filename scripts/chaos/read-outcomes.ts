// What the database shows of each sign request of a set of applicants, for the verdicts of
// tally.ts: read by the fault script (npm run chaos) and by e2e/scale-out.spec.ts (two web and two
// worker processes on one database).
import type { Db } from "@/lib/db";
import { signRequestAssignmentDue } from "@/lib/events/definitions";
import type { RequestOutcome } from "./tally";

export async function readOutcomes(db: Db, applicantIds: readonly number[]): Promise<RequestOutcome[]> {
  return db.$queryRaw<RequestOutcome[]>`
    SELECT r."id" AS "requestId", r."status"::text AS "status", r."managerId",
      (SELECT count(*)::int FROM "RequestHistory" h WHERE h."requestId" = r."id" AND h."toStatus" = 'ON_APPROVAL') AS "assignmentEntries",
      (SELECT count(*)::int FROM "ProcessedMessage" p JOIN "OutboxEvent" o ON o."eventId" = p."eventId"
        WHERE o."name" = ${signRequestAssignmentDue.name} AND (o."payload"->>'requestId')::int = r."id" AND p."outcome" = 'applied') AS "appliedLedgerRows",
      (SELECT count(*)::int FROM "Notification" n WHERE n."requestId" = r."id" AND n."userId" = r."applicantId") AS "applicantNotices",
      (SELECT count(*)::int FROM "Notification" n JOIN "Manager" m ON m."userId" = n."userId"
        WHERE n."requestId" = r."id" AND m."id" = r."managerId") AS "managerNotices"
    FROM "Request" r
    WHERE r."applicantId" = ANY(${[...applicantIds]}::int[])
    ORDER BY r."id"`;
}
