import { describe, expect, it } from "vitest";
import { mergeTimeline, type StatusChange, type TimelineComment } from "./timeline";

const APPLICANT_ID = 10;
const at = (minute: number) => new Date(Date.UTC(2026, 11, 10, 9, minute));

const change = (id: number, minute: number, toStatus: StatusChange["toStatus"]): StatusChange => ({
  id,
  at: at(minute),
  fromStatus: null,
  toStatus,
  toResolution: null,
  reason: null,
  actor: null,
});

const comment = (id: number, minute: number, authorId: number, internal = false): TimelineComment => ({
  id,
  createdAt: at(minute),
  body: `comment ${id}`,
  internal,
  authorId,
  author: { name: authorId === APPLICANT_ID ? "Applicant" : "Manager" },
});

describe("a request's timeline", () => {
  it("interleaves status changes and comments by time, oldest first", () => {
    const timeline = mergeTimeline([change(1, 0, "NEW"), change(2, 5, "ON_APPROVAL")], [comment(7, 3, APPLICANT_ID), comment(8, 9, 20, true)], APPLICANT_ID);
    expect(timeline.map((entry) => entry.key)).toEqual(["status-1", "comment-7", "status-2", "comment-8"]);
    expect(timeline[1]).toMatchObject({ kind: "comment", at: at(3), byApplicant: true, internal: false, body: "comment 7" });
    expect(timeline[3]).toMatchObject({ kind: "comment", byApplicant: false, internal: true });
  });

  it("puts a status change before a comment of the same instant, and equal kinds by id", () => {
    const timeline = mergeTimeline([change(4, 1, "ON_APPROVAL"), change(3, 1, "NEW")], [comment(9, 1, 20), comment(6, 1, APPLICANT_ID)], APPLICANT_ID);
    expect(timeline.map((entry) => entry.key)).toEqual(["status-3", "status-4", "comment-6", "comment-9"]);
  });
});
