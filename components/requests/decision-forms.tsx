"use client";
// The assigned manager's Accept / Decline, and the applicant's Withdraw, as forms whose
// outcome (or refusal) is shown right next to them.
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/alert";
import { Textarea } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState } from "@/lib/errors";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

export function ManagerDecisionForms({ requestId, accept, decline }: { requestId: number; accept: Action; decline: Action }) {
  const [acceptState, acceptAction] = useActionState(accept, {});
  const [declineState, declineAction] = useActionState(decline, {});
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <form action={acceptAction} className="space-y-3">
        <input type="hidden" name="requestId" value={requestId} />
        <p className="text-sm text-stone-600">Accepting applies the decision at once.</p>
        <SubmitButton pendingLabel="Accepting…">Accept</SubmitButton>
        <FormMessage error={acceptState.formError} success={acceptState.message} />
      </form>
      <form action={declineAction} className="space-y-3">
        <input type="hidden" name="requestId" value={requestId} />
        <Textarea
          label="Reason"
          name="reason"
          rows={3}
          maxLength={2000}
          defaultValue={typeof declineState.values?.reason === "string" ? declineState.values.reason : ""}
          error={declineState.fieldErrors?.reason}
          hint="Shown to the applicant."
        />
        <SubmitButton variant="danger" pendingLabel="Declining…">
          Decline
        </SubmitButton>
        <FormMessage error={declineState.formError} success={declineState.message} />
      </form>
    </div>
  );
}

export function WithdrawForm({ requestId, withdraw }: { requestId: number; withdraw: Action }) {
  const [state, action] = useActionState(withdraw, {});
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="requestId" value={requestId} />
      <SubmitButton variant="secondary" pendingLabel="Withdrawing…">
        Withdraw
      </SubmitButton>
      <FormMessage error={state.formError} success={state.message} />
    </form>
  );
}
