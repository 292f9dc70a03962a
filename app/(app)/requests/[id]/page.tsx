// /requests/<id>: one request for its applicant or assigned manager — status, details,
// decisions and the History timeline; refreshes itself while the worker has work pending.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AutoRefresh } from "@/components/ui/auto-refresh";
import { ManagerDecisionForms, WithdrawForm } from "@/components/requests/decision-forms";
import { PublishGradePanel } from "@/components/requests/publish-grade-panel";
import { RequestStatusBadge } from "@/components/requests/request-status-badge";
import { RequestTimeline } from "@/components/requests/request-timeline";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/guards";
import { formatDateTime, formatDay } from "@/lib/clock";
import { parseId } from "@/lib/ids";
import { NotFoundError } from "@/lib/errors";
import { getRequestForViewer, type RequestDetail } from "@/lib/requests/queries";
import { isOpen } from "@/lib/requests/open-request";
import { typeLabels } from "@/lib/requests/state-machine";
import { publishRequestExpiresAt, signRequestExpiresAt } from "@/lib/requests/timing";
import { acceptAction, declineAction, withdrawAction } from "./actions";

export const metadata: Metadata = { title: "Request" };

/** What the worker still has to do, in words; null when nothing is pending. */
function pendingWork(request: RequestDetail): string | null {
  if (request.processingFailedAt) return null;
  if (request.type === "SIGN_CONTRACT" && request.status === "NEW") return "Waiting for a manager to be assigned";
  if (request.type === "PUBLISH_RELEASE" && (request.status === "NEW" || request.status === "PROCESSING")) {
    return "Waiting for the grade — the label's system is grading this request";
  }
  return null;
}

function expiresAt(request: RequestDetail): Date | null {
  if (!isOpen(request.status)) return null;
  if (request.type === "SIGN_CONTRACT") return signRequestExpiresAt(request.createdAt);
  return request.expectedDate ? publishRequestExpiresAt(request.expectedDate) : null;
}

export default async function RequestPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const id = parseId((await params).id);
  if (id === null) notFound();
  let viewed: Awaited<ReturnType<typeof getRequestForViewer>>;
  try {
    viewed = await getRequestForViewer(user, id);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const { request, isApplicant, isAssignedManager, actions } = viewed;
  const mayDecide = actions.includes("accept") || actions.includes("decline");
  const pending = pendingWork(request);
  const expiry = expiresAt(request);
  const managerName = request.manager?.user.name;

  return (
    <>
      <AutoRefresh active={pending !== null} />
      <PageHeader
        eyebrow={
          <Link href={isAssignedManager ? "/manager/requests" : "/requests"} className="hover:underline">
            ← {isAssignedManager ? "Queue" : "My requests"}
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
            {expiry ? (
              <div className="sm:col-span-2">
                <dt className="text-stone-500">Deadline</dt>
                <dd>Expires on {formatDateTime(expiry)} if it is not decided by then</dd>
              </div>
            ) : null}
            {isAssignedManager ? (
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

        {actions.includes("withdraw") ? (
          <Card title="Changed your mind?" description="You can withdraw the request while it is open.">
            <WithdrawForm requestId={request.id} withdraw={withdrawAction} />
          </Card>
        ) : null}

        <Card title="History">
          <RequestTimeline entries={request.history} />
        </Card>
      </div>
    </>
  );
}
