"use server";
// Server action of the publish request form.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { toActionState, type ActionState } from "@/lib/errors";
import { requireArtist } from "@/lib/auth/guards";
import { publishRequestInputSchema } from "@/lib/requests/publish/schemas";
import { submitPublishRequest } from "@/lib/requests/publish/submit-publish-request";

export async function submitPublishRequestAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const artist = await requireArtist();
  const values = { releaseId: String(formData.get("releaseId") ?? ""), expectedDate: String(formData.get("expectedDate") ?? "") };
  const parsed = publishRequestInputSchema.safeParse(values);
  if (!parsed.success) return { fieldErrors: parsed.error.flatten().fieldErrors, values };
  let requestId: number;
  try {
    requestId = (await submitPublishRequest(artist, parsed.data)).id;
  } catch (error) {
    return toActionState(error, values);
  }
  revalidatePath("/requests");
  revalidatePath("/releases");
  redirect(`/requests/${requestId}`);
}
