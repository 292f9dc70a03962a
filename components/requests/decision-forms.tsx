"use client";
// The assigned manager's Accept / Decline, and the applicant's Withdraw, as forms whose
// outcome (or refusal) is shown right next to them.
import { useActionState } from "react";
import { ReasonForm } from "@/components/requests/reason-form";
import { FormMessage } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState } from "@/lib/errors";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

export function ManagerDecisionForms({ requestId, accept, decline }: { requestId: number; accept: Action; decline: Action }) {
  const [acceptState, acceptAction] = useActionState(accept, {});
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <form action={acceptAction} className="space-y-3">
        <input type="hidden" name="requestId" value={requestId} />
        <p className="text-sm text-stone-600">Accepting applies the decision at once.</p>
        <SubmitButton pendingLabel="Accepting…">Accept</SubmitButton>
        <FormMessage error={acceptState.formError} success={acceptState.message} />
      </form>
      <ReasonForm requestId={requestId} action={decline} hint="Shown to the applicant." submitLabel="Decline" pendingLabel="Declining…" variant="danger" />
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
