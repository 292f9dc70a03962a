// The publish request form's schema, shared by the form and its action.
import { z } from "zod";
import { parseIsoDay } from "@/lib/clock";

export const publishRequestInputSchema = z.object({
  releaseId: z
    .string()
    .trim()
    .min(1, { error: "Choose a release", abort: true })
    .regex(/^[1-9]\d{0,9}$/, "Choose a release")
    .transform(Number),
  expectedDate: z
    .string()
    .trim()
    .min(1, { error: "Enter the publication date", abort: true })
    .transform((text, context) => {
      const day = parseIsoDay(text);
      if (!day) {
        context.addIssue({ code: "custom", message: "Enter a valid date" });
        return z.NEVER;
      }
      return day;
    }),
});

export type PublishRequestInput = z.output<typeof publishRequestInputSchema>;
export type PublishRequestFormValues = { releaseId: string; expectedDate: string };
