-- Statistics refreshes (docs/domain.md §5): one row per fetch run, daily or asked for by a manager,
-- so people can see when statistics were last refreshed and whether a refresh is running.

-- CreateEnum
CREATE TYPE "StatisticsRefreshReason" AS ENUM ('DAILY', 'MANUAL');

-- CreateEnum
CREATE TYPE "StatisticsRefreshStatus" AS ENUM ('RUNNING', 'SUCCEEDED', 'PARTIAL', 'FAILED');

-- CreateTable
CREATE TABLE "StatisticsRefresh" (
    "id" SERIAL NOT NULL,
    "reason" "StatisticsRefreshReason" NOT NULL,
    "status" "StatisticsRefreshStatus" NOT NULL DEFAULT 'RUNNING',
    "day" DATE NOT NULL,
    "dailyKey" DATE,
    "requestedById" INTEGER,
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),
    "tracksUpdated" INTEGER NOT NULL DEFAULT 0,
    "snapshotsWritten" INTEGER NOT NULL DEFAULT 0,
    "missingTrackIds" INTEGER[] NOT NULL DEFAULT ARRAY[]::INTEGER[],
    "unknownTrackIds" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "error" VARCHAR(2000),

    CONSTRAINT "StatisticsRefresh_pkey" PRIMARY KEY ("id"),
    -- The daily run is keyed by its day (idempotent per UTC day); a manual run has no key.
    CONSTRAINT "StatisticsRefresh_daily_key_check" CHECK (("reason" = 'DAILY') = ("dailyKey" IS NOT NULL) AND ("dailyKey" IS NULL OR "dailyKey" = "day")),
    CONSTRAINT "StatisticsRefresh_finished_check" CHECK (("status" = 'RUNNING') = ("finishedAt" IS NULL)),
    CONSTRAINT "StatisticsRefresh_counts_check" CHECK ("tracksUpdated" >= 0 AND "snapshotsWritten" >= 0)
);

-- CreateIndex
CREATE UNIQUE INDEX "StatisticsRefresh_dailyKey_key" ON "StatisticsRefresh"("dailyKey");

-- CreateIndex
CREATE INDEX "StatisticsRefresh_status_startedAt_idx" ON "StatisticsRefresh"("status", "startedAt");

-- CreateIndex
CREATE INDEX "StatisticsRefresh_finishedAt_idx" ON "StatisticsRefresh"("finishedAt");

-- AddForeignKey
ALTER TABLE "StatisticsRefresh" ADD CONSTRAINT "StatisticsRefresh_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Invariants Prisma's schema language cannot express ------------------------------

-- At most one manual refresh runs at a time: two managers clicking at once share one run.
CREATE UNIQUE INDEX "StatisticsRefresh_one_running_manual_key" ON "StatisticsRefresh"("reason") WHERE "status" = 'RUNNING' AND "reason" = 'MANUAL';
