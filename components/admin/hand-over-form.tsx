"use client";
// The admin hands work to another manager (docs/domain.md §10 "All requests"): "Reassign" on a
// sign request's page, "Move to manager" for an artist. A "Manager" choice of the managers who may
// take new work, a required "Reason" (shown in the request's history), and the outcome or refusal
// right next to the button. The hidden fields say what the admin saw, so a change meanwhile is refused.
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/alert";
import { Select, Textarea } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFocusFirstInvalid } from "@/components/ui/use-focus-first-invalid";
import type { ActionState } from "@/lib/errors";

export type HandOverChoice = { managerId: number; name: string; email: string; openRequests: number; artists: number };

type Props = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  /** What the admin saw and acts on: ids, and the current manager ("" for none). */
  hidden: Record<string, string>;
  choices: HandOverChoice[];
  reasonHint: string;
  submitLabel: string;
  pendingLabel: string;
};

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

export function HandOverForm({ action, hidden, choices, reasonHint, submitLabel, pendingLabel }: Props) {
  const [state, formAction] = useActionState(action, {});
  const form = useFocusFirstInvalid(state);
  if (choices.length === 0) {
    return <p className="text-sm text-stone-600">There is no other active manager to hand it to.</p>;
  }
  const chosen = typeof state.values?.managerId === "string" ? state.values.managerId : "";
  const reason = typeof state.values?.reason === "string" ? state.values.reason : "";
  return (
    <form ref={form} action={formAction} className="space-y-3">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Select
        key={`manager-${chosen}`}
        label="Manager"
        name="managerId"
        placeholder="Choose a manager"
        defaultValue={chosen}
        error={state.fieldErrors?.managerId}
        options={choices.map((choice) => ({
          value: String(choice.managerId),
          label: `${choice.name} (${plural(choice.openRequests, "open request")}, ${plural(choice.artists, "artist")})`,
        }))}
      />
      <Textarea key={`reason-${reason}`} label="Reason" name="reason" rows={3} maxLength={2000} defaultValue={reason} error={state.fieldErrors?.reason} hint={reasonHint} />
      <SubmitButton pendingLabel={pendingLabel}>{submitLabel}</SubmitButton>
      <FormMessage error={state.formError} success={state.ok ? state.message : undefined} />
    </form>
  );
}
