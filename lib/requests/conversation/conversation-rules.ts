// Who may take part in a request's conversation and who reads what (docs/domain.md §9
// "Conversation"), built on the state machine's parties and the open-request rule. Used by
// the service that posts a comment, the query that feeds the request page, and the page's
// form. Pure.
import { isOpen } from "@/lib/requests/open-request";
import { canViewRequest, partiesOf, type RequestParties, type RequestViewer } from "@/lib/requests/state-machine";

export const CONVERSATION_CLOSED = "This request is closed; its conversation is read-only";

/** The longest comment, in characters after trimming (docs/domain.md §9). */
export const COMMENT_MAX = 4000;

/**
 * Internal notes are for the label's staff: the assigned manager, and the admin (who reads
 * requests from §10 on). Never the applicant, even an applicant who is a manager elsewhere.
 */
export function maySeeInternalNotes(request: RequestParties, viewer: RequestViewer): boolean {
  return partiesOf(request, viewer).includes("manager") || viewer.role === "ADMIN";
}

/**
 * The verdict on posting a comment: allowed; "hidden" (the author may not know the request:
 * answer not found); "not-yours" (an internal note from anyone but the assigned manager, or any
 * comment from the admin, who reads the request without being a party to it);
 * "closed" (the conversation of a closed request is read-only).
 */
export type CommentVerdict = "allowed" | "hidden" | "not-yours" | "closed";

export function authorizeComment(request: RequestParties, author: RequestViewer, { internal }: { internal: boolean }): CommentVerdict {
  if (!canViewRequest(request, author)) return "hidden";
  const parties = partiesOf(request, author);
  // The admin reads every conversation but is not part of it (docs/domain.md §10).
  if (parties.length === 0) return "not-yours";
  if (internal && !parties.includes("manager")) return "not-yours";
  return isOpen(request.status) ? "allowed" : "closed";
}

/** What the request page offers this person in its Conversation section. */
export type ConversationAbilities = {
  /** The form is shown: a party of an open request. */
  mayComment: boolean;
  /** The form has the "Internal note" checkbox. */
  mayWriteInternalNote: boolean;
  /** The conversation is read-only because the request is closed. */
  readOnly: boolean;
};

export function conversationAbilities(request: RequestParties, viewer: RequestViewer): ConversationAbilities {
  return {
    mayComment: authorizeComment(request, viewer, { internal: false }) === "allowed",
    mayWriteInternalNote: authorizeComment(request, viewer, { internal: true }) === "allowed",
    readOnly: !isOpen(request.status),
  };
}

/**
 * Who is told of a new comment: the other side. The applicant's comment goes to the assigned
 * manager (none yet: nobody), the manager's to the applicant; an internal note to nobody on
 * the applicant's side, and the assigned manager is its only other reader.
 */
export function commentRecipients(
  request: RequestParties & { managerUserId: number | null },
  author: RequestViewer,
  { internal }: { internal: boolean },
): number[] {
  if (internal) return [];
  const parties = partiesOf(request, author);
  const recipients: number[] = [];
  if (parties.includes("applicant") && request.managerUserId !== null) recipients.push(request.managerUserId);
  if (parties.includes("manager")) recipients.push(request.applicantId);
  return recipients.filter((userId) => userId !== author.id);
}
