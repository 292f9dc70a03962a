-- Sign-in and registration throttling (docs/domain.md §11, decision 011): counters kept in
-- PostgreSQL so the limits hold across every web process.

-- CreateEnum
CREATE TYPE "ThrottleKind" AS ENUM ('SIGN_IN_ACCOUNT', 'SIGN_IN_ADDRESS', 'REGISTRATION_ADDRESS');

-- CreateTable
CREATE TABLE "ThrottleCounter" (
    "kind" "ThrottleKind" NOT NULL,
    "key" VARCHAR(254) NOT NULL,
    "windowStart" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "ThrottleCounter_pkey" PRIMARY KEY ("kind","key"),
    CONSTRAINT "ThrottleCounter_count_check" CHECK ("count" >= 0)
);

-- CreateIndex
CREATE INDEX "ThrottleCounter_windowStart_idx" ON "ThrottleCounter"("windowStart");
