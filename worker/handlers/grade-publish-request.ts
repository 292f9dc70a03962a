// publish-request.grading-due → grade the request and put it on approval.
import { publishRequestGradingDue } from "@/lib/events/definitions";
import { markProcessingFailed } from "@/lib/requests/mark-processing-failed";
import { gradePublishRequest } from "@/lib/requests/publish/grade-publish-request";
import { gradePublishRequests } from "@/lib/requests/publish/grade-publish-requests";
import { defineHandler } from "@/worker/handler";

export const gradePublishRequestHandler = defineHandler({
  event: publishRequestGradingDue,
  handle: async (payload, { applyOnce }) => {
    await applyOnce((tx) => gradePublishRequest(tx, payload.requestId).then(() => undefined));
  },
  // A backlog in one transaction (decision 020): graded set-based with exactly the results of one
  // at a time in order; any failure rolls the run back and the consumer grades one by one.
  applyBatch: async (tx, events) => {
    await gradePublishRequests(tx, events.map(({ payload }) => payload.requestId));
  },
  onGiveUp: (payload, error) => markProcessingFailed(payload.requestId, error),
});
