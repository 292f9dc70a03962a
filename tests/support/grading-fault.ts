// Test support: a real database fault that makes the worker's grading of one applicant's publish
// requests fail (docs/domain.md §4 "after a bounded number of attempts, park the message"), and
// its repair. The grading transaction writes the request's "Processing" history entry; a trigger
// refuses that entry for this applicant only, so every other test sharing the database is
// untouched. No switch in the product: the fault lives in the test's database, as a real outage
// of a table would (decision 017).
import type { Db } from "@/lib/db";

export const GRADING_FAULT_MESSAGE = "grading store unavailable";

function names(applicantId: number) {
  if (!Number.isInteger(applicantId) || applicantId <= 0) throw new Error(`not an id: ${applicantId}`);
  return { fn: `test_grading_fault_${applicantId}`, trigger: `test_grading_fault_${applicantId}` };
}

/** From now on, grading a publish request of this applicant fails with GRADING_FAULT_MESSAGE. */
export async function breakGradingFor(db: Db, applicantId: number): Promise<void> {
  const { fn, trigger } = names(applicantId);
  await db.$executeRawUnsafe(`
    CREATE OR REPLACE FUNCTION "${fn}"() RETURNS trigger AS $$
    BEGIN
      IF EXISTS (SELECT 1 FROM "Request" WHERE "id" = NEW."requestId" AND "applicantId" = ${applicantId}) THEN
        RAISE EXCEPTION '${GRADING_FAULT_MESSAGE}';
      END IF;
      RETURN NEW;
    END;
    $$ LANGUAGE plpgsql`);
  await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS "${trigger}" ON "RequestHistory"`);
  await db.$executeRawUnsafe(`
    CREATE TRIGGER "${trigger}" BEFORE INSERT ON "RequestHistory"
    FOR EACH ROW WHEN (NEW."toStatus" = 'PROCESSING') EXECUTE FUNCTION "${fn}"()`);
}

/** The repair: grading of this applicant's requests works again. */
export async function repairGradingFor(db: Db, applicantId: number): Promise<void> {
  const { fn, trigger } = names(applicantId);
  await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS "${trigger}" ON "RequestHistory"`);
  await db.$executeRawUnsafe(`DROP FUNCTION IF EXISTS "${fn}"()`);
}
