-- Failed events (docs/domain.md §10, decision 017): every event the worker parked on a
-- dead-letter topic, listed for the admin with its retry state. One row per parked event of a
-- consumer; a retry is a new outbox event (retryEventId) and, parked again, updates this row.
CREATE TABLE "FailedEvent" (
    "id" SERIAL NOT NULL,
    "consumer" VARCHAR(100) NOT NULL,
    "eventId" UUID NOT NULL,
    "eventName" VARCHAR(100) NOT NULL,
    "topic" VARCHAR(200) NOT NULL,
    "key" VARCHAR(200) NOT NULL,
    "envelope" JSONB NOT NULL,
    "requestId" INTEGER,
    "reason" VARCHAR(2000) NOT NULL,
    "attempts" INTEGER NOT NULL,
    "failedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retries" INTEGER NOT NULL DEFAULT 0,
    "retryEventId" UUID,
    "retriedAt" TIMESTAMPTZ(3),
    "retriedById" INTEGER,
    "resolvedAt" TIMESTAMPTZ(3),

    CONSTRAINT "FailedEvent_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "FailedEvent_attempts_check" CHECK ("attempts" >= 0 AND "retries" >= 0),
    -- Only a retry resolves a failed event, and a retry names who asked for it.
    CONSTRAINT "FailedEvent_resolved_by_retry_check" CHECK ("resolvedAt" IS NULL OR "retriedAt" IS NOT NULL),
    CONSTRAINT "FailedEvent_retried_check" CHECK (("retryEventId" IS NULL) OR ("retriedAt" IS NOT NULL AND "retriedById" IS NOT NULL))
);

-- A redelivered park finds its row instead of adding another.
CREATE UNIQUE INDEX "FailedEvent_consumer_eventId_key" ON "FailedEvent"("consumer", "eventId");
-- The retry in flight: its success or its failure finds the row by this id.
CREATE UNIQUE INDEX "FailedEvent_retryEventId_key" ON "FailedEvent"("retryEventId");
CREATE INDEX "FailedEvent_failedAt_idx" ON "FailedEvent"("failedAt");
CREATE INDEX "FailedEvent_requestId_idx" ON "FailedEvent"("requestId");

ALTER TABLE "FailedEvent" ADD CONSTRAINT "FailedEvent_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "FailedEvent" ADD CONSTRAINT "FailedEvent_retriedById_fkey" FOREIGN KEY ("retriedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
