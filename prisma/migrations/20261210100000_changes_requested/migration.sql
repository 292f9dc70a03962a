-- Changes requested (docs/domain.md §3, §9 "Request changes"): the assigned manager sends an
-- On approval request back to its applicant, who amends and resubmits it. Still open, so the
-- partial unique indexes on open requests (status <> 'CLOSED') cover it as they are.

-- AlterEnum (in lifecycle order, after On approval)
ALTER TYPE "RequestStatus" ADD VALUE 'CHANGES_REQUESTED' AFTER 'ON_APPROVAL';

-- A request waiting for changes came from On approval and keeps its manager, as an On approval
-- one must. PostgreSQL refuses to use a new enum value in the transaction that adds it, so the
-- check compares the status as text.
ALTER TABLE "Request" DROP CONSTRAINT "Request_assigned_when_on_approval_check";
ALTER TABLE "Request" ADD CONSTRAINT "Request_assigned_when_deciding_check"
    CHECK ("status"::text NOT IN ('ON_APPROVAL', 'CHANGES_REQUESTED') OR "managerId" IS NOT NULL);
