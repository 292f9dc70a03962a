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

const unpublished: ReleaseState = { status: "UNPUBLISHED", hasOpenPublishRequest: false };
const waiting: ReleaseState = { status: "UNPUBLISHED", hasOpenPublishRequest: true };
const scheduled: ReleaseState = { status: "SCHEDULED", hasOpenPublishRequest: false };
const published: ReleaseState = { status: "PUBLISHED", hasOpenPublishRequest: false };

describe("changing a release", () => {
  it("is allowed only while unpublished without an open publish request", () => {
    expect(canChangeRelease(unpublished)).toBe(true);
    expect([waiting, scheduled, published].map(canChangeRelease)).toEqual([false, false, false]);
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
