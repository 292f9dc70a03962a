"use client";
// "Retry" on a row of the admin's failed events, and "Retry all" above the list (docs/domain.md
// §10): the outcome, or why nothing happened (retried by someone else meanwhile), shows beside it.
import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState } from "@/lib/errors";

type Props = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  /** Hidden fields posted with the click. */
  fields: Record<string, string | number>;
  /** Unique on the page: names the outcome's element. */
  id: string;
  label: string;
  /** The button's full meaning (its tooltip). */
  title: string;
  variant?: "primary" | "secondary";
};

export function FailedEventRetryButton({ action, fields, id, label, title, variant = "secondary" }: Props) {
  const [state, formAction] = useActionState(action, {});
  const outcomeId = `${id}-outcome`;
  const text = state.formError ?? state.message;
  return (
    <form action={formAction} className="inline-flex flex-col items-start gap-1">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SubmitButton variant={variant} size="sm" pendingLabel="Retrying…" title={title} aria-describedby={text ? outcomeId : undefined}>
        {label}
      </SubmitButton>
      <p id={outcomeId} aria-live="polite" className={state.formError ? "max-w-[16rem] text-xs text-red-700" : "max-w-[16rem] text-xs text-stone-600"}>
        {text}
      </p>
    </form>
  );
}
