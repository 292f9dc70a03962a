"use server";
// Server action of the release page: delete the release (its id is bound by the page).
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { requireArtist } from "@/lib/auth/guards";
import { idSchema } from "@/lib/ids";
import { deleteRelease } from "@/lib/releases/delete-release";
import { RELEASE_NOT_FOUND } from "@/lib/releases/schemas";

export const deleteReleaseAction = defineAction({
  guard: requireArtist,
  schema: z.object({ releaseId: idSchema }),
  input: (_formData, releaseId: unknown) => ({ releaseId }),
  hidden: { releaseId: RELEASE_NOT_FOUND },
  run: ({ releaseId }, artist) => deleteRelease(artist, releaseId),
  onSuccess: () => {
    revalidatePath("/releases");
    redirect("/releases");
  },
});
