// The comments of a request that one person may read (docs/domain.md §9 "Conversation"). Internal
// notes are filtered out by the database query itself for anyone who may not see them, so they
// never reach a page rendered for the applicant.
import "server-only";
import { prisma, type Db, type DbClient } from "@/lib/db";
import { maySeeInternalNotes } from "@/lib/requests/conversation/conversation-rules";
import type { TimelineComment } from "@/lib/requests/conversation/timeline";
import type { RequestParties, RequestViewer } from "@/lib/requests/state-machine";

/** Call only after checking the viewer may see the request (`canViewRequest`); oldest first. */
export async function listVisibleComments(
  request: RequestParties & { id: number },
  viewer: RequestViewer,
  db: Db | DbClient = prisma,
): Promise<TimelineComment[]> {
  return db.requestComment.findMany({
    where: { requestId: request.id, ...(maySeeInternalNotes(request, viewer) ? {} : { internal: false }) },
    select: { id: true, createdAt: true, body: true, internal: true, authorId: true, author: { select: { name: true } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}
