"use server";
// The admin's "Reassign" on a sign request's page (docs/domain.md §10 "All requests"): the admin
// only, here and again in the service, which also refuses a request that changed meanwhile.
import { revalidatePath } from "next/cache";
import { defineAction, formFields } from "@/lib/actions/define-action";
import { requireRole } from "@/lib/auth/guards";
import { REQUEST_CHANGED_MEANWHILE } from "@/lib/requests/reassignment-rule";
import { reassignRequest } from "@/lib/requests/reassign-request";
import { reassignSchema } from "@/lib/requests/schemas";
import { REQUEST_NOT_FOUND } from "@/lib/requests/transition-request";

export const reassignRequestAction = defineAction({
  guard: () => requireRole("ADMIN"),
  schema: reassignSchema,
  input: (formData) => formFields(formData, "requestId", "currentManagerId", "managerId", "reason"),
  values: (formData) => formFields(formData, "managerId", "reason"),
  hidden: { requestId: REQUEST_NOT_FOUND, currentManagerId: REQUEST_CHANGED_MEANWHILE },
  run: (input, admin) => reassignRequest(admin, input),
  onSuccess: (result) => {
    revalidatePath(`/requests/${result.requestId}`);
    revalidatePath("/admin/requests");
    revalidatePath("/manager/requests");
    revalidatePath("/requests");
    return { ok: true, message: `${result.managerName} has this request now.` };
  },
});
