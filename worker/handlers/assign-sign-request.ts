// sign-request.assignment-due → find a manager (or schedule another try).
import { signRequestAssignmentDue } from "@/lib/events/definitions";
import { markProcessingFailed } from "@/lib/requests/mark-processing-failed";
import { assignSignRequest } from "@/lib/requests/sign/assign-sign-request";
import { defineHandler } from "@/worker/handler";

export const assignSignRequestHandler = defineHandler({
  event: signRequestAssignmentDue,
  handle: async (payload, { applyOnce }) => {
    await applyOnce((tx) => assignSignRequest(tx, payload.requestId, payload.attempt).then(() => undefined));
  },
  onGiveUp: (payload, error) => markProcessingFailed(payload.requestId, error),
});
