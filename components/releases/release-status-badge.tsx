// A release's status, and when a scheduled one goes live (docs/domain.md §4: people see the schedule).
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { formatDay } from "@/lib/clock";
import type { ReleaseStatus } from "@/lib/generated/prisma/enums";
import { releaseStatusLabels } from "@/lib/releases/release-status-labels";

const tones: Record<ReleaseStatus, BadgeTone> = { UNPUBLISHED: "neutral", SCHEDULED: "info", PUBLISHED: "success" };

export function ReleaseStatusBadge({ status }: { status: ReleaseStatus }) {
  return <Badge tone={tones[status]}>{releaseStatusLabels[status]}</Badge>;
}

/** "Goes live on 12 Dec 2026" until the worker publishes it; then when it went live. */
export function ReleaseScheduleNote({
  status,
  scheduledDate,
  publishedAt,
}: {
  status: ReleaseStatus;
  scheduledDate: Date | null;
  publishedAt: Date | null;
}) {
  if (status === "SCHEDULED" && scheduledDate) return <span>Goes live on {formatDay(scheduledDate)}</span>;
  if (status === "PUBLISHED") {
    const since = publishedAt ?? scheduledDate;
    return since ? <span>Live since {formatDay(since)}</span> : <span>Live</span>;
  }
  return null;
}
