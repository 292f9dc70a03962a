-- Live pages (docs/domain.md §9, decision 014): every committed change that a request page, a
-- request list, the unread count or the statistics report shows is announced on the channel
-- "cd_live" with NOTIFY, so that every web process (lib/live/live-hub.ts LISTENs) pushes it to
-- the browsers allowed to see it. Triggers catch every writer — web actions, the worker, the
-- seed, a psql session — and PostgreSQL delivers a notification only when its transaction
-- commits (a rolled-back change announces nothing).
--
-- Payloads carry ids only, never text: {"request": <id>} (with "formerManager": <manager id>
-- when a request leaves its manager; with "internal": true for an internal note, which only
-- its readers may hear of), {"notifications": <user id>}, {"statistics": true}.
-- Identical payloads within one transaction reach listeners once, so a status change with its
-- history row and the notifications it writes costs one "request" message per request and one
-- "notifications" message per person told. lib/live/live-change.ts parses them.

CREATE FUNCTION "live_notify_request"() RETURNS trigger AS $$
BEGIN
  -- Bookkeeping nobody sees on a page (the manager's reminder was sent) announces nothing.
  IF TG_OP = 'UPDATE' AND (to_jsonb(OLD) - 'reminderSentAt' - 'updatedAt') = (to_jsonb(NEW) - 'reminderSentAt' - 'updatedAt') THEN
    RETURN NULL;
  END IF;
  PERFORM pg_notify('cd_live', json_build_object('request', NEW."id")::text);
  -- Reassignment: the manager who had it must see it leave their queue.
  IF TG_OP = 'UPDATE' AND OLD."managerId" IS NOT NULL AND OLD."managerId" IS DISTINCT FROM NEW."managerId" THEN
    PERFORM pg_notify('cd_live', json_build_object('request', NEW."id", 'formerManager', OLD."managerId")::text);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Request_live"
  AFTER INSERT OR UPDATE ON "Request"
  FOR EACH ROW EXECUTE FUNCTION "live_notify_request"();

-- A history entry: the request whose timeline grew.
CREATE FUNCTION "live_notify_request_history"() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('cd_live', json_build_object('request', NEW."requestId")::text);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "RequestHistory_live"
  AFTER INSERT ON "RequestHistory"
  FOR EACH ROW EXECUTE FUNCTION "live_notify_request_history"();

-- A comment. An internal note is marked: even "something changed" would tell the applicant
-- that one was written, so only its readers hear of it.
CREATE FUNCTION "live_notify_request_comment"() RETURNS trigger AS $$
BEGIN
  IF NEW."internal" THEN
    PERFORM pg_notify('cd_live', json_build_object('request', NEW."requestId", 'internal', true)::text);
  ELSE
    PERFORM pg_notify('cd_live', json_build_object('request', NEW."requestId")::text);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "RequestComment_live"
  AFTER INSERT ON "RequestComment"
  FOR EACH ROW EXECUTE FUNCTION "live_notify_request_comment"();

-- A release's title and status are shown on its publish requests' pages and queue rows.
CREATE FUNCTION "live_notify_release_requests"() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('cd_live', json_build_object('request', r."id")::text)
  FROM "Request" r WHERE r."releaseId" = NEW."id";
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Release_live"
  AFTER UPDATE OF "title", "status" ON "Release"
  FOR EACH ROW
  WHEN (OLD."title" IS DISTINCT FROM NEW."title" OR OLD."status" IS DISTINCT FROM NEW."status")
  EXECUTE FUNCTION "live_notify_release_requests"();

-- The unread count in the header and the notifications page: whose notifications changed.
CREATE FUNCTION "live_notify_notifications"() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('cd_live', json_build_object('notifications', OLD."userId")::text);
  ELSE
    PERFORM pg_notify('cd_live', json_build_object('notifications', NEW."userId")::text);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Notification_live"
  AFTER INSERT OR UPDATE OR DELETE ON "Notification"
  FOR EACH ROW EXECUTE FUNCTION "live_notify_notifications"();

-- A statistics refresh started or ended: the report's status and figures changed.
CREATE FUNCTION "live_notify_statistics"() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('cd_live', json_build_object('statistics', true)::text);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "StatisticsRefresh_live"
  AFTER INSERT OR UPDATE ON "StatisticsRefresh"
  FOR EACH STATEMENT EXECUTE FUNCTION "live_notify_statistics"();
