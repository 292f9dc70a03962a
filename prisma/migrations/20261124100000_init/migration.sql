-- CreateEnum
CREATE TYPE "Role" AS ENUM ('USER', 'ARTIST', 'MANAGER', 'ADMIN');

-- CreateEnum
CREATE TYPE "RequestType" AS ENUM ('SIGN_CONTRACT', 'PUBLISH_RELEASE');

-- CreateEnum
CREATE TYPE "RequestStatus" AS ENUM ('NEW', 'PROCESSING', 'ON_APPROVAL', 'CLOSED');

-- CreateEnum
CREATE TYPE "RequestResolution" AS ENUM ('ACCEPTED', 'DECLINED', 'EXPIRED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "ReleaseStatus" AS ENUM ('UNPUBLISHED', 'SCHEDULED', 'PUBLISHED');

-- CreateTable
CREATE TABLE "User" (
    "id" SERIAL NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "email" VARCHAR(254) NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'USER',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "User_email_lowercase_check" CHECK ("email" = lower("email") AND "email" LIKE '%_@_%'),
    CONSTRAINT "User_name_check" CHECK (char_length(btrim("name")) >= 1),
    CONSTRAINT "User_passwordHash_check" CHECK ("passwordHash" LIKE '$argon2%')
);

-- CreateTable
CREATE TABLE "Manager" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Manager_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Artist" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "nickname" VARCHAR(64) NOT NULL,
    "contractDueDate" DATE NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "managerId" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Artist_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Artist_nickname_check" CHECK (char_length("nickname") BETWEEN 1 AND 64 AND "nickname" = btrim("nickname"))
);

-- CreateTable
CREATE TABLE "Release" (
    "id" SERIAL NOT NULL,
    "artistId" INTEGER NOT NULL,
    "title" VARCHAR(256) NOT NULL,
    "releaseDate" DATE NOT NULL,
    "status" "ReleaseStatus" NOT NULL DEFAULT 'UNPUBLISHED',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Release_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Release_title_check" CHECK (char_length(btrim("title")) BETWEEN 1 AND 256)
);

-- CreateTable
CREATE TABLE "Track" (
    "id" SERIAL NOT NULL,
    "releaseId" INTEGER NOT NULL,
    "title" VARCHAR(128) NOT NULL,
    "genre" VARCHAR(32) NOT NULL,
    "durationSeconds" INTEGER NOT NULL,
    "type" VARCHAR(32) NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "Track_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Track_title_check" CHECK (char_length(btrim("title")) BETWEEN 1 AND 128),
    CONSTRAINT "Track_genre_check" CHECK (char_length(btrim("genre")) BETWEEN 1 AND 32),
    CONSTRAINT "Track_type_check" CHECK (char_length(btrim("type")) BETWEEN 1 AND 32),
    CONSTRAINT "Track_durationSeconds_check" CHECK ("durationSeconds" BETWEEN 1 AND 9998),
    CONSTRAINT "Track_position_check" CHECK ("position" >= 1)
);

-- CreateTable
CREATE TABLE "TrackArtist" (
    "trackId" INTEGER NOT NULL,
    "artistId" INTEGER NOT NULL,

    CONSTRAINT "TrackArtist_pkey" PRIMARY KEY ("trackId","artistId")
);

