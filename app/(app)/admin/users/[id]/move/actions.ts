"use server";
// The admin's "Move to manager" for an artist (docs/domain.md §10 "All requests"): the admin only,
// here and again in the service, which also refuses an artist whose manager changed meanwhile.
import { revalidatePath } from "next/cache";
import { defineAction, formFields } from "@/lib/actions/define-action";
import { ARTIST_NOT_FOUND, moveArtist } from "@/lib/artists/move-artist";
import { moveArtistSchema } from "@/lib/artists/schemas";
import { requireRole } from "@/lib/auth/guards";
import { ARTIST_CHANGED_MEANWHILE } from "@/lib/requests/reassignment-rule";

export const moveArtistAction = defineAction({
  guard: () => requireRole("ADMIN"),
  schema: moveArtistSchema,
  input: (formData) => formFields(formData, "artistId", "currentManagerId", "managerId", "reason"),
  values: (formData) => formFields(formData, "managerId", "reason"),
  hidden: { artistId: ARTIST_NOT_FOUND, currentManagerId: ARTIST_CHANGED_MEANWHILE },
  run: (input, admin) => moveArtist(admin, input),
  onSuccess: ({ nickname, managerName, movedRequestIds }) => {
    revalidatePath("/admin", "layout");
    revalidatePath("/manager", "layout");
    for (const id of movedRequestIds) revalidatePath(`/requests/${id}`);
    const carried = movedRequestIds.length === 0 ? "" : `; ${movedRequestIds.length} open publish request${movedRequestIds.length === 1 ? "" : "s"} went with them`;
    return { ok: true, message: `${nickname} now works with ${managerName}${carried}.` };
  },
});
