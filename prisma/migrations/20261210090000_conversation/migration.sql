-- The conversation on a request (docs/domain.md §9): comments by the applicant and the
-- assigned manager, and the managers' internal notes. Like the history, a comment is never
-- changed nor deleted once written.

-- CreateTable
CREATE TABLE "RequestComment" (
    "id" SERIAL NOT NULL,
    "requestId" INTEGER NOT NULL,
    "authorId" INTEGER NOT NULL,
    "body" VARCHAR(4000) NOT NULL,
    "internal" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RequestComment_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "RequestComment_body_check" CHECK (char_length(btrim("body")) BETWEEN 1 AND 4000)
);

-- CreateIndex
CREATE INDEX "RequestComment_requestId_createdAt_idx" ON "RequestComment"("requestId", "createdAt");

-- AddForeignKey
ALTER TABLE "RequestComment" ADD CONSTRAINT "RequestComment_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequestComment" ADD CONSTRAINT "RequestComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The conversation is append-only, like the request's history.
CREATE FUNCTION "request_comment_append_only"() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'RequestComment is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "RequestComment_append_only"
  BEFORE UPDATE OR DELETE ON "RequestComment"
  FOR EACH ROW EXECUTE FUNCTION "request_comment_append_only"();
