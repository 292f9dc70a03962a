// Schemas of the decision forms on a request page.
import { z } from "zod";
import { idField, idSchema } from "@/lib/ids";
import { publishRequestInputSchema } from "@/lib/requests/publish/schemas";
import { signContractSchema } from "@/lib/requests/sign/schemas";
import { storableText } from "@/lib/storable-text";

const REASON_MAX = 2000;

export const decisionSchema = z.object({ requestId: idSchema });

export const declineSchema = z.object({
  requestId: idSchema,
  reason: storableText().trim().min(1, "Give a reason for declining").max(REASON_MAX, `Reason must be at most ${REASON_MAX} characters`),
});

/** "Request changes" (docs/domain.md §9): the reason is required and shown to the applicant. */
export const requestChangesSchema = z.object({
  requestId: idSchema,
  reason: storableText().trim().min(1, "Say what should change").max(REASON_MAX, `Reason must be at most ${REASON_MAX} characters`),
});

/** Why the admin moves work to another manager (docs/domain.md §10): shown in each request's history. */
export const handOverReasonSchema = storableText()
  .trim()
  .min(1, "Give a reason; it is shown in the request's history")
  .max(REASON_MAX, `Reason must be at most ${REASON_MAX} characters`);

/**
 * The admin's "Reassign" (docs/domain.md §10 "All requests"): the request, the manager the admin
 * saw on it ("" while it waits for one: the service refuses if that changed), the manager chosen
 * ("Manager") and the "Reason".
 */
export const reassignSchema = z.object({
  requestId: idSchema,
  currentManagerId: z.union([z.literal("").transform(() => null), idSchema]),
  managerId: idField("Choose the manager to take it over"),
  reason: handOverReasonSchema,
});

/** The amend forms (docs/domain.md §9): the fields of submitting, under the same rules. */
export const resubmitSignRequestSchema = signContractSchema.extend({ requestId: idSchema });

export const resubmitPublishRequestSchema = publishRequestInputSchema.pick({ expectedDate: true }).extend({ requestId: idSchema });

/** What an amendment changes: a sign request's nickname and message, a publish request's date. */
export type Amendment =
  | ({ type: "SIGN_CONTRACT" } & Omit<z.output<typeof resubmitSignRequestSchema>, "requestId">)
  | ({ type: "PUBLISH_RELEASE" } & Omit<z.output<typeof resubmitPublishRequestSchema>, "requestId">);

/** At most this many requests are decided in one go (docs/domain.md §9 "Bulk decisions"). */
export const BULK_DECISION_LIMIT = 100;

export const NOTHING_SELECTED = "Select at least one request";

/**
 * The requests ticked in the queue (a repeated form field): counted before anything else is
 * read, then each an id, each once.
 */
export const selectedRequestIdsSchema = z
  .array(z.unknown())
  .min(1, NOTHING_SELECTED)
  .max(BULK_DECISION_LIMIT, `Select at most ${BULK_DECISION_LIMIT} requests at once`)
  .pipe(z.array(idSchema))
  .transform((ids) => [...new Set(ids)]);

/** "Accept selected", or "Decline selected" with the reason a single decline needs. */
export const bulkDecisionSchema = z.discriminatedUnion("decision", [
  z.object({ decision: z.literal("accept"), requestIds: selectedRequestIdsSchema }),
  z.object({ decision: z.literal("decline"), requestIds: selectedRequestIdsSchema, reason: declineSchema.shape.reason }),
]);

export type BulkDecisionInput = z.output<typeof bulkDecisionSchema>;
