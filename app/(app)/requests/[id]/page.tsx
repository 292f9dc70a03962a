// /requests/<id>: one request for its applicant or assigned manager, and read-only for the admin
// (with "Reassign" on an open sign request, docs/domain.md §10) — status, details,
// decisions and the History timeline; follows changes made elsewhere without a reload (the
// signed-in layout's live updates, docs/domain.md §9 "Live pages").
import type { Metadata } from "next";
import Link from "next/link";
import { HandOverForm } from "@/components/admin/hand-over-form";
import { ManagerDecisionForms, WithdrawForm } from "@/components/requests/decision-forms";
import { PublishGradePanel } from "@/components/requests/publish-grade-panel";
import { RequestDeadline } from "@/components/requests/request-deadline";
import { RequestStatusBadge } from "@/components/requests/request-status-badge";
import { RequestConversation } from "@/components/requests/request-conversation";
import { RequestedChangesSection } from "@/components/requests/requested-changes-section";
import { RequestTimeline } from "@/components/requests/request-timeline";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { formatDay, systemClock } from "@/lib/clock";
import { type RequestDetail } from "@/lib/requests/queries";
import { reassignmentOffer } from "@/lib/requests/reassign-request";
import { typeLabels } from "@/lib/requests/state-machine";
import { acceptAction, declineAction, requestChangesAction, withdrawAction } from "./actions";
import { reassignRequestAction } from "../../admin/requests/actions";
import { postCommentAction } from "./conversation-actions";
import { viewRequestOrNotFound } from "./view-request";

export const metadata: Metadata = { title: "Request" };

/** What the worker still has to do, in words; null when nothing is pending. */
function pendingWork(request: RequestDetail): string | null {
  if (request.processingFailedAt) return null;
  if (request.type === "SIGN_CONTRACT" && request.status === "NEW") {
    // A resubmitted request keeps its manager (docs/domain.md §9).
    return request.managerId === null ? "Waiting for a manager to be assigned" : "Resubmitted — on its way back to its manager";
  }
  if (request.type === "PUBLISH_RELEASE" && (request.status === "NEW" || request.status === "PROCESSING")) {
    return "Waiting for the grade — the label's system is grading this request";
  }
  return null;
}

export default async function RequestPage({ params }: { params: Promise<{ id: string }> }) {
  const { user, request, isApplicant, isAssignedManager, isAdmin, actions, conversation } = await viewRequestOrNotFound((await params).id);
  // The admin reads any request; on an open sign request they may reassign it (docs/domain.md §10).
  const reassignment = await reassignmentOffer(user, request);
  const mayDecide = actions.includes("accept") || actions.includes("decline");
  const pending = pendingWork(request);
  const managerName = request.manager?.user.name;

  return (
    <>
      <PageHeader
        eyebrow={
          <Link href={isAssignedManager ? "/manager/requests" : isAdmin ? "/admin/requests" : "/requests"} className="hover:underline">
            ← {isAssignedManager ? "Queue" : isAdmin ? "All requests" : "My requests"}
          </Link>
        }
        title={`${typeLabels[request.type]} request #${request.id}`}
        description={`Submitted by ${request.applicant.name} on ${formatDay(request.createdAt)}`}
        actions={<RequestStatusBadge status={request.status} resolution={request.resolution} />}
      />

      <div className="space-y-6">
        {pending && request.type === "SIGN_CONTRACT" ? (
          <Alert tone="info" title={pending}>
            This page updates by itself.
          </Alert>
        ) : null}
        {request.processingFailedAt ? (
          <Alert tone="error" title="Processing failed — will not retry">
            The label has been told; a manager will look into it.
            {request.processingFailureReference ? ` Reference: ${request.processingFailureReference}.` : null}
          </Alert>
        ) : null}

        <Card title="Details">
          <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
            <div>
              <dt className="text-stone-500">Status</dt>
              <dd>
                <RequestStatusBadge status={request.status} resolution={request.resolution} />
              </dd>
            </div>
            <div>
              <dt className="text-stone-500">Manager</dt>
              <dd>{managerName ? `Assigned to ${managerName}` : "Not assigned yet"}</dd>
            </div>
            {request.type === "SIGN_CONTRACT" ? (
              <>
                <div>
                  <dt className="text-stone-500">Nickname</dt>
                  <dd className="font-medium">{request.nickname}</dd>
                </div>
                <div className="sm:col-span-2">
                  <dt className="text-stone-500">Message to the label</dt>
                  <dd className="whitespace-pre-wrap">{request.message ?? "—"}</dd>
                </div>
              </>
            ) : (
              <>
                <div>
                  <dt className="text-stone-500">Release</dt>
                  <dd className="font-medium">
                    {isApplicant && request.release ? (
                      <Link className="underline" href={`/releases/${request.release.id}`}>
                        {request.release.title}
                      </Link>
                    ) : (
                      `${request.release?.title ?? ""} by ${request.release?.artist.nickname ?? ""}`
                    )}
                  </dd>
                </div>
                <div>
                  <dt className="text-stone-500">Publication date</dt>
                  <dd>{request.expectedDate ? formatDay(request.expectedDate) : "—"}</dd>
                </div>
              </>
            )}
            {request.resolution ? (
              <div className="sm:col-span-2">
                <dt className="text-stone-500">Reason</dt>
                <dd className="whitespace-pre-wrap">{request.resolutionReason ?? "—"}</dd>
              </div>
            ) : null}
            <RequestDeadline request={request} now={systemClock.now()} />
            {isAssignedManager || isAdmin ? (
              <div className="sm:col-span-2">
                <dt className="text-stone-500">Applicant</dt>
                <dd>
                  {request.applicant.name} · {request.applicant.email}
                </dd>
              </div>
            ) : null}
          </dl>
        </Card>

        {request.type === "PUBLISH_RELEASE" ? (
          <Card title="Grade">
            <PublishGradePanel status={request.status} grade={request.grade} gradeBreakdown={request.gradeBreakdown} />
          </Card>
        ) : null}

        {mayDecide ? (
          <Card title="Decision" description="Only you, the assigned manager, can decide this request.">
            <ManagerDecisionForms requestId={request.id} accept={acceptAction} decline={declineAction} />
          </Card>
        ) : null}

        <RequestedChangesSection request={request} actions={actions} requestChanges={requestChangesAction} />

        {actions.includes("withdraw") ? (
          <Card title="Changed your mind?" description="You can withdraw the request while it is open.">
            <WithdrawForm requestId={request.id} withdraw={withdrawAction} />
          </Card>
        ) : null}

        <Card title="History">
          <RequestTimeline entries={request.timeline} />
        </Card>

        <RequestConversation requestId={request.id} abilities={conversation} post={postCommentAction} />

        {reassignment ? (
          <Card
            title="Reassign"
            description={
              request.managerId === null
                ? "No manager has this request yet: the manager you choose gets it for approval."
                : "Hand this request to another manager. Both managers and the applicant are notified."
            }
          >
            <HandOverForm
              action={reassignRequestAction}
              hidden={{ requestId: String(request.id), currentManagerId: reassignment.currentManagerId === null ? "" : String(reassignment.currentManagerId) }}
              choices={reassignment.choices}
              reasonHint="Shown in the request's history, to the applicant too."
              submitLabel="Reassign"
              pendingLabel="Reassigning…"
            />
          </Card>
        ) : null}
      </div>
    </>
  );
}
