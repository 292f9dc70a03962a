import { describe, expect, it } from "vitest";
import {
  canChangeRelease,
  canRequestPublication,
  openPublishRequestWhere,
  publicationRequestBlocker,
  publishableReleaseWhere,
  releaseChangeBlocker,
  releaseDeletionBlocker,
  type ReleaseState,
} from "@/lib/releases/release-rules";

const unpublished: ReleaseState = { status: "UNPUBLISHED", openPublishRequestStatus: null };
const waiting: ReleaseState = { status: "UNPUBLISHED", openPublishRequestStatus: "ON_APPROVAL" };
const awaitingChanges: ReleaseState = { status: "UNPUBLISHED", openPublishRequestStatus: "CHANGES_REQUESTED" };
const scheduled: ReleaseState = { status: "SCHEDULED", openPublishRequestStatus: null };
const published: ReleaseState = { status: "PUBLISHED", openPublishRequestStatus: null };

describe("changing a release", () => {
  it("is allowed only while unpublished without an open publish request", () => {
    expect(canChangeRelease(unpublished)).toBe(true);
    expect([waiting, scheduled, published].map(canChangeRelease)).toEqual([false, false, false]);
    for (const status of ["NEW", "PROCESSING", "ON_APPROVAL"] as const) {
      expect(canChangeRelease({ status: "UNPUBLISHED", openPublishRequestStatus: status })).toBe(false);
    }
  });

  it("is allowed while its publish request waits for changes (docs/domain.md §9)", () => {
    expect(canChangeRelease(awaitingChanges)).toBe(true);
    // Still kept: the request points at it.
    expect(releaseDeletionBlocker({ ...awaitingChanges, publishRequestCount: 1 })).toMatch(/publish request history/);
    // And no second request while that one is open.
    expect(canRequestPublication(awaitingChanges)).toBe(false);
  });

  it("says why it is refused", () => {
    expect(releaseChangeBlocker(unpublished)).toBeNull();
    expect(releaseChangeBlocker(waiting)).toMatch(/open publish request\. Withdraw the request/);
    expect(releaseChangeBlocker(scheduled)).toMatch(/scheduled for publication/);
    expect(releaseChangeBlocker(published)).toMatch(/is published/);
  });
});

describe("deleting a release", () => {
  it("also keeps a release that ever had a publish request", () => {
    expect(releaseDeletionBlocker({ ...unpublished, publishRequestCount: 0 })).toBeNull();
    expect(releaseDeletionBlocker({ ...unpublished, publishRequestCount: 1 })).toMatch(/publish request history/);
  });

  it("gives the change rule's reason first", () => {
    expect(releaseDeletionBlocker({ ...waiting, publishRequestCount: 1 })).toBe(releaseChangeBlocker(waiting));
  });
});

describe("requesting publication", () => {
  it("is allowed only while unpublished without an open publish request", () => {
    expect(canRequestPublication(unpublished)).toBe(true);
    expect([waiting, scheduled, published].map(canRequestPublication)).toEqual([false, false, false]);
  });

  it("says why it is refused", () => {
    expect(publicationRequestBlocker(scheduled)).toBe("This release is already scheduled or published");
    expect(publicationRequestBlocker(published)).toBe("This release is already scheduled or published");
    expect(publicationRequestBlocker(waiting)).toBe("This release already has an open publish request");
  });

  it("is the same rule as the filter the database applies", () => {
    expect(publishableReleaseWhere).toEqual({
      status: "UNPUBLISHED",
      requests: { none: { type: "PUBLISH_RELEASE", status: { not: "CLOSED" } } },
    });
    expect(publishableReleaseWhere.requests.none).toBe(openPublishRequestWhere);
  });
});
