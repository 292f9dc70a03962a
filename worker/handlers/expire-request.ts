// request.expiry-due → close the request as Expired if it is still open and its deadline stands.
import { requestExpiryDue } from "@/lib/events/definitions";
import { expireRequest } from "@/lib/requests/expire-request";
import { markProcessingFailed } from "@/lib/requests/mark-processing-failed";
import { defineHandler } from "@/worker/handler";

export const expireRequestHandler = defineHandler({
  event: requestExpiryDue,
  handle: async (payload, { applyOnce }) => {
    await applyOnce((tx) => expireRequest(tx, payload).then(() => undefined));
  },
  onGiveUp: (payload, error) => markProcessingFailed(payload.requestId, error),
});
