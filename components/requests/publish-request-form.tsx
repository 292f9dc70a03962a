"use client";
// The publish request form: one of the artist's unpublished releases and a publication date.
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/alert";
import { Input, Select } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState } from "@/lib/errors";
import { PUBLICATION_NOTICE_WORDS } from "@/lib/requests/publish/publication-date-rule";

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

type Submit = (state: ActionState, formData: FormData) => Promise<ActionState>;

export function PublishRequestForm({
  submit,
  releases,
  selectedReleaseId,
  earliestDate,
  earliestDateLabel,
  latestDate,
  latestDateLabel,
}: {
  submit: Submit;
  releases: { id: number; title: string }[];
  selectedReleaseId?: number;
  /** YYYY-MM-DD, for the date input's bounds. */
  earliestDate: string;
  earliestDateLabel: string;
  latestDate: string;
  latestDateLabel: string;
}) {
  const [state, action] = useActionState(submit, {});
  const value = (name: string) => (typeof state.values?.[name] === "string" ? (state.values[name] as string) : undefined);
  return (
    // Keyed by the answer so the fields re-mount with the values sent back after a refusal.
    <form key={JSON.stringify(state.values ?? null)} action={action} className="max-w-xl space-y-5" noValidate>
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
      <Input
        label="Publication date"
        name="expectedDate"
        type="date"
        required
        min={earliestDate}
        max={latestDate}
        defaultValue={value("expectedDate") ?? ""}
        error={state.fieldErrors?.expectedDate}
        hint={`${capitalize(PUBLICATION_NOTICE_WORDS)} (${earliestDateLabel} or later), and no later than the end of your contract (${latestDateLabel}).`}
      />
      <SubmitButton pendingLabel="Submitting…">Submit request</SubmitButton>
    </form>
  );
}
