// The "Request changes" loop on a request's page (docs/domain.md §9): what the manager asked for
// while the request waits for changes — with "Amend request" for the applicant — and, for the
// assigned manager of an On approval request, the form that asks. Buttons follow `actions`.
import { RequestChangesForm } from "@/components/requests/request-changes-form";
import { LinkButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { formatDateTime } from "@/lib/clock";
import type { ActionState } from "@/lib/errors";
import type { RequestStatus } from "@/lib/generated/prisma/enums";
import { requestedChanges } from "@/lib/requests/requested-changes";
import type { RequestAction } from "@/lib/requests/state-machine";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

type Props = {
  request: { id: number; status: RequestStatus; history: Parameters<typeof requestedChanges>[0]["history"] };
  actions: readonly RequestAction[];
  requestChanges: Action;
};

export function RequestedChangesSection({ request, actions, requestChanges }: Props) {
  const asked = requestedChanges(request);
  return (
    <>
      {asked ? (
        <Card
          title="Changes requested"
          actions={
            actions.includes("resubmit") ? (
              <LinkButton href={`/requests/${request.id}/amend`} variant="primary">
                Amend request
              </LinkButton>
            ) : null
          }
        >
          <blockquote className="border-l-4 border-accent-200 pl-3 text-sm whitespace-pre-wrap text-stone-900">{asked.reason}</blockquote>
          <p className="mt-2 text-xs text-stone-500">
            Asked{asked.by ? ` by ${asked.by}` : ""} on <time dateTime={asked.at.toISOString()}>{formatDateTime(asked.at)}</time>.{" "}
            {actions.includes("resubmit")
              ? "Amend the request and resubmit it, or withdraw it."
              : "Waiting for the applicant to amend and resubmit it."}
          </p>
        </Card>
      ) : null}
      {actions.includes("requestChanges") ? (
        <Card title="Ask for changes" description="The request goes back to the applicant, who can amend and resubmit it.">
          <RequestChangesForm requestId={request.id} requestChanges={requestChanges} />
        </Card>
      ) : null}
    </>
  );
}
