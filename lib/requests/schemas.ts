// Schemas of the decision forms on a request page.
import { z } from "zod";
import { idSchema } from "@/lib/ids";
import { storableText } from "@/lib/storable-text";

const REASON_MAX = 2000;

export const decisionSchema = z.object({ requestId: idSchema });

export const declineSchema = z.object({
  requestId: idSchema,
  reason: storableText().trim().min(1, "Give a reason for declining").max(REASON_MAX, `Reason must be at most ${REASON_MAX} characters`),
});
