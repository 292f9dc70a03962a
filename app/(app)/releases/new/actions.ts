"use server";
// Server action of the new-release form.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { toActionState, type ActionState } from "@/lib/errors";
import { createRelease } from "@/lib/releases/create-release";
import { requireArtist } from "@/lib/auth/guards";
import { readReleaseForm, releaseFieldErrors, releaseInputSchema } from "@/lib/releases/schemas";

export async function createReleaseAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const artist = await requireArtist();
  const values = readReleaseForm(formData);
  const parsed = releaseInputSchema.safeParse(values);
  if (!parsed.success) return { fieldErrors: releaseFieldErrors(parsed.error), values };
  let releaseId: number;
  try {
    releaseId = (await createRelease(artist, parsed.data)).id;
  } catch (error) {
    return toActionState(error, values);
  }
  revalidatePath("/releases");
  redirect(`/releases/${releaseId}`);
}
