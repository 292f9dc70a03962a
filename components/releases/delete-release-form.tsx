"use client";
// Deleting a release asks once more before it happens; a refusal is shown next to the button.
import { useActionState, useState } from "react";
import { FormMessage } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState } from "@/lib/errors";

export function DeleteReleaseForm({ remove }: { remove: (state: ActionState, formData: FormData) => Promise<ActionState> }) {
  const [state, action] = useActionState(remove, {});
  const [confirming, setConfirming] = useState(false);
  return (
    <form action={action} className="space-y-3">
      {confirming ? (
        <div className="flex flex-wrap items-center gap-2">
          <p className="text-sm text-stone-700">Delete this release and its tracks for good?</p>
          <SubmitButton variant="danger" size="sm" pendingLabel="Deleting…">
            Yes, delete release
          </SubmitButton>
          <Button variant="ghost" size="sm" onClick={() => setConfirming(false)}>
            Keep it
          </Button>
        </div>
      ) : (
        <Button variant="secondary" size="sm" onClick={() => setConfirming(true)}>
          Delete release
        </Button>
      )}
      <FormMessage error={state.formError} />
    </form>
  );
}
