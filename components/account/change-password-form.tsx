"use client";
// The account page's password form: "Current password", "New password", "Change password".
// Neither password is ever sent back; the form is empty again after every answer.
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/alert";
import { Input } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFocusFirstInvalid } from "@/components/ui/use-focus-first-invalid";
import type { ActionState } from "@/lib/errors";

type Props = { action: (state: ActionState, formData: FormData) => Promise<ActionState> };

export function ChangePasswordForm({ action }: Props) {
  const [state, formAction] = useActionState(action, {});
  const form = useFocusFirstInvalid(state);
  return (
    <form ref={form} action={formAction} className="space-y-4" noValidate>
      <FormMessage error={state.formError} success={state.ok ? state.message : undefined} />
      <Input label="Current password" name="currentPassword" type="password" autoComplete="current-password" error={state.fieldErrors?.currentPassword} required />
      <Input
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        hint="At least 8 characters. Your other sessions will be signed out."
        error={state.fieldErrors?.newPassword}
        required
        minLength={8}
      />
      <SubmitButton pendingLabel="Changing password…">Change password</SubmitButton>
    </form>
  );
}
