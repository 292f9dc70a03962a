// What an artist may do with a release (docs/domain.md §3.2, decision 006): change it, delete it
// or ask for its publication only while it is UNPUBLISHED and no publish request is open for it
// (changing it is also allowed while its request waits for changes, §9). The one home of these
// rules, as predicates and as Prisma filters. Pure.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ReleaseStatus, RequestStatus } from "@/lib/generated/prisma/enums";
import { openRequestWhere } from "@/lib/requests/open-request";

/** What the rules look at: the release's status and the status of its open publish request, if any. */
export type ReleaseState = { status: ReleaseStatus; openPublishRequestStatus: RequestStatus | null };

/** While its publish request waits for changes, the artist may edit the release (docs/domain.md §9). */
const statusesOpenToReleaseChanges: readonly RequestStatus[] = ["CHANGES_REQUESTED"];

/** Why the release cannot be edited or deleted now, or null when it can. */
export function releaseChangeBlocker(release: ReleaseState): string | null {
  if (release.status === "SCHEDULED") return "This release is scheduled for publication, so it can no longer be changed.";
  if (release.status === "PUBLISHED") return "This release is published, so it can no longer be changed.";
  if (release.openPublishRequestStatus !== null && !statusesOpenToReleaseChanges.includes(release.openPublishRequestStatus)) {
    return "This release has an open publish request. Withdraw the request to change the release.";
  }
  return null;
}

export function canChangeRelease(release: ReleaseState): boolean {
  return releaseChangeBlocker(release) === null;
}

/**
 * Why the release cannot be deleted, or null when it can: as for a change, and a release that
 * ever had a publish request is kept, because requests and their history keep pointing at it.
 */
export function releaseDeletionBlocker(release: ReleaseState & { publishRequestCount: number }): string | null {
  return (
    releaseChangeBlocker(release) ??
    (release.publishRequestCount > 0 ? "This release has publish request history, so it is kept. You can still edit it." : null)
  );
}

/** Why no publish request may be submitted for the release now, or null when one may. */
export function publicationRequestBlocker(release: ReleaseState): string | null {
  if (release.status !== "UNPUBLISHED") return "This release is already scheduled or published";
  if (release.openPublishRequestStatus !== null) return "This release already has an open publish request";
  return null;
}

export function canRequestPublication(release: ReleaseState): boolean {
  return publicationRequestBlocker(release) === null;
}

/** A release's open publish requests, as a filter on its requests. */
export const openPublishRequestWhere = { type: "PUBLISH_RELEASE", ...openRequestWhere } as const satisfies Prisma.RequestWhereInput;

/** The releases `canRequestPublication` allows, as a Prisma filter; spread it into a `where`. */
export const publishableReleaseWhere = {
  status: "UNPUBLISHED",
  requests: { none: openPublishRequestWhere },
} as const satisfies Prisma.ReleaseWhereInput;
