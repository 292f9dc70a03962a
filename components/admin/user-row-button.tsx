"use client";
// A button on a row of the admin's users list ("Make manager", "Disable", "Enable"): it posts
// the row's account and the list's page and search; a refusal (e.g. the account changed
// meanwhile) shows beside it.
import { useActionState } from "react";
import type { ButtonVariant } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState } from "@/lib/errors";

type Props = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  /** Names the refusal's element, unique per row together with `userId`. */
  kind: string;
  userId: number;
  page: number;
  /** The list's search, kept after the action. */
  search?: string;
  label: string;
  pendingLabel: string;
  /** The button's full meaning, naming the person (its tooltip). */
  title: string;
  variant?: ButtonVariant;
};

export function UserRowButton({ action, kind, userId, page, search, label, pendingLabel, title, variant = "secondary" }: Props) {
  const [state, formAction] = useActionState(action, {});
  const errorId = `${kind}-${userId}-error`;
  return (
    <form action={formAction} className="inline-flex flex-col items-end gap-1">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="page" value={page} />
      {search ? <input type="hidden" name="q" value={search} /> : null}
      <SubmitButton variant={variant} size="sm" pendingLabel={pendingLabel} title={title} aria-describedby={state.formError ? errorId : undefined}>
        {label}
      </SubmitButton>
      <p id={errorId} aria-live="polite" className="max-w-[16rem] text-right text-xs text-red-700">
        {state.formError}
      </p>
    </form>
  );
}
