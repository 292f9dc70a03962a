// Form schemas for the admin's work on artists, shared by the form and its action.
import { z } from "zod";
import { idField, idSchema } from "@/lib/ids";
import { handOverReasonSchema } from "@/lib/requests/schemas";

/**
 * "Move to manager" (docs/domain.md §10 "All requests"): the artist, the manager the admin saw
 * (the service refuses if that changed meanwhile), the manager chosen ("Manager") and the "Reason".
 */
export const moveArtistSchema = z.object({
  artistId: idSchema,
  currentManagerId: idSchema,
  managerId: idField("Choose the manager to take the artist over"),
  reason: handOverReasonSchema,
});
