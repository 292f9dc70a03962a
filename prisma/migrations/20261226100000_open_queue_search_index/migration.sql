-- A manager's search among open requests, the queue's default (decision 022, item 9). The
-- trigram index over every request finds all of a manager's matches, open or closed (a common
-- fragment: thousands at a million requests), and each is then read from the table to learn its
-- status, in scattered places: 11 ms at the median but 30–40 ms when those rows are not in
-- memory. This index holds open requests only (about one in eight), so the search reads only the
-- open matches. The condition is the open rule's literal (lib/requests/open-request.ts), which
-- the queue's SQL writes, so the planner can use it.
CREATE INDEX "Request_open_managerId_searchText_trgm_idx" ON "Request" USING gin ("managerId", "searchText" gin_trgm_ops)
  WHERE "status" <> 'CLOSED';
