// sign-request.assignment-due → find a manager (or schedule another try).
import { signRequestAssignmentDue } from "@/lib/events/definitions";
import { markProcessingFailed } from "@/lib/requests/mark-processing-failed";
import { assignSignRequest } from "@/lib/requests/sign/assign-sign-request";
import { assignSignRequests } from "@/lib/requests/sign/assign-sign-requests";
import { defineHandler } from "@/worker/handler";

export const assignSignRequestHandler = defineHandler({
  event: signRequestAssignmentDue,
  handle: async (payload, { applyOnce }) => {
    await applyOnce((tx) => assignSignRequest(tx, payload.requestId, payload.attempt).then(() => undefined));
  },
  // A backlog in one transaction (decision 020): the same choices and writes as one at a time.
  applyBatch: async (tx, events) => {
    await assignSignRequests(tx, events.map(({ payload }) => payload));
  },
  onGiveUp: (payload, error) => markProcessingFailed(payload.requestId, error),
});
