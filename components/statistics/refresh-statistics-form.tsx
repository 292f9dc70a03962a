"use client";
// "Refresh statistics": asks the worker for fresh figures and says what happened. Other
// buttons of the same toolbar (children) sit beside it, the message below them all.
import { useActionState, type ReactNode } from "react";
import { FormMessage } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState } from "@/lib/errors";

export type RefreshStatisticsFormProps = {
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  children?: ReactNode;
};

export function RefreshStatisticsForm({ action, children }: RefreshStatisticsFormProps) {
  const [state, formAction] = useActionState(action, {});
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <form action={formAction}>
          <SubmitButton pendingLabel="Requesting…">Refresh statistics</SubmitButton>
        </form>
        {children}
      </div>
      <FormMessage error={state.formError} success={state.ok ? state.message : undefined} />
    </div>
  );
}
