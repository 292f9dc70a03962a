"use server";
// Posting a comment on a request (docs/domain.md §9 "Conversation"). Who may, and whether an
// internal note is allowed, is the conversation rules' answer inside the domain service.
import { revalidatePath } from "next/cache";
import { defineAction, formFields, formText } from "@/lib/actions/define-action";
import { requireUser } from "@/lib/auth/guards";
import { postComment } from "@/lib/requests/conversation/post-comment";
import { commentSchema } from "@/lib/requests/conversation/schemas";
import { REQUEST_NOT_FOUND } from "@/lib/requests/transition-request";

export const postCommentAction = defineAction({
  guard: requireUser,
  schema: commentSchema,
  input: (formData) => formFields(formData, "requestId", "body", "internal"),
  values: (formData) => ({ body: formText(formData, "body"), internal: formData.get("internal") === "on" }),
  hidden: { requestId: REQUEST_NOT_FOUND },
  run: ({ requestId, body, internal }, user) => postComment({ requestId, author: user, body, internal }),
  onSuccess: (_comment, { requestId, internal }) => {
    revalidatePath(`/requests/${requestId}`);
    revalidatePath("/notifications");
    return { ok: true, message: internal ? "Internal note posted." : "Comment posted." };
  },
});
