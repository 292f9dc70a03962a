"use client";
// The admin's "Create manager" form: "Name", "Email", "Password"; a taken email is a field error.
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/alert";
import { Input } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFocusFirstInvalid } from "@/components/ui/use-focus-first-invalid";
import type { ActionState } from "@/lib/errors";

type Props = { action: (state: ActionState, formData: FormData) => Promise<ActionState> };

export function CreateManagerForm({ action }: Props) {
  const [state, formAction] = useActionState(action, {});
  const form = useFocusFirstInvalid(state);
  const name = typeof state.values?.name === "string" ? state.values.name : "";
  const email = typeof state.values?.email === "string" ? state.values.email : "";
  return (
    <form ref={form} action={formAction} className="space-y-4" noValidate>
      <FormMessage error={state.formError} success={state.ok ? state.message : undefined} />
      <Input key={`name-${name}`} id="manager-name" label="Name" name="name" autoComplete="off" defaultValue={name} error={state.fieldErrors?.name} required />
      <Input
        key={`email-${email}`}
        id="manager-email"
        label="Email"
        name="email"
        type="email"
        autoComplete="off"
        defaultValue={email}
        error={state.fieldErrors?.email}
        required
      />
      <Input
        id="manager-password"
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint="At least 8 characters; share it with the manager privately."
        error={state.fieldErrors?.password}
        required
      />
      <SubmitButton className="w-full" pendingLabel="Creating…">
        Create manager
      </SubmitButton>
    </form>
  );
}
