// Whose statistics the label follows (docs/domain.md §5): the tracks of scheduled and published
// releases. The refresh fetches exactly these; the artist's page shows exactly these. Pure.
import type { ReleaseStatus } from "@/lib/generated/prisma/enums";

export const followedReleaseStatuses = ["SCHEDULED", "PUBLISHED"] as const satisfies readonly ReleaseStatus[];

export function isFollowedRelease(status: ReleaseStatus): boolean {
  return (followedReleaseStatuses as readonly ReleaseStatus[]).includes(status);
}
