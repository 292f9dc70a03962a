// The publish request form's schema, shared by the form and its action.
import { z } from "zod";
import { isoDayField } from "@/lib/iso-day-schema";

export const publishRequestInputSchema = z.object({
  releaseId: z
    .string()
    .trim()
    .min(1, { error: "Choose a release", abort: true })
    .regex(/^[1-9]\d{0,9}$/, "Choose a release")
    .transform(Number),
  expectedDate: isoDayField("Enter the publication date"),
});

export type PublishRequestInput = z.output<typeof publishRequestInputSchema>;
export type PublishRequestFormValues = { releaseId: string; expectedDate: string };
