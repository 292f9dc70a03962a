"use server";
// "Accept selected" / "Decline selected" in the manager's queue (docs/domain.md §9 "Bulk
// decisions"): one call of the bulk service, which answers with a result per request.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction, formText } from "@/lib/actions/define-action";
import { requireRole } from "@/lib/auth/guards";
import type { FieldErrors } from "@/lib/errors";
import { bulkDecisionState } from "@/lib/requests/bulk-decision-outcome";
import { decideMany } from "@/lib/requests/decide-many";
import { bulkDecisionSchema } from "@/lib/requests/schemas";
import { REQUEST_NOT_FOUND } from "@/lib/requests/transition-request";

export const decideSelectedAction = defineAction({
  guard: () => requireRole("MANAGER"),
  schema: bulkDecisionSchema,
  input: (formData) => ({ decision: formData.get("decision"), requestIds: formData.getAll("requestId"), reason: formText(formData, "reason") }),
  values: (formData) => ({ reason: formText(formData, "reason") }),
  // The pressed button names the decision; anything else did not come from the queue's form.
  hidden: { decision: "Choose “Accept selected” or “Decline selected”" },
  fieldErrors: (error) => {
    const errors = z.flattenError(error).fieldErrors as FieldErrors;
    // A value that is no id was not ticked in the queue: answered like a request that does not exist.
    if (error.issues.some((issue) => issue.path[0] === "requestIds" && issue.path.length > 1)) errors.requestIds = [REQUEST_NOT_FOUND];
    return errors;
  },
  run: (input, manager) => decideMany({ manager, ...input }),
  onSuccess: (outcomes) => {
    revalidatePath("/manager/requests");
    revalidatePath("/requests");
    revalidatePath("/requests/[id]", "page");
    return bulkDecisionState(outcomes);
  },
});
