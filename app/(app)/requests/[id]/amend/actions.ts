"use server";
// The amend forms (docs/domain.md §9 "Request changes"): the applicant resubmits a request whose
// changes were requested, with the fields of submitting. Who may is the state machine's answer,
// checked inside the domain service; the request id comes in a hidden field.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineAction, formFields, formText } from "@/lib/actions/define-action";
import { requireUser } from "@/lib/auth/guards";
import { resubmitRequest } from "@/lib/requests/resubmit-request";
import { resubmitPublishRequestSchema, resubmitSignRequestSchema } from "@/lib/requests/schemas";
import { REQUEST_NOT_FOUND } from "@/lib/requests/transition-request";

const readSignForm = (formData: FormData) => ({ nickname: formText(formData, "nickname"), message: formText(formData, "message") });
const readPublishForm = (formData: FormData) => ({ expectedDate: formText(formData, "expectedDate") });

/** Back to the request, which now waits for the worker again. */
function resubmitted(requestId: number): never {
  revalidatePath(`/requests/${requestId}`);
  revalidatePath("/requests");
  revalidatePath("/manager/requests");
  redirect(`/requests/${requestId}`);
}

export const resubmitSignRequestAction = defineAction({
  guard: requireUser,
  schema: resubmitSignRequestSchema,
  input: (formData) => ({ ...formFields(formData, "requestId"), ...readSignForm(formData) }),
  values: readSignForm,
  hidden: { requestId: REQUEST_NOT_FOUND },
  run: ({ requestId, ...details }, user) => resubmitRequest(user, requestId, { type: "SIGN_CONTRACT", ...details }),
  onSuccess: (_result, { requestId }) => resubmitted(requestId),
});

export const resubmitPublishRequestAction = defineAction({
  guard: requireUser,
  schema: resubmitPublishRequestSchema,
  input: (formData) => ({ ...formFields(formData, "requestId"), ...readPublishForm(formData) }),
  values: readPublishForm,
  hidden: { requestId: REQUEST_NOT_FOUND },
  run: ({ requestId, ...details }, user) => resubmitRequest(user, requestId, { type: "PUBLISH_RELEASE", ...details }),
  onSuccess: (_result, { requestId }) => resubmitted(requestId),
});
