// The status of a request in the words of docs/domain.md §3, with its resolution when closed.
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { RequestResolution, RequestStatus } from "@/lib/generated/prisma/enums";
import { resolutionLabels, statusLabels } from "@/lib/requests/state-machine";

const statusTones: Record<RequestStatus, BadgeTone> = {
  NEW: "info",
  PROCESSING: "info",
  ON_APPROVAL: "warning",
  // The ball is in the applicant's court (docs/domain.md §9).
  CHANGES_REQUESTED: "accent",
  CLOSED: "neutral",
};
const resolutionTones: Record<RequestResolution, BadgeTone> = { ACCEPTED: "success", DECLINED: "danger", EXPIRED: "neutral", WITHDRAWN: "neutral" };

export function RequestStatusBadge({ status, resolution }: { status: RequestStatus; resolution: RequestResolution | null }) {
  // One badge stands alone: a list repeats it on every row (decision 022).
  if (!resolution) return <Badge tone={statusTones[status]}>{statusLabels[status]}</Badge>;
  return (
    <span className="inline-flex flex-wrap gap-1">
      <Badge tone={statusTones[status]}>{statusLabels[status]}</Badge>
      <Badge tone={resolutionTones[resolution]}>{resolutionLabels[resolution]}</Badge>
    </span>
  );
}
