"use client";
// The assigned manager's "Request changes" (docs/domain.md §9): a required reason, shown to the
// applicant; the outcome (or refusal, when the request moved on) right next to it.
import { ReasonForm } from "@/components/requests/reason-form";
import type { ActionState } from "@/lib/errors";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

export function RequestChangesForm({ requestId, requestChanges }: { requestId: number; requestChanges: Action }) {
  return (
    <ReasonForm
      requestId={requestId}
      action={requestChanges}
      hint="What the applicant should change. Shown to them."
      submitLabel="Request changes"
      pendingLabel="Sending…"
      variant="secondary"
    />
  );
}
