-- Request deadlines (docs/domain.md §9 "Deadlines"): each request stores when it expires, and
-- when its assigned manager was reminded of that deadline (once per deadline).

-- AlterTable
ALTER TABLE "Request" ADD COLUMN "expiresAt" TIMESTAMPTZ(3),
ADD COLUMN "reminderSentAt" TIMESTAMPTZ(3);

-- Backfill from the rule as it stood (lib/requests/deadline.ts requestExpiresAt): a sign request
-- expires 90 × 24 hours after its submission (§3.1 step 6), a publish request at 00:00 UTC of its
-- expected date (§3.2 step 6). Hours, not days, so no session time zone can shift it.
UPDATE "Request" SET "expiresAt" = "createdAt" + interval '2160 hours'
WHERE "type" = 'SIGN_CONTRACT' AND "expiresAt" IS NULL;
UPDATE "Request" SET "expiresAt" = ("expectedDate"::timestamp AT TIME ZONE 'UTC')
WHERE "type" = 'PUBLISH_RELEASE' AND "expectedDate" IS NOT NULL AND "expiresAt" IS NULL;

-- The manager's queue filtered to open requests expiring soon (raw SQL: Prisma cannot declare a
-- partial index; "open" is status <> 'CLOSED', lib/requests/open-request.ts).
CREATE INDEX "Request_open_managerId_expiresAt_idx" ON "Request"("managerId", "expiresAt") WHERE "status" <> 'CLOSED';
