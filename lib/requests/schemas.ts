// Schemas of the decision forms on a request page.
import { z } from "zod";

export const requestIdSchema = z.coerce.number().int().positive();

export const declineSchema = z.object({
  requestId: requestIdSchema,
  reason: z.string().trim().min(1, "Give a reason for declining").max(2000, "Reason must be at most 2000 characters"),
});

export const decisionSchema = z.object({ requestId: requestIdSchema });
