-- Deactivating a manager (docs/domain.md §10, decision 018): the admin takes the manager role
-- away at once; the worker then moves the former manager's open requests and artists to the
-- remaining managers in small transactions, counting what it moved in this row.

CREATE TYPE "ManagerDeactivationStatus" AS ENUM ('IN_PROGRESS', 'WAITING_FOR_MANAGER', 'DONE', 'CANCELLED');

CREATE TABLE "ManagerDeactivation" (
    "id" SERIAL NOT NULL,
    "managerId" INTEGER NOT NULL,
    "requestedById" INTEGER,
    "requestedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" "ManagerDeactivationStatus" NOT NULL DEFAULT 'IN_PROGRESS',
    "requestsToMove" INTEGER NOT NULL DEFAULT 0,
    "requestsMoved" INTEGER NOT NULL DEFAULT 0,
    "artistsToMove" INTEGER NOT NULL DEFAULT 0,
    "artistsMoved" INTEGER NOT NULL DEFAULT 0,
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ManagerDeactivation_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ManagerDeactivation_counts_check" CHECK (
      "requestsMoved" >= 0 AND "artistsMoved" >= 0
      AND "requestsMoved" <= "requestsToMove" AND "artistsMoved" <= "artistsToMove"),
    -- Finished exactly when done or cancelled.
    CONSTRAINT "ManagerDeactivation_finished_check" CHECK (
      ("finishedAt" IS NOT NULL) = ("status" IN ('DONE', 'CANCELLED')))
);

CREATE INDEX "ManagerDeactivation_managerId_requestedAt_idx" ON "ManagerDeactivation"("managerId", "requestedAt");
CREATE INDEX "ManagerDeactivation_status_requestedAt_idx" ON "ManagerDeactivation"("status", "requestedAt");

-- One unfinished deactivation per manager at a time.
CREATE UNIQUE INDEX "ManagerDeactivation_one_unfinished_per_manager" ON "ManagerDeactivation"("managerId") WHERE "finishedAt" IS NULL;

ALTER TABLE "ManagerDeactivation" ADD CONSTRAINT "ManagerDeactivation_managerId_fkey" FOREIGN KEY ("managerId") REFERENCES "Manager"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ManagerDeactivation" ADD CONSTRAINT "ManagerDeactivation_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A sign request whose manager was deactivated with no manager left goes back to waiting for
-- one (docs/domain.md §3.1): its history entry names the manager it left and no manager it went
-- to. Such an entry may keep the status (a request still New, or Changes requested); any other
-- entry that keeps the status is still a move to another manager.
ALTER TABLE "RequestHistory" DROP CONSTRAINT "RequestHistory_manager_move_check";
ALTER TABLE "RequestHistory" ADD CONSTRAINT "RequestHistory_manager_move_check"
  CHECK (("fromManagerId" IS NULL OR "toManagerId" IS NULL OR "toManagerId" <> "fromManagerId")
     AND ("fromStatus" IS DISTINCT FROM "toStatus" OR "toManagerId" IS NOT NULL OR "fromManagerId" IS NOT NULL));
