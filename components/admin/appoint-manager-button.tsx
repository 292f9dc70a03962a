"use client";
// "Make manager" on a USER row; a refusal (e.g. the user became an artist meanwhile) shows beside it.
import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState } from "@/lib/errors";

type Props = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  userId: number;
  userName: string;
  page: number;
  /** The list's search, kept after the appointment. */
  search?: string;
};

export function AppointManagerButton({ action, userId, userName, page, search }: Props) {
  const [state, formAction] = useActionState(action, {});
  const errorId = `appoint-${userId}-error`;
  return (
    <form action={formAction} className="inline-flex flex-col items-end gap-1">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="page" value={page} />
      {search ? <input type="hidden" name="q" value={search} /> : null}
      <SubmitButton
        variant="secondary"
        size="sm"
        pendingLabel="Appointing…"
        title={`Make ${userName} a manager`}
        aria-describedby={state.formError ? errorId : undefined}
      >
        Make manager
      </SubmitButton>
      <p id={errorId} aria-live="polite" className="max-w-[16rem] text-right text-xs text-red-700">
        {state.formError}
      </p>
    </form>
  );
}
