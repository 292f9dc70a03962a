// /admin/failed-events: events the worker parked on a dead-letter topic (docs/domain.md §10
// "Failed events"), newest first, filtered by event and state; "Retry" per open event and
// "Retry all" of the filtered list, each through the outbox (decision 017).
import type { Metadata } from "next";
import Link from "next/link";
import { FailedEventRetryButton } from "@/components/admin/failed-event-retry-button";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Select } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { requirePageRole } from "@/lib/auth/guards";
import { formatDateTime } from "@/lib/clock";
import { failedEventStateLabels, failedEventStates, parseFailedEventFilters } from "@/lib/failed-events/failed-event-filters";
import { failedEventNames, findFailedEvent, listFailedEvents, stateOf, type ListedFailedEvent } from "@/lib/failed-events/list-failed-events";
import { reasonSummary } from "@/lib/failed-events/reason-summary";
import { parseId } from "@/lib/ids";
import { parsePage } from "@/lib/pagination";
import { firstParam } from "@/lib/search-params";
import { retryAllFailedEventsAction, retryFailedEventAction } from "./actions";

export const metadata: Metadata = { title: "Failed events" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function FailedEventsPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePageRole("ADMIN");
  const params = await searchParams;
  const filters = parseFailedEventFilters(params);
  const [{ events, openCount, page, pageCount, total }, names] = await Promise.all([listFailedEvents(filters, parsePage(params.page)), failedEventNames()]);
  const query = { event: filters.event || undefined, state: filters.state ?? "all" };
  // Posted with each button, so that the list comes back as it was.
  const back = { event: filters.event, state: filters.state ?? "all", page };
  const retried = await retriedEvent(params);
  const retriedAll = /^\d{1,9}$/.test(firstParam(params.retriedAll) ?? "") ? Number(firstParam(params.retriedAll)) : null;
  const stateChoices = [...failedEventStates.map((state) => ({ value: state, label: failedEventStateLabels[state] })), { value: "all", label: "Every state" }];

  return (
    <>
      <PageHeader
        title="Failed events"
        description="Events the worker gave up on after its last attempt. A retry sends the event through the outbox again; when it goes through, the request's failure mark is cleared and its people are told."
      />
      {retried ? (
        <Alert tone="success" className="mb-4">
          Retry of {retried.eventName}
          {retried.requestId !== null ? ` for request #${retried.requestId}` : ""} sent. It shows as resolved once the worker has handled it, or back
          here if it fails again.
        </Alert>
      ) : null}
      {retriedAll !== null ? (
        <Alert tone="success" className="mb-4">
          {retriedAll === 1 ? "1 retry sent." : `${retriedAll} retries sent.`}
          {firstParam(params.more) === "1" ? " More are waiting: press Retry all again." : ""}
        </Alert>
      ) : null}
      <form method="get" action="/admin/failed-events" role="search" className="mb-4 flex flex-wrap items-end gap-2">
        <Select
          label="Event"
          name="event"
          defaultValue={filters.event}
          placeholder="Every event"
          options={[...new Set([...names, ...(filters.event ? [filters.event] : [])])].map((name) => ({ value: name, label: name }))}
        />
        <Select label="State" name="state" defaultValue={filters.state ?? "all"} options={stateChoices} />
        <Button type="submit" variant="secondary">
          Filter
        </Button>
        {filters.event || filters.state !== "open" ? (
          <Link href="/admin/failed-events" className={buttonClasses({ variant: "ghost" })}>
            Clear
          </Link>
        ) : null}
      </form>
      {openCount > 0 ? (
        <div className="mb-4">
          <FailedEventRetryButton
            action={retryAllFailedEventsAction}
            fields={back}
            id="retry-all"
            label="Retry all"
            title={`Retry the ${openCount === 1 ? "event" : `${openCount} events`} waiting for a retry${filters.event ? ` (${filters.event})` : ""}`}
            variant="primary"
          />
        </div>
      ) : null}
      {events.length === 0 ? (
        <EmptyState title="No failed events" description={filters.event || filters.state !== "open" ? "No event matches these filters." : "Nothing is waiting for a retry."} />
      ) : (
        <>
          <Table caption="Failed events">
            <TableHead>
              <TableRow>
                <TableHeaderCell>Event</TableHeaderCell>
                <TableHeaderCell>Request</TableHeaderCell>
                <TableHeaderCell>Reason</TableHeaderCell>
                <TableHeaderCell>Attempts</TableHeaderCell>
                <TableHeaderCell>When</TableHeaderCell>
                <TableHeaderCell>State</TableHeaderCell>
                <TableHeaderCell>
                  <span className="sr-only">Actions</span>
                </TableHeaderCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {events.map((event) => (
                <FailedEventRow key={event.id} event={event} back={back} />
              ))}
            </TableBody>
          </Table>
          <Pagination page={page} pageCount={pageCount} basePath="/admin/failed-events" searchParams={query} total={total} itemLabel={total === 1 ? "event" : "events"} />
        </>
      )}
    </>
  );
}

/** The failed event a "Retry" just sent (`?retried=<id>`), for the confirmation. */
async function retriedEvent(params: Record<string, string | string[] | undefined>) {
  const id = parseId(firstParam(params.retried));
  return id === null ? null : findFailedEvent(id);
}

function FailedEventRow({ event, back }: { event: ListedFailedEvent; back: Record<string, string | number> }) {
  const state = stateOf(event);
  return (
    <TableRow>
      <TableCell label="Event" className="break-all">
        {event.eventName}
        <span className="block text-xs text-stone-600">{event.eventId}</span>
      </TableCell>
      <TableCell label="Request">{event.requestId !== null ? <Link href={`/requests/${event.requestId}`}>Request #{event.requestId}</Link> : "—"}</TableCell>
      <TableCell label="Reason" className="break-words">
        {reasonSummary(event.reason)}
      </TableCell>
      <TableCell label="Attempts">{event.attempts}</TableCell>
      <TableCell label="When" className="whitespace-nowrap text-stone-600">
        <time dateTime={event.failedAt.toISOString()}>{formatDateTime(event.failedAt)}</time>
      </TableCell>
      <TableCell label="State">
        {failedEventStateLabels[state]}
        {event.retriedAt ? (
          <span className="block text-xs text-stone-600">
            {event.retries === 1 ? "Retried" : `Retried ${event.retries} times, last`} {formatDateTime(event.retriedAt)}
            {event.retriedBy ? ` by ${event.retriedBy.name}` : ""}
          </span>
        ) : null}
      </TableCell>
      <TableCell label="Actions">
        {state === "open" ? (
          <FailedEventRetryButton
            action={retryFailedEventAction}
            fields={{ failedEventId: event.id, ...back }}
            id={`retry-${event.id}`}
            label="Retry"
            title={`Retry ${event.eventName}${event.requestId !== null ? ` of request #${event.requestId}` : ""}`}
          />
        ) : null}
      </TableCell>
    </TableRow>
  );
}
