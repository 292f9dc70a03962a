"use server";
// The admin's "Retry" and "Retry all" on /admin/failed-events (docs/domain.md §10 "Failed
// events"): the admin only; each retry goes through the outbox, audited (decision 017). Back to
// the list as it was, which says what was sent; a refusal (retried meanwhile) shows by the button.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineAction, formFields } from "@/lib/actions/define-action";
import { requireRole } from "@/lib/auth/guards";
import { retryAllFailedEvents, retryFailedEvent } from "@/lib/failed-events/retry-failed-event";
import { FAILED_EVENT_NOT_FOUND, failedEventsListHref, retryAllFailedEventsSchema, retryFailedEventSchema } from "@/lib/failed-events/schemas";

const requireAdmin = () => requireRole("ADMIN");

export const retryFailedEventAction = defineAction({
  guard: requireAdmin,
  schema: retryFailedEventSchema,
  input: (formData) => formFields(formData, "failedEventId", "event", "state", "page"),
  hidden: { failedEventId: FAILED_EVENT_NOT_FOUND },
  run: (input, admin) => retryFailedEvent(admin, input.failedEventId),
  onSuccess: (retried, input) => {
    revalidatePath("/admin/failed-events");
    redirect(failedEventsListHref(input, { retried: String(retried.failedEventId) }));
  },
});

export const retryAllFailedEventsAction = defineAction({
  guard: requireAdmin,
  schema: retryAllFailedEventsSchema,
  input: (formData) => ({ ...formFields(formData, "state", "page"), event: formData.get("event") ?? "" }),
  run: (input, admin) => retryAllFailedEvents(admin, input),
  onSuccess: ({ retried, more }, input) => {
    revalidatePath("/admin/failed-events");
    redirect(failedEventsListHref(input, { retriedAll: String(retried), ...(more ? { more: "1" } : {}) }));
  },
});
