// publish-request.grading-due → grade the request and put it on approval.
import { publishRequestGradingDue } from "@/lib/events/definitions";
import { markProcessingFailed } from "@/lib/requests/mark-processing-failed";
import { gradePublishRequest } from "@/lib/requests/publish/grade-publish-request";
import { defineHandler } from "@/worker/handler";

export const gradePublishRequestHandler = defineHandler({
  event: publishRequestGradingDue,
  handle: async (payload, { applyOnce }) => {
    await applyOnce((tx) => gradePublishRequest(tx, payload.requestId).then(() => undefined));
  },
  onGiveUp: (payload, error) => markProcessingFailed(payload.requestId, error),
});
