// A release's status in people's words (docs/domain.md §2), for pages and the report CSV alike. Pure.
import type { ReleaseStatus } from "@/lib/generated/prisma/enums";

export const releaseStatusLabels: Record<ReleaseStatus, string> = {
  UNPUBLISHED: "Unpublished",
  SCHEDULED: "Scheduled",
  PUBLISHED: "Published",
};
