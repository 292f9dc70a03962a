-- A manager's requests of one type, every status, in page order (decision 022, item 9). The
-- queue's "all statuses" page order index carries wide INCLUDE columns (210 MB at a million
-- requests), so counting one type among a manager's 20,000 requests read about 400 of its pages
-- that were seldom in memory: 7–9 ms, and 30–40 ms at the 95th percentile. This narrow index
-- (39 MB) counts them from a few dozen pages (0.6 ms) and gives the page in order.
CREATE INDEX "Request_managerId_type_createdAt_id_idx" ON "Request"("managerId", "type", "createdAt", "id");
