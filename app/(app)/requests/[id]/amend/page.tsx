// /requests/<id>/amend: the applicant amends a request whose changes were requested and resubmits
// it (docs/domain.md §9) — a sign request's nickname and message, a publish request's date — under
// the rules of submitting. Anyone else finds nothing here; a stale link goes back to the request.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { AmendPublishRequestForm } from "@/components/requests/publish-request-form";
import { SignContractForm } from "@/components/requests/sign-contract-form";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { formatDay, toIsoDay } from "@/lib/clock";
import { getPublishFormOptions } from "@/lib/requests/publish/get-publish-form-options";
import { INACTIVE_ARTIST_MESSAGE } from "@/lib/requests/publish/submit-publish-request";
import { requestedChanges } from "@/lib/requests/requested-changes";
import { typeLabels } from "@/lib/requests/state-machine";
import { resubmitPublishRequestAction, resubmitSignRequestAction } from "./actions";
import { viewRequestOrNotFound } from "../view-request";

export const metadata: Metadata = { title: "Amend request" };

export default async function AmendRequestPage({ params }: { params: Promise<{ id: string }> }) {
  const { user, request, isApplicant, actions } = await viewRequestOrNotFound((await params).id);
  if (!actions.includes("resubmit")) {
    if (isApplicant) redirect(`/requests/${request.id}`);
    notFound();
  }
  const asked = requestedChanges(request);
  const publishOptions = request.type === "PUBLISH_RELEASE" && user.artistId !== null ? await getPublishFormOptions(user.artistId) : null;

  return (
    <>
      <PageHeader
        eyebrow={
          <Link href={`/requests/${request.id}`} className="hover:underline">
            ← {typeLabels[request.type]} request #{request.id}
          </Link>
        }
        title="Amend request"
        description="Change what your manager asked for, then resubmit: the request is taken up again as after its submission."
      />
      <div className="space-y-6">
        {asked ? (
          <Card title="What your manager asked for">
            <blockquote className="border-l-4 border-accent-200 pl-3 text-sm whitespace-pre-wrap text-stone-900">{asked.reason}</blockquote>
          </Card>
        ) : null}
        <Card>
          {request.type === "SIGN_CONTRACT" ? (
            <SignContractForm
              submit={resubmitSignRequestAction}
              amending={{ requestId: request.id, nickname: request.nickname ?? "", message: request.message }}
            />
          ) : !publishOptions?.active ? (
            <Alert tone="warning" title="You cannot resubmit this request">
              {INACTIVE_ARTIST_MESSAGE} You can still withdraw it.
            </Alert>
          ) : (
            <div className="space-y-5">
              {request.release ? (
                <p className="text-sm text-stone-700">
                  Release <span className="font-medium">{request.release.title}</span>. While changes are requested you may also{" "}
                  <Link className="underline" href={`/releases/${request.release.id}/edit`}>
                    edit the release
                  </Link>{" "}
                  before resubmitting.
                </p>
              ) : null}
              <AmendPublishRequestForm
                submit={resubmitPublishRequestAction}
                requestId={request.id}
                expectedDate={request.expectedDate ? toIsoDay(request.expectedDate) : ""}
                earliestDate={toIsoDay(publishOptions.earliestDate)}
                earliestDateLabel={formatDay(publishOptions.earliestDate)}
                latestDate={toIsoDay(publishOptions.contractDueDate)}
                latestDateLabel={formatDay(publishOptions.contractDueDate)}
              />
            </div>
          )}
        </Card>
      </div>
    </>
  );
}
