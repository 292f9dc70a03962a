// request.reminder-due → remind the assigned manager that the request expires in 7 days.
import { requestReminderDue } from "@/lib/events/definitions";
import { logger } from "@/lib/observability/logger";
import { remindOfDeadline } from "@/lib/requests/remind-of-deadline";
import { defineHandler } from "@/worker/handler";

export const remindOfDeadlineHandler = defineHandler({
  event: requestReminderDue,
  handle: async (payload, { applyOnce }) => {
    await applyOnce((tx) => remindOfDeadline(tx, payload).then(() => undefined));
  },
  // A missed reminder is not worth marking the request "Processing failed": the deadline still
  // shows on the request page and in the queue, and the expiry still comes.
  onGiveUp: async (payload, error) => {
    logger.error({ requestId: payload.requestId, reason: error }, `deadline reminder of request ${payload.requestId} gave up`);
  },
});
