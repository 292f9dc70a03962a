"use client";
// The "join the label" form: nickname and an optional message. Also the amend form of a sign
// request whose changes were requested (docs/domain.md §9): the same fields, prefilled.
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/alert";
import { Input, Textarea } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFocusFirstInvalid } from "@/components/ui/use-focus-first-invalid";
import type { ActionState } from "@/lib/errors";

type Amending = {
  requestId: number;
  /** The request's current details, the form's starting values. */
  nickname: string;
  message: string | null;
};

export function SignContractForm({
  submit,
  amending,
}: {
  submit: (state: ActionState, formData: FormData) => Promise<ActionState>;
  amending?: Amending;
}) {
  const [state, action] = useActionState(submit, {});
  const form = useFocusFirstInvalid(state);
  const initial = { nickname: amending?.nickname ?? "", message: amending?.message ?? "" };
  const value = (name: "nickname" | "message") =>
    state.values ? (typeof state.values[name] === "string" ? (state.values[name] as string) : "") : initial[name];
  return (
    <form ref={form} action={action} className="max-w-xl space-y-5" noValidate>
      {amending ? <input type="hidden" name="requestId" value={amending.requestId} /> : null}
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
      {amending ? (
        <SubmitButton pendingLabel="Resubmitting…">Resubmit</SubmitButton>
      ) : (
        <SubmitButton pendingLabel="Submitting…">Submit request</SubmitButton>
      )}
    </form>
  );
}
