-- The queue's search text (decision 019, "Search text"): each request carries, lower-cased, the
-- four texts the queue's search reads (docs/domain.md §9 "Queue"): its applicant's name and
-- email, its requested nickname and the nickname of the artist whose release it is. One trigram
-- index on it then finds the matching requests directly, instead of collecting every matching
-- person's id first (20,000 people for a common name) and testing each request against them.
-- Triggers keep it true: a person's rename or an artist's new nickname shows in search at once.

-- The fields are joined by U+001F (the unit separator), which no search can span:
-- lib/requests/queue-sql.ts falls back to the per-field search for a fragment containing it,
-- so a fragment matches the text exactly when it matches one of the fields. lower() works
-- character by character, as ILIKE does in a UTF-8 database, so `lower(text) LIKE lower(p)`
-- equals `text ILIKE p`. The one home of the text's shape: triggers, migration and the bench's
-- bulk loader all call this function.
CREATE FUNCTION "request_search_text"(applicant_name text, applicant_email text, nickname text, artist_nickname text)
RETURNS text AS $$
  SELECT lower(concat_ws(E'\x1f', applicant_name, applicant_email, nickname, artist_nickname))
$$ LANGUAGE sql IMMUTABLE PARALLEL SAFE;

-- A request's text from the rows it refers to.
CREATE FUNCTION "request_search_text_of"(applicant_id integer, nickname text, release_id integer)
RETURNS text AS $$
  SELECT "request_search_text"(
    (SELECT u."name" FROM "User" u WHERE u."id" = applicant_id),
    (SELECT u."email" FROM "User" u WHERE u."id" = applicant_id),
    nickname,
    (SELECT a."nickname" FROM "Release" rel JOIN "Artist" a ON a."id" = rel."artistId" WHERE rel."id" = release_id))
$$ LANGUAGE sql STABLE;

ALTER TABLE "Request" ADD COLUMN "searchText" text NOT NULL DEFAULT '';

-- Fill it in one statement; the live-pages trigger stays quiet (no page shows this column).
ALTER TABLE "Request" DISABLE TRIGGER "Request_live";
UPDATE "Request" r SET "searchText" = "request_search_text_of"(r."applicantId", r."nickname", r."releaseId");
ALTER TABLE "Request" ENABLE TRIGGER "Request_live";

-- A new request, or one whose applicant, nickname or release changes (a direct write of the
-- column too): the text is computed from its rows.
CREATE FUNCTION "request_search_text_set"() RETURNS trigger AS $$
BEGIN
  NEW."searchText" := "request_search_text_of"(NEW."applicantId", NEW."nickname", NEW."releaseId");
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Request_search_text"
  BEFORE INSERT OR UPDATE OF "applicantId", "nickname", "releaseId", "searchText" ON "Request"
  FOR EACH ROW EXECUTE FUNCTION "request_search_text_set"();

-- A person's new name or email: their requests (the trigger above recomputes each text).
CREATE FUNCTION "request_search_text_of_user"() RETURNS trigger AS $$
BEGIN
  UPDATE "Request" SET "searchText" = '' WHERE "applicantId" = NEW."id";
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "User_request_search_text"
  AFTER UPDATE OF "name", "email" ON "User"
  FOR EACH ROW
  WHEN (OLD."name" IS DISTINCT FROM NEW."name" OR OLD."email" IS DISTINCT FROM NEW."email")
  EXECUTE FUNCTION "request_search_text_of_user"();

-- An artist's new nickname: the requests to publish their releases.
CREATE FUNCTION "request_search_text_of_artist"() RETURNS trigger AS $$
BEGIN
  UPDATE "Request" r SET "searchText" = ''
  FROM "Release" rel WHERE rel."artistId" = NEW."id" AND r."releaseId" = rel."id";
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Artist_request_search_text"
  AFTER UPDATE OF "nickname" ON "Artist"
  FOR EACH ROW
  WHEN (OLD."nickname" IS DISTINCT FROM NEW."nickname")
  EXECUTE FUNCTION "request_search_text_of_artist"();

-- A release moved to another artist: its requests.
CREATE FUNCTION "request_search_text_of_release"() RETURNS trigger AS $$
BEGIN
  UPDATE "Request" SET "searchText" = '' WHERE "releaseId" = NEW."id";
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Release_request_search_text"
  AFTER UPDATE OF "artistId" ON "Release"
  FOR EACH ROW
  WHEN (OLD."artistId" IS DISTINCT FROM NEW."artistId")
  EXECUTE FUNCTION "request_search_text_of_release"();

-- One trigram index for the search, with the manager's id first (btree_gin, a trusted contrib
-- extension): a manager's search reads only that manager's matching entries, and the admin's
-- search over every request uses the text column alone (a GIN index serves any subset of its
-- columns equally well).
CREATE EXTENSION IF NOT EXISTS btree_gin;
CREATE INDEX "Request_managerId_searchText_trgm_idx" ON "Request" USING gin ("managerId", "searchText" gin_trgm_ops);
