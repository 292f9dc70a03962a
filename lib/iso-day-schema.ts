// A form field holding a calendar day ("YYYY-MM-DD"), parsed to a UTC Date. Shared by forms.
import { z } from "zod";
import { parseIsoDay } from "@/lib/clock";

export function isoDayField(requiredMessage: string) {
  return z
    .string()
    .trim()
    .min(1, { error: requiredMessage, abort: true })
    .transform((text, context) => {
      const day = parseIsoDay(text);
      if (!day) {
        context.addIssue({ code: "custom", message: "Enter a valid date" });
        return z.NEVER;
      }
      return day;
    });
}
