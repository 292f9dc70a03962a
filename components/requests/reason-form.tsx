"use client";
// A decision on one request that needs a reason shown to the applicant (Decline, Request
// changes): the "Reason" field, the button, and the outcome or refusal right next to them.
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/alert";
import type { ButtonProps } from "@/components/ui/button";
import { Textarea } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFocusFirstInvalid } from "@/components/ui/use-focus-first-invalid";
import type { ActionState } from "@/lib/errors";

type Props = {
  requestId: number;
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  hint: string;
  submitLabel: string;
  pendingLabel: string;
  variant: ButtonProps["variant"];
};

export function ReasonForm({ requestId, action, hint, submitLabel, pendingLabel, variant }: Props) {
  const [state, formAction] = useActionState(action, {});
  const form = useFocusFirstInvalid(state);
  return (
    <form ref={form} action={formAction} className="space-y-3">
      <input type="hidden" name="requestId" value={requestId} />
      <Textarea
        label="Reason"
        name="reason"
        rows={3}
        maxLength={2000}
        defaultValue={typeof state.values?.reason === "string" ? state.values.reason : ""}
        error={state.fieldErrors?.reason}
        hint={hint}
      />
      <SubmitButton variant={variant} pendingLabel={pendingLabel}>
        {submitLabel}
      </SubmitButton>
      <FormMessage error={state.formError} success={state.message} />
    </form>
  );
}
