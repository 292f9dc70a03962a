// /admin/audit: the audit log (docs/domain.md §10), newest first, filtered by who, what and
// when. Read-only by design: the table refuses edits, and the page offers none.
import type { Metadata } from "next";
import Link from "next/link";
import { Button, buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input, Select } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { auditActionLabels, auditActions, isAuditAction } from "@/lib/audit/audit-actions";
import { parseAuditFilters } from "@/lib/audit/audit-filters";
import { listAuditEntries, type ListedAuditEntry } from "@/lib/audit/list-audit";
import { requirePageRole } from "@/lib/auth/guards";
import { formatDateTime, toIsoDay } from "@/lib/clock";
import { parsePage } from "@/lib/pagination";

export const metadata: Metadata = { title: "Audit log" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AdminAuditPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePageRole("ADMIN");
  const params = await searchParams;
  const filters = parseAuditFilters(params);
  const { entries, page, pageCount, total } = await listAuditEntries(filters, parsePage(params.page));
  const query = {
    who: filters.who || undefined,
    action: filters.action ?? undefined,
    from: filters.from ? toIsoDay(filters.from) : undefined,
    to: filters.to ? toIsoDay(filters.to) : undefined,
  };
  const filtered = Object.values(query).some(Boolean);

  return (
    <>
      <PageHeader title="Audit log" description="Every admin action, every decision on a request and every sign-in lockout. Entries cannot be changed." />
      <form method="get" action="/admin/audit" role="search" className="mb-4 flex flex-wrap items-end gap-2">
        <Input label="Who" name="who" type="search" defaultValue={filters.who} placeholder="Name or email" className="w-full max-w-xs" />
        <Select
          label="What"
          name="action"
          defaultValue={filters.action ?? ""}
          placeholder="Everything"
          options={auditActions.map((action) => ({ value: action, label: auditActionLabels[action] }))}
        />
        <Input label="From" name="from" type="date" defaultValue={query.from ?? ""} />
        <Input label="To" name="to" type="date" defaultValue={query.to ?? ""} />
        <Button type="submit" variant="secondary">
          Filter
        </Button>
        {filtered ? (
          <Link href="/admin/audit" className={buttonClasses({ variant: "ghost" })}>
            Clear
          </Link>
        ) : null}
      </form>
      {entries.length === 0 ? (
        <EmptyState title="No entries" description={filtered ? "No entry matches these filters." : "Nothing has been recorded yet."} />
      ) : (
        <Table caption="Audit log">
          <TableHead>
            <TableRow>
              <TableHeaderCell>When</TableHeaderCell>
              <TableHeaderCell>Who</TableHeaderCell>
              <TableHeaderCell>What</TableHeaderCell>
              <TableHeaderCell>On</TableHeaderCell>
              <TableHeaderCell>Details</TableHeaderCell>
              <TableHeaderCell>Address</TableHeaderCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {entries.map((entry) => (
              <TableRow key={String(entry.id)}>
                <TableCell label="When" className="whitespace-nowrap text-stone-600">
                  <time dateTime={entry.at.toISOString()}>{formatDateTime(entry.at)}</time>
                </TableCell>
                <TableCell label="Who">{entry.actor ? `${entry.actor.name} (${entry.actor.email})` : "—"}</TableCell>
                <TableCell label="What">{isAuditAction(entry.action) ? auditActionLabels[entry.action] : entry.action}</TableCell>
                <TableCell label="On" className="break-all">{targetOf(entry)}</TableCell>
                <TableCell label="Details" className="break-all text-stone-600">{detailOf(entry)}</TableCell>
                <TableCell label="Address" className="text-stone-600">{entry.clientAddress ?? "—"}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Pagination page={page} pageCount={pageCount} basePath="/admin/audit" searchParams={query} total={total} itemLabel={total === 1 ? "entry" : "entries"} />
    </>
  );
}

function targetOf(entry: ListedAuditEntry): string {
  if (entry.targetType === "request") return `Request #${entry.targetId}`;
  if (entry.targetType === "artist") return `Artist #${entry.targetId}`;
  if (entry.targetType === "user") return `User #${entry.targetId}`;
  if (entry.targetType === "failed-event") return `Failed event #${entry.targetId}`;
  return entry.targetId;
}

/** The detail as "key: value" pairs; written by the app only, rendered as text. */
function detailOf(entry: ListedAuditEntry): string {
  const detail = entry.detail;
  if (!detail || typeof detail !== "object" || Array.isArray(detail)) return "—";
  const pairs = Object.entries(detail).map(([key, value]) => `${key}: ${Array.isArray(value) ? value.join(", ") : String(value)}`);
  return pairs.length ? pairs.join("; ") : "—";
}
