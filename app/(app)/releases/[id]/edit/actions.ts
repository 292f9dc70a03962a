"use server";
// Server action of the edit-release form.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { NotFoundError, toActionState, type ActionState } from "@/lib/errors";
import { requireArtist } from "@/lib/auth/guards";
import { boundReleaseIdSchema, readReleaseForm, releaseFieldErrors, releaseInputSchema } from "@/lib/releases/schemas";
import { updateRelease } from "@/lib/releases/update-release";

export async function updateReleaseAction(boundReleaseId: unknown, _state: ActionState, formData: FormData): Promise<ActionState> {
  const artist = await requireArtist();
  const values = readReleaseForm(formData);
  const id = boundReleaseIdSchema.safeParse(boundReleaseId);
  if (!id.success) return toActionState(new NotFoundError("Release not found"), values);
  const releaseId = id.data;
  const parsed = releaseInputSchema.safeParse(values);
  if (!parsed.success) return { fieldErrors: releaseFieldErrors(parsed.error), values };
  try {
    await updateRelease(artist, releaseId, parsed.data);
  } catch (error) {
    return toActionState(error, values);
  }
  revalidatePath("/releases");
  revalidatePath(`/releases/${releaseId}`);
  redirect(`/releases/${releaseId}`);
}
