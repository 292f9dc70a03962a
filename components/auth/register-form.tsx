"use client";
// The registration form: "Name", "Email", "Password", "Create account"; errors by the field.
import Link from "next/link";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/alert";
import { Input } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFocusFirstInvalid } from "@/components/ui/use-focus-first-invalid";
import type { ActionState } from "@/lib/errors";

type Props = { action: (state: ActionState, formData: FormData) => Promise<ActionState> };

export function RegisterForm({ action }: Props) {
  const [state, formAction] = useActionState(action, {});
  const form = useFocusFirstInvalid(state);
  const name = typeof state.values?.name === "string" ? state.values.name : "";
  const email = typeof state.values?.email === "string" ? state.values.email : "";
  return (
    <form ref={form} action={formAction} className="space-y-4" noValidate>
      <FormMessage error={state.formError} />
      <Input key={`name-${name}`} label="Name" name="name" autoComplete="name" defaultValue={name} error={state.fieldErrors?.name} required autoFocus />
      <Input
        key={`email-${email}`}
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        defaultValue={email}
        error={state.fieldErrors?.email}
        required
      />
      <Input
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint="At least 8 characters."
        error={state.fieldErrors?.password}
        required
        minLength={8}
      />
      <SubmitButton className="w-full" pendingLabel="Creating account…">
        Create account
      </SubmitButton>
      <p className="text-center text-sm text-stone-600">
        Already have an account?{" "}
        <Link href="/login" className="font-medium text-accent-700 hover:underline">
          Go to sign-in
        </Link>
      </p>
    </form>
  );
}
