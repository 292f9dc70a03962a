-- Wakes the outbox relay on commit (decision 020): an outbox row that is due at once announces
-- itself on the channel "cd_outbox", and every worker's relay LISTENs there (worker/outbox-
-- relay.ts, OUTBOX_WAKE_CHANNEL), so a committed event is sent within milliseconds instead of
-- at the relay's next poll. PostgreSQL delivers a notification only when its transaction
-- commits, and identical ones of one transaction once, so a request that writes two due rows
-- wakes each relay once.
--
-- "Due at once" allows a second: Prisma stamps a default availableAt on the client, a moment
-- after the transaction began and on a clock that may run a little ahead of the database's.
-- A row due within that second wakes the relay early at worst, which then finds nothing due and
-- sends it at its next poll.
--
-- Rows scheduled for later (due-time events, backoff after a failed send) announce nothing:
-- the relay's poll (OUTBOX_POLL_MS) finds them when they fall due, and they can never wake the
-- relay before there is something to send. A notification is only a hint: the relay still
-- reads what is due, and polls on when no notification comes.

CREATE FUNCTION "outbox_wake_relay"() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('cd_outbox', '');
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "OutboxEvent_wake"
  AFTER INSERT ON "OutboxEvent"
  FOR EACH ROW
  WHEN (NEW."availableAt" <= clock_timestamp() + interval '1 second')
  EXECUTE FUNCTION "outbox_wake_relay"();
