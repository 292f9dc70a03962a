-- Reassignment (docs/domain.md §10 "All requests"): a request's history entry names the manager
-- it left and the manager it went to, when a step moved it between managers — the admin's
-- reassignment of a sign request, an artist moved with their open publish requests, an
-- assignment. Such an entry may leave the status as it was; every other entry changes it.

-- AlterTable
ALTER TABLE "RequestHistory" ADD COLUMN "fromManagerId" INTEGER,
ADD COLUMN "toManagerId" INTEGER;

-- AddForeignKey
ALTER TABLE "RequestHistory" ADD CONSTRAINT "RequestHistory_fromManagerId_fkey" FOREIGN KEY ("fromManagerId") REFERENCES "Manager"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequestHistory" ADD CONSTRAINT "RequestHistory_toManagerId_fkey" FOREIGN KEY ("toManagerId") REFERENCES "Manager"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A move between managers names where it went, and never "from" and "to" the same manager; an
-- entry that leaves the status as it was must be such a move.
ALTER TABLE "RequestHistory" ADD CONSTRAINT "RequestHistory_manager_move_check"
  CHECK (("fromManagerId" IS NULL OR ("toManagerId" IS NOT NULL AND "toManagerId" <> "fromManagerId"))
     AND ("fromStatus" IS DISTINCT FROM "toStatus" OR "toManagerId" IS NOT NULL));
