"use server";
// Server action of the new-release form.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/actions/define-action";
import { requireArtist } from "@/lib/auth/guards";
import { createRelease } from "@/lib/releases/create-release";
import { readReleaseForm, releaseFieldErrors, releaseInputSchema } from "@/lib/releases/schemas";

export const createReleaseAction = defineAction({
  guard: requireArtist,
  schema: releaseInputSchema,
  input: readReleaseForm,
  values: readReleaseForm,
  fieldErrors: releaseFieldErrors,
  run: (input, artist) => createRelease(artist, input),
  onSuccess: (release) => {
    revalidatePath("/releases");
    redirect(`/releases/${release.id}`);
  },
});
