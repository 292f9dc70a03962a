-- The queue at a million requests (decision 019). lib/requests/queue-sql.ts selects a queue
-- page's ids and count with these; each index names the query shape it serves.

-- Trigram indexes for the queue's search (a case-insensitive fragment, ILIKE '%…%'): the
-- people and artists matching a fragment are found through them once per query, instead of
-- reading every person, release and artist. pg_trgm is a trusted extension: the database's
-- owner may create it without being a superuser.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "User_name_trgm_idx" ON "User" USING gin ("name" gin_trgm_ops);
CREATE INDEX "User_email_trgm_idx" ON "User" USING gin ("email" gin_trgm_ops);
CREATE INDEX "Artist_nickname_trgm_idx" ON "Artist" USING gin ("nickname" gin_trgm_ops);

-- A manager's open requests, newest (or oldest) first: the default queue page reads its 20 ids
-- in index order instead of sorting every open request. INCLUDE: every column the queue's
-- filters, sorts and search read, so a page's ids and its count come from the index alone
-- (no visit to the table's scattered rows).
CREATE INDEX "Request_open_managerId_createdAt_id_idx" ON "Request"("managerId", "createdAt", "id")
  INCLUDE ("type", "grade", "expiresAt", "applicantId", "releaseId", "nickname") WHERE "status" <> 'CLOSED';

-- A manager's requests of every status (and the admin's list by manager), in page order; the
-- same INCLUDE for the same reason.
CREATE INDEX "Request_managerId_createdAt_id_idx" ON "Request"("managerId", "createdAt", "id")
  INCLUDE ("status", "type", "grade", "expiresAt", "applicantId", "releaseId", "nickname");

-- The admin's list of every request, in page order.
CREATE INDEX "Request_createdAt_id_idx" ON "Request"("createdAt", "id");
