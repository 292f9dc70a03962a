// Posting a comment on a request (docs/domain.md §9 "Conversation"): judged by the
// conversation rules against the request as it is when locked, and written together with the
// notification of the other side in one transaction.
import "server-only";
import { prisma, type Db, type DbClient } from "@/lib/db";
import { DomainError, ForbiddenError, NotFoundError } from "@/lib/errors";
import type { RequestStatus, RequestType } from "@/lib/generated/prisma/enums";
import { notify } from "@/lib/notifications/notify";
import { authorizeComment, commentRecipients, CONVERSATION_CLOSED } from "@/lib/requests/conversation/conversation-rules";
import type { RequestViewer } from "@/lib/requests/state-machine";
import { REQUEST_NOT_FOUND } from "@/lib/requests/transition-request";

export type PostCommentInput = {
  requestId: number;
  /** Who writes it; the conversation rules decide whether they may. */
  author: RequestViewer & { name: string };
  /** Already checked by the form's schema (trimmed, 1–4000 characters, storable). */
  body: string;
  /** A manager's internal note: never shown to the applicant, notifies nobody. */
  internal: boolean;
};

/**
 * Refuses a stranger with "not found" (the request's existence is not revealed), an internal
 * note from anyone but the assigned manager with ForbiddenError, and any comment on a closed
 * request. Runs in `db`'s transaction when given one, else in its own.
 */
export async function postComment(input: PostCommentInput, db: Db | DbClient = prisma): Promise<{ id: number; createdAt: Date }> {
  return "$transaction" in db ? db.$transaction((tx) => post(tx, input)) : post(db, input);
}

type LockedRequest = { type: RequestType; status: RequestStatus; applicantId: number; managerId: number | null; managerUserId: number | null };

async function post(tx: DbClient, { requestId, author, body, internal }: PostCommentInput) {
  // A shared lock: a transition that closes the request meanwhile waits for this comment to
  // commit, or this comment waits for it and then sees the request closed.
  const [request] = await tx.$queryRaw<LockedRequest[]>`
    SELECT r."type", r."status", r."applicantId", r."managerId", m."userId" AS "managerUserId"
    FROM "Request" r LEFT JOIN "Manager" m ON m."id" = r."managerId"
    WHERE r."id" = ${requestId}
    FOR SHARE OF r`;
  if (!request) throw new NotFoundError(REQUEST_NOT_FOUND);
  const verdict = authorizeComment(request, author, { internal });
  if (verdict === "hidden") throw new NotFoundError(REQUEST_NOT_FOUND);
  if (verdict === "not-yours") throw new ForbiddenError();
  if (verdict === "closed") throw new DomainError(CONVERSATION_CLOSED);

  const comment = await tx.requestComment.create({
    data: { requestId, authorId: author.id, body, internal },
    select: { id: true, createdAt: true },
  });
  for (const userId of commentRecipients(request, author, { internal })) {
    await notify(tx, { userId, requestId, message: `${author.name} commented on request #${requestId}: ${body}` });
  }
  return comment;
}
