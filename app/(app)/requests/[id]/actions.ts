"use server";
// Decisions on one request: accept, decline, request changes (assigned manager), withdraw
// (applicant). Who may take which is the state machine's answer, checked inside the domain services.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction, formFields } from "@/lib/actions/define-action";
import { requireUser, type SessionUser } from "@/lib/auth/guards";
import { acceptRequest } from "@/lib/requests/accept-request";
import { declineRequest } from "@/lib/requests/decline-request";
import { requestChanges } from "@/lib/requests/request-changes";
import { decisionSchema, declineSchema, requestChangesSchema } from "@/lib/requests/schemas";
import { REQUEST_NOT_FOUND } from "@/lib/requests/transition-request";
import { withdrawRequest } from "@/lib/requests/withdraw-request";

/** One decision form: the request id (hidden) and the schema's own fields. */
function decisionAction<Input extends { requestId: number }>(
  schema: z.ZodType<Input> & { shape: Record<string, unknown> },
  decide: (user: SessionUser, input: Input) => Promise<unknown>,
  done: string,
) {
  const fields = Object.keys(schema.shape);
  return defineAction({
    guard: requireUser,
    schema,
    input: (formData) => formFields(formData, ...fields),
    values: (formData) => formFields(formData, ...fields.filter((field) => field !== "requestId")),
    hidden: { requestId: REQUEST_NOT_FOUND },
    run: (input, user) => decide(user, input),
    onSuccess: (_result, { requestId }) => {
      revalidatePath(`/requests/${requestId}`);
      revalidatePath("/requests");
      revalidatePath("/manager/requests");
      return { ok: true, message: done };
    },
  });
}

export const acceptAction = decisionAction(decisionSchema, (user, { requestId }) => acceptRequest(user, requestId), "Accepted.");

export const declineAction = decisionAction(declineSchema, (user, { requestId, reason }) => declineRequest(user, requestId, reason), "Declined.");

export const requestChangesAction = decisionAction(
  requestChangesSchema,
  (user, { requestId, reason }) => requestChanges(user, requestId, reason),
  "Changes requested.",
);

export const withdrawAction = decisionAction(decisionSchema, (user, { requestId }) => withdrawRequest(user, requestId), "Withdrawn.");
