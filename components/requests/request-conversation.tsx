// The Conversation section of a request page (docs/domain.md §9): the comment form for the
// applicant and the assigned manager while the request is open; read-only once it is closed.
// The comments themselves are in the History, with the status changes.
import { CommentForm } from "@/components/requests/comment-form";
import { Card } from "@/components/ui/card";
import type { ActionState } from "@/lib/errors";
import { CONVERSATION_CLOSED, type ConversationAbilities } from "@/lib/requests/conversation/conversation-rules";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

export function RequestConversation({ requestId, abilities, post }: { requestId: number; abilities: ConversationAbilities; post: Action }) {
  return (
    <Card title="Conversation" description="Comments appear in the History with the status changes, oldest first.">
      {abilities.mayComment ? (
        <CommentForm requestId={requestId} mayWriteInternalNote={abilities.mayWriteInternalNote} post={post} />
      ) : (
        <p className="text-sm text-stone-600">{abilities.readOnly ? `${CONVERSATION_CLOSED}.` : "Only the applicant and the assigned manager can comment."}</p>
      )}
    </Card>
  );
}
