"use client";
// The comment form of a request's Conversation section: "Comment", for the assigned manager
// also "Internal note", and "Post comment". The field clears once the comment is posted (the
// page then shows it in the History); a refused comment keeps what was typed.
import { useActionState, useId } from "react";
import { FormMessage } from "@/components/ui/alert";
import { Textarea } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFocusFirstInvalid } from "@/components/ui/use-focus-first-invalid";
import type { ActionState } from "@/lib/errors";
import { COMMENT_MAX } from "@/lib/requests/conversation/conversation-rules";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

export function CommentForm({ requestId, mayWriteInternalNote, post }: { requestId: number; mayWriteInternalNote: boolean; post: Action }) {
  const [state, action] = useActionState(post, {});
  const form = useFocusFirstInvalid(state);
  const internalHintId = useId();
  return (
    <form ref={form} action={action} className="space-y-3">
      <input type="hidden" name="requestId" value={requestId} />
      <Textarea
        label="Comment"
        name="body"
        rows={4}
        maxLength={COMMENT_MAX}
        defaultValue={typeof state.values?.body === "string" ? state.values.body : ""}
        error={state.fieldErrors?.body}
        hint={mayWriteInternalNote ? "Seen by the applicant unless you mark it as an internal note." : "Seen by the manager assigned to this request."}
      />
      {mayWriteInternalNote ? (
        <div className="flex items-start gap-2">
          <input
            id={`${internalHintId}-internal`}
            type="checkbox"
            name="internal"
            defaultChecked={state.values?.internal === true}
            aria-describedby={internalHintId}
            className="mt-0.5 size-4 rounded border-stone-300 accent-amber-600"
          />
          <div>
            <label htmlFor={`${internalHintId}-internal`} className="text-sm font-medium text-stone-800">
              Internal note
            </label>
            <p id={internalHintId} className="text-xs text-stone-500">
              For the label&apos;s managers only; the applicant never sees it and is not notified.
            </p>
          </div>
        </div>
      ) : null}
      <SubmitButton pendingLabel="Posting…">Post comment</SubmitButton>
      <FormMessage error={state.formError} success={state.message} />
    </form>
  );
}
