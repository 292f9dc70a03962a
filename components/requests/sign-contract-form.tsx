"use client";
// The "join the label" form: nickname and an optional message.
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/alert";
import { Input, Textarea } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState } from "@/lib/errors";

export function SignContractForm({ submit }: { submit: (state: ActionState, formData: FormData) => Promise<ActionState> }) {
  const [state, action] = useActionState(submit, {});
  const value = (name: string) => (typeof state.values?.[name] === "string" ? (state.values[name] as string) : "");
  return (
    <form action={action} className="max-w-xl space-y-5" noValidate>
      <FormMessage error={state.formError} />
      <Input
        label="Nickname"
        name="nickname"
        required
        maxLength={64}
        defaultValue={value("nickname")}
        error={state.fieldErrors?.nickname}
        hint="The name you perform under, 1–64 characters. It must not be taken by another artist."
      />
      <Textarea
        label="Message"
        name="message"
        optional
        rows={6}
        maxLength={2000}
        defaultValue={value("message")}
        error={state.fieldErrors?.message}
        hint="Tell the label about yourself (up to 2000 characters)."
      />
      <SubmitButton pendingLabel="Submitting…">Submit request</SubmitButton>
    </form>
  );
}
