"use client";
// The release form: title, release date and any number of track rows. A refused submit
// comes back with the values as typed and the form re-mounts with them, so nothing is lost.
import { useActionState, useState, useSyncExternalStore } from "react";
import { FormMessage } from "@/components/ui/alert";
import { Button, LinkButton } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFocusFirstInvalid } from "@/components/ui/use-focus-first-invalid";
import type { ActionState, FieldErrors } from "@/lib/errors";
import { emptyTrackValues, MAX_TRACKS, TRACK_TYPE_SUGGESTIONS, trackFieldKey, type ReleaseFormValues, type TrackFormValues } from "@/lib/releases/schemas";

type Submit = (state: ActionState, formData: FormData) => Promise<ActionState>;

export function ReleaseForm({ submit, initialValues, cancelHref }: { submit: Submit; initialValues: ReleaseFormValues; cancelHref: string }) {
  const [state, action] = useActionState(submit, {});
  const form = useFocusFirstInvalid(state);
  // Each answer from the server re-mounts the fields with the values it sent back.
  const [answer, setAnswer] = useState(state);
  const [version, setVersion] = useState(0);
  if (answer !== state) {
    setAnswer(state);
    setVersion(version + 1);
  }
  const values = isReleaseFormValues(state.values) ? state.values : initialValues;
  return (
    <form ref={form} action={action} className="space-y-6" noValidate>
      <FormMessage error={state.formError} />
      <ReleaseFields key={version} values={values} errors={state.fieldErrors ?? {}} />
      <div className="flex flex-wrap items-center gap-3 border-t border-stone-200 pt-5">
        <SubmitButton pendingLabel="Saving…">Save release</SubmitButton>
        <LinkButton href={cancelHref} variant="ghost">
          Cancel
        </LinkButton>
      </div>
    </form>
  );
}

function isReleaseFormValues(value: unknown): value is ReleaseFormValues {
  return typeof value === "object" && value !== null && Array.isArray((value as ReleaseFormValues).tracks);
}

type Row = { key: number; values: TrackFormValues; focusOnMount: boolean };

const subscribeToNothing = () => () => undefined;

/** False in the server's HTML, true once React runs in the browser: row buttons wait for it. */
function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  );
}

function ReleaseFields({ values, errors }: { values: ReleaseFormValues; errors: FieldErrors }) {
  // Rows keep the key they were mounted with: errors from the server name rows by their
  // submitted index, which is the key of the rows that came back.
  const [rows, setRows] = useState<Row[]>(() =>
    (values.tracks.length ? values.tracks : [emptyTrackValues]).map((track, index) => ({ key: index, values: track, focusOnMount: false })),
  );
  const [nextKey, setNextKey] = useState(Math.max(values.tracks.length, 1));
  const trackErrors = errors.tracks;
  const hydrated = useHydrated();

  const addTrack = () => {
    setRows([...rows, { key: nextKey, values: emptyTrackValues, focusOnMount: true }]);
    setNextKey(nextKey + 1);
  };
  const removeTrack = (key: number) => setRows(rows.filter((row) => row.key !== key));

  return (
    <>
      <div className="grid gap-5 sm:grid-cols-[2fr_1fr]">
        <Input label="Title" name="title" required maxLength={256} defaultValue={values.title} error={errors.title} autoComplete="off" />
        <Input label="Release date" name="releaseDate" type="date" required defaultValue={values.releaseDate} error={errors.releaseDate} />
      </div>

      <section aria-labelledby="tracks-heading" className="space-y-4">
        <div>
          <h2 id="tracks-heading" className="text-base font-semibold text-stone-900">
            Tracks
          </h2>
          <p className="text-sm text-stone-600">In the order they play. You always perform on your own tracks; add guests by nickname.</p>
        </div>
        <datalist id="track-type-suggestions">
          {TRACK_TYPE_SUGGESTIONS.map((type) => (
            <option key={type} value={type} />
          ))}
        </datalist>
        <ol className="space-y-4">
          {rows.map((row, index) => (
            <li key={row.key}>
              <TrackRow
                number={index + 1}
                values={row.values}
                errors={errors}
                errorIndex={row.key < values.tracks.length ? row.key : null}
                focusOnMount={row.focusOnMount}
                onRemove={rows.length > 1 ? () => removeTrack(row.key) : undefined}
                canRemove={hydrated}
              />
            </li>
          ))}
        </ol>
        <div className="flex flex-wrap items-center gap-3">
          <Button variant="secondary" onClick={addTrack} disabled={!hydrated || rows.length >= MAX_TRACKS}>
            Add track
          </Button>
          <div aria-live="polite" className="text-sm text-red-700">
            {trackErrors?.map((message) => <p key={message}>{message}</p>)}
          </div>
        </div>
      </section>
    </>
  );
}

function TrackRow({
  number,
  values,
  errors,
  errorIndex,
  focusOnMount,
  onRemove,
  canRemove,
}: {
  number: number;
  values: TrackFormValues;
  errors: FieldErrors;
  errorIndex: number | null;
  focusOnMount: boolean;
  onRemove?: () => void;
  canRemove: boolean;
}) {
  const errorOf = (field: keyof TrackFormValues) => (errorIndex === null ? undefined : errors[trackFieldKey(errorIndex, field)]);
  return (
    <fieldset className="rounded-lg border border-stone-200 bg-stone-50/60 p-4">
      <legend className="px-1 text-sm font-semibold text-stone-800">Track {number}</legend>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Input
          label="Track title"
          name="trackTitle"
          required
          maxLength={128}
          defaultValue={values.title}
          error={errorOf("title")}
          autoFocus={focusOnMount}
          autoComplete="off"
          className="sm:col-span-2"
        />
        <Input
          label="Duration (seconds)"
          name="trackDuration"
          type="number"
          inputMode="numeric"
          min={1}
          max={9998}
          step={1}
          required
          defaultValue={values.durationSeconds}
          error={errorOf("durationSeconds")}
        />
        <Input label="Genre" name="trackGenre" required maxLength={32} defaultValue={values.genre} error={errorOf("genre")} autoComplete="off" />
        <Input
          label="Type"
          name="trackType"
          required
          maxLength={32}
          list="track-type-suggestions"
          defaultValue={values.type}
          error={errorOf("type")}
          hint="song, intro, outro, interlude, remix, …"
          autoComplete="off"
        />
        <Input
          label="Performing artists"
          name="trackArtists"
          optional
          defaultValue={values.artists}
          error={errorOf("artists")}
          hint="Other artists of the label by nickname, separated by commas."
          autoComplete="off"
          className="sm:col-span-2 lg:col-span-3"
        />
      </div>
      {onRemove ? (
        <div className="mt-3 flex justify-end">
          <Button variant="ghost" size="sm" onClick={onRemove} disabled={!canRemove}>
            Remove track
          </Button>
        </div>
      ) : null}
    </fieldset>
  );
}
