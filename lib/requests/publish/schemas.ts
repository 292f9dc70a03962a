// The publish request form's schema, shared by the form and its action.
import { z } from "zod";
import { idField } from "@/lib/ids";
import { isoDayField } from "@/lib/iso-day-schema";

export const publishRequestInputSchema = z.object({
  releaseId: idField("Choose a release"),
  expectedDate: isoDayField("Enter the publication date"),
});

export type PublishRequestInput = z.output<typeof publishRequestInputSchema>;
