"use server";
// Server action of the edit-release form; the release id is bound by the page.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { requireArtist } from "@/lib/auth/guards";
import { idSchema } from "@/lib/ids";
import { readReleaseForm, releaseFieldErrors, releaseInputSchema, RELEASE_NOT_FOUND } from "@/lib/releases/schemas";
import { updateRelease } from "@/lib/releases/update-release";

export const updateReleaseAction = defineAction({
  guard: requireArtist,
  schema: z.object({ releaseId: idSchema, release: releaseInputSchema }),
  input: (formData, releaseId: unknown) => ({ releaseId, release: readReleaseForm(formData) }),
  hidden: { releaseId: RELEASE_NOT_FOUND },
  values: readReleaseForm,
  // The release's own paths, without the "release." prefix of this action's schema.
  fieldErrors: (error) => releaseFieldErrors(new z.ZodError(error.issues.map((issue) => ({ ...issue, path: issue.path.slice(1) })))),
  run: ({ releaseId, release }, artist) => updateRelease(artist, releaseId, release),
  onSuccess: (_result, { releaseId }) => {
    revalidatePath("/releases");
    revalidatePath(`/releases/${releaseId}`);
    redirect(`/releases/${releaseId}`);
  },
});
