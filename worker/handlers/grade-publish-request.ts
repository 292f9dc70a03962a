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
  // A backlog in one transaction (decision 020): each graded in order, seeing the ones before it,
  // exactly as one at a time; any failure rolls the run back and the consumer grades one by one.
  applyBatch: async (tx, events) => {
    for (const { payload } of events) await gradePublishRequest(tx, payload.requestId);
  },
  onGiveUp: (payload, error) => markProcessingFailed(payload.requestId, error),
});
