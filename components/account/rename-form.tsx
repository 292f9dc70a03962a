"use client";
// The account page's "Name" form: one field and "Save"; the header shows the new name at once.
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/alert";
import { Input } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFocusFirstInvalid } from "@/components/ui/use-focus-first-invalid";
import type { ActionState } from "@/lib/errors";

type Props = { action: (state: ActionState, formData: FormData) => Promise<ActionState>; name: string };

export function RenameForm({ action, name }: Props) {
  const [state, formAction] = useActionState(action, {});
  const form = useFocusFirstInvalid(state);
  // After a failure the typed name comes back; after a save the page passes the stored one.
  const shown = typeof state.values?.name === "string" ? state.values.name : name;
  return (
    <form ref={form} action={formAction} className="space-y-4" noValidate>
      <FormMessage error={state.formError} success={state.ok ? state.message : undefined} />
      <Input key={`name-${shown}`} label="Name" name="name" autoComplete="name" defaultValue={shown} hint="1 to 100 characters." error={state.fieldErrors?.name} required maxLength={100} />
      <SubmitButton pendingLabel="Saving…">Save</SubmitButton>
    </form>
  );
}
