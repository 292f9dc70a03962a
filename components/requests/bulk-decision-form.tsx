"use client";
// Bulk decisions in the manager's queue (docs/domain.md §9 "Bulk decisions"): a checkbox on each
// row the manager may decide, "Accept selected" and "Decline selected" (with "Reason"), and the
// result per request in a live region. The checkboxes sit in the table's rows and belong to the
// form through its id, so the table stays as it is and the form posts without JavaScript too.
import { startTransition, useActionState, useEffect, useRef, useSyncExternalStore, type FormEvent } from "react";
import { useFormStatus } from "react-dom";
import { Alert, FormMessage } from "@/components/ui/alert";
import { Button, type ButtonVariant } from "@/components/ui/button";
import { Textarea } from "@/components/ui/field";
import { useFocusFirstInvalid } from "@/components/ui/use-focus-first-invalid";
import { outcomeWords, type BulkDecision, type BulkDecisionState } from "@/lib/requests/bulk-decision-outcome";

/** The id of the form every row's checkbox belongs to. */
const FORM_ID = "bulk-decisions";

/** Every row checkbox of the form, as the page rendered them. */
function rowCheckboxes(): HTMLInputElement[] {
  return [...document.querySelectorAll<HTMLInputElement>(`input[type="checkbox"][name="requestId"][form="${FORM_ID}"]`)];
}

/** The checkbox of one row; its label names the request. */
export function SelectRequestCheckbox({ requestId }: { requestId: number }) {
  return (
    <label className="inline-flex size-6 items-center justify-center">
      <span className="sr-only">Select request #{requestId}</span>
      <input type="checkbox" name="requestId" value={requestId} form={FORM_ID} className="size-4 accent-accent-600" />
    </label>
  );
}

const subscribeToNothing = () => () => undefined;

/** The header's "select every request on this page"; usable once the page runs its script. */
export function SelectAllRequests() {
  const box = useRef<HTMLInputElement>(null);
  const hydrated = useSyncExternalStore(subscribeToNothing, () => true, () => false);
  useEffect(() => {
    const sync = () => {
      if (!box.current) return;
      const rows = rowCheckboxes();
      const ticked = rows.filter((row) => row.checked).length;
      box.current.checked = rows.length > 0 && ticked === rows.length;
      box.current.indeterminate = ticked > 0 && ticked < rows.length;
    };
    // A form's reset event comes before its fields are reset: look once it is done.
    const afterReset = () => queueMicrotask(sync);
    document.addEventListener("change", sync);
    document.addEventListener("reset", afterReset, true);
    sync();
    return () => {
      document.removeEventListener("change", sync);
      document.removeEventListener("reset", afterReset, true);
    };
  }, []);
  return (
    <label className="inline-flex size-6 items-center justify-center">
      <span className="sr-only">Select every request on this page</span>
      <input
        ref={box}
        type="checkbox"
        disabled={!hydrated}
        className="size-4 accent-accent-600"
        onChange={(event) => {
          for (const row of rowCheckboxes()) row.checked = event.currentTarget.checked;
        }}
      />
    </label>
  );
}

/** A submit button of the form that names the decision it sends, and says so while it runs. */
function DecisionButton({ decision, variant, pendingLabel, children }: { decision: BulkDecision; variant: ButtonVariant; pendingLabel: string; children: string }) {
  const { pending, data } = useFormStatus();
  const mine = pending && data?.get("decision") === decision;
  return (
    <Button type="submit" name="decision" value={decision} variant={variant} disabled={pending} aria-disabled={pending}>
      {mine ? <span aria-hidden="true" className="size-3.5 animate-spin rounded-full border-2 border-current border-r-transparent" /> : null}
      {mine ? pendingLabel : children}
    </Button>
  );
}

type Action = (state: BulkDecisionState, formData: FormData) => Promise<BulkDecisionState>;

/**
 * Stays on the page when nothing is left to select: the results of the last run stay readable
 * (and announced, from the same live region) after the decided rows have left the table.
 */
export function BulkDecisionForm({ decide, selectable }: { decide: Action; selectable: boolean }) {
  const [state, formAction] = useActionState(decide, {});
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(state, form);

  // After a run the ticks and the reason are cleared; after a refusal they stay for a correction.
  useEffect(() => {
    if (state.outcomes) form.current?.reset();
  }, [state]);

  // With JavaScript the action runs in a transition of our own, so a refused form is not reset
  // (React resets a form after its `action` runs); without it the browser posts the form.
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => formAction(formData));
  };

  return (
    <div className="mt-4 space-y-3">
      {selectable ? (
        <form id={FORM_ID} ref={form} action={formAction} onSubmit={submit} aria-labelledby={`${FORM_ID}-title`} className="space-y-3 rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
          <h2 id={`${FORM_ID}-title`} className="text-sm font-semibold text-stone-800">
            Decide the selected requests
          </h2>
          <p className="text-sm text-stone-600">Tick requests that are On approval in the table, then accept them, or decline them all with one reason.</p>
          <Textarea
            label="Reason"
            name="reason"
            rows={2}
            maxLength={2000}
            defaultValue={typeof state.values?.reason === "string" ? state.values.reason : ""}
            error={state.fieldErrors?.reason}
            hint="Needed to decline; shown to each applicant."
          />
          <div className="flex flex-wrap gap-2">
            <DecisionButton decision="accept" variant="primary" pendingLabel="Accepting…">
              Accept selected
            </DecisionButton>
            <DecisionButton decision="decline" variant="danger" pendingLabel="Declining…">
              Decline selected
            </DecisionButton>
          </div>
          <FormMessage error={state.formError ?? state.fieldErrors?.requestIds?.[0]} />
        </form>
      ) : null}
      <DecisionResults state={state} />
    </div>
  );
}

/** The last run's result per request, in a region that is always present so it is announced. */
function DecisionResults({ state }: { state: BulkDecisionState }) {
  const notChanged = state.outcomes?.some((outcome) => outcome.outcome === "not-changed");
  return (
    <div aria-live="polite">
      {state.outcomes ? (
        <Alert tone={notChanged ? "warning" : "success"} title={state.message}>
          <ul aria-label="Result per request" className="list-disc space-y-0.5 pl-5">
            {state.outcomes.map((outcome) => (
              <li key={outcome.requestId}>
                #{outcome.requestId} {outcomeWords(outcome)}
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
    </div>
  );
}
