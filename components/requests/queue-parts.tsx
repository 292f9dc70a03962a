// What the manager's queue and the admin's list of all requests share: the filter form (the
// admin's adds the manager) and the values their rows show (the rows: queue-rows.tsx).
import type { QueueRowData } from "@/components/requests/queue-rows";
import { Button, LinkButton } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import type { QueueQuery } from "@/lib/requests/queue-filters";
import { queueSortOptions, queueStatusOptions, queueTypeOptions } from "@/lib/requests/queue-filters";

type Option = { value: string; label: string };

export function QueueFilterForm({
  action,
  query,
  manager,
}: {
  action: string;
  query: Pick<QueueQuery, "status" | "type" | "q" | "sort">;
  /** The admin's manager filter: its options and the chosen one. */
  manager?: { options: Option[]; value: string };
}) {
  return (
    <form method="get" action={action} role="search" className={`mb-4 grid gap-3 sm:grid-cols-2 lg:items-end ${manager ? "lg:grid-cols-6" : "lg:grid-cols-5"}`}>
      <Select label="Status" name="status" options={queueStatusOptions} defaultValue={query.status} />
      <Select label="Type" name="type" options={queueTypeOptions} defaultValue={query.type} />
      {manager ? <Select label="Manager" name="manager" options={manager.options} defaultValue={manager.value} /> : null}
      <Input label="Search" name="q" type="search" defaultValue={query.q} placeholder="Applicant, email or nickname" />
      <Select label="Sort" name="sort" options={queueSortOptions} defaultValue={query.sort} />
      <div className="flex gap-2">
        <Button type="submit" variant="secondary">
          Apply
        </Button>
        <LinkButton href={action} variant="ghost">
          Reset
        </LinkButton>
      </div>
    </form>
  );
}

type QueueListRequest = Omit<QueueRowData, "managerName"> & { manager: { user: { name: string } } | null };

/**
 * The values a list row shows (components/requests/queue-rows.tsx), picked from a request of
 * `listManagerQueue` or `listAllRequests`: only these are sent to the browser with the page.
 */
export function queueRowData(request: QueueListRequest): QueueRowData {
  return {
    id: request.id,
    type: request.type,
    status: request.status,
    resolution: request.resolution,
    nickname: request.nickname,
    grade: request.grade,
    processingFailedAt: request.processingFailedAt,
    createdAt: request.createdAt,
    expiresAt: request.expiresAt,
    applicant: { name: request.applicant.name, email: request.applicant.email },
    release: request.release ? { title: request.release.title, artist: { nickname: request.release.artist.nickname } } : null,
    managerName: request.manager?.user.name ?? null,
  };
}