-- CreateTable
CREATE TABLE "Publication" (
    "id" SERIAL NOT NULL,
    "releaseId" INTEGER NOT NULL,
    "scheduledDate" DATE NOT NULL,
    "managerId" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Publication_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Request" (
    "id" SERIAL NOT NULL,
    "type" "RequestType" NOT NULL,
    "status" "RequestStatus" NOT NULL DEFAULT 'NEW',
    "resolution" "RequestResolution",
    "resolutionReason" VARCHAR(2000),
    "applicantId" INTEGER NOT NULL,
    "managerId" INTEGER,
    "nickname" VARCHAR(64),
    "message" VARCHAR(2000),
    "releaseId" INTEGER,
    "expectedDate" DATE,
    "grade" INTEGER,
    "gradeBreakdown" JSONB,
    "processingFailedAt" TIMESTAMPTZ(3),
    "processingFailure" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Request_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Request_closed_has_resolution_check" CHECK (("status" = 'CLOSED') = ("resolution" IS NOT NULL)),
    CONSTRAINT "Request_sign_details_check" CHECK ("type" <> 'SIGN_CONTRACT' OR ("nickname" IS NOT NULL AND char_length("nickname") BETWEEN 1 AND 64 AND "nickname" = btrim("nickname") AND "releaseId" IS NULL AND "expectedDate" IS NULL AND "grade" IS NULL)),
    CONSTRAINT "Request_publish_details_check" CHECK ("type" <> 'PUBLISH_RELEASE' OR ("releaseId" IS NOT NULL AND "expectedDate" IS NOT NULL AND "managerId" IS NOT NULL AND "nickname" IS NULL AND "message" IS NULL)),
    CONSTRAINT "Request_grade_check" CHECK ("grade" IS NULL OR "grade" BETWEEN -3 AND 0),
    CONSTRAINT "Request_assigned_when_on_approval_check" CHECK ("status" NOT IN ('ON_APPROVAL') OR "managerId" IS NOT NULL)
);

