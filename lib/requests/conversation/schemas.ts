// The comment form of a request's Conversation section, shared by the form and its action.
import { z } from "zod";
import { idSchema } from "@/lib/ids";
import { COMMENT_MAX } from "@/lib/requests/conversation/conversation-rules";
import { storableText } from "@/lib/storable-text";

export const commentSchema = z.object({
  requestId: idSchema,
  body: storableText().trim().min(1, "Write a comment").max(COMMENT_MAX, `Comment must be at most ${COMMENT_MAX} characters`),
  // A checkbox: "on" when ticked, absent otherwise (a browser sends nothing else).
  internal: z
    .literal("on", "Internal note is a checkbox")
    .nullable()
    .transform((value) => value === "on"),
});

export type CommentInput = z.infer<typeof commentSchema>;
