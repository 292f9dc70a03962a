"use client";
// The sign-in form: "Email", "Password", "Sign in"; wrong credentials get one message.
import Link from "next/link";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/alert";
import { Input } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFocusFirstInvalid } from "@/components/ui/use-focus-first-invalid";
import type { ActionState } from "@/lib/errors";

type Props = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  callbackUrl?: string;
  /** Why an earlier attempt was refused, when the page was sent back here with it. */
  refusal?: string;
};

export function LoginForm({ action, callbackUrl, refusal }: Props) {
  const [state, formAction] = useActionState(action, {});
  const form = useFocusFirstInvalid(state);
  const email = typeof state.values?.email === "string" ? state.values.email : "";
  return (
    <form ref={form} action={formAction} className="space-y-4" noValidate>
      <FormMessage error={state.formError ?? (state.fieldErrors ? undefined : refusal)} />
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      <Input
        key={`email-${email}`}
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        defaultValue={email}
        error={state.fieldErrors?.email}
        required
        autoFocus
      />
      <Input label="Password" name="password" type="password" autoComplete="current-password" error={state.fieldErrors?.password} required />
      <SubmitButton className="w-full" pendingLabel="Signing in…">
        Sign in
      </SubmitButton>
      <p className="text-center text-sm text-stone-600">
        New here?{" "}
        <Link href="/register" className="font-medium text-accent-700 hover:underline">
          Create an account
        </Link>
      </p>
    </form>
  );
}
