// A request's timeline (the page's "History", docs/domain.md §9 "Conversation"): its status
// changes and the comments its viewer may read, in one list, oldest first. Pure.
import type { RequestResolution, RequestStatus } from "@/lib/generated/prisma/enums";

export type StatusChange = {
  id: number;
  at: Date;
  fromStatus: RequestStatus | null;
  toStatus: RequestStatus;
  toResolution: RequestResolution | null;
  reason: string | null;
  actor: { name: string } | null;
  /** Set when the entry moved the request between managers (docs/domain.md §10 "All requests"). */
  fromManager?: ManagerName | null;
  toManager?: ManagerName | null;
};

type ManagerName = { user: { name: string } };

export type TimelineComment = {
  id: number;
  createdAt: Date;
  body: string;
  internal: boolean;
  authorId: number;
  author: { name: string };
};

export type TimelineEntry =
  | ({ kind: "status"; key: string } & StatusChange)
  | { kind: "comment"; key: string; id: number; at: Date; body: string; internal: boolean; author: { name: string }; byApplicant: boolean };

/**
 * Status changes and comments by time; at the same instant a status change comes first (the
 * change a comment answers), then by id. `applicantId` tells the applicant's comments apart.
 */
export function mergeTimeline(history: readonly StatusChange[], comments: readonly TimelineComment[], applicantId: number): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...history.map((change) => ({ kind: "status" as const, key: `status-${change.id}`, ...change })),
    ...comments.map(({ createdAt, authorId, ...comment }) => ({
      kind: "comment" as const,
      key: `comment-${comment.id}`,
      at: createdAt,
      byApplicant: authorId === applicantId,
      ...comment,
    })),
  ];
  const kindOrder = { status: 0, comment: 1 } as const;
  return entries.sort((a, b) => a.at.getTime() - b.at.getTime() || kindOrder[a.kind] - kindOrder[b.kind] || a.id - b.id);
}
