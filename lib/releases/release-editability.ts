// When an artist may still change a release: unpublished and not waiting on a publish request. Pure.
import type { ReleaseStatus } from "@/lib/generated/prisma/enums";

/** Why the release cannot be edited or deleted now, or null when it can. */
export function releaseChangeBlocker(release: { status: ReleaseStatus; hasOpenPublishRequest: boolean }): string | null {
  if (release.status === "SCHEDULED") return "This release is scheduled for publication, so it can no longer be changed.";
  if (release.status === "PUBLISHED") return "This release is published, so it can no longer be changed.";
  if (release.hasOpenPublishRequest) {
    return "This release has an open publish request. Withdraw the request to change the release.";
  }
  return null;
}
