"use server";
// Server action of the release page: delete the release.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { NotFoundError, toActionState, type ActionState } from "@/lib/errors";
import { deleteRelease } from "@/lib/releases/delete-release";
import { requireArtist } from "@/lib/auth/guards";
import { boundReleaseIdSchema } from "@/lib/releases/schemas";

export async function deleteReleaseAction(releaseId: unknown, _state: ActionState, _formData: FormData): Promise<ActionState> {
  const artist = await requireArtist();
  const parsed = boundReleaseIdSchema.safeParse(releaseId);
  if (!parsed.success) return toActionState(new NotFoundError("Release not found"));
  try {
    await deleteRelease(artist, parsed.data);
  } catch (error) {
    return toActionState(error);
  }
  revalidatePath("/releases");
  redirect("/releases");
}