-- CreateTable
CREATE TABLE "RequestHistory" (
    "id" SERIAL NOT NULL,
    "requestId" INTEGER NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "fromStatus" "RequestStatus",
    "toStatus" "RequestStatus" NOT NULL,
    "toResolution" "RequestResolution",
    "actorId" INTEGER,
    "reason" VARCHAR(2000),

    CONSTRAINT "RequestHistory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrackStatistic" (
    "trackId" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "streams" INTEGER NOT NULL,
    "likes" INTEGER NOT NULL,
    "fetchedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TrackStatistic_pkey" PRIMARY KEY ("trackId","day"),
    CONSTRAINT "TrackStatistic_counts_check" CHECK ("streams" >= 0 AND "likes" >= 0)
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "requestId" INTEGER,
    "message" VARCHAR(500) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMPTZ(3),

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxEvent" (
    "id" BIGSERIAL NOT NULL,
    "eventId" UUID NOT NULL,
    "topic" VARCHAR(200) NOT NULL,
    "key" VARCHAR(200) NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "version" INTEGER NOT NULL,
    "payload" JSONB NOT NULL,
    "availableAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,

    CONSTRAINT "OutboxEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProcessedMessage" (
    "consumer" VARCHAR(100) NOT NULL,
    "eventId" UUID NOT NULL,
    "outcome" VARCHAR(20) NOT NULL,
    "processedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProcessedMessage_pkey" PRIMARY KEY ("consumer","eventId")
);

-- CreateTable
CREATE TABLE "MessageFailure" (
    "consumer" VARCHAR(100) NOT NULL,
    "eventId" UUID NOT NULL,
    "attempts" INTEGER NOT NULL,
    "lastError" TEXT NOT NULL,
    "lastAttemptAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MessageFailure_pkey" PRIMARY KEY ("consumer","eventId")
);

-- CreateTable
CREATE TABLE "WorkerHeartbeat" (
    "workerId" VARCHAR(100) NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "beatAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "WorkerHeartbeat_pkey" PRIMARY KEY ("workerId")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_role_createdAt_idx" ON "User"("role", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Manager_userId_key" ON "Manager"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Artist_userId_key" ON "Artist"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Artist_nickname_key" ON "Artist"("nickname");

-- CreateIndex
CREATE INDEX "Artist_managerId_idx" ON "Artist"("managerId");

-- CreateIndex
CREATE INDEX "Release_artistId_createdAt_idx" ON "Release"("artistId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Track_releaseId_position_key" ON "Track"("releaseId", "position");

-- CreateIndex
CREATE INDEX "TrackArtist_artistId_idx" ON "TrackArtist"("artistId");

-- CreateIndex
CREATE UNIQUE INDEX "Publication_releaseId_key" ON "Publication"("releaseId");

-- CreateIndex
CREATE INDEX "Publication_scheduledDate_idx" ON "Publication"("scheduledDate");

-- CreateIndex
CREATE INDEX "Request_managerId_status_createdAt_idx" ON "Request"("managerId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "Request_applicantId_createdAt_idx" ON "Request"("applicantId", "createdAt");

-- CreateIndex
CREATE INDEX "Request_status_type_idx" ON "Request"("status", "type");

-- CreateIndex
CREATE INDEX "RequestHistory_requestId_at_idx" ON "RequestHistory"("requestId", "at");

-- CreateIndex
CREATE INDEX "TrackStatistic_day_idx" ON "TrackStatistic"("day");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_createdAt_idx" ON "Notification"("userId", "readAt", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxEvent_eventId_key" ON "OutboxEvent"("eventId");

-- AddForeignKey
ALTER TABLE "Manager" ADD CONSTRAINT "Manager_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Artist" ADD CONSTRAINT "Artist_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Artist" ADD CONSTRAINT "Artist_managerId_fkey" FOREIGN KEY ("managerId") REFERENCES "Manager"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Release" ADD CONSTRAINT "Release_artistId_fkey" FOREIGN KEY ("artistId") REFERENCES "Artist"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Track" ADD CONSTRAINT "Track_releaseId_fkey" FOREIGN KEY ("releaseId") REFERENCES "Release"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrackArtist" ADD CONSTRAINT "TrackArtist_trackId_fkey" FOREIGN KEY ("trackId") REFERENCES "Track"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrackArtist" ADD CONSTRAINT "TrackArtist_artistId_fkey" FOREIGN KEY ("artistId") REFERENCES "Artist"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Publication" ADD CONSTRAINT "Publication_releaseId_fkey" FOREIGN KEY ("releaseId") REFERENCES "Release"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Publication" ADD CONSTRAINT "Publication_managerId_fkey" FOREIGN KEY ("managerId") REFERENCES "Manager"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Request" ADD CONSTRAINT "Request_applicantId_fkey" FOREIGN KEY ("applicantId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Request" ADD CONSTRAINT "Request_managerId_fkey" FOREIGN KEY ("managerId") REFERENCES "Manager"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Request" ADD CONSTRAINT "Request_releaseId_fkey" FOREIGN KEY ("releaseId") REFERENCES "Release"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequestHistory" ADD CONSTRAINT "RequestHistory_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequestHistory" ADD CONSTRAINT "RequestHistory_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrackStatistic" ADD CONSTRAINT "TrackStatistic_trackId_fkey" FOREIGN KEY ("trackId") REFERENCES "Track"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Invariants Prisma's schema language cannot express ------------------------------

-- Nicknames are unique regardless of case.
CREATE UNIQUE INDEX "Artist_nickname_lower_key" ON "Artist"(lower("nickname"));

-- At most one open sign request per user, one open request per nickname,
-- one open publish request per release.
CREATE UNIQUE INDEX "Request_open_sign_per_applicant_key" ON "Request"("applicantId") WHERE "type" = 'SIGN_CONTRACT' AND "status" <> 'CLOSED';
CREATE UNIQUE INDEX "Request_open_sign_nickname_key" ON "Request"(lower("nickname")) WHERE "type" = 'SIGN_CONTRACT' AND "status" <> 'CLOSED';
CREATE UNIQUE INDEX "Request_open_publish_per_release_key" ON "Request"("releaseId") WHERE "type" = 'PUBLISH_RELEASE' AND "status" <> 'CLOSED';

-- The relay's hot path: unsent rows in due order.
CREATE INDEX "OutboxEvent_unsent_due_idx" ON "OutboxEvent"("availableAt", "id") WHERE "sentAt" IS NULL;

-- The request timeline is append-only.
CREATE FUNCTION "request_history_append_only"() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'RequestHistory is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "RequestHistory_append_only"
  BEFORE UPDATE OR DELETE ON "RequestHistory"
  FOR EACH ROW EXECUTE FUNCTION "request_history_append_only"();
