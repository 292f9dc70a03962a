"use client";
// "Deactivate" on a row of the admin's managers list (docs/domain.md §10): asks first, naming the
// person and what moves, then posts the manager; the outcome or a refusal shows beside it.
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState } from "@/lib/errors";

type Props = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  managerId: number;
  name: string;
  openRequests: number;
  artists: number;
};

export function DeactivateManagerButton({ action, managerId, name, openRequests, artists }: Props) {
  const [state, formAction] = useActionState(action, {});
  const [confirming, setConfirming] = useState(false);
  const messageId = `deactivate-${managerId}-message`;
  const questionId = `deactivate-${managerId}-question`;
  return (
    <div className="flex min-w-0 flex-col items-end gap-1">
      {confirming && !state.ok ? (
        <form action={formAction} className="flex min-w-0 max-w-[18rem] flex-col items-end gap-1" aria-describedby={questionId}>
          <input type="hidden" name="managerId" value={managerId} />
          <p id={questionId} className="text-right text-xs break-words text-stone-700">
            {name} loses the manager role at once and is signed out; {openRequests} open request{openRequests === 1 ? "" : "s"} and {artists} artist
            {artists === 1 ? "" : "s"} go to the other managers.
          </p>
          <div className="flex flex-wrap justify-end gap-2">
            <Button variant="ghost" size="sm" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
            <SubmitButton variant="danger" size="sm" pendingLabel="Deactivating…" aria-describedby={state.formError ? messageId : undefined}>
              Confirm deactivation
            </SubmitButton>
          </div>
        </form>
      ) : state.ok ? null : (
        <Button variant="danger-outline" size="sm" title={`Deactivate ${name}`} onClick={() => setConfirming(true)}>
          Deactivate
        </Button>
      )}
      <p id={messageId} aria-live="polite" className={state.ok ? "max-w-[18rem] text-right text-xs text-emerald-700" : "max-w-[18rem] text-right text-xs text-red-700"}>
        {state.ok ? state.message : state.formError}
      </p>
    </div>
  );
}
