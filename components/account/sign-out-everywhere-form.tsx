"use client";
// "Sign out everywhere": ends every session of the account, this one too, then shows the sign-in page.
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState } from "@/lib/errors";

type Props = { action: (state: ActionState, formData: FormData) => Promise<ActionState> };

export function SignOutEverywhereForm({ action }: Props) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} className="space-y-4">
      <FormMessage error={state.formError} />
      <SubmitButton variant="danger" pendingLabel="Signing out…">
        Sign out everywhere
      </SubmitButton>
    </form>
  );
}
