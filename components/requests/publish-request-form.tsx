"use client";
// The publish request form: one of the artist's unpublished releases and a publication date;
// and the amend form of a publish request whose changes were requested (docs/domain.md §9),
// which changes the date only.
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/alert";
import { Input, Select } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFocusFirstInvalid } from "@/components/ui/use-focus-first-invalid";
import type { ActionState } from "@/lib/errors";
import { PUBLICATION_NOTICE_WORDS } from "@/lib/requests/publish/publication-date-rule";

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

type Submit = (state: ActionState, formData: FormData) => Promise<ActionState>;

/** The dates the rule of docs/domain.md §3.2 step 1 allows, for the date input and its hint. */
export type PublicationDateBounds = {
  /** YYYY-MM-DD, for the date input's bounds. */
  earliestDate: string;
  earliestDateLabel: string;
  latestDate: string;
  latestDateLabel: string;
};

function PublicationDateField({ bounds, defaultValue, error }: { bounds: PublicationDateBounds; defaultValue: string; error?: string[] }) {
  return (
    <Input
      label="Publication date"
      name="expectedDate"
      type="date"
      required
      min={bounds.earliestDate}
      max={bounds.latestDate}
      defaultValue={defaultValue}
      error={error}
      hint={`${capitalize(PUBLICATION_NOTICE_WORDS)} (${bounds.earliestDateLabel} or later), and no later than the end of your contract (${bounds.latestDateLabel}).`}
    />
  );
}

export function PublishRequestForm({
  submit,
  releases,
  selectedReleaseId,
  ...bounds
}: {
  submit: Submit;
  releases: { id: number; title: string }[];
  selectedReleaseId?: number;
} & PublicationDateBounds) {
  const [state, action] = useActionState(submit, {});
  const form = useFocusFirstInvalid(state);
  const value = (name: string) => (typeof state.values?.[name] === "string" ? (state.values[name] as string) : undefined);
  return (
    // Keyed by the answer so the fields re-mount with the values sent back after a refusal.
    <form ref={form} key={JSON.stringify(state.values ?? null)} action={action} className="max-w-xl space-y-5" noValidate>
      <FormMessage error={state.formError} />
      <Select
        label="Release"
        name="releaseId"
        required
        placeholder="Choose a release"
        options={releases.map((release) => ({ value: String(release.id), label: release.title }))}
        defaultValue={value("releaseId") ?? (selectedReleaseId ? String(selectedReleaseId) : "")}
        error={state.fieldErrors?.releaseId}
        hint="Your unpublished releases that have no open publish request."
      />
      <PublicationDateField bounds={bounds} defaultValue={value("expectedDate") ?? ""} error={state.fieldErrors?.expectedDate} />
      <SubmitButton pendingLabel="Submitting…">Submit request</SubmitButton>
    </form>
  );
}

/** `expectedDate`: the request's current date (YYYY-MM-DD), the form's starting value. */
export function AmendPublishRequestForm({
  submit,
  requestId,
  expectedDate,
  ...bounds
}: { submit: Submit; requestId: number; expectedDate: string } & PublicationDateBounds) {
  const [state, action] = useActionState(submit, {});
  const form = useFocusFirstInvalid(state);
  const sent = typeof state.values?.expectedDate === "string" ? state.values.expectedDate : undefined;
  return (
    <form ref={form} key={JSON.stringify(state.values ?? null)} action={action} className="max-w-xl space-y-5" noValidate>
      <input type="hidden" name="requestId" value={requestId} />
      <FormMessage error={state.formError} />
      <PublicationDateField bounds={bounds} defaultValue={sent ?? expectedDate} error={state.fieldErrors?.expectedDate} />
      <SubmitButton pendingLabel="Resubmitting…">Resubmit</SubmitButton>
    </form>
  );
}
